import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Material } from './resource-types';
import {
  applyMovements,
  deriveBalances,
  planMovements,
  type StockBalance,
  type StockEntry,
  type StockRequest,
} from './stock-ledger';
import { currentBalances, ledgerOf, openingEntry, openingEntryId, withoutOpening } from './stock-opening';

const TODAY = '2026-11-23';
const importer = { personId: 'p1', name: '崔亚波', positionId: 'pos1', positionName: '物资保管员' };

function material(id: string, quantity: number | null): Material {
  return {
    id,
    code: '1010101',
    name: '折叠床',
    spec: '',
    unit: '张',
    warehouseId: 'w1',
    minimumStock: 0,
    source: 'purchase',
    note: '',
    ...(quantity === null ? {} : { opening: { quantity, batchNo: 'P1', expiryDate: '2027-06-30' } }),
    createdAt: 1_000,
    createdBy: importer,
    updatedAt: 1_000,
    updatedBy: importer,
  };
}

const sorted = (rows: readonly StockBalance[]) =>
  [...rows].sort((a, b) =>
    `${a.materialId}/${a.warehouseId}/${a.batchNo}`.localeCompare(
      `${b.materialId}/${b.warehouseId}/${b.batchNo}`,
    ),
  );

/**
 * Posts requests to an imported material the way resource-repository.ts does: the first accepted entry first
 * posts the opening (its entry and cached balance) and takes it off the material; refusals change nothing.
 */
function postAll(start: Material, requests: readonly StockRequest[]) {
  let row = start;
  let cache: StockBalance[] = [];
  const entries: StockEntry[] = [];
  const seen: StockBalance[][] = [];
  for (const request of requests) {
    const before = row.opening ? currentBalances([row], []) : cache;
    const plan = planMovements(before, request, TODAY);
    if (plan.ok) {
      const opening = openingEntry(row);
      if (opening) entries.push(opening);
      row = withoutOpening(row);
      entries.push({
        ...openingEntry(start)!,
        id: crypto.randomUUID(),
        at: 2_000 + entries.length,
        kind: request.kind,
        note: '',
        movements: plan.movements,
      });
      cache = applyMovements(before, row.id, plan.movements);
    }
    seen.push(currentBalances([row], cache));
  }
  return { row, cache, entries, seen };
}

const request: fc.Arbitrary<StockRequest> = fc.oneof(
  fc.record({
    kind: fc.constant('receive' as const),
    warehouseId: fc.constantFrom('w1', 'w2'),
    batchNo: fc.constantFrom('', 'P1'),
    expiryDate: fc.constant('2027-06-30'),
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('issue' as const),
    warehouseId: fc.constantFrom('w1', 'w2'),
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    warehouseId: fc.constantFrom('w1', 'w2'),
    toWarehouseId: fc.constantFrom('w1', 'w2'),
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant('writeOff' as const),
    warehouseId: fc.constant('w1'),
    batchNo: fc.constant('P1'),
    quantity: fc.integer({ min: 1, max: 200 }),
  }),
);

describe('opening stock on the material', () => {
  it('stands for one 入库 entry of its creator, at its creation, in its home warehouse', () => {
    expect(openingEntry(material('m1', 120))).toEqual({
      id: openingEntryId('m1'),
      at: 1_000,
      actor: importer,
      materialId: 'm1',
      kind: 'receive',
      movements: [{ warehouseId: 'w1', batchNo: 'P1', expiryDate: '2027-06-30', delta: 120 }],
      reason: '',
      party: '',
      note: '期初导入',
      refId: null,
    });
    expect(openingEntry(material('m1', null))).toBeNull();
    expect(withoutOpening(material('m1', 120))).toEqual(material('m1', null));
  });

  it('adds the openings of the materials given to the cached rows read for them', () => {
    const cached: StockBalance = {
      materialId: 'm2',
      warehouseId: 'w2',
      batchNo: '',
      expiryDate: null,
      quantity: 5,
    };
    expect(sorted(currentBalances([material('m1', 120), material('m2', null)], [cached]))).toEqual([
      { materialId: 'm1', warehouseId: 'w1', batchNo: 'P1', expiryDate: '2027-06-30', quantity: 120 },
      cached,
    ]);
  });

  test.prop([fc.integer({ min: 1, max: 500 }), fc.array(request, { maxLength: 30 })])(
    'posted at the first entry, it gives at every step the balances of a ledger that began with it',
    (quantity, requests) => {
      const start = material('m1', quantity);
      const { row, cache, entries, seen } = postAll(start, requests);
      // The same requests against a ledger whose first line was the opening entry all along.
      const ledger: StockEntry[] = [openingEntry(start)!];
      requests.forEach((req, i) => {
        const plan = planMovements(deriveBalances(ledger), req, TODAY);
        if (plan.ok) ledger.push({ ...ledger[0]!, id: String(i), movements: plan.movements });
        expect(sorted(seen[i]!)).toEqual(sorted(deriveBalances(ledger)));
      });
      // What the history shows, and what a rebuild of the cache finds.
      expect(sorted(currentBalances([row], cache))).toEqual(sorted(deriveBalances(ledgerOf(row, entries))));
      if (entries.length > 0) expect(sorted(cache)).toEqual(sorted(deriveBalances(entries)));
      expect(entries.filter((e) => e.id === openingEntryId('m1'))).toHaveLength(entries.length > 0 ? 1 : 0);
    },
  );
});
