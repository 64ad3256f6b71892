/**
 * Wrong PINs at the moment of acting (签发, ENDEX, purge): after MAX_PIN_FAILURES in a row the person's acts
 * are locked for PIN_LOCK_MS. The state is a plain value kept per person in the settings table, so a reload
 * or a second window neither resets the count nor lifts the lock; time comes from the caller's clock.
 */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MS = 60_000;

export interface PinAttempts {
  /** Wrong PINs since the last right one or the last lock. */
  failures: number;
  lockedUntil: number | null;
}

export const NO_PIN_ATTEMPTS: PinAttempts = { failures: 0, lockedUntil: null };

/** A stored value read back defensively: a backup edited by hand must not unlock or crash anything. */
export function pinAttemptsOf(value: unknown): PinAttempts {
  const v = value as Partial<PinAttempts> | null | undefined;
  const failures = typeof v?.failures === 'number' && v.failures >= 0 ? Math.floor(v.failures) : 0;
  const lockedUntil = typeof v?.lockedUntil === 'number' ? v.lockedUntil : null;
  return { failures, lockedUntil };
}

/** Milliseconds the lock still holds at `now`; 0 when not locked. */
export function lockRemainingMs(state: PinAttempts, now: number): number {
  return state.lockedUntil === null ? 0 : Math.max(0, state.lockedUntil - now);
}

/** The state after one more wrong PIN at `now`; `isLocked` says whether this one set the lock. */
export function afterWrongPin(state: PinAttempts, now: number): { state: PinAttempts; isLocked: boolean } {
  // A lock that has run out starts a fresh count.
  const failures = (state.lockedUntil !== null && now >= state.lockedUntil ? 0 : state.failures) + 1;
  if (failures >= MAX_PIN_FAILURES)
    return { state: { failures: 0, lockedUntil: now + PIN_LOCK_MS }, isLocked: true };
  return { state: { failures, lockedUntil: null }, isLocked: false };
}

/** How many tries are left before the lock. */
export const triesLeft = (state: PinAttempts): number => MAX_PIN_FAILURES - state.failures;
