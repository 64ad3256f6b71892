/**
 * The write path's half of the role check (issue 8); the screens' half disables the button and says why. A
 * refusal here holds when a stale screen, a second window or a direct call offers the act anyway.
 *
 * For a person with a PIN, an act in PIN_ACTS also needs a confirmation: `confirmAct` (settings repository)
 * verifies the PIN, rate-limited, and leaves a one-time row that the write consumes inside its own
 * transaction — so a write that fails leaves the confirmation for the retry, and one PIN signs one act.
 *
 * Call inside the write's transaction, with ACT_TABLES in its scope.
 */
import { PIN_ACTS, hasStoredAdministrator, whyCannot, type Act } from '@shared/domain/org/roles';
import type { Actor, Person } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { RepositoryError } from './repository-error';

/** How long a PIN typed at the act stays good for that act: the dialog closes and the write follows. */
export const CONFIRMATION_TTL_MS = 120_000;

export interface ActConfirmation {
  act: Act;
  at: number;
}

export const pinAttemptsKey = (personId: string) => `pinAttempts:${personId}`;
export const confirmationKey = (personId: string) => `actConfirmed:${personId}`;

export const actTables = (db: EmergencyDeskDatabase) => [db.people, db.positions, db.settings];

export async function isAdministratorStored(db: EmergencyDeskDatabase): Promise<boolean> {
  const holder = await db.people.filter((p) => hasStoredAdministrator([p])).first();
  return holder !== undefined;
}

/**
 * Refuses `act` by `actor` unless the directory gives them a role for it. The directory answers for the
 * person: someone it does not hold is refused — except while it is empty, where nobody could be checked (a
 * desk before its first import, and the repositories' own tests). Returns the person, when there is one.
 */
export async function requireRole(
  db: EmergencyDeskDatabase,
  act: Act,
  actor: Actor,
): Promise<Person | undefined> {
  const person = await db.people.get(actor.personId);
  if (!person) {
    if ((await db.people.limit(1).count()) === 0) return undefined;
    throw new RepositoryError('actRefused', { key: 'roles.why.notInDirectory', name: actor.name });
  }
  const positions = await db.positions.toArray();
  const hasAdministrator = act === 'roles.change' ? await isAdministratorStored(db) : true;
  const why = whyCannot(act, person, positions, { hasAdministrator });
  if (why) throw new RepositoryError('actRefused', { key: why, name: person.name });
  return person;
}

/** The role, and for a person with a PIN the confirmation of this act, which it uses up. */
export async function requireAct(
  db: EmergencyDeskDatabase,
  act: Act,
  actor: Actor,
  now: number,
): Promise<void> {
  const person = await requireRole(db, act, actor);
  if (!person?.pin || !PIN_ACTS.has(act)) return;
  const key = confirmationKey(person.id);
  const confirmed = (await db.settings.get(key))?.value as ActConfirmation | undefined;
  const isFresh = confirmed?.act === act && confirmed.at <= now && now - confirmed.at <= CONFIRMATION_TTL_MS;
  if (!isFresh) throw new RepositoryError('actPinRequired');
  await db.settings.delete(key);
}
