import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import { advanceRun, initialRun, statusOf } from './drill-machine';
import { nextDueAt } from './inject-schedule';
import type { RunEvent } from './run-events';
import { drawStartMoment, whyNotWindow } from './start-window';

const MIN = 60_000;
const T = Date.parse('2026-12-06T02:00:00+08:00');
const by: Actor = { personId: 'p1', name: '崔亚波', positionId: 'x', positionName: '导调' };
const inject = { id: 'i1', no: '1', offsetMs: 10 * MIN, synopsis: 's', text: 't' } as never;

function ready() {
  const { snapshot } = advanceRun(initialRun({ injects: [inject], directorId: 'p1' }), [
    { type: 'comms.checked', at: T, by },
  ]);
  return snapshot;
}

describe('random start (双盲)', () => {
  it('draws inside what is left of the window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 0, max: 2e9 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (from, length, now, r) => {
          const to = from + length;
          fc.pre(now < to);
          const at = drawStartMoment(from, to, now, () => r);
          expect(at).toBeGreaterThanOrEqual(Math.max(from, now));
          expect(at).toBeLessThanOrEqual(to);
        },
      ),
    );
  });

  it('refuses a window that is reversed, over, or longer than a week', () => {
    expect(whyNotWindow(T + MIN, T, T)).toBe('windowOrder');
    expect(whyNotWindow(T - 2 * MIN, T - MIN, T)).toBe('windowPast');
    expect(whyNotWindow(T, T + 8 * 24 * 60 * MIN, T)).toBe('windowTooLong');
    expect(whyNotWindow(T, T + 60 * MIN, T)).toBeNull();
  });

  it('fires only at the drawn moment, records it, and schedules the script from the real start', () => {
    const fireAt = T + 37 * MIN;
    const arm: RunEvent = { type: 'start.arm', from: T, to: T + 60 * MIN, fireAt, at: T, by };
    let { snapshot, accepted } = advanceRun(ready(), [arm]);
    expect(accepted).toBe(true);
    expect(nextDueAt(snapshot.context, T + MIN)).toBe(fireAt);

    const early: RunEvent = { type: 'clock.start', plannedAt: fireAt, at: fireAt - 1, by };
    expect(advanceRun(snapshot, [early]).accepted).toBe(false);
    const forged: RunEvent = { type: 'clock.start', plannedAt: fireAt + 1, at: fireAt + 5, by };
    expect(advanceRun(snapshot, [forged]).accepted).toBe(false);

    // Found 4 minutes late (the console was closed): it fires, and says so.
    ({ snapshot, accepted } = advanceRun(snapshot, [
      { type: 'clock.start', plannedAt: fireAt, at: fireAt + 4 * MIN, by },
    ]));
    expect(accepted).toBe(true);
    expect(statusOf(snapshot)).toBe('running');
    expect(snapshot.context.startWindow).toBeNull();
    expect(snapshot.context.randomStart).toEqual({
      from: T,
      to: T + 60 * MIN,
      plannedAt: fireAt,
      at: fireAt + 4 * MIN,
    });
    expect(nextDueAt(snapshot.context, fireAt + 4 * MIN)).toBe(fireAt + 14 * MIN);
  });

  it('can be disarmed, and refuses a drawn moment outside its window', () => {
    const outside: RunEvent = {
      type: 'start.arm',
      from: T,
      to: T + 60 * MIN,
      fireAt: T + 61 * MIN,
      at: T,
      by,
    };
    expect(advanceRun(ready(), [outside]).accepted).toBe(false);
    const arm: RunEvent = { type: 'start.arm', from: T, to: T + 60 * MIN, fireAt: T + MIN, at: T, by };
    const { snapshot } = advanceRun(ready(), [arm, { type: 'start.disarm', at: T, by }]);
    expect(snapshot.context.startWindow).toBeNull();
    expect(advanceRun(snapshot, [{ type: 'start.disarm', at: T, by }]).accepted).toBe(false);
  });
});
