/**
 * A database holding known rows in every area an import touches — the sample district's directory and plans,
 * a few records of each resource registry with opening stock, a drill scenario with its script, a session —
 * small enough to dump after every one of thousands of files. fake-indexeddb must be loaded before Dexie
 * (the caller's first import).
 */
import sampleResourcesJson from '../../resources/sample-data/resources.json';
import { EmergencyDeskDatabase } from '../../renderer/db/database';
import { createDrillRepository } from '../../renderer/db/repositories/drill-repository';
import { createResourceRepository } from '../../renderer/db/repositories/resource-repository';
import {
  seedSampleDataIfNew,
  seedSamplePlansIfNew,
} from '../../renderer/db/repositories/sample-data-repository';
import { createSettingsRepository } from '../../renderer/db/repositories/settings-repository';
import { TABLE_NAMES, type TableName } from '../../renderer/db/schema';
import type { ScenarioInput } from '../../shared/domain/drill/scenario';
import type { Actor } from '../../shared/domain/org/types';
import type { SampleResources } from '../../shared/domain/resources/sample-resources';

export const FIXTURE_START = Date.parse('2026-06-01T09:00:00+08:00');

/** Every table as its rows and their JSON, in primary-key order. */
export interface Dump {
  rows: Record<TableName, Record<string, unknown>[]>;
  text: Record<TableName, string>;
}

export async function dump(db: EmergencyDeskDatabase): Promise<Dump> {
  const rows = await db.transaction('r', TABLE_NAMES, async () =>
    Promise.all(TABLE_NAMES.map((name) => db.table(name).toArray())),
  );
  const result = { rows: {}, text: {} } as Dump;
  TABLE_NAMES.forEach((name, i) => {
    result.rows[name] = rows[i] as Record<string, unknown>[];
    result.text[name] = JSON.stringify(rows[i]);
  });
  return result;
}

export const changedTables = (before: Dump, after: Dump): TableName[] =>
  TABLE_NAMES.filter((name) => before.text[name] !== after.text[name]);

/** Puts every table back as it was in `to` (after a file that was accepted and wrote). */
export async function restore(db: EmergencyDeskDatabase, to: Dump): Promise<void> {
  await db.transaction('rw', TABLE_NAMES, async () => {
    for (const name of TABLE_NAMES) {
      await db.table(name).clear();
      await db.table(name).bulkAdd(to.rows[name]);
    }
  });
}

export const SCRIPT_SCENARIO: ScenarioInput = {
  title: '危化品仓库泄漏桌面推演',
  form: 'tabletop',
  scope: 'combined',
  purpose: 'inspection',
  injects: [
    {
      id: 'fx-i1',
      no: '1',
      offsetMs: 0,
      synopsis: '仓库报告泄漏',
      text: '园区企业报告危化品仓库储罐泄漏。',
      expectedActions: [{ id: 'fx-a1', text: '电话报告区应急局', windowMinutes: 15 }],
    },
    {
      id: 'fx-i2',
      no: '2',
      offsetMs: 20 * 60_000,
      synopsis: '现场人员受伤',
      text: '现场 2 人受伤送医。',
    },
  ],
};

export interface Fixture {
  db: EmergencyDeskDatabase;
  actor: Actor;
  now: () => number;
  scenarioId: string;
  baseline: Dump;
}

const sample = sampleResourcesJson as SampleResources;

/** Opens `name` in fake-indexeddb and fills it; the clock moves a second per reading. */
export async function openFixture(name: string): Promise<Fixture> {
  let clock = FIXTURE_START;
  const now = () => (clock += 1000);
  const db = new EmergencyDeskDatabase(name);
  await db.open();
  await seedSampleDataIfNew(db, now);
  await seedSamplePlansIfNew(db, now);
  // A 系统管理员 signs in: a restore (the backup kind) replaces the directory, which only they may do.
  const person = (await db.people
    .orderBy('id')
    .filter((p) => p.roles?.includes('administrator') ?? false)
    .first())!;
  const position = (await db.positions.get(person.positionIds[0] ?? ''))!;
  const actor: Actor = {
    personId: person.id,
    name: person.name,
    positionId: position.id,
    positionName: position.name,
  };
  await createSettingsRepository(db, now).signIn(person.id, position.id, '');

  const resources = createResourceRepository(db, now);
  const warehouseIds = new Map<string, string>();
  for (const { id, lastStocktakeDaysAgo: _, ...warehouse } of sample.warehouses.slice(0, 2)) {
    warehouseIds.set(id, await resources.saveRecord('warehouse', warehouse, null, actor));
  }
  const [firstWarehouse] = [...warehouseIds.values()];
  const inWarehouse = <T extends { warehouseId: string | null }>(r: T): T => ({
    ...r,
    warehouseId: warehouseIds.get(r.warehouseId ?? '') ?? firstWarehouse!,
  });
  for (const { id: _, ...material } of sample.materials.slice(0, 3))
    await resources.saveRecord('material', inWarehouse(material), null, actor);
  for (const { id: _, ...team } of sample.teams.slice(0, 2))
    await resources.saveRecord('team', team, null, actor);
  for (const { id: _, inspectionDueInDays: _days, ...equipment } of sample.equipment.slice(0, 2))
    await resources.saveRecord('equipment', inWarehouse({ ...equipment, inspectionDue: null }), null, actor);
  for (const { id: _, ...expert } of sample.experts.slice(0, 2))
    await resources.saveRecord('expert', expert, null, actor);
  for (const { id: _, ...shelter } of sample.shelters.slice(0, 2))
    await resources.saveRecord('shelter', shelter, null, actor);

  const scenarioId = await createDrillRepository(db, now).saveScenario(SCRIPT_SCENARIO, actor);
  return { db, actor, now, scenarioId, baseline: await dump(db) };
}
