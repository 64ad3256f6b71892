import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { RESOURCE_INDEX_VERSION } from '@shared/domain/resources/resource-index';
import { EmergencyDeskDatabase } from '../database';
import { refreshResourceIndexIfStale } from './resource-index-refresh';
import { createResourceRepository, type ResourceRepository } from './resource-repository';
import { seedSampleDataIfNew, seedSampleResourcesIfNew } from './sample-data-repository';

const actor: Actor = { personId: 'p0', name: '崔伟', positionId: 'pos0', positionName: '物资保管员' };
let db: EmergencyDeskDatabase;
let repo: ResourceRepository;

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`resource-index-${crypto.randomUUID()}`);
  await db.open();
  repo = createResourceRepository(db);
});
afterEach(async () => {
  await db.delete();
});

describe('refreshing the stored 一键检索 rows', () => {
  it('reads a thing’s name as a thing, not a person: 区级 is quji, 折叠床 zhediechuang', async () => {
    const store = await repo.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, actor);
    await repo.saveRecord(
      'material',
      { code: '1040201', name: '折叠床', unit: '张', warehouseId: store },
      null,
      actor,
    );
    const names = async (query: string) => (await repo.search(query)).map((r) => r.name).sort();
    expect(await names('zdc')).toEqual(['折叠床']);
    expect(await names('zhedie')).toEqual(['折叠床']);
    expect(await names('qjyjwzcbk')).toEqual(['区级应急物资储备库']);
    expect(await names('sdc')).toEqual([]);
  });

  it('rebuilds rows stored under an older version once, then leaves them alone', async () => {
    const store = await repo.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, actor);
    const bed = await repo.saveRecord(
      'material',
      { code: '1040201', name: '折叠床', unit: '张', warehouseId: store },
      null,
      actor,
    );
    // As version 1 stored them: the first character read as a surname; and a material had a stored row.
    await db.resourceIndex.put({
      ...(await repo.search('折叠床'))[0]!,
      keys: ['折叠床', '叠床', '床', 'shediechuang', 'sdc'],
      text: '折叠床 sdc',
    });
    await db.resourceIndex.update(store, {
      keys: ['区级应急物资储备库', 'ojyjwzcbk'],
      text: '区级应急物资储备库',
    });
    expect((await repo.search('qjyj')).map((r) => r.name)).toEqual([]);

    // The material's row deleted, the warehouse's rebuilt.
    expect(await refreshResourceIndexIfStale(db)).toBe(2);
    expect(await db.resourceIndex.get(bed)).toBeUndefined();
    expect((await repo.search('zdc')).map((r) => r.name)).toEqual(['折叠床']);
    expect((await repo.search('qjyj')).map((r) => r.name)).toEqual(['区级应急物资储备库']);
    expect((await repo.search('sdc')).map((r) => r.name)).toEqual([]);
    expect((await db.settings.get('resourceIndexVersion'))?.value).toBe(RESOURCE_INDEX_VERSION);
    expect(await refreshResourceIndexIfStale(db)).toBe(0);
  });

  it('leaves a new database alone: the sample resources are indexed the current way as they are written', async () => {
    await seedSampleDataIfNew(db);
    expect(await seedSampleResourcesIfNew(db)).toBe(true);
    expect((await db.settings.get('resourceIndexVersion'))?.value).toBe(RESOURCE_INDEX_VERSION);
    expect(await refreshResourceIndexIfStale(db)).toBe(0);
    expect((await repo.search('zdc')).map((r) => r.name)).toContain('折叠床');
  });

  it('still refreshes after the sample when records were there before it', async () => {
    await seedSampleDataIfNew(db);
    await repo.saveRecord('team', { name: '城东街道应急分队', type: 'social', headcount: 12 }, null, actor);
    await db.settings.delete('resourceIndexVersion');
    expect(await seedSampleResourcesIfNew(db)).toBe(true);
    expect(await db.settings.get('resourceIndexVersion')).toBeUndefined();
    const stored = await Promise.all(
      [db.warehouses, db.teams, db.equipment, db.experts, db.shelters].map((t) => t.count()),
    );
    expect(await refreshResourceIndexIfStale(db)).toBe(stored.reduce((a, b) => a + b));
    expect(await db.resourceIndex.count()).toBe(stored.reduce((a, b) => a + b));
  });
});
