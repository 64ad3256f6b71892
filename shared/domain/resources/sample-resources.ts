/**
 * The shape of resources/sample-data/resources.json, written by scripts/generate-sample-resources.ts: the
 * resource registries of the fictional 示范区, bound to the ids of the sample directory (org.json). Records
 * are what the forms take plus their id. Times are counted in days from the day the sample is loaded, so
 * the expiries, inspections and stocktakes it is meant to alert on never go stale; the seeder turns them
 * into dates and ledger entries (opening stock as 入库).
 */
import type { Authored } from '../org/types';
import type { MaterialClass } from './material-code';
import type { Equipment, Expert, Material, Shelter, Team, Warehouse } from './resource-types';

type Seed<T> = Omit<T, keyof Authored>;

/** One 入库 of opening stock. */
export interface SampleReceipt {
  materialId: string;
  warehouseId: string;
  /** '' for goods that do not expire. */
  batchNo: string;
  /** Negative when already expired on the day of loading; null for goods that do not expire. */
  expiresInDays: number | null;
  quantity: number;
  daysAgo: number;
}

export interface SampleResources {
  format: 'emergency-desk-sample-resources';
  version: 1;
  /**
   * The office's own lower levels of GB/T 38565 (codes of 3, 5 and 7 digits; the 7-digit rows are the 99
   * 收容类目 of a 小类). The top classes come from the standard (material-code.ts).
   */
  materialClasses: MaterialClass[];
  warehouses: (Seed<Warehouse> & { lastStocktakeDaysAgo: number })[];
  materials: Seed<Material>[];
  receipts: SampleReceipt[];
  teams: Seed<Team>[];
  equipment: (Omit<Seed<Equipment>, 'inspectionDue'> & { inspectionDueInDays: number | null })[];
  experts: Seed<Expert>[];
  shelters: Seed<Shelter>[];
}
