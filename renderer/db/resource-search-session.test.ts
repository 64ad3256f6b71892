import Dexie, { type ObservabilitySet } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { queryTerms } from '@shared/domain/resources/resource-search';
import { EmergencyDeskDatabase } from './database';
import { createResourceRepository, type ResourceRepository } from './repositories/resource-repository';
import { changedSearchRows } from './resource-search-client';
import { createSearchSession, type SearchReport, type SearchSession } from './resource-search-session';

const keeper: Actor = { personId: 'p0', name: '崔伟', positionId: 'pos0', positionName: '物资保管员' };
const QUIET_MS = 20;

let db: EmergencyDeskDatabase;
let resources: ResourceRepository;
let reports: SearchReport[];
let session: SearchSession;
let mutations: ObservabilitySet[];
const heard = (parts: ObservabilitySet) => mutations.push(parts);

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`search-${crypto.randomUUID()}`);
  await db.open();
  resources = createResourceRepository(db);
  reports = [];
  mutations = [];
  Dexie.on('storagemutated', heard);
  session = createSearchSession((report) => reports.push(report), { quietMs: QUIET_MS });
});
afterEach(async () => {
  Dexie.on('storagemutated').unsubscribe(heard);
  session.handle({ type: 'close' });
  await db.delete();
});

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 2_000; i += 1) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`no ${what}`);
}

const ready = (after = 0) =>
  until('ready report', () => reports.slice(after).find((r) => r.type === 'ready'));

let asked = 0;
/** Asks the session, as the page does; null when it says to search the database. */
async function find(query: string, limit = 50): Promise<string[] | null> {
  const id = ++asked;
  session.handle({
    type: 'find',
    id,
    terms: queryTerms(query),
    filter: { kinds: [], availableOnly: false },
    near: null,
    limit,
  });
  const found = await until('answer', () =>
    reports.find((r): r is Extract<SearchReport, { type: 'found' }> => r.type === 'found' && r.id === id),
  );
  return found.hits?.map((hit) => hit.id) ?? null;
}

/** What the page forwards of the commits Dexie reported since the last call. */
function forward(): void {
  for (const parts of mutations.splice(0)) {
    const changes = changedSearchRows(parts, db.name);
    if (changes !== null) session.handle({ type: 'changed', ...changes });
  }
}

async function material(code: string, name: string, warehouseId: string) {
  return resources.saveRecord('material', { code, name, unit: '个', warehouseId }, null, keeper);
}

describe('the search session (what the search worker runs)', () => {
  it('answers as the repository does once loaded, and says to read the database before', async () => {
    const store = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, keeper);
    await material('1040201', '折叠床', store);
    await material('1010201', '单兵帐篷', store);
    await material('1010202', '棉帐篷', store);
    session.handle({ type: 'open', databaseName: db.name });
    expect(await find('帐篷')).toBeNull();
    expect(await ready()).toMatchObject({ rows: 4 });
    for (const query of ['帐篷', 'zdc', '帐篷 区级', '1010', 'qjyj', '火箭']) {
      const expected = (await resources.search(query)).map((r) => r.id);
      expect(await find(query), query).toEqual(expected);
    }
  });

  it('follows a row saved, changed and deleted, and is never answered from before a change it was told of', async () => {
    const store = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, keeper);
    session.handle({ type: 'open', databaseName: db.name });
    await ready();
    const bed = await material('1040201', '折叠床', store);
    forward();
    // Told of the new row and not yet read it: the search waits for the read instead of sending the page to
    // the database.
    expect(await find('折叠床')).toEqual([bed]);

    await resources.saveRecord(
      'material',
      { code: '1040201', name: '行军床', unit: '个', warehouseId: store },
      bed,
      keeper,
    );
    forward();
    expect(await find('行军床')).toEqual([bed]);
    expect(await find('折叠床')).toEqual([]);

    await resources.deleteRecord('material', bed, keeper);
    forward();
    expect(await findWhenCurrent('行军床')).toEqual([]);
  });

  it("follows a material's stock and its warehouse's name, and keeps it when a stale stored row goes", async () => {
    const store = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, keeper);
    const bed = await material('1040201', '折叠床', store);
    session.handle({ type: 'open', databaseName: db.name });
    await ready();
    const hit = async () => {
      await findWhenCurrent('折叠床');
      session.handle({
        type: 'find',
        id: ++asked,
        terms: ['折叠床'],
        filter: { kinds: [], availableOnly: false },
        near: null,
        limit: 5,
      });
      const found = reports.at(-1) as Extract<SearchReport, { type: 'found' }>;
      return found.hits?.[0];
    };
    expect(await hit()).toMatchObject({ id: bed, quantity: 0, availability: 'unavailable' });

    await resources.postStock(bed, receive(store, 7), {}, keeper);
    forward();
    expect(await hit()).toMatchObject({ quantity: 7, availability: 'available' });

    await resources.saveRecord('warehouse', { name: '东湖街道应急物资储备点' }, store, keeper);
    forward();
    expect(await hit()).toMatchObject({ detail: '东湖街道应急物资储备点' });
    expect(await findWhenCurrent('东湖')).toEqual(expect.arrayContaining([bed, store]));

    // A row an older version stored for the material, deleted by the refresh: the material stays.
    await db.resourceIndex.put({ ...(await resources.search('折叠床'))[0]!, keys: ['折叠床'] });
    await db.resourceIndex.delete(bed);
    forward();
    expect(await findWhenCurrent('折叠床')).toEqual([bed]);
  });

  it('after a bulk write, says to read the database until it has read everything again, once', async () => {
    const store = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, keeper);
    session.handle({ type: 'open', databaseName: db.name });
    await ready();
    await importBags(120, store);
    const readyBefore = reports.length;
    forward();
    expect(await find('编织袋')).toBeNull();
    expect(await ready(readyBefore)).toMatchObject({ rows: 121 });
    expect(await find('编织袋', 200)).toHaveLength(120);
    expect(reports.slice(readyBefore).filter((r) => r.type === 'ready')).toHaveLength(1);
  });
});

/** A sheet import of `count` bags (one bulk write of the index, as an office's import is). */
async function importBags(count: number, warehouseId: string): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    input: {
      code: `1010${1 + Math.floor(i / 99)}${String(1 + (i % 99)).padStart(2, '0')}`,
      name: `编织袋${i}`,
      unit: '条',
      warehouseId,
    },
    opening: { quantity: 10, batchNo: '', expiryDate: null },
  }));
  await resources.importRecords('material', rows, keeper);
}

/** Asks until the session is current again (it has read the rows it was told of). */
async function findWhenCurrent(query: string): Promise<string[]> {
  for (let i = 0; i < 500; i += 1) {
    const ids = await find(query);
    if (ids !== null) return ids;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`the session never became current for ${query}`);
}

describe('what the page forwards of a commit', () => {
  const heardSince = () =>
    mutations
      .splice(0)
      .map((parts) => changedSearchRows(parts, db.name))
      .filter((c) => c !== null);

  it('names the rows of a save, a stock entry by its material, and "all" for a bulk write', async () => {
    const store = await resources.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, keeper);
    expect(heardSince()).toEqual([{ index: [store], materials: null, warehouses: [store] }]);
    const bed = await material('1040201', '折叠床', store);
    expect(heardSince()).toEqual([{ index: null, materials: [bed], warehouses: null }]);
    await resources.postStock(bed, receive(store, 5), {}, keeper);
    expect(heardSince()).toEqual([{ index: null, materials: [bed], warehouses: null }]);
    await importBags(60, store);
    expect(heardSince().map((c) => c.materials)).toContain('all');
    expect(changedSearchRows({}, db.name)).toBeNull();
  });
});

function receive(warehouseId: string, quantity: number) {
  return { kind: 'receive', warehouseId, batchNo: 'B1', expiryDate: null, quantity } as const;
}
