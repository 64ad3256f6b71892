/**
 * The fictional 示范区 shipped in resources/sample-data: its directory, three plans and its resources bound to it. Each is
 * written once; a flag in settings keeps it from coming back after an office deletes it to enter its own
 * data. The files are fetched only when they are needed, so an ordinary start does not load them.
 */
import type { Person, Position, Unit } from '@shared/domain/org/types';
import { SEARCH_TEXT_VERSION } from '@shared/domain/org/search';
import { planSchema } from '@shared/domain/plan/plan-schema';
import { localDate } from '@shared/domain/plan/plan-schedule';
import {
  RESOURCE_INDEX_VERSION,
  toIndexRow,
  type IndexContext,
} from '@shared/domain/resources/resource-index';
import type { SampleResources } from '@shared/domain/resources/sample-resources';
import { DEFAULT_PER_PERSON_AREA_M2 } from '@shared/domain/resources/shelter-capacity';
import { deriveBalances, type StockEntry } from '@shared/domain/resources/stock-ledger';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';

type Seed<T> = Omit<T, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;
interface SampleOrg {
  units: Seed<Unit>[];
  positions: Seed<Position>[];
  people: Omit<Seed<Person>, 'pin' | 'searchText'>[];
}

export const SAMPLE_JURISDICTION = '示范区';

async function isOrgSeedNeeded(db: EmergencyDeskDatabase): Promise<boolean> {
  return !(await db.settings.get('sampleDataSeededAt')) && (await db.units.count()) === 0;
}

export async function seedSampleDataIfNew(
  db: EmergencyDeskDatabase,
  now: () => number = Date.now,
): Promise<boolean> {
  if (!(await isOrgSeedNeeded(db))) return false;
  // Fetched outside the transaction: an IndexedDB transaction closes while it waits on anything else.
  const org = (await import('@resources/sample-data/org.json')).default as SampleOrg;
  const { personSearchText } = await import('@shared/domain/org/search-text');
  return db.transaction('rw', [db.units, db.positions, db.people, db.settings, db.audit], async () => {
    if (!(await isOrgSeedNeeded(db))) return false;
    const at = now();
    const audit = { createdAt: at, createdBy: null, updatedAt: at, updatedBy: null };
    await db.units.bulkAdd(org.units.map((u) => ({ ...u, ...audit })));
    await db.positions.bulkAdd(org.positions.map((p) => ({ ...p, ...audit })));
    await db.people.bulkAdd(
      org.people.map((p) => ({ ...p, pin: null, searchText: personSearchText(p), ...audit })),
    );
    const emergencyBureau = org.units.find((u) => u.kind === 'emergencyDept');
    await db.settings.bulkPut([
      { key: 'sampleDataSeededAt', value: at },
      { key: 'searchTextVersion', value: SEARCH_TEXT_VERSION },
      { key: 'jurisdictionName', value: SAMPLE_JURISDICTION },
      { key: 'ownUnitId', value: emergencyBureau?.id ?? null },
    ]);
    await db.audit.add(
      auditEntry(at, null, 'seed', 'database', '*', `${org.units.length}/${org.people.length}`),
    );
    return true;
  });
}

/** The sample plans point at the sample directory, so they come only where that directory was loaded. */
async function isPlanSeedNeeded(db: EmergencyDeskDatabase): Promise<boolean> {
  return (
    Boolean(await db.settings.get('sampleDataSeededAt')) &&
    !(await db.settings.get('samplePlansSeededAt')) &&
    (await db.plans.count()) === 0
  );
}

/** Once, for new databases and for databases upgraded from before plans existed. */
export async function seedSamplePlansIfNew(
  db: EmergencyDeskDatabase,
  now: () => number = Date.now,
): Promise<boolean> {
  if (!(await isPlanSeedNeeded(db))) return false;
  const samples = (await import('@resources/sample-data/plans.json')).default;
  const plans = samples.plans.map((p) => planSchema.parse(p));
  return db.transaction('rw', [db.plans, db.settings, db.audit], async () => {
    if (!(await isPlanSeedNeeded(db))) return false;
    const at = now();
    const audit = { createdAt: at, createdBy: null, updatedAt: at, updatedBy: null };
    await db.plans.bulkAdd(plans.map((p) => ({ ...p, ...audit })));
    await db.settings.put({ key: 'samplePlansSeededAt', value: at });
    await db.audit.add(auditEntry(at, null, 'seed', 'plan', '*', plans.map((p) => p.meta.title).join('、')));
    return true;
  });
}

/** The sample resources point at the sample directory too (leaders, keepers, units). */
async function isResourceSeedNeeded(db: EmergencyDeskDatabase): Promise<boolean> {
  return (
    Boolean(await db.settings.get('sampleDataSeededAt')) &&
    !(await db.settings.get('sampleResourcesSeededAt')) &&
    (await db.warehouses.count()) === 0 &&
    (await db.materials.count()) === 0
  );
}

const DAY_MS = 86_400_000;

/**
 * Once, for new and upgraded databases: 5 warehouses, 300+ materials with their opening stock as 入库
 * entries, teams, equipment, experts and shelters. Dates in the file are relative to today, so the alerts
 * the sample is meant to show (expiring batches, inspections due, an overdue stocktake) are always there.
 */
export async function seedSampleResourcesIfNew(
  db: EmergencyDeskDatabase,
  now: () => number = Date.now,
): Promise<boolean> {
  if (!(await isResourceSeedNeeded(db))) return false;
  const sample = (await import('@resources/sample-data/resources.json')).default as SampleResources;
  const { pinyinForms } = await import('@shared/domain/org/search-text');
  return db.transaction(
    'rw',
    [
      db.warehouses,
      db.materials,
      db.stockEntries,
      db.stockBalances,
      db.teams,
      db.equipment,
      db.experts,
      db.shelters,
      db.resourceIndex,
      db.units,
      db.settings,
      db.audit,
    ],
    async () => {
      if (!(await isResourceSeedNeeded(db))) return false;
      // Index rows written here are current; if they are the only ones, nothing is left to refresh.
      const onlyIndexRows =
        (await db.teams.count()) + (await db.equipment.count()) + (await db.experts.count()) === 0 &&
        (await db.shelters.count()) === 0;
      const at = now();
      const authored = { createdAt: at, createdBy: null, updatedAt: at, updatedBy: null };
      const day = (offset: number) => localDate(at + offset * DAY_MS);
      const warehouses = sample.warehouses.map(({ lastStocktakeDaysAgo: _, ...w }) => ({
        ...w,
        ...authored,
      }));
      const materials = sample.materials.map((m) => ({ ...m, ...authored }));
      const teams = sample.teams.map((t) => ({ ...t, ...authored }));
      const equipment = sample.equipment.map(({ inspectionDueInDays, ...e }) => ({
        ...e,
        inspectionDue: inspectionDueInDays === null ? null : day(inspectionDueInDays),
        ...authored,
      }));
      const experts = sample.experts.map((x) => ({ ...x, ...authored }));
      const shelters = sample.shelters.map((s) => ({ ...s, ...authored }));
      const entries = sampleLedger(sample, at, day);
      const balances = deriveBalances(entries);

      await db.warehouses.bulkAdd(warehouses);
      await db.materials.bulkAdd(materials);
      await db.teams.bulkAdd(teams);
      await db.equipment.bulkAdd(equipment);
      await db.experts.bulkAdd(experts);
      await db.shelters.bulkAdd(shelters);
      await db.stockEntries.bulkAdd(entries);
      await db.stockBalances.bulkAdd(balances);

      const warehouseNames = new Map(warehouses.map((w) => [w.id, w.name]));
      const unitNames = new Map((await db.units.toArray()).map((u) => [u.id, u.name]));
      const ctx: IndexContext = {
        warehouseName: (id) => (id === null ? '' : (warehouseNames.get(id) ?? '')),
        unitName: (id) => (id === null ? '' : (unitNames.get(id) ?? '')),
        pinyin: pinyinForms,
        perPersonAreaM2: DEFAULT_PER_PERSON_AREA_M2,
      };
      // Materials have no stored search row (resource-index.ts).
      await db.resourceIndex.bulkAdd([
        ...warehouses.map((record) => toIndexRow({ kind: 'warehouse', record }, ctx)),
        ...teams.map((record) => toIndexRow({ kind: 'team', record }, ctx)),
        ...equipment.map((record) => toIndexRow({ kind: 'equipment', record }, ctx)),
        ...experts.map((record) => toIndexRow({ kind: 'expert', record }, ctx)),
        ...shelters.map((record) => toIndexRow({ kind: 'shelter', record }, ctx)),
      ]);
      await db.settings.bulkPut([
        { key: 'sampleResourcesSeededAt', value: at },
        { key: 'materialClasses', value: sample.materialClasses },
      ]);
      if (onlyIndexRows)
        await db.settings.put({ key: 'resourceIndexVersion', value: RESOURCE_INDEX_VERSION });
      await db.audit.add(
        auditEntry(
          at,
          null,
          'seed',
          'resources',
          '*',
          `${warehouses.length}/${materials.length}/${teams.length}`,
        ),
      );
      return true;
    },
  );
}

/** Opening stock as 入库 entries, and each warehouse's last full 盘点 (confirming what it held then), in time order. */
function sampleLedger(sample: SampleResources, at: number, day: (offset: number) => string): StockEntry[] {
  const events = [
    ...sample.receipts.map((r) => ({ at: at - r.daysAgo * DAY_MS, receipt: r, warehouseId: null })),
    ...sample.warehouses.map((w) => ({
      at: at - w.lastStocktakeDaysAgo * DAY_MS,
      receipt: null,
      warehouseId: w.id,
    })),
  ].sort((a, b) => a.at - b.at);
  const entries: StockEntry[] = [];
  const base = { actor: null, reason: '', party: '', note: '样例数据', refId: null };
  for (const event of events) {
    if (event.receipt) {
      const r = event.receipt;
      entries.push({
        ...base,
        id: crypto.randomUUID(),
        at: event.at,
        materialId: r.materialId,
        kind: 'receive',
        movements: [
          {
            warehouseId: r.warehouseId,
            batchNo: r.batchNo,
            expiryDate: r.expiresInDays === null ? null : day(r.expiresInDays),
            delta: r.quantity,
          },
        ],
      });
      continue;
    }
    for (const b of deriveBalances(entries).filter((x) => x.warehouseId === event.warehouseId)) {
      entries.push({
        ...base,
        id: crypto.randomUUID(),
        at: event.at,
        materialId: b.materialId,
        kind: 'count',
        reason: 'confirmed',
        movements: [{ warehouseId: b.warehouseId, batchNo: b.batchNo, expiryDate: b.expiryDate, delta: 0 }],
      });
    }
  }
  return entries;
}
