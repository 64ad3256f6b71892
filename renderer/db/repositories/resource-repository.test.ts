import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { localDate } from '@shared/domain/plan/plan-schedule';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import {
  createResourceRepository,
  FILTERED_MATERIALS_LIMIT,
  type ResourceRepository,
  type SearchOptions,
} from './resource-repository';

const actor: Actor = { personId: 'p0', name: '崔伟', positionId: 'pos0', positionName: '物资保管员' };
const DAY = 86_400_000;
let db: EmergencyDeskDatabase;
let repo: ResourceRepository;
let clock = Date.parse('2026-11-23T09:00:00+08:00');

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`resources-${crypto.randomUUID()}`);
  await db.open();
  repo = createResourceRepository(db, () => (clock += 1000));
});
afterEach(async () => {
  await db.delete();
});

async function warehouseAndBags() {
  const w1 = await repo.saveRecord(
    'warehouse',
    { name: '区级应急物资储备库', address: '示范大道1号' },
    null,
    actor,
  );
  const w2 = await repo.saveRecord('warehouse', { name: '东湖街道储备点' }, null, actor);
  const bags = await repo.saveRecord(
    'material',
    { code: '2010101', name: '编织沙袋', spec: '50×80cm', unit: '条', warehouseId: w1, minimumStock: 1000 },
    null,
    actor,
  );
  return { w1, w2, bags };
}

describe('resource repository', () => {
  it('derives stock from the ledger, refuses an over-issue with the figures, and changes nothing then', async () => {
    const { w1, w2, bags } = await warehouseAndBags();
    await repo.postStock(
      bags,
      { kind: 'receive', warehouseId: w1, batchNo: '', expiryDate: null, quantity: 800 },
      {},
      actor,
    );
    await repo.postStock(
      bags,
      { kind: 'transfer', warehouseId: w1, toWarehouseId: w2, quantity: 300 },
      {},
      actor,
    );
    const refusal = await rejection(
      repo.postStock(bags, { kind: 'issue', warehouseId: w1, quantity: 600 }, { party: '东湖街道' }, actor),
    );
    expect(refusal.code).toBe('stock.insufficientStock');
    expect(refusal.params).toMatchObject({ available: 500, requested: 600, unit: '条' });

    expect((await repo.entriesOf(bags)).map((e) => e.kind)).toEqual(['receive', 'transfer']);
    const balances = await repo.balancesOf(bags);
    expect(balances.map((b) => [b.warehouseId, b.quantity]).sort()).toEqual(
      [
        [w1, 500],
        [w2, 300],
      ].sort(),
    );
    expect(await repo.verifyBalances()).toEqual({ checked: 2, mismatches: [] });
    const [found] = await repo.search('编织沙袋', { kinds: ['material'] });
    expect(found).toMatchObject({ id: bags, quantity: 800, availability: 'limited' });
  });

  it('beyond the materials it reads whole, looks the longest term up in their names and codes', async () => {
    const { w1, bags } = await warehouseAndBags();
    for (const [code, name] of [
      ['2010102', '防汛编织袋'],
      ['2010103', '编织袋（加厚）'],
      ['1040201', '折叠床'],
    ] as const) {
      await repo.saveRecord('material', { code, name, unit: '条', warehouseId: w1 }, null, actor);
    }
    const small = createResourceRepository(db, Date.now, { materialScanLimit: 2 });
    const names = async (r: ResourceRepository, query: string) =>
      (await r.search(query, { kinds: ['material'] })).map((hit) => hit.name).sort();
    // Read whole: any part of the name, its pinyin.
    expect(await names(repo, '编织')).toEqual(['编织沙袋', '编织袋（加厚）', '防汛编织袋']);
    expect(await names(repo, 'zdc')).toEqual(['折叠床']);
    // Looked up: a name or a code that starts with the term, still checked against every term.
    expect(await names(small, '编织')).toEqual(['编织沙袋', '编织袋（加厚）']);
    expect(await names(small, '201010')).toEqual(['编织沙袋', '编织袋（加厚）', '防汛编织袋']);
    expect(await names(small, '编织 加厚')).toEqual(['编织袋（加厚）']);
    expect(await names(small, 'zdc')).toEqual([]);
    expect((await small.search('编织沙袋'))[0]).toMatchObject({ id: bags, quantity: 0 });
  });

  it('verifyBalances finds a cache that no longer matches the ledger and repairs it from the ledger', async () => {
    const { w1, bags } = await warehouseAndBags();
    await repo.postStock(
      bags,
      { kind: 'receive', warehouseId: w1, batchNo: '', expiryDate: null, quantity: 50 },
      {},
      actor,
    );
    await db.stockBalances.put({
      materialId: bags,
      warehouseId: w1,
      batchNo: '',
      expiryDate: null,
      quantity: 5000,
    });
    expect((await repo.verifyBalances()).mismatches).toHaveLength(1);
    await repo.verifyBalances(true);
    expect(await repo.verifyBalances()).toEqual({ checked: 1, mismatches: [] });
    expect((await repo.balancesOf(bags))[0]!.quantity).toBe(50);
  });

  it('finds resources by the middle of a name, by code and by pinyin, filtered by kind and availability', async () => {
    const { w1, bags } = await warehouseAndBags();
    await repo.postStock(
      bags,
      { kind: 'receive', warehouseId: w1, batchNo: '', expiryDate: null, quantity: 2000 },
      {},
      actor,
    );
    await repo.saveRecord(
      'team',
      {
        name: '示范区防汛抢险队',
        type: 'professional',
        field: '防汛抢险',
        headcount: 40,
        readiness: 'standby',
      },
      null,
      actor,
    );
    await repo.saveRecord(
      'team',
      { name: '东湖街道应急队', type: 'grassroots', field: '防汛抢险', headcount: 20, readiness: 'deployed' },
      null,
      actor,
    );
    expect((await repo.search('沙袋')).map((r) => r.name)).toEqual(['编织沙袋']);
    expect((await repo.search('2010101'))[0]).toMatchObject({ name: '编织沙袋', quantity: 2000, unit: '条' });
    expect((await repo.search('bzsd')).map((r) => r.name)).toEqual(['编织沙袋']);
    expect((await repo.search('防汛抢险')).map((r) => r.name)).toEqual([
      '示范区防汛抢险队',
      '东湖街道应急队',
    ]);
    expect((await repo.search('防汛抢险', { availableOnly: true })).map((r) => r.name)).toEqual([
      '示范区防汛抢险队',
    ]);
    expect(await repo.search('防汛', { kinds: ['material'] })).toEqual([]);
    expect((await repo.search('', { kinds: ['team'] })).length).toBe(2);
  });

  it('refuses a duplicate material code, a material in a missing warehouse and deleting what has a ledger', async () => {
    const { w1, bags } = await warehouseAndBags();
    const dup = await rejection(
      repo.saveRecord(
        'material',
        { code: '2010101', name: '另一种袋', unit: '条', warehouseId: w1 },
        null,
        actor,
      ),
    );
    expect(dup).toMatchObject({ code: 'materialCodeTaken', params: { code: '2010101', name: '编织沙袋' } });
    const bad = await rejection(
      repo.saveRecord('material', { code: '4010101', name: 'x', unit: '个', warehouseId: w1 }, null, actor),
    );
    expect(bad).toMatchObject({
      code: 'invalidInput',
      params: { field: 'code', message: 'materialCodeInvalid' },
    });
    await repo.postStock(
      bags,
      { kind: 'receive', warehouseId: w1, batchNo: '', expiryDate: null, quantity: 1 },
      {},
      actor,
    );
    expect((await rejection(repo.deleteRecord('material', bags, actor))).code).toBe('materialHasLedger');
    expect((await rejection(repo.deleteRecord('warehouse', w1, actor))).code).toBe('warehouseInUse');
    expect(await db.materials.count()).toBe(1);
  });

  it('raises alerts for low stock, an expiring batch and an overdue stocktake, and a stocktake clears the last', async () => {
    const { w1 } = await warehouseAndBags();
    const water = await repo.saveRecord(
      'material',
      { code: '1010201', name: '瓶装饮用水', spec: '550ml×24', unit: '箱', warehouseId: w1 },
      null,
      actor,
    );
    await repo.postStock(
      water,
      { kind: 'receive', warehouseId: w1, batchNo: 'W2026', expiryDate: '2026-12-10', quantity: 40 },
      {},
      actor,
    );
    const kinds = (await repo.alerts()).map((a) => a.kind).sort();
    expect(kinds).toEqual(['expiring', 'lowStock', 'stocktakeOverdue', 'stocktakeOverdue']);
    await repo.postStock(
      water,
      { kind: 'count', warehouseId: w1, batchNo: 'W2026', countedQuantity: 39 },
      { reason: 'damaged' },
      actor,
    );
    const after = await repo.alerts();
    expect(after.filter((a) => a.kind === 'stocktakeOverdue')).toHaveLength(1);
    clock += 100 * DAY;
    expect((await repo.alerts()).filter((a) => a.kind === 'stocktakeOverdue')).toHaveLength(2);
  });

  it('recomputes shelter capacity in the search when the per-person area changes', async () => {
    const id = await repo.saveRecord(
      'shelter',
      {
        name: '示范公园应急避难场所',
        level: 'district',
        type: 'park',
        duration: 'short',
        effectiveAreaM2: 3000,
        open: true,
      },
      null,
      actor,
    );
    expect((await repo.getIndexRow(id))?.quantity).toBe(2000);
    await repo.saveSettings({ perPersonAreaM2: 2 }, actor);
    expect((await repo.getIndexRow(id))?.quantity).toBe(1500);
  });
});

const pad2 = (n: number) => String(n).padStart(2, '0');

describe('importing sheet rows', () => {
  it('writes all rows with their opening stock and search rows, or nothing when cancelled or refused', async () => {
    const w1 = await repo.saveRecord('warehouse', { name: '区级储备库' }, null, actor);
    const row = (n: number, code: string) => ({
      row: n,
      input: { code, name: `物资${n}`, unit: '个', warehouseId: w1 },
      opening: { quantity: 10 * n, batchNo: '', expiryDate: null },
    });
    const many = Array.from({ length: 4500 }, (_, i) =>
      row(
        i + 2,
        `10${1 + Math.floor(i / 99 / 99)}${pad2(1 + (Math.floor(i / 99) % 99))}${pad2(1 + (i % 99))}`,
      ),
    );

    let calls = 0;
    const cancelled = await rejection(
      repo.importRecords('material', many, actor, { isCancelled: () => ++calls > 1 }),
    );
    expect(cancelled.code).toBe('importCancelled');
    expect(await db.materials.count()).toBe(0);
    expect(await db.resourceIndex.where('kind').equals('material').count()).toBe(0);

    const clash = await rejection(
      repo.importRecords('material', [row(2, '1010101'), row(3, '1010101')], actor),
    );
    expect(clash.code).toBe('materialCodeTaken');
    expect(await db.stockEntries.count()).toBe(0);

    // A refusal in a later chunk, found while the chunk before it is still being written, undoes that too.
    const lateClash = [...many.slice(0, 4100), { ...many[0]!, row: 4102 }];
    expect((await rejection(repo.importRecords('material', lateClash, actor))).code).toBe(
      'materialCodeTaken',
    );
    expect(await db.materials.count()).toBe(0);
    expect(await db.stockBalances.count()).toBe(0);
    expect(await db.resourceIndex.where('kind').equals('material').count()).toBe(0);

    const progress: number[] = [];
    expect(await repo.importRecords('material', many, actor, { onProgress: (n) => progress.push(n) })).toBe(
      4500,
    );
    expect(progress).toEqual([2000, 4000, 4500]);
    expect(await db.materials.count()).toBe(4500);
    expect((await repo.search('物资4501'))[0]).toMatchObject({ quantity: 45010 });
    // The opening stock rides on the material rows: no entry and no balance row yet (stock-opening.ts).
    expect(await db.stockEntries.count()).toBe(0);
    expect(await db.stockBalances.count()).toBe(0);
    expect(await repo.verifyBalances()).toEqual({ checked: 0, mismatches: [] });
  });
});

describe("an imported material's opening stock", () => {
  async function imported() {
    const { w1, w2 } = await warehouseAndBags();
    const input = { code: '1010101', name: '折叠床', unit: '张', warehouseId: w1, minimumStock: 200 };
    // Expiring within the warning days of the clock, which earlier tests move on.
    const opening = { quantity: 120, batchNo: 'P1', expiryDate: localDate(clock + 10 * DAY) };
    await repo.importRecords('material', [{ row: 2, input, opening }], actor);
    const material = await db.materials.where('code').equals('1010101').first();
    return { w1, w2, id: material!.id, input, opening };
  }

  it('is the first line of the ledger before and after the first entry posts it, and counts once', async () => {
    const { w1, id, opening } = await imported();
    const before = await repo.entriesOf(id);
    expect(before).toMatchObject([
      { kind: 'receive', note: '期初导入', movements: [{ warehouseId: w1, batchNo: 'P1', delta: 120 }] },
    ]);
    expect(await repo.balancesOf(id)).toEqual([
      { materialId: id, warehouseId: w1, batchNo: 'P1', expiryDate: opening.expiryDate, quantity: 120 },
    ]);
    expect((await repo.materialWithStock(id))?.total).toBe(120);
    expect((await repo.materialsPage({ filter: '', page: 1, pageSize: 50 })).rows).toMatchObject([
      { id, total: 120 },
      { name: '编织沙袋', total: 0 },
    ]);

    // Refused against the opening, and the refusal leaves it where it was.
    const refusal = await rejection(
      repo.postStock(id, { kind: 'issue', warehouseId: w1, quantity: 121 }, {}, actor),
    );
    expect(refusal).toMatchObject({ code: 'stock.insufficientStock', params: { available: 120 } });
    expect((await db.materials.get(id))?.opening).toEqual(opening);
    expect(await db.stockEntries.count()).toBe(0);

    await repo.postStock(id, { kind: 'issue', warehouseId: w1, quantity: 20 }, { party: '东湖街道' }, actor);
    const after = await repo.entriesOf(id);
    expect(after.map((e) => e.kind)).toEqual(['receive', 'issue']);
    expect(after[0]).toEqual(before[0]);
    expect((await db.materials.get(id))?.opening).toBeUndefined();
    expect(await repo.balancesOf(id)).toMatchObject([{ batchNo: 'P1', quantity: 100 }]);
    expect(await repo.verifyBalances()).toEqual({ checked: 1, mismatches: [] });
    expect((await repo.search('折叠床'))[0]).toMatchObject({ id, quantity: 100 });
  });

  it('stays in its warehouse when the material moves home, and keeps the material from deletion', async () => {
    const { w1, w2, id, input } = await imported();
    await repo.saveRecord('material', { ...input, name: '折叠行军床' }, id, actor);
    expect((await db.materials.get(id))?.opening).toMatchObject({ quantity: 120 });
    expect(await rejection(repo.deleteRecord('material', id, actor))).toMatchObject({
      code: 'materialHasLedger',
      params: { entries: 1 },
    });

    await repo.saveRecord('material', { ...input, warehouseId: w2 }, id, actor);
    const moved = await db.materials.get(id);
    expect(moved).toMatchObject({ warehouseId: w2, name: '折叠床' });
    expect(moved?.opening).toBeUndefined();
    expect(await repo.balancesOf(id)).toMatchObject([{ warehouseId: w1, quantity: 120 }]);
    expect((await repo.entriesOf(id)).map((e) => e.note)).toEqual(['期初导入']);
    expect(await repo.verifyBalances()).toEqual({ checked: 1, mismatches: [] });
  });

  it('raises the alerts of its batch and of the minimum', async () => {
    const { id } = await imported();
    const alerts = (await repo.alerts()).filter((a) => 'materialId' in a && a.materialId === id);
    expect(alerts.map((a) => a.kind).sort()).toEqual(['expiring', 'lowStock']);
  });
});

describe('一键检索 with several terms', () => {
  it('finds every row matching all terms, not only those among the first candidates of one term', async () => {
    const district = await repo.saveRecord('warehouse', { name: '区级储备库' }, null, actor);
    const street = await repo.saveRecord('warehouse', { name: '东湖储备点' }, null, actor);
    const rows = Array.from({ length: 600 }, (_, i) => ({
      row: i + 2,
      input: {
        code: `10${1 + Math.floor(i / 99 / 99)}${pad2(1 + (Math.floor(i / 99) % 99))}${pad2(1 + (i % 99))}`,
        name: `帐篷${i}`,
        unit: '顶',
        warehouseId: i >= 500 ? district : street,
      },
      opening: null,
    }));
    await repo.importRecords('material', rows, actor);
    const found = await repo.search('帐篷 区级', { limit: 500 });
    expect(found).toHaveLength(100);
    expect(found.every((r) => r.detail.includes('区级储备库'))).toBe(true);
    expect(await repo.search('帐篷 西城')).toEqual([]);

    // A term too common to intersect in full still finds matches among the rows of the longest term.
    const more = rows.map((r, i) => ({
      ...r,
      row: r.row + 600,
      input: { ...r.input, code: `2${r.input.code.slice(1)}`, name: `区级帐篷${i}`, warehouseId: district },
    }));
    await repo.importRecords(
      'material',
      [...more, ...more.map((r) => ({ ...r, input: { ...r.input, code: `3${r.input.code.slice(1)}` } }))],
      actor,
    );
    expect(await repo.search('帐篷 区级')).toHaveLength(50);
  });
});

describe('一键检索 candidate reads', () => {
  it('fills a page from a plain term, and still finds the teams of a common term when the kind is filtered', async () => {
    const street = await repo.saveRecord('warehouse', { name: '东湖储备点' }, null, actor);
    const goods = Array.from({ length: 150 }, (_, i) => ({
      row: i + 2,
      input: {
        code: `10${1 + Math.floor(i / 99 / 99)}${pad2(1 + (Math.floor(i / 99) % 99))}${pad2(1 + (i % 99))}`,
        name: `东湖物资${i}`,
        unit: '件',
        warehouseId: street,
      },
      opening: null,
    }));
    await repo.importRecords('material', goods, actor);
    for (let i = 0; i < 10; i += 1) {
      await repo.saveRecord(
        'team',
        {
          name: `东湖应急队${i}`,
          type: 'grassroots',
          field: '防汛抢险',
          headcount: 10,
          readiness: 'standby',
        },
        null,
        actor,
      );
    }
    // 161 rows share the key 东湖; the teams lie among them in id order. A plain query reads a page's worth,
    // a filtered one reads enough to sift (the incident console dispatches teams through such a filter).
    expect(await repo.search('东湖')).toHaveLength(50);
    expect((await repo.search('东湖', { kinds: ['team'] })).map((r) => r.name).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `东湖应急队${i}`),
    );
    // Asked for more than a page, it reads more: the 150 materials, the 10 teams and the 储备点 itself.
    expect(await repo.search('东湖', { limit: 500 })).toHaveLength(161);
  });
});

describe('the materials registry, a page at a time', () => {
  async function manyMaterials(count: number, name: (i: number) => string) {
    const store = await repo.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, actor);
    // Written in reverse, so code order is not the order they went in.
    const goods = Array.from({ length: count }, (_, n) => {
      const i = count - 1 - n;
      return {
        row: n + 2,
        input: {
          code: `201${pad2(1 + Math.floor(i / 98))}${pad2(1 + (i % 98))}`,
          name: name(i),
          unit: '件',
          warehouseId: store,
        },
        opening: i % 10 === 0 ? { quantity: i + 1, batchNo: '', expiryDate: null } : null,
      };
    });
    await repo.importRecords('material', goods, actor);
    return store;
  }

  it('lists one page in code order with stock on hand, counts them all, and filters through the search index', async () => {
    await manyMaterials(120, (i) => (i % 3 === 0 ? `编织袋${i}` : `折叠床${i}`));
    const first = await repo.materialsPage({ filter: '', page: 1, pageSize: 50 });
    expect(first.total).toBe(120);
    expect(first.capped).toBe(false);
    expect(first.rows).toHaveLength(50);
    const codes = first.rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(first.rows[0]).toMatchObject({ code: '2010101', name: '编织袋0', total: 1 });
    expect(first.rows[10]).toMatchObject({ name: '折叠床10', total: 11 });
    expect(first.rows[1]).toMatchObject({ total: 0 });

    const last = await repo.materialsPage({ filter: '', page: 3, pageSize: 50 });
    expect(last.rows.map((r) => r.name)).toEqual(
      Array.from({ length: 20 }, (_, k) => ((k + 100) % 3 === 0 ? `编织袋${k + 100}` : `折叠床${k + 100}`)),
    );

    const bags = await repo.materialsPage({ filter: '编织', page: 1, pageSize: 50 });
    expect(bags.total).toBe(40);
    expect(bags.rows.every((r) => r.name.startsWith('编织袋'))).toBe(true);
    expect(bags.rows.map((r) => r.code)).toEqual([...bags.rows.map((r) => r.code)].sort());
    // By pinyin initials too, as in 一键检索.
    expect((await repo.materialsPage({ filter: 'bzd', page: 1, pageSize: 100 })).total).toBe(40);

    const stocked = await repo.materialWithStock(first.rows[10]!.id);
    expect(stocked).toMatchObject({ name: '折叠床10', total: 11 });
    expect(await repo.materialCodesUnder('20101')).toHaveLength(98);
    expect(await repo.materialCodesUnder('20102')).toHaveLength(22);
  });

  it('says when a filter found more than it lists', async () => {
    await manyMaterials(FILTERED_MATERIALS_LIMIT + 30, (i) => `东湖物资${i}`);
    const page = await repo.materialsPage({ filter: '东湖', page: 1, pageSize: 50 });
    expect(page.capped).toBe(true);
    expect(page.total).toBe(FILTERED_MATERIALS_LIMIT);
    expect((await repo.materialsPage({ filter: '东湖物资7', page: 1, pageSize: 50 })).capped).toBe(false);
  });

  it('lists what the search it is given found (the catalogue, in the app), in code order with stock', async () => {
    await manyMaterials(12, (i) => `编织袋${i}`);
    const all = await repo.materialsPage({ filter: '', page: 1, pageSize: 50 });
    const [earlier, later] = [all.rows[2]!, all.rows[7]!];
    const asked: { query: string; options: SearchOptions }[] = [];
    const page = await repo.materialsPage(
      { filter: '防汛 袋', page: 1, pageSize: 50 },
      async (query, options) => {
        asked.push({ query, options });
        return (await repo.search(later.name)).concat(await repo.search(earlier.name));
      },
    );
    expect(asked).toEqual([
      { query: '防汛 袋', options: { kinds: ['material'], limit: FILTERED_MATERIALS_LIMIT } },
    ]);
    expect(page.rows.map((r) => r.name)).toEqual([earlier.name, later.name]);
    expect(page.rows.map((r) => r.total)).toEqual([earlier.total, later.total]);
    expect(page).toMatchObject({ total: 2, capped: false });
  });
});
