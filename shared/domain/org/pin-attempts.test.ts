import { describe, expect, it } from 'vitest';
import {
  MAX_PIN_FAILURES,
  NO_PIN_ATTEMPTS,
  PIN_LOCK_MS,
  afterWrongPin,
  lockRemainingMs,
  pinAttemptsOf,
  triesLeft,
  type PinAttempts,
} from './pin-attempts';

const T0 = Date.UTC(2026, 6, 1, 1, 0);

/** Wrong PINs one second apart on a simulated clock, returning the state and whether each one locked. */
function wrong(times: number, from: PinAttempts = NO_PIN_ATTEMPTS, start = T0) {
  let state = from;
  const locks: boolean[] = [];
  for (let i = 0; i < times; i += 1) {
    const next = afterWrongPin(state, start + i * 1000);
    state = next.state;
    locks.push(next.isLocked);
  }
  return { state, locks };
}

describe('PIN attempts at the act', () => {
  it('counts wrong PINs down to a lock at the fifth, which holds for 60 s by the clock given', () => {
    const four = wrong(4);
    expect(four.locks).toEqual([false, false, false, false]);
    expect(triesLeft(four.state)).toBe(1);
    expect(lockRemainingMs(four.state, T0 + 4000)).toBe(0);

    const five = wrong(5);
    expect(five.locks).toEqual([false, false, false, false, true]);
    const lockedAt = T0 + 4000;
    expect(five.state.lockedUntil).toBe(lockedAt + PIN_LOCK_MS);
    expect(lockRemainingMs(five.state, lockedAt)).toBe(60_000);
    expect(lockRemainingMs(five.state, lockedAt + 59_999)).toBe(1);
    expect(lockRemainingMs(five.state, lockedAt + 60_000)).toBe(0);
  });

  it('starts a fresh count once the lock has run out', () => {
    const locked = wrong(MAX_PIN_FAILURES).state;
    const after = afterWrongPin(locked, (locked.lockedUntil as number) + 1);
    expect(after).toEqual({ state: { failures: 1, lockedUntil: null }, isLocked: false });
  });

  it('reads a stored value defensively: garbage never unlocks more than a missing value would', () => {
    expect(pinAttemptsOf(undefined)).toEqual(NO_PIN_ATTEMPTS);
    expect(pinAttemptsOf({ failures: 'many', lockedUntil: 'later' })).toEqual(NO_PIN_ATTEMPTS);
    expect(pinAttemptsOf({ failures: 3.7, lockedUntil: T0 })).toEqual({ failures: 3, lockedUntil: T0 });
  });
});
