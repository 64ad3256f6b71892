/**
 * What 一键检索 knows of a resource, built from the record and what it points at (warehouse and unit names,
 * stock on hand, shelter capacity).
 *
 * Teams, equipment, experts, shelters and warehouses (tens to thousands of rows) keep a stored search-index
 * row with multi-entry keys, rebuilt in the same transaction as every change to its record. Materials (an
 * office may hold 100,000) keep none: the search worker builds their entries from the materials table and
 * follows its changes, and the repository's own search reads the materials table. Their stored rows were
 * most of what an import wrote (a row and twelve keys per material, against the material's four records).
 */
import { shelterCapacity } from './shelter-capacity';
import { balancesByMaterial, totalQuantity, type StockBalance } from './stock-ledger';
import {
  searchKeys,
  searchText,
  type Availability,
  type ResourceIndexRow,
  type SearchableText,
  type SearchHit,
} from './resource-search';
import type {
  Equipment,
  Expert,
  Material,
  ResourceKind,
  Shelter,
  Team,
  TeamReadiness,
  Warehouse,
} from './resource-types';

/**
 * Bumped when the rows built here change for the same records, so stored rows are rebuilt once at start
 * (renderer/db/repositories/resource-index-refresh.ts). 2: a thing's name is no longer read as a person's,
 * whose first character is a surname (区级 was stored as "ouji", 折叠床 as "shediechuang"). 3: materials
 * have no stored row.
 */
export const RESOURCE_INDEX_VERSION = 3;

export interface IndexContext {
  warehouseName: (id: string | null) => string;
  unitName: (id: string | null) => string;
  /** Pinyin forms of a name (full, initials); injected because the dictionary loads lazily. */
  pinyin: (name: string) => string[];
  perPersonAreaM2: number;
}

export type IndexedRecord =
  | { kind: 'material'; record: Material; total: number }
  | { kind: 'team'; record: Team }
  | { kind: 'equipment'; record: Equipment }
  | { kind: 'expert'; record: Expert }
  | { kind: 'shelter'; record: Shelter }
  | { kind: 'warehouse'; record: Warehouse };

const READINESS_AVAILABILITY: Record<TeamReadiness, Availability> = {
  standby: 'available',
  resting: 'limited',
  deployed: 'unavailable',
};

/** The kinds with a stored search-index row; see the head of this file. */
export function hasStoredIndexRow(kind: ResourceKind): boolean {
  return kind !== 'material';
}

interface Described {
  base: Omit<ResourceIndexRow, 'kind' | 'keys' | 'text'>;
  fields: Omit<SearchableText, 'pinyin'>;
}

function searchable(described: Described, ctx: IndexContext): SearchableText {
  return { ...described.fields, pinyin: described.fields.names.flatMap((n) => ctx.pinyin(n)) };
}

/** The stored row: the search entry with the keys the IndexedDB lookup reads. */
export function toIndexRow(item: IndexedRecord, ctx: IndexContext): ResourceIndexRow {
  const described = describe(item, ctx);
  const fields = searchable(described, ctx);
  return { ...described.base, kind: item.kind, keys: searchKeys(fields), text: searchText(fields) };
}

/** What a search lists of a resource, without the keys (the catalogue and a search of the materials table). */
export function toSearchEntry(item: IndexedRecord, ctx: IndexContext): SearchHit {
  const described = describe(item, ctx);
  return { ...described.base, kind: item.kind, text: searchText(searchable(described, ctx)) };
}

/**
 * The search entries of materials, from their balances and their warehouses' names: what the search worker
 * keeps of the materials table, and what the repository's own search lists of the materials it read.
 */
export function materialSearchEntries(
  materials: readonly Material[],
  balances: readonly StockBalance[],
  warehouseNames: ReadonlyMap<string, string>,
  pinyin: (name: string) => string[],
): SearchHit[] {
  const byMaterial = balancesByMaterial(balances);
  const ctx: IndexContext = {
    warehouseName: (id) => (id === null ? '' : (warehouseNames.get(id) ?? '')),
    unitName: () => '',
    pinyin,
    perPersonAreaM2: 0,
  };
  return materials.map((record) =>
    toSearchEntry({ kind: 'material', record, total: totalQuantity(byMaterial.get(record.id) ?? []) }, ctx),
  );
}

function describe(item: IndexedRecord, ctx: IndexContext): Described {
  switch (item.kind) {
    case 'material': {
      const m = item.record;
      const warehouse = ctx.warehouseName(m.warehouseId);
      return {
        base: {
          id: m.id,
          name: m.name,
          code: m.code,
          detail: [m.spec, warehouse].filter(Boolean).join(' · '),
          status: item.total > 0 ? 'inStock' : 'outOfStock',
          availability:
            item.total <= 0 ? 'unavailable' : item.total < m.minimumStock ? 'limited' : 'available',
          quantity: item.total,
          unit: m.unit,
          location: null,
        },
        fields: { names: [m.name], tokens: [m.code, m.spec, warehouse] },
      };
    }
    case 'team': {
      const t = item.record;
      return {
        base: {
          id: t.id,
          name: t.name,
          code: t.field,
          detail: [t.base, ctx.unitName(t.unitId)].filter(Boolean).join(' · '),
          status: t.readiness,
          availability: READINESS_AVAILABILITY[t.readiness],
          quantity: t.headcount,
          unit: '人',
          location: t.location,
        },
        fields: {
          names: [t.name],
          tokens: [t.field, t.base, t.address, ...t.qualifications, ...t.equipment],
        },
      };
    }
    case 'equipment': {
      const e = item.record;
      const place = e.warehouseId ? ctx.warehouseName(e.warehouseId) : e.location;
      return {
        base: {
          id: e.id,
          name: e.name,
          code: e.model,
          detail: [e.type, place].filter(Boolean).join(' · '),
          status: e.status,
          availability: e.status === 'ready' ? 'available' : 'unavailable',
          quantity: null,
          unit: '',
          location: null,
        },
        fields: { names: [e.name, e.type], tokens: [e.model, place, ctx.unitName(e.ownerUnitId)] },
      };
    }
    case 'expert': {
      const x = item.record;
      return {
        base: {
          id: x.id,
          name: x.name,
          code: x.fields.join('、'),
          detail: [x.title, x.employer].filter(Boolean).join(' · '),
          status: x.availability,
          availability:
            x.availability === 'available'
              ? 'available'
              : x.availability === 'busy'
                ? 'limited'
                : 'unavailable',
          quantity: null,
          unit: '',
          location: null,
        },
        fields: { names: [x.name, ...x.fields], tokens: [x.title, x.employer, x.mobile] },
      };
    }
    case 'shelter': {
      const s = item.record;
      const { free } = shelterCapacity(s, ctx.perPersonAreaM2);
      return {
        base: {
          id: s.id,
          name: s.name,
          code: '',
          detail: s.address,
          status: s.open ? 'open' : 'closed',
          availability: !s.open ? 'unavailable' : free > 0 ? 'available' : 'limited',
          quantity: Math.max(0, free),
          unit: '人',
          location: s.location,
        },
        fields: { names: [s.name], tokens: [s.address, ...s.facilities] },
      };
    }
    case 'warehouse': {
      const w = item.record;
      return {
        base: {
          id: w.id,
          name: w.name,
          code: '',
          detail: w.address,
          status: 'open',
          availability: 'available',
          quantity: null,
          unit: '',
          location: w.location,
        },
        fields: { names: [w.name], tokens: [w.address] },
      };
    }
  }
}
