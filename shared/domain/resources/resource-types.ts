/**
 * Emergency resources (应急资源): the registries an operator searches during an incident and a trainer checks
 * before a drill. Enumerations are stable codes; their Chinese terms (待命, 出动, 休整 …) come from i18n.
 * Times are epoch milliseconds; calendar dates (expiry, inspection) are 'YYYY-MM-DD' local dates, because an
 * expiry printed on a box is a day, not an instant.
 */
import type { Authored } from '../org/types';

export const RESOURCE_KINDS = ['material', 'team', 'equipment', 'expert', 'shelter', 'warehouse'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** WGS-84 position for "nearest" questions; optional, because many offices have none recorded yet. */
export interface GeoPoint {
  lng: number;
  lat: number;
}

export interface Warehouse extends Authored {
  id: string;
  name: string;
  address: string;
  location: GeoPoint | null;
  /** Directory person who keeps it (保管员). */
  keeperId: string | null;
  /** A stocktake (盘点) older than this raises an alert. */
  stocktakeIntervalDays: number;
}

export const MATERIAL_SOURCES = ['purchase', 'donation', 'agreement'] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];

/**
 * The stock a material was imported with (期初), in its home warehouse, at its creation. It is the first line
 * of the material's ledger, kept here until the first entry posts it to the ledger (stock-opening.ts).
 */
export interface MaterialOpening {
  quantity: number;
  batchNo: string;
  expiryDate: string | null;
}

/**
 * An item of stock. Its quantity is never stored here: it is the sum of its ledger entries (stock-ledger.ts),
 * starting from its opening while that is not posted yet.
 */
export interface Material extends Authored {
  id: string;
  /** GB/T 38565-2020 code, 7 digits (material-code.ts). */
  code: string;
  name: string;
  spec: string;
  unit: string;
  /** The warehouse it is normally kept in; stock may sit in others after a transfer. */
  warehouseId: string;
  /** Alert when the total over all warehouses falls below this. 0 = no minimum. */
  minimumStock: number;
  source: MaterialSource;
  note: string;
  /** Only on an imported material no entry has been posted to yet. */
  opening?: MaterialOpening;
}

export const TEAM_TYPES = ['fireRescue', 'professional', 'social', 'grassroots'] as const;
export type TeamType = (typeof TEAM_TYPES)[number];

export const TEAM_READINESS = ['standby', 'deployed', 'resting'] as const;
export type TeamReadiness = (typeof TEAM_READINESS)[number];

export interface Team extends Authored {
  id: string;
  name: string;
  type: TeamType;
  /** The field of a professional team (防汛抢险, 危化品处置 …); free text, as offices name them. */
  field: string;
  headcount: number;
  leaderId: string | null;
  contactIds: string[];
  /** The unit it belongs to, from the directory. */
  unitId: string | null;
  base: string;
  address: string;
  location: GeoPoint | null;
  equipment: string[];
  readiness: TeamReadiness;
  qualifications: string[];
}

export const EQUIPMENT_STATUSES = ['ready', 'inUse', 'maintenance', 'retired'] as const;
export type EquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

export interface Equipment extends Authored {
  id: string;
  name: string;
  type: string;
  model: string;
  /** Where it is kept: a warehouse, or free text for a vehicle bay or a team base. */
  warehouseId: string | null;
  location: string;
  ownerUnitId: string | null;
  inspectionDue: string | null;
  status: EquipmentStatus;
}

export const EXPERT_AVAILABILITY = ['available', 'busy', 'unavailable'] as const;
export type ExpertAvailability = (typeof EXPERT_AVAILABILITY)[number];

/** Experts are mostly outside the office's own directory, so their contacts are kept here. */
export interface Expert extends Authored {
  id: string;
  name: string;
  fields: string[];
  title: string;
  employer: string;
  mobile: string;
  officePhone: string;
  availability: ExpertAvailability;
}

export const SHELTER_LEVELS = ['district', 'street', 'community'] as const;
export type ShelterLevel = (typeof SHELTER_LEVELS)[number];

export const SHELTER_TYPES = ['park', 'square', 'school', 'stadium', 'building', 'other'] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];

/** GB 21734-2008: 紧急 (hours), Ⅲ类 短期 (up to 10 days), Ⅱ类 中期 (10–30 days), Ⅰ类 长期 (over 30 days). */
export const SHELTER_DURATIONS = ['emergency', 'short', 'medium', 'long'] as const;
export type ShelterDuration = (typeof SHELTER_DURATIONS)[number];

export interface Shelter extends Authored {
  id: string;
  name: string;
  level: ShelterLevel;
  type: ShelterType;
  duration: ShelterDuration;
  address: string;
  location: GeoPoint | null;
  effectiveAreaM2: number;
  /** null = the install's default per-person area (settings). */
  perPersonAreaM2: number | null;
  /** A capacity set by hand instead of computed; kept apart so the screen can say so. */
  capacityOverride: { value: number; reason: string } | null;
  occupancy: number;
  serviceRadiusM: number;
  facilities: string[];
  open: boolean;
  managerId: string | null;
}

export type ResourceRecord = Warehouse | Material | Team | Equipment | Expert | Shelter;
