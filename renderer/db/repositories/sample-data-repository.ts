/**
 * The fictional 示范区 shipped in resources/sample-data: its directory and three plans bound to it. Each is
 * written once; a flag in settings keeps it from coming back after an office deletes it to enter its own
 * data. The files are fetched only when they are needed, so an ordinary start does not load them.
 */
import type { Person, Position, Unit } from '@shared/domain/org/types';
import { SEARCH_TEXT_VERSION } from '@shared/domain/org/search';
import { planSchema } from '@shared/domain/plan/plan-schema';
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
