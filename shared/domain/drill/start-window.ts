/**
 * The random start of a double-blind drill (双盲拉动): the controller sets a window, and the start falls at
 * a moment drawn inside it, kept from every screen until it comes, so nobody on duty can know when the call
 * will come. The ticker fires it; a start found late (the laptop slept, the console was closed) still fires,
 * and records when it was meant to.
 */
export interface StartWindow {
  from: number;
  to: number;
  /** The drawn moment. Stored with the run; never shown before it comes. */
  fireAt: number;
  armedAt: number;
}

/** A week ahead at most: a window longer than that is a planning mistake, not a surprise. */
export const MAX_WINDOW_MS = 7 * 24 * 3_600_000;

export type StartWindowRefusal = 'windowOrder' | 'windowPast' | 'windowTooLong';

export function whyNotWindow(from: number, to: number, now: number): StartWindowRefusal | null {
  if (!Number.isInteger(from) || !Number.isInteger(to) || to <= from) return 'windowOrder';
  if (to <= now) return 'windowPast';
  if (to - from > MAX_WINDOW_MS) return 'windowTooLong';
  return null;
}

/**
 * A moment in [max(from, now), to], uniformly, from `random` in [0, 1). A window already begun draws only
 * from what is left of it.
 */
export function drawStartMoment(from: number, to: number, now: number, random: () => number): number {
  const start = Math.max(from, now);
  return start + Math.floor(random() * (to - start + 1));
}

/** A [0, 1) fraction from Web Crypto, for the draw: Math.random is not meant for secrets. */
export function cryptoRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}
