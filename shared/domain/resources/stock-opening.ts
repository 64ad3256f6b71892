/**
 * A material's opening stock (期初) before it is posted to the ledger. Written as a 入库 entry and a balance, an
 * import of 100,000 materials stored three rows per material, and the rows are what an import costs. So the
 * opening rides on the material row, and the first entry posted to the material (or a move of its home
 * warehouse) first appends the 入库 entry it stands for, with the same id, time and author every time. The
 * material's ledger reads the same before and after.
 *
 * Invariant: a material with an opening has no entries and no cached balances, so its balances are its
 * opening's or its cached rows, never a mix. A merge keeps it: of a material row with its opening and the
 * same row without, it takes the one without (merge-plan.ts `POSTED_ONCE`).
 */
import type { Material } from './resource-types';
import { deriveBalances, type StockBalance, type StockEntry } from './stock-ledger';

export const OPENING_NOTE = '期初导入';

/** Derived from the material's id, so posting an opening twice (two machines, then a merge) is one entry. */
export function openingEntryId(materialId: string): string {
  return `${materialId}:opening`;
}

/** The 入库 entry an unposted opening stands for, or null. */
export function openingEntry(material: Material): StockEntry | null {
  const { opening } = material;
  if (!opening) return null;
  return {
    id: openingEntryId(material.id),
    at: material.createdAt,
    actor: material.createdBy,
    materialId: material.id,
    kind: 'receive',
    movements: [
      {
        warehouseId: material.warehouseId,
        batchNo: opening.batchNo,
        expiryDate: opening.expiryDate,
        delta: opening.quantity,
      },
    ],
    reason: '',
    party: '',
    note: OPENING_NOTE,
    refId: null,
  };
}

export function withoutOpening(material: Material): Material {
  const rest = { ...material };
  delete rest.opening;
  return rest;
}

/** One material's ledger, oldest first: its unposted opening, if any, then its entries. */
export function ledgerOf(material: Material | undefined, entries: readonly StockEntry[]): StockEntry[] {
  const opening = material ? openingEntry(material) : null;
  return opening ? [opening, ...entries] : [...entries];
}

/** The balances of these materials, from the cached rows read for them and their unposted openings. */
export function currentBalances(
  materials: readonly Material[],
  cached: readonly StockBalance[],
): StockBalance[] {
  const openings = materials.map(openingEntry).filter((entry) => entry !== null);
  return openings.length === 0 ? [...cached] : [...cached, ...deriveBalances(openings)];
}
