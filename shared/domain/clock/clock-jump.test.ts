import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  compareReadings,
  createClockWatch,
  DEFAULT_CLOCK_WATCH,
  describeClockAnomaly,
  type ClockAnomaly,
  type ClockReading,
} from './clock-jump';

const T0 = Date.parse('2026-11-23T02:15:00+08:00');
const { intervalMs, jumpThresholdMs, suspendThresholdMs } = DEFAULT_CLOCK_WATCH;

/** A simulated machine: both clocks step together unless a test sets the wall clock or sleeps. */
function machine() {
  let wall = T0;
  let monotonic = 1_000;
  return {
    read: (): ClockReading => ({ wall, monotonic }),
    pass(ms: number) {
      wall += ms;
      monotonic += ms;
    },
    setWall(ms: number) {
      wall = ms;
    },
    /** A sleep the monotonic clock does not count (it depends on the OS). */
    sleepUncounted(ms: number) {
      wall += ms;
    },
  };
}

describe('compareReadings', () => {
  it('sees nothing while both clocks advance together', () => {
    const m = machine();
    const watch = createClockWatch();
    const seen: ClockAnomaly[] = [];
    for (let i = 0; i < 100; i++) {
      seen.push(...watch.observe(m.read()));
      m.pass(intervalMs);
    }
    expect(seen).toEqual([]);
  });

  it('reports the wall clock set back five minutes as a backward jump, once the clock runs normally again', () => {
    const m = machine();
    const watch = createClockWatch();
    watch.observe(m.read());
    m.pass(intervalMs);
    m.setWall(m.read().wall - 5 * 60_000);
    expect(watch.observe(m.read())).toEqual([]);
    m.pass(intervalMs);
    expect(watch.observe(m.read())).toEqual([
      {
        kind: 'jump',
        expected: T0 + intervalMs,
        actual: T0 + intervalMs - 5 * 60_000,
        skewMs: -5 * 60_000,
      },
    ]);
    // Later beats compare with the new setting: one change is reported once.
    m.pass(intervalMs);
    expect(watch.observe(m.read())).toEqual([]);
  });

  it('reports nothing for a wall clock that stands still or is stepped by hand at every beat (a test harness)', () => {
    const m = machine();
    const watch = createClockWatch();
    const seen: ClockAnomaly[] = [];
    seen.push(...watch.observe(m.read()));
    const frozen = m.read().wall;
    for (let i = 1; i <= 60; i++) {
      m.pass(intervalMs);
      // Frozen, and moved on five minutes every tenth beat.
      m.setWall(frozen + Math.floor(i / 10) * 5 * 60_000);
      seen.push(...watch.observe(m.read()));
    }
    expect(seen).toEqual([]);
  });

  it('reports a sleep the monotonic clock counted as a suspension, with no jump', () => {
    const m = machine();
    const watch = createClockWatch();
    watch.observe(m.read());
    m.pass(40 * 60_000);
    expect(watch.observe(m.read())).toEqual([
      { kind: 'suspend', from: T0, to: T0 + 40 * 60_000, gapMs: 40 * 60_000 },
    ]);
  });

  it('reports a sleep the monotonic clock did not count as a forward jump', () => {
    const m = machine();
    const watch = createClockWatch();
    watch.observe(m.read());
    m.pass(intervalMs);
    m.sleepUncounted(40 * 60_000);
    expect(watch.observe(m.read())).toEqual([]);
    m.pass(intervalMs);
    expect(watch.observe(m.read())).toEqual([
      {
        kind: 'jump',
        expected: T0 + intervalMs,
        actual: T0 + intervalMs + 40 * 60_000,
        skewMs: 40 * 60_000,
      },
    ]);
  });

  it('takes a window throttled to one beat a minute for normal passing time', () => {
    const m = machine();
    const watch = createClockWatch();
    watch.observe(m.read());
    m.pass(61_000);
    expect(watch.observe(m.read())).toEqual([]);
  });

  it('does not compare readings across a monotonic clock that went back (another page)', () => {
    expect(compareReadings({ wall: T0, monotonic: 50_000 }, { wall: T0 - 3_600_000, monotonic: 10 })).toEqual(
      [],
    );
  });

  it('says what happened in the words of the log', () => {
    const back = describeClockAnomaly({
      kind: 'jump',
      expected: new Date(2026, 10, 23, 2, 15, 5).getTime(),
      actual: new Date(2026, 10, 23, 2, 10, 5).getTime(),
      skewMs: -300_000,
    });
    expect(back).toBe(
      '【系统】检测到系统时钟跳变：2026-11-23 02:15:05 → 2026-11-23 02:10:05，差 −300 秒（系统时间被调回）',
    );
    const forward = describeClockAnomaly({ kind: 'jump', expected: T0, actual: T0 + 90_400, skewMs: 90_400 });
    expect(forward).toContain('差 +90 秒（休眠恢复或手动调整）');
    const sleep = describeClockAnomaly({ kind: 'suspend', from: T0, to: T0 + 600_000, gapMs: 600_000 });
    expect(describeClockAnomaly({ kind: 'suspend', from: T0, to: T0 + 90_000, gapMs: 90_000 })).toContain(
      '约 90 秒未运行',
    );
    expect(sleep).toMatch(/^【系统】检测到休眠恢复：.* → .*，约 10 分钟未运行$/);
  });
});

/** Scheduling noise between reading the two clocks, and a beat that fires late by up to a minute. */
const noise = fc.integer({ min: -200, max: 200 });
const beat = fc.record({ late: fc.integer({ min: 0, max: 60_000 }), noise });

describe('compareReadings (properties)', () => {
  test.prop([fc.array(beat, { minLength: 1, maxLength: 60 })])(
    'never reports anything while the clocks agree within the noise and beats come at most a minute late',
    (beats) => {
      const watch = createClockWatch();
      let wall = T0;
      let monotonic = 0;
      expect(watch.observe({ wall, monotonic })).toEqual([]);
      for (const b of beats) {
        monotonic += intervalMs + b.late;
        wall += intervalMs + b.late;
        expect(watch.observe({ wall: wall + b.noise, monotonic })).toEqual([]);
      }
    },
  );

  test.prop([
    fc.array(beat, { minLength: 2, maxLength: 30 }),
    fc.nat(),
    fc.oneof(
      fc.integer({ min: jumpThresholdMs + 201, max: 30 * 86_400_000 }),
      fc.integer({ min: -30 * 86_400_000, max: -(jumpThresholdMs + 201) }),
    ),
  ])(
    'reports a wall-clock step beyond the threshold once, at the beat after it, with its sign and size',
    (beats, at, step) => {
      const index = at % (beats.length - 1);
      const watch = createClockWatch();
      let wall = T0;
      let monotonic = 0;
      let stepped = 0;
      watch.observe({ wall, monotonic });
      beats.forEach((b, i) => {
        monotonic += intervalMs + b.late;
        wall += intervalMs + b.late + (i === index ? step : 0);
        if (i === index) stepped = wall;
        const anomalies = watch.observe({ wall, monotonic });
        if (i !== index + 1) {
          expect(anomalies).toEqual([]);
          return;
        }
        expect(anomalies).toEqual([
          { kind: 'jump', expected: stepped - step, actual: stepped, skewMs: step },
        ]);
      });
    },
  );

  test.prop([fc.integer({ min: intervalMs + suspendThresholdMs + 1, max: 7 * 86_400_000 }), noise])(
    'reports a long gap on both clocks as one suspension and no jump',
    (gap, n) => {
      const anomalies = compareReadings({ wall: T0, monotonic: 0 }, { wall: T0 + gap + n, monotonic: gap });
      expect(anomalies).toEqual([{ kind: 'suspend', from: T0, to: T0 + gap + n, gapMs: gap }]);
    },
  );

  test.prop([
    fc.integer({ min: 0, max: 7 * 86_400_000 }),
    fc.integer({ min: -30 * 86_400_000, max: 30 * 86_400_000 }),
  ])('a jump is reported exactly when the clocks disagree by more than the threshold', (elapsed, skew) => {
    const anomalies = compareReadings(
      { wall: T0, monotonic: 0 },
      { wall: T0 + elapsed + skew, monotonic: elapsed },
    );
    const jumps = anomalies.filter((a) => a.kind === 'jump');
    expect(jumps).toHaveLength(Math.abs(skew) > jumpThresholdMs ? 1 : 0);
  });
});
