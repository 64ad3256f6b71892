import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import samplePlans from '@resources/sample-data/plans.json';
import type { Actor } from '@shared/domain/org/types';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V1 } from '../schema';
import { createPlanRepository, type PlanRepository } from './plan-repository';
import { createResourceRepository } from './resource-repository';
import {
  seedSampleDataIfNew,
  seedSamplePlansIfNew,
  seedSampleResourcesIfNew,
} from './sample-data-repository';

const actor: Actor = { personId: 'p0', name: '崔伟', positionId: 'pos0', positionName: '值班员' };
const typhoon = samplePlans.plans[1]!;
let db: EmergencyDeskDatabase;
let repo: PlanRepository;
let clock = 1_000;

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`plans-${crypto.randomUUID()}`);
  await db.open();
  repo = createPlanRepository(db, () => clock++);
});
afterEach(async () => {
  await db.delete();
});

describe('plan repository', () => {
  it('edits a draft in place, and turns an edit of a published version into the next draft', async () => {
    expect(await repo.save({ ...typhoon, version: 1, status: 'draft' }, actor)).toBe(1);
    expect(
      await repo.save({ ...typhoon, version: 1, meta: { ...typhoon.meta, edition: '修订稿' } }, actor),
    ).toBe(1);
    await repo.publish(typhoon.id, 1, actor);
    expect((await repo.get(typhoon.id, 1))?.status).toBe('published');

    expect(
      await repo.save({ ...typhoon, version: 1, meta: { ...typhoon.meta, edition: '2027版' } }, actor),
    ).toBe(2);
    const [v1, v2] = await repo.listVersions(typhoon.id);
    expect(v1).toMatchObject({ status: 'published', meta: { edition: '修订稿' } });
    expect(v2).toMatchObject({ status: 'draft', meta: { edition: '2027版' }, createdBy: actor });

    await repo.publish(typhoon.id, 2, actor);
    expect((await repo.listVersions(typhoon.id)).map((p) => p.status)).toEqual(['retired', 'published']);
    expect((await repo.listLatest()).map((p) => p.version)).toEqual([2]);
  });

  it('keeps a draft that does not compile, but will not publish it', async () => {
    const levels = typhoon.levels.map((l, i) =>
      i === 3 ? { ...l, approval: { roleIds: [], mode: 'any' } } : l,
    );
    await repo.save({ ...typhoon, status: 'draft', levels }, actor);
    const error = await rejection(repo.publish(typhoon.id, 1, actor));
    expect(error.code).toBe('planDoesNotCompile');
    expect(error.params['detail']).toContain('Ⅰ级响应 · 签发人');
    expect((await repo.get(typhoon.id, 1))?.status).toBe('draft');
  });

  it('exports a plan file and imports it back as the next version', async () => {
    await repo.save(typhoon, actor);
    await repo.publish(typhoon.id, 1, actor);
    const text = repo.exportFile((await repo.get(typhoon.id, 1))!);
    expect(JSON.parse(text)).toMatchObject({
      format: 'emergency-desk/plan',
      formatVersion: 1,
      plan: { id: typhoon.id },
    });
    expect(await repo.importFile(text, actor)).toEqual({
      id: typhoon.id,
      version: 2,
      title: '示范区防台风应急预案',
    });
  });

  it('refuses a plan file with a missing signer, naming the level, and writes nothing', async () => {
    const levels = typhoon.levels.map((l) =>
      l.level === 'III' ? { ...l, approval: { roleIds: [], mode: 'any' } } : l,
    );
    const file = JSON.stringify({
      format: 'emergency-desk/plan',
      formatVersion: 1,
      plan: { ...typhoon, levels },
    });
    const error = await rejection(repo.importFile(file, actor));
    expect(error.code).toBe('planInvalid');
    expect(error.params['detail']).toBe('Ⅲ级响应 · 签发人：缺少签发人（批准启动的角色）');
    expect(await db.plans.count()).toBe(0);
    expect((await rejection(repo.importFile('{"format":"other"}', actor))).code).toBe('planFileNotOurs');
    expect((await rejection(repo.importFile('{not json', actor))).code).toBe('planFileNotJson');
  });

  it('keeps every simulation step it was sent, in order', async () => {
    const id = await repo.createSimulation(typhoon.id, 1, '台风推演', 5_000, actor);
    await repo.appendSimulationEvent(id, { type: 'time.tick', at: 6_000 }, actor);
    await repo.appendSimulationEvent(
      id,
      { type: 'warning.issue', warningType: '台风', level: 'red', at: 7_000, by: actor },
      actor,
    );
    expect((await repo.getSimulation(id))?.events.map((e) => e.type)).toEqual(['time.tick', 'warning.issue']);
    expect(await repo.listSimulations(typhoon.id, 1)).toHaveLength(1);
  });
});

describe('upgrading a version-1 database', () => {
  it('keeps the directory and adds the sample plans and resources where the sample directory was loaded', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    // The database as the version-1 app left it: the same tables at IndexedDB version 10, with the sample.
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    const seeded = new EmergencyDeskDatabase(`seed-${crypto.randomUUID()}`);
    await seeded.open();
    await seedSampleDataIfNew(seeded);
    for (const table of ['units', 'positions', 'people', 'settings', 'audit'] as const) {
      await old.table(table).bulkAdd(await seeded.table(table).toArray());
    }
    expect(old.verno).toBe(1);
    old.close();
    await seeded.delete();

    const upgraded = new EmergencyDeskDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await upgraded.people.count()).toBeGreaterThanOrEqual(60);
    expect(await seedSamplePlansIfNew(upgraded)).toBe(true);
    expect(await upgraded.plans.count()).toBe(3);
    expect(await seedSamplePlansIfNew(upgraded)).toBe(false);
    expect(await seedSampleResourcesIfNew(upgraded)).toBe(true);
    expect(await upgraded.materials.count()).toBeGreaterThanOrEqual(300);
    expect(await upgraded.teams.count()).toBeGreaterThanOrEqual(30);
    expect(await upgraded.resourceIndex.count()).toBeGreaterThanOrEqual(100);
    expect(await createResourceRepository(upgraded).verifyBalances()).toMatchObject({ mismatches: [] });
    expect(await seedSampleResourcesIfNew(upgraded)).toBe(false);
    await upgraded.delete();
  });
});
