/**
 * The stock ledger (台账): stock changes only through entries — 入库, 出库, 调拨, 盘点, 报废 — and the quantity
 * on hand is the sum of their movements. An entry is planned against the current balances (so an issue can
 * never take more than is there) and then appended; nothing is ever overwritten. A 盘点 records the
 * difference it found, not the new figure, so the sum stays the truth.
 *
 * Quantities are counted in thousandths internally: units like 吨 and 立方米 are fractional, and a sum of
 * floating-point deltas would drift away from the number written on the shelf card.
 */
import type { Actor } from '../org/types';

export const STOCK_ENTRY_KINDS = ['receive', 'issue', 'transfer', 'count', 'writeOff'] as const;
export type StockEntryKind = (typeof STOCK_ENTRY_KINDS)[number];

export const COUNT_REASONS = [
  'confirmed',
  'lost',
  'found',
  'damaged',
  'expired',
  'miscounted',
  'other',
] as const;
export const WRITE_OFF_REASONS = ['expired', 'damaged', 'consumed', 'other'] as const;
export type CountReason = (typeof COUNT_REASONS)[number];
export type WriteOffReason = (typeof WRITE_OFF_REASONS)[number];

/** '' = stock received without a batch number (items that do not expire). */
export type BatchNo = string;

export interface StockMovement {
  warehouseId: string;
  batchNo: BatchNo;
  expiryDate: string | null;
  delta: number;
}

export interface StockEntry {
  id: string;
  at: number;
  actor: Actor | null;
  materialId: string;
  kind: StockEntryKind;
  movements: StockMovement[];
  /** A code from COUNT_REASONS / WRITE_OFF_REASONS, or '' where none applies. */
  reason: string;
  /** Who received an issue (单位/人), or the supplier of a receipt. */
  party: string;
  note: string;
  /** The incident or drill an issue was dispatched for, if any. */
  refId: string | null;
}

export interface StockBalance {
  materialId: string;
  warehouseId: string;
  batchNo: BatchNo;
  expiryDate: string | null;
  quantity: number;
}

export type StockRequest =
  | { kind: 'receive'; warehouseId: string; batchNo: BatchNo; expiryDate: string | null; quantity: number }
  | { kind: 'issue'; warehouseId: string; quantity: number; batchNo?: BatchNo | undefined }
  | {
      kind: 'transfer';
      warehouseId: string;
      toWarehouseId: string;
      quantity: number;
      batchNo?: BatchNo | undefined;
    }
  | {
      kind: 'count';
      warehouseId: string;
      batchNo: BatchNo;
      countedQuantity: number;
      expiryDate?: string | null;
    }
  | { kind: 'writeOff'; warehouseId: string; batchNo: BatchNo; quantity: number };

export type LedgerRefusal =
  | { code: 'quantityInvalid' }
  | { code: 'insufficientStock'; available: number; requested: number }
  | { code: 'sameWarehouse' }
  | { code: 'batchUnknown'; batchNo: BatchNo }
  | { code: 'batchExpired'; batchNo: BatchNo; expiryDate: string }
  | { code: 'batchExpiryConflict'; batchNo: BatchNo; expiryDate: string | null };

export type LedgerPlan = { ok: true; movements: StockMovement[] } | { ok: false; refusal: LedgerRefusal };

export const MAX_QUANTITY = 1_000_000_000;

export function toMilli(quantity: number): number {
  return Math.round(quantity * 1000);
}

export function fromMilli(milli: number): number {
  return milli / 1000;
}

/** A positive amount, at most three decimals (a gram of a kilogram, a litre of a cubic metre). */
export function isValidQuantity(quantity: number): boolean {
  return (
    Number.isFinite(quantity) &&
    quantity > 0 &&
    quantity <= MAX_QUANTITY &&
    Math.abs(quantity * 1000 - toMilli(quantity)) < 1e-6
  );
}

const batchKey = (warehouseId: string, batchNo: BatchNo) => `${warehouseId}\u0000${batchNo}`;

/** The balances of one material after a list of entries, in entry order. Zero rows are dropped. */
export function deriveBalances(entries: readonly StockEntry[]): StockBalance[] {
  const rows = new Map<string, { balance: StockBalance; milli: number }>();
  for (const entry of entries) {
    for (const m of entry.movements) {
      const key = `${entry.materialId}\u0000${batchKey(m.warehouseId, m.batchNo)}`;
      const row = rows.get(key) ?? {
        balance: {
          materialId: entry.materialId,
          warehouseId: m.warehouseId,
          batchNo: m.batchNo,
          expiryDate: m.expiryDate,
          quantity: 0,
        },
        milli: 0,
      };
      row.milli += toMilli(m.delta);
      if (m.expiryDate !== null) row.balance.expiryDate = m.expiryDate;
      // A batch counted down to nothing is gone, expiry and all: stock found in it later starts a new row,
      // exactly as the cached balance table (which drops empty rows) sees it.
      if (row.milli === 0) rows.delete(key);
      else rows.set(key, row);
    }
  }
  return [...rows.values()]
    .filter((r) => r.milli !== 0)
    .map((r) => ({ ...r.balance, quantity: fromMilli(r.milli) }));
}

export function totalQuantity(balances: readonly StockBalance[]): number {
  return fromMilli(balances.reduce((sum, b) => sum + toMilli(b.quantity), 0));
}

/** Applies planned movements to balances (the cached balance table is kept this way, and checked in tests). */
export function applyMovements(
  balances: readonly StockBalance[],
  materialId: string,
  movements: readonly StockMovement[],
): StockBalance[] {
  const entry: StockEntry = {
    id: '',
    at: 0,
    actor: null,
    materialId,
    kind: 'receive',
    movements: [...movements],
    reason: '',
    party: '',
    note: '',
    refId: null,
  };
  const seed: StockEntry[] = balances.map((b) => ({
    ...entry,
    materialId: b.materialId,
    movements: [
      { warehouseId: b.warehouseId, batchNo: b.batchNo, expiryDate: b.expiryDate, delta: b.quantity },
    ],
  }));
  return deriveBalances([...seed, entry]);
}

function isExpired(expiryDate: string | null, today: string): boolean {
  return expiryDate !== null && expiryDate < today;
}

/**
 * Which batches an issue or transfer takes when none is named: first expiry, first out, skipping expired
 * batches (they are written off, not handed out); batches without an expiry go last.
 */
function allocate(
  balances: readonly StockBalance[],
  warehouseId: string,
  milli: number,
  today: string,
): { ok: true; takes: StockBalance[]; amounts: number[] } | { ok: false; available: number } {
  const usable = balances
    .filter((b) => b.warehouseId === warehouseId && b.quantity > 0 && !isExpired(b.expiryDate, today))
    .sort(
      (a, b) =>
        (a.expiryDate ?? '9999-12-31').localeCompare(b.expiryDate ?? '9999-12-31') ||
        a.batchNo.localeCompare(b.batchNo),
    );
  const takes: StockBalance[] = [];
  const amounts: number[] = [];
  let remaining = milli;
  for (const batch of usable) {
    if (remaining === 0) break;
    const take = Math.min(remaining, toMilli(batch.quantity));
    takes.push(batch);
    amounts.push(take);
    remaining -= take;
  }
  if (remaining > 0) {
    return { ok: false, available: fromMilli(usable.reduce((sum, b) => sum + toMilli(b.quantity), 0)) };
  }
  return { ok: true, takes, amounts };
}

function takeFrom(
  balances: readonly StockBalance[],
  warehouseId: string,
  quantity: number,
  batchNo: BatchNo | undefined,
  today: string,
): { ok: true; takes: StockBalance[]; amounts: number[] } | { ok: false; refusal: LedgerRefusal } {
  const milli = toMilli(quantity);
  if (batchNo === undefined) {
    const allocation = allocate(balances, warehouseId, milli, today);
    return allocation.ok
      ? allocation
      : {
          ok: false,
          refusal: { code: 'insufficientStock', available: allocation.available, requested: quantity },
        };
  }
  const batch = balances.find((b) => b.warehouseId === warehouseId && b.batchNo === batchNo);
  if (!batch) return { ok: false, refusal: { code: 'batchUnknown', batchNo } };
  if (batch.expiryDate !== null && isExpired(batch.expiryDate, today)) {
    return { ok: false, refusal: { code: 'batchExpired', batchNo, expiryDate: batch.expiryDate } };
  }
  if (toMilli(batch.quantity) < milli) {
    return {
      ok: false,
      refusal: { code: 'insufficientStock', available: batch.quantity, requested: quantity },
    };
  }
  return { ok: true, takes: [batch], amounts: [milli] };
}

/**
 * The movements a request makes against one material's current balances, or why it is refused.
 * `today` ('YYYY-MM-DD') decides which batches have expired.
 */
export function planMovements(
  balances: readonly StockBalance[],
  request: StockRequest,
  today: string,
): LedgerPlan {
  switch (request.kind) {
    case 'receive': {
      if (!isValidQuantity(request.quantity)) return { ok: false, refusal: { code: 'quantityInvalid' } };
      const sameBatch = balances.find((b) => b.batchNo === request.batchNo && request.batchNo !== '');
      if (sameBatch && sameBatch.expiryDate !== request.expiryDate) {
        return {
          ok: false,
          refusal: {
            code: 'batchExpiryConflict',
            batchNo: request.batchNo,
            expiryDate: sameBatch.expiryDate,
          },
        };
      }
      return {
        ok: true,
        movements: [
          {
            warehouseId: request.warehouseId,
            batchNo: request.batchNo,
            expiryDate: request.expiryDate,
            delta: request.quantity,
          },
        ],
      };
    }
    case 'issue':
    case 'transfer': {
      if (!isValidQuantity(request.quantity)) return { ok: false, refusal: { code: 'quantityInvalid' } };
      if (request.kind === 'transfer' && request.toWarehouseId === request.warehouseId) {
        return { ok: false, refusal: { code: 'sameWarehouse' } };
      }
      const taken = takeFrom(balances, request.warehouseId, request.quantity, request.batchNo, today);
      if (!taken.ok) return taken;
      const movements = taken.takes.flatMap((batch, i): StockMovement[] => {
        const out = {
          warehouseId: batch.warehouseId,
          batchNo: batch.batchNo,
          expiryDate: batch.expiryDate,
          delta: -fromMilli(taken.amounts[i]!),
        };
        return request.kind === 'transfer'
          ? [out, { ...out, warehouseId: request.toWarehouseId, delta: fromMilli(taken.amounts[i]!) }]
          : [out];
      });
      return { ok: true, movements };
    }
    case 'count': {
      const counted = request.countedQuantity;
      if (!(counted === 0 || isValidQuantity(counted)))
        return { ok: false, refusal: { code: 'quantityInvalid' } };
      const batch = balances.find(
        (b) => b.warehouseId === request.warehouseId && b.batchNo === request.batchNo,
      );
      const expiryDate = batch?.expiryDate ?? request.expiryDate ?? null;
      const delta = fromMilli(toMilli(counted) - toMilli(batch?.quantity ?? 0));
      return {
        ok: true,
        movements: [{ warehouseId: request.warehouseId, batchNo: request.batchNo, expiryDate, delta }],
      };
    }
    case 'writeOff': {
      if (!isValidQuantity(request.quantity)) return { ok: false, refusal: { code: 'quantityInvalid' } };
      const batch = balances.find(
        (b) => b.warehouseId === request.warehouseId && b.batchNo === request.batchNo,
      );
      if (!batch) return { ok: false, refusal: { code: 'batchUnknown', batchNo: request.batchNo } };
      if (toMilli(batch.quantity) < toMilli(request.quantity)) {
        return {
          ok: false,
          refusal: { code: 'insufficientStock', available: batch.quantity, requested: request.quantity },
        };
      }
      return {
        ok: true,
        movements: [
          {
            warehouseId: batch.warehouseId,
            batchNo: batch.batchNo,
            expiryDate: batch.expiryDate,
            delta: -request.quantity,
          },
        ],
      };
    }
  }
}

/** The net change of an entry over all warehouses: 0 for a transfer, by construction. */
export function netChange(entry: Pick<StockEntry, 'movements'>): number {
  return fromMilli(entry.movements.reduce((sum, m) => sum + toMilli(m.delta), 0));
}

export interface LedgerLine {
  entry: StockEntry;
  /** Net change over all warehouses. */
  delta: number;
  /** Total on hand after this entry. */
  after: number;
}

/** The ledger as printed: each entry with its net change and the running total after it. */
export function ledgerLines(entries: readonly StockEntry[]): LedgerLine[] {
  const lines: LedgerLine[] = [];
  let running = 0;
  for (const entry of entries) {
    const delta = entry.movements.reduce((sum, m) => sum + toMilli(m.delta), 0);
    running += delta;
    lines.push({ entry, delta: fromMilli(delta), after: fromMilli(running) });
  }
  return lines;
}

/** Balances grouped by material, in one pass (lists of 100,000 rows are grouped on every change). */
export function balancesByMaterial(balances: readonly StockBalance[]): Map<string, StockBalance[]> {
  const groups = new Map<string, StockBalance[]>();
  for (const b of balances) {
    const group = groups.get(b.materialId);
    if (group) group.push(b);
    else groups.set(b.materialId, [b]);
  }
  return groups;
}
