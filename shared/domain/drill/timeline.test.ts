import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { clockAt, MAX_SPEED, realTimeReaching, scenarioTimeAt, type TimelineMark } from './timeline';

const T0 = 1_767_225_600_000;
const SECOND = 1000;

const speed = fc.integer({ min: 1, max: MAX_SPEED });
const gap = fc.integer({ min: 0, max: 120_000 });

type Step =
  { kind: 'pause' } | { kind: 'resume' } | { kind: 'speed'; speed: number } | { kind: 'jump'; by: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'pause' as const }),
  fc.constant({ kind: 'resume' as const }),
  speed.map((s) => ({ kind: 'speed' as const, speed: s })),
  // Backward and zero jumps are in here on purpose: the timeline must ignore them.
  fc.integer({ min: -60_000, max: 3_600_000 }).map((by) => ({ kind: 'jump' as const, by })),
);

/** A mark sequence as a run records it: perhaps a speed set while ready, a start, then anything, in time order. */
const marksArb: fc.Arbitrary<TimelineMark[]> = fc
  .record({
    preset: fc.option(speed, { nil: null }),
    lead: gap,
    steps: fc.array(fc.tuple(gap, step), { maxLength: 12 }),
  })
  .map(({ preset, lead, steps }) => {
    const marks: TimelineMark[] = preset === null ? [] : [{ kind: 'speed', at: T0, speed: preset }];
    let at = T0 + lead;
    marks.push({ kind: 'start', at });
    for (const [wait, s] of steps) {
      at += wait;
      if (s.kind === 'jump')
        marks.push({ kind: 'jump', at, toMs: Math.max(0, scenarioTimeAt(marks, at) + s.by) });
      else marks.push({ ...s, at });
    }
    return marks;
  });

const lastAt = (marks: readonly TimelineMark[]) => marks.at(-1)!.at;
const HORIZON = 2_000_000;

describe('drill clock, by example', () => {
  it('runs sixty scenario seconds in one real second at ×60', () => {
    const marks: TimelineMark[] = [
      { kind: 'start', at: T0 },
      { kind: 'speed', at: T0, speed: 60 },
    ];
    expect(scenarioTimeAt(marks, T0 + SECOND)).toBe(60 * SECOND);
    expect(realTimeReaching(marks, 61 * SECOND, T0)).toBe(T0 + 1017);
  });

  it('stands still for a pause of 7,300 ms to the millisecond', () => {
    const marks: TimelineMark[] = [
      { kind: 'start', at: T0 },
      { kind: 'pause', at: T0 + 10_000 },
      { kind: 'resume', at: T0 + 17_300 },
    ];
    expect(scenarioTimeAt(marks, T0 + 12_345)).toBe(10_000);
    expect(scenarioTimeAt(marks, T0 + 20_000)).toBe(12_700);
    expect(realTimeReaching(marks, 15_000, T0 + 20_000)).toBe(T0 + 22_300);
    expect(clockAt(marks, T0 + 12_345).isRunning).toBe(false);
  });

  it('does not count time before the start, and waits while paused short of a moment', () => {
    const ready: TimelineMark[] = [{ kind: 'speed', at: T0, speed: 10 }];
    expect(scenarioTimeAt(ready, T0 + 60_000)).toBe(0);
    expect(realTimeReaching(ready, 1, T0 + 60_000)).toBeNull();
    const paused: TimelineMark[] = [...ready, { kind: 'start', at: T0 + 1 }, { kind: 'pause', at: T0 + 2 }];
    expect(realTimeReaching(paused, 5, T0 + 60_000)).toBe(T0 + 2);
    expect(realTimeReaching(paused, 11, T0 + 60_000)).toBeNull();
  });

  it('jumps to the next morning and ignores a jump back', () => {
    const marks: TimelineMark[] = [
      { kind: 'start', at: T0 },
      { kind: 'jump', at: T0 + 1000, toMs: 16 * 3_600_000 },
      { kind: 'jump', at: T0 + 2000, toMs: 0 },
    ];
    expect(scenarioTimeAt(marks, T0 + 3000)).toBe(16 * 3_600_000 + 2000);
    expect(realTimeReaching(marks, 3_600_000, T0 + 3000)).toBe(T0 + 1000);
  });
});

describe('drill clock, for any run', () => {
  test.prop([marksArb, fc.integer({ min: -1000, max: HORIZON }), fc.integer({ min: 0, max: HORIZON })])(
    'scenario time never decreases as real time goes on',
    (marks, from, more) => {
      expect(scenarioTimeAt(marks, T0 + from + more)).toBeGreaterThanOrEqual(
        scenarioTimeAt(marks, T0 + from),
      );
    },
  );

  test.prop([
    marksArb,
    fc.integer({ min: 0, max: HORIZON }),
    fc.integer({ min: 1, max: 600_000 }),
    fc.nat(HORIZON),
  ])('a pause of P ms moves every later crossing by exactly P ms', (marks, cut, pauseMs, s) => {
    const a = T0 + cut;
    fc.pre(clockAt(marks, a).isRunning);
    const paused: TimelineMark[] = [
      ...marks.filter((m) => m.at <= a),
      { kind: 'pause', at: a },
      { kind: 'resume', at: a + pauseMs },
      ...marks.filter((m) => m.at > a).map((m) => ({ ...m, at: m.at + pauseMs })),
    ];
    const end = Math.max(a, lastAt(marks)) + HORIZON;
    const before = realTimeReaching(marks, s, end);
    const after = realTimeReaching(paused, s, end + pauseMs);
    const isLater = s > scenarioTimeAt(marks, a);
    expect(after).toBe(before === null ? null : isLater ? before + pauseMs : before);
    expect(scenarioTimeAt(paused, a + pauseMs)).toBe(scenarioTimeAt(marks, a));
    expect(scenarioTimeAt(paused, end + pauseMs)).toBe(scenarioTimeAt(marks, end));
  });

  test.prop([
    fc.array(fc.record({ ms: gap, speed, isRunning: fc.boolean() }), { minLength: 1, maxLength: 10 }),
  ])('speed changes and pauses add up segment by segment', (segments) => {
    const marks: TimelineMark[] = [{ kind: 'start', at: T0 }];
    let at = T0;
    let expected = 0;
    for (const { ms, speed: x, isRunning } of segments) {
      marks.push({ kind: 'speed', at, speed: x }, { kind: isRunning ? 'resume' : 'pause', at });
      expect(scenarioTimeAt(marks, at)).toBe(expected);
      at += ms;
      expected += isRunning ? ms * x : 0;
    }
    expect(scenarioTimeAt(marks, at)).toBe(expected);
  });

  test.prop([marksArb, fc.integer({ min: 0, max: HORIZON }), fc.nat(30 * 86_400_000), fc.nat(HORIZON)])(
    'a jump never takes the scenario clock backwards',
    (marks, cut, toMs, later) => {
      const a = T0 + cut;
      const jumped: TimelineMark[] = [
        ...marks.filter((m) => m.at <= a),
        { kind: 'jump', at: a, toMs },
        ...marks.filter((m) => m.at > a),
      ];
      expect(scenarioTimeAt(jumped, a)).toBe(Math.max(scenarioTimeAt(marks, a), toMs));
      expect(scenarioTimeAt(jumped, a + later)).toBeGreaterThanOrEqual(scenarioTimeAt(marks, a + later));
      expect(scenarioTimeAt(jumped, a - 1)).toBe(scenarioTimeAt(marks, a - 1));
    },
  );

  test.prop([marksArb, fc.integer({ min: 1, max: 40_000_000 }), fc.nat(HORIZON)])(
    'an inject falls due the first moment the running clock shows its time, and never while paused',
    (marks, s, extra) => {
      const now = lastAt(marks) + extra;
      const reached = realTimeReaching(marks, s, now);
      if (reached === null) {
        expect(clockAt(marks, now).isRunning).toBe(false);
        return;
      }
      expect(scenarioTimeAt(marks, reached)).toBeGreaterThanOrEqual(s);
      const before = clockAt(marks, reached - 1);
      expect(before.isRunning && before.scenarioMs >= s).toBe(false);
      if (reached > now) expect(scenarioTimeAt(marks, now)).toBeLessThan(s);
    },
  );
});
