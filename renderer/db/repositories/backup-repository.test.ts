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
    // Two people with the same id: bulkAdd fails after earlier tables were already cleared and refilled.
    const broken = {
      ...bundle,
      tables: { ...bundle.tables, people: [...bundle.tables['people']!, bundle.tables['people']![0]] },
    };
    await expect(createBackupRepository(target).restoreAll(broken, actor)).rejects.toBeTruthy();
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
});
