/**
 * The stored 一键检索 index rows of resource records (all kinds but materials), rebuilt inside the caller's
 * transaction from the record and what it points at (warehouse and unit names, the shelter area per person),
 * so search never shows a figure the registry no longer has.
 */
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '@shared/domain/resources/resource-alerts';
import {
  hasStoredIndexRow,
  toIndexRow,
  type IndexContext,
  type IndexedRecord,
} from '@shared/domain/resources/resource-index';
import type { ResourceIndexRow } from '@shared/domain/resources/resource-search';
import type { ResourceKind } from '@shared/domain/resources/resource-types';
import { DEFAULT_PER_PERSON_AREA_M2 } from '@shared/domain/resources/shelter-capacity';
import type { EmergencyDeskDatabase } from '../database';

/** Loaded on the first write, like the directory's: the pinyin dictionary is 300 KB. */
export const loadPinyin = () => import('@shared/domain/org/search-text').then((m) => m.pinyinForms);

/** An import names the same materials again and again (a thousand 编织袋): each name's pinyin is worked out once. */
export function memoised(pinyin: (name: string) => string[]): (name: string) => string[] {
  const known = new Map<string, string[]>();
  return (name) => {
    let forms = known.get(name);
    if (!forms) known.set(name, (forms = pinyin(name)));
    return forms;
  };
}

export interface ResourceSettings extends AlertSettings {
  perPersonAreaM2: number;
}

export const DEFAULT_RESOURCE_SETTINGS: ResourceSettings = {
  ...DEFAULT_ALERT_SETTINGS,
  perPersonAreaM2: DEFAULT_PER_PERSON_AREA_M2,
};

export function createResourceIndexer(db: EmergencyDeskDatabase) {
  async function settings(): Promise<ResourceSettings> {
    const row = await db.settings.get('resourceSettings');
    return { ...DEFAULT_RESOURCE_SETTINGS, ...((row?.value as Partial<ResourceSettings> | undefined) ?? {}) };
  }

  /** Names the index rows show; read inside the caller's transaction. */
  async function context(pinyin: (name: string) => string[]): Promise<IndexContext> {
    const [warehouses, units, current] = await Promise.all([
      db.warehouses.toArray(),
      db.units.toArray(),
      settings(),
    ]);
    const warehouseNames = new Map(warehouses.map((w) => [w.id, w.name]));
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return {
      warehouseName: (id) => (id === null ? '' : (warehouseNames.get(id) ?? '')),
      unitName: (id) => (id === null ? '' : (unitNames.get(id) ?? '')),
      pinyin,
      perPersonAreaM2: current.perPersonAreaM2,
    };
  }

  async function indexedRecord(kind: ResourceKind, id: string): Promise<IndexedRecord | null> {
    switch (kind) {
      case 'material':
        return null;
      case 'team': {
        const record = await db.teams.get(id);
        return record ? { kind, record } : null;
      }
      case 'equipment': {
        const record = await db.equipment.get(id);
        return record ? { kind, record } : null;
      }
      case 'expert': {
        const record = await db.experts.get(id);
        return record ? { kind, record } : null;
      }
      case 'shelter': {
        const record = await db.shelters.get(id);
        return record ? { kind, record } : null;
      }
      case 'warehouse': {
        const record = await db.warehouses.get(id);
        return record ? { kind, record } : null;
      }
    }
  }

  /** Materials have no stored row (see resource-index.ts): the search follows their table instead. */
  async function reindex(kind: ResourceKind, ids: readonly string[], ctx: IndexContext): Promise<void> {
    if (!hasStoredIndexRow(kind)) return;
    const rows: ResourceIndexRow[] = [];
    for (const id of ids) {
      const item = await indexedRecord(kind, id);
      if (item) rows.push(toIndexRow(item, ctx));
    }
    await db.resourceIndex.bulkPut(rows);
  }

  const registry = (kind: ResourceKind) =>
    ({
      material: db.materials,
      team: db.teams,
      equipment: db.equipment,
      expert: db.experts,
      shelter: db.shelters,
      warehouse: db.warehouses,
    })[kind];

  /** What rebuilding index rows reads and writes: a transaction that reindexes takes all of these. */
  const indexTables = () => [
    db.materials,
    db.teams,
    db.equipment,
    db.experts,
    db.shelters,
    db.warehouses,
    db.resourceIndex,
    db.units,
    db.settings,
  ];

  return { settings, context, reindex, registry, indexTables };
}
