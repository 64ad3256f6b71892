/**
 * What a keeper must act on: stock below its minimum, batches expiring within N days or already expired,
 * equipment whose inspection is due, and warehouses whose last 盘点 is older than their interval. Pure: the
 * home screen and the resources screen count the same list.
 */
import type { Equipment, Material, Warehouse } from './resource-types';
import { balancesByMaterial, totalQuantity, type StockBalance } from './stock-ledger';

export interface AlertSettings {
  expiryWarningDays: number;
  inspectionWarningDays: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { expiryWarningDays: 30, inspectionWarningDays: 14 };

/**
 * Each alert names what it is about (the material and its unit, the warehouse, the equipment), so a screen
 * can list them without reading every material again: at 100,000 materials that read took a second.
 */
export type ResourceAlert =
  /** `total` counts only stock that has not expired. */
  | { kind: 'lowStock'; materialId: string; name: string; unit: string; total: number; minimum: number }
  | {
      kind: 'expiring' | 'expired';
      materialId: string;
      name: string;
      unit: string;
      warehouseId: string;
      warehouseName: string;
      batchNo: string;
      expiryDate: string;
      daysLeft: number;
      quantity: number;
    }
  | {
      kind: 'inspectionDue' | 'inspectionOverdue';
      equipmentId: string;
      name: string;
      due: string;
      daysLeft: number;
    }
  | {
      kind: 'stocktakeOverdue';
      warehouseId: string;
      name: string;
      lastCountedAt: number | null;
      intervalDays: number;
    };

export type AlertKind = ResourceAlert['kind'];

const DAY_MS = 86_400_000;

/** Whole days from one local date to another ('YYYY-MM-DD'), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export interface AlertInput {
  materials: readonly Pick<Material, 'id' | 'name' | 'unit' | 'minimumStock'>[];
  balances: readonly StockBalance[];
  equipment: readonly Pick<Equipment, 'id' | 'name' | 'inspectionDue' | 'status'>[];
  warehouses: readonly Pick<Warehouse, 'id' | 'name' | 'stocktakeIntervalDays'>[];
  /** The time of the newest 盘点 per warehouse. */
  lastStocktakes: ReadonlyMap<string, number>;
}

export function resourceAlerts(
  input: AlertInput,
  today: string,
  now: number,
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
): ResourceAlert[] {
  const alerts: ResourceAlert[] = [];
  const byMaterial = balancesByMaterial(input.balances);
  const materials = new Map(input.materials.map((m) => [m.id, m]));
  const warehouseNames = new Map(input.warehouses.map((w) => [w.id, w.name]));

  for (const m of input.materials) {
    // Expired stock is on the shelf but cannot be issued: it does not count toward the minimum.
    const usable = (byMaterial.get(m.id) ?? []).filter((b) => b.expiryDate === null || b.expiryDate >= today);
    const total = totalQuantity(usable);
    if (m.minimumStock > 0 && total < m.minimumStock) {
      alerts.push({
        kind: 'lowStock',
        materialId: m.id,
        name: m.name,
        unit: m.unit,
        total,
        minimum: m.minimumStock,
      });
    }
  }
  for (const b of input.balances) {
    if (b.expiryDate === null || b.quantity <= 0) continue;
    const daysLeft = daysBetween(today, b.expiryDate);
    if (daysLeft > settings.expiryWarningDays) continue;
    const material = materials.get(b.materialId);
    alerts.push({
      kind: daysLeft < 0 ? 'expired' : 'expiring',
      materialId: b.materialId,
      name: material?.name ?? '',
      unit: material?.unit ?? '',
      warehouseId: b.warehouseId,
      warehouseName: warehouseNames.get(b.warehouseId) ?? '',
      batchNo: b.batchNo,
      expiryDate: b.expiryDate,
      daysLeft,
      quantity: b.quantity,
    });
  }
  for (const e of input.equipment) {
    if (e.inspectionDue === null || e.status === 'retired') continue;
    const daysLeft = daysBetween(today, e.inspectionDue);
    if (daysLeft > settings.inspectionWarningDays) continue;
    alerts.push({
      kind: daysLeft < 0 ? 'inspectionOverdue' : 'inspectionDue',
      equipmentId: e.id,
      name: e.name,
      due: e.inspectionDue,
      daysLeft,
    });
  }
  for (const w of input.warehouses) {
    if (w.stocktakeIntervalDays <= 0) continue;
    const last = input.lastStocktakes.get(w.id) ?? null;
    if (last === null || now - last > w.stocktakeIntervalDays * DAY_MS) {
      alerts.push({
        kind: 'stocktakeOverdue',
        warehouseId: w.id,
        name: w.name,
        lastCountedAt: last,
        intervalDays: w.stocktakeIntervalDays,
      });
    }
  }
  return alerts;
}

export type AlertCounts = Record<AlertKind, number>;

export function countAlerts(alerts: readonly ResourceAlert[]): AlertCounts {
  const counts: AlertCounts = {
    lowStock: 0,
    expiring: 0,
    expired: 0,
    inspectionDue: 0,
    inspectionOverdue: 0,
    stocktakeOverdue: 0,
  };
  for (const a of alerts) counts[a.kind] += 1;
  return counts;
}

/**
 * What a screen is shown of the alerts: the counts always (the header, the tab's badge), the list only where
 * it is read (the alerts tab). At 100,000 materials the list runs to tens of thousands of alerts, and handing
 * it to every window after each write held the page for half a second.
 */
export interface AlertsView {
  counts: AlertCounts;
  total: number;
  list: readonly ResourceAlert[] | null;
}

export function alertsView(alerts: readonly ResourceAlert[], withList: boolean): AlertsView {
  return { counts: countAlerts(alerts), total: alerts.length, list: withList ? alerts : null };
}
