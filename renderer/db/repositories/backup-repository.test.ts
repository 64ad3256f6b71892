import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupBundle } from '@shared/domain/backup/backup-bundle';
import type { Actor } from '@shared/domain/org/types';
import { EmergencyDeskDatabase } from '../database';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { createBackupRepository } from './backup-repository';
import { createDirectoryRepository } from './directory-repository';
import { seedSampleDataIfNew } from './sample-data-repository';
import { createSettingsRepository } from './settings-repository';

const actor: Actor = { personId: 'x', name: '管理员', positionId: 'y', positionName: '值班员' };
const dbs: EmergencyDeskDatabase[] = [];

async function newDb(): Promise<EmergencyDeskDatabase> {
  const db = new EmergencyDeskDatabase(`backup-${crypto.randomUUID()}`);
  await db.open();
  dbs.push(db);
  return db;
}

let source: EmergencyDeskDatabase;
beforeEach(async () => {
  source = await newDb();
  expect(await seedSampleDataIfNew(source)).toBe(true);
});
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

describe('backup and restore', () => {
  it('seeds the sample district once only', async () => {
    expect(await source.people.count()).toBeGreaterThanOrEqual(60);
    await source.people.clear();
    await source.units.clear();
    expect(await seedSampleDataIfNew(source)).toBe(false);
    expect(await source.units.count()).toBe(0);
  });

  it('restores every table of another machine exactly, without its session', async () => {
    const people = await source.people.orderBy('id').toArray();
    await createSettingsRepository(source).signIn(
      people[0]!.id,
      people[0]!.positionIds[0] ?? (await source.positions.toCollection().first())!.id,
      '',
    );
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    const text = JSON.stringify(bundle);

    const target = await newDb();
    const read = await readBackupBundle(text, CURRENT_SCHEMA_VERSION);
    if (!read.ok) throw new Error(read.message);
    const counts = await createBackupRepository(target).restoreAll(read.bundle, actor);
    expect(counts.people).toBe(people.length);
    expect(await target.people.orderBy('id').toArray()).toEqual(people);
    expect(await target.settings.get('session')).toBeUndefined();
    const restoreRows = (await target.audit.toArray()).filter((a) => a.action === 'restore');
    expect(restoreRows).toHaveLength(1);
    expect(restoreRows[0]?.actor).toEqual(actor);
  });

  it('leaves the current data untouched when a restore fails half way', async () => {
    const target = await newDb();
    const directory = createDirectoryRepository(target);
    const unitId = await directory.saveUnit(
      { name: '本地单位', kind: 'department', parentId: null },
      null,
      actor,
    );
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    // Writing people fails (as a full disk would) after earlier tables were already cleared and refilled.
    target.people.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(createBackupRepository(target).restoreAll(bundle, actor)).rejects.toBeTruthy();
    expect((await target.units.toArray()).map((u) => u.id)).toEqual([unitId]);
    expect(await target.people.count()).toBe(0);
  });

  it('refuses tables this version does not know', async () => {
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    await expect(
      createBackupRepository(await newDb()).restoreAll(
        { ...bundle, tables: { ...bundle.tables, drills: [] } },
        actor,
      ),
    ).rejects.toMatchObject({ code: 'backupUnknownTables' });
  });

  it('names the table, record and key of rows IndexedDB would refuse, before writing anything (fuzz suite)', async () => {
    const target = await newDb();
    const unitId = await createDirectoryRepository(target).saveUnit(
      { name: '本地单位', kind: 'department', parentId: null },
      null,
      actor,
    );
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    const people = bundle.tables['people']!;
    const materials = [
      { id: 'm1', code: '1010101' },
      { id: 'm2', code: '1010101' },
    ];
    const restore = (tables: Record<string, unknown[]>) =>
      createBackupRepository(target).restoreAll(
        { ...bundle, tables: { ...bundle.tables, ...tables } },
        actor,
      );
    await expect(restore({ people: [...people, people[0]] })).rejects.toMatchObject({
      code: 'backupRowDuplicate',
      params: { table: 'people', row: people.length + 1, field: 'id', other: 1 },
    });
    await expect(restore({ people: [people[0], { ...people[1]!, id: null }] })).rejects.toMatchObject({
      code: 'backupRowInvalid',
      params: { table: 'people', row: 2, field: 'id' },
    });
    await expect(restore({ plans: [{ id: 'p' }] })).rejects.toMatchObject({
      code: 'backupRowInvalid',
      params: { table: 'plans', row: 1, field: 'id+version' },
    });
    await expect(restore({ materials })).rejects.toMatchObject({
      code: 'backupRowDuplicate',
      params: { table: 'materials', row: 2, field: 'code', other: 1 },
    });
    expect((await target.units.toArray()).map((u) => u.id)).toEqual([unitId]);
  });
});
