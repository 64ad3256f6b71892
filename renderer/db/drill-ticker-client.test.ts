import { describe, expect, it } from 'vitest';
import { clocksAgree, openTickerWorker } from './drill-ticker-client';

const T = Date.parse('2026-12-06T09:00:00+08:00');

describe('handing the drill ticker to its worker', () => {
  it('counts the clocks as one when the worker read its clock within the page’s round trip', () => {
    expect(clocksAgree(T, T + 3, T + 40)).toBe(true);
    // A slow answer (a busy console) is no disagreement.
    expect(clocksAgree(T, T + 2, T + 900)).toBe(true);
    // Readings rounded to the millisecond on either side.
    expect(clocksAgree(T, T - 1, T + 1)).toBe(true);
  });

  it('keeps the ticker on the page when its clock is held still or set elsewhere (a simulated clock)', () => {
    const heldAt = Date.parse('2026-06-10T09:28:00+08:00');
    expect(clocksAgree(heldAt, T, heldAt)).toBe(false);
    // Held still just now: it falls behind the worker's within the round trip.
    expect(clocksAgree(T, T + 60, T)).toBe(false);
    expect(clocksAgree(T, T - 60, T + 5)).toBe(false);
  });

  it('opens no worker where the platform has none, so the console ticks on its own thread', () => {
    expect(typeof Worker).toBe('undefined');
    expect(openTickerWorker('emergency-desk', Date.now)).toBeNull();
  });
});
