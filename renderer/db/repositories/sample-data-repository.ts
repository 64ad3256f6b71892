/**
 * The fictional 示范区 directory shipped in resources/sample-data. It is written once, when the database is
 * new; a flag in settings keeps it from coming back after an office deletes it to enter its own data.
 */
import sample from '@resources/sample-data/org.json';
import { personSearchText } from '@shared/domain/org/search';
import type { Person, Position, Unit } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';

type Seed<T> = Omit<T, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;
interface SampleOrg {
  units: Seed<Unit>[];
  positions: Seed<Position>[];
  people: Omit<Seed<Person>, 'pin' | 'searchText'>[];
}

export const SAMPLE_JURISDICTION = '示范区';

export async function seedSampleDataIfNew(
  db: EmergencyDeskDatabase,
  now: () => number = Date.now,
): Promise<boolean> {
  return db.transaction('rw', [db.units, db.positions, db.people, db.settings, db.audit], async () => {
    if ((await db.settings.get('sampleDataSeededAt')) || (await db.units.count()) > 0) return false;
    const at = now();
    const audit = { createdAt: at, createdBy: null, updatedAt: at, updatedBy: null };
    const org = sample as SampleOrg;
    await db.units.bulkAdd(org.units.map((u) => ({ ...u, ...audit })));
    await db.positions.bulkAdd(org.positions.map((p) => ({ ...p, ...audit })));
    await db.people.bulkAdd(
      org.people.map((p) => ({ ...p, pin: null, searchText: personSearchText(p), ...audit })),
    );
    const emergencyBureau = org.units.find((u) => u.kind === 'emergencyDept');
    await db.settings.bulkPut([
      { key: 'sampleDataSeededAt', value: at },
      { key: 'jurisdictionName', value: SAMPLE_JURISDICTION },
      { key: 'ownUnitId', value: emergencyBureau?.id ?? null },
    ]);
    await db.audit.add(
      auditEntry(at, null, 'seed', 'database', '*', `${org.units.length}/${org.people.length}`),
    );
    return true;
  });
}
