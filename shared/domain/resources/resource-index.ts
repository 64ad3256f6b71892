/**
 * One search-index row per resource, built from the record and what it points at (warehouse and unit
 * names, stock on hand, shelter capacity). Rebuilt in the same transaction as every change to its record,
 * so the search never shows a figure the registry no longer has.
 */
import { shelterCapacity } from './shelter-capacity';
import {
  searchKeys,
  searchText,
  type Availability,
  type ResourceIndexRow,
  type SearchableText,
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
 * whose first character is a surname (区级 was stored as "ouji", 折叠床 as "shediechuang").
 */
export const RESOURCE_INDEX_VERSION = 2;

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

function row(
  kind: ResourceKind,
  base: Omit<ResourceIndexRow, 'kind' | 'keys' | 'text'>,
  fields: Omit<SearchableText, 'pinyin'>,
  ctx: IndexContext,
): ResourceIndexRow {
  const searchable = { ...fields, pinyin: fields.names.flatMap((n) => ctx.pinyin(n)) };
  return { ...base, kind, keys: searchKeys(searchable), text: searchText(searchable) };
}

export function toIndexRow(item: IndexedRecord, ctx: IndexContext): ResourceIndexRow {
  switch (item.kind) {
    case 'material': {
      const m = item.record;
      const warehouse = ctx.warehouseName(m.warehouseId);
      return row(
        'material',
        {
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
        { names: [m.name], tokens: [m.code, m.spec, warehouse] },
        ctx,
      );
    }
    case 'team': {
      const t = item.record;
      return row(
        'team',
        {
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
        { names: [t.name], tokens: [t.field, t.base, t.address, ...t.qualifications, ...t.equipment] },
        ctx,
      );
    }
    case 'equipment': {
      const e = item.record;
      const place = e.warehouseId ? ctx.warehouseName(e.warehouseId) : e.location;
      return row(
        'equipment',
        {
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
        { names: [e.name, e.type], tokens: [e.model, place, ctx.unitName(e.ownerUnitId)] },
        ctx,
      );
    }
    case 'expert': {
      const x = item.record;
      return row(
        'expert',
        {
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
        { names: [x.name, ...x.fields], tokens: [x.title, x.employer, x.mobile] },
        ctx,
      );
    }
    case 'shelter': {
      const s = item.record;
      const { free } = shelterCapacity(s, ctx.perPersonAreaM2);
      return row(
        'shelter',
        {
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
        { names: [s.name], tokens: [s.address, ...s.facilities] },
        ctx,
      );
    }
    case 'warehouse': {
      const w = item.record;
      return row(
        'warehouse',
        {
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
        { names: [w.name], tokens: [w.address] },
        ctx,
      );
    }
  }
}
