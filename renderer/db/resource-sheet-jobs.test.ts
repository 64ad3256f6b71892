import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { suggestMapping } from '@shared/domain/resources/resource-sheet';
import { EmergencyDeskDatabase } from './database';
import { createResourceRepository } from './repositories/resource-repository';
import { SheetSession, type CheckSummary, type ReadSummary } from './resource-sheet-jobs';

const actor: Actor = { personId: 'p0', name: '崔伟', positionId: 'pos0', positionName: '值班员' };
let db: EmergencyDeskDatabase;

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`sheets-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const csv = (text: string) => new TextEncoder().encode(text);

describe('spreadsheet session', () => {
  it('reads a CSV, reports only the problem cells, applies a fix, and imports the rows it checked', async () => {
    const repo = createResourceRepository(db);
    await repo.saveRecord('warehouse', { name: '区级储备库' }, null, actor);
    const session = new SheetSession();
    const read = (await session.handle(
      {
        type: 'read',
        format: 'csv',
        bytes: csv(
          '物资编码,物资名称,计量单位,存放仓库,期初数量\n2010101,编织袋,条,区级储备库,500\n20101,麻袋,条,区级储备库,20\n',
        ),
      },
      () => undefined,
    )) as ReadSummary;
    expect(read).toMatchObject({ rowCount: 2, encoding: 'utf-8' });
    const mapping = suggestMapping('material', read.headers);
    const lookups = await repo.sheetLookups();
    const first = (await session.handle(
      { type: 'check', kind: 'material', mapping, lookups, patches: [] },
      () => undefined,
    )) as CheckSummary;
    expect(first).toMatchObject({
      importable: 1,
      badRows: 1,
      issues: [{ row: 3, column: '物资编码', value: '20101' }],
    });
    const fixed = (await session.handle(
      {
        type: 'check',
        kind: 'material',
        mapping,
        lookups,
        patches: [{ row: 3, column: 0, value: '2010102' }],
      },
      () => undefined,
    )) as CheckSummary;
    expect(fixed).toMatchObject({ importable: 2, issueCount: 0 });
    expect(
      await session.handle(
        { type: 'import', databaseName: db.name, kind: 'material', actor },
        () => undefined,
      ),
    ).toEqual({
      imported: 2,
    });
    expect((await repo.search('麻袋'))[0]).toMatchObject({ code: '2010102', quantity: 20 });
  });

  it('refuses a damaged XLSX with a message of its own, not the zip reader words (fuzz suite)', async () => {
    const session = new SheetSession();
    const { bytes } = (await session.handle(
      {
        type: 'write',
        rows: [
          ['物资编码', '物资名称'],
          ['2010101', '编织袋'],
        ],
        format: 'xlsx',
        sheetName: '物资',
      },
      () => undefined,
    )) as { bytes: Uint8Array };
    for (const damaged of [
      bytes.slice(0, bytes.length - 40),
      bytes.slice(0, 0),
      csv('物资编码,物资名称\n'),
    ]) {
      await expect(
        session.handle({ type: 'read', bytes: damaged, format: 'xlsx' }, () => undefined),
      ).rejects.toMatchObject({ name: 'RepositoryError', code: 'sheetUnreadable' });
    }
  });
});
