/**
 * Clock jumps and suspensions, told apart by reading two clocks at each heartbeat: the wall clock (`Date.now`,
 * which a person or the OS can set) and the monotonic clock (`performance.now`, which only moves forward).
 *
 * - Between two beats both clocks advance by the same amount, give or take scheduling noise. When they
 *   disagree by more than `jumpThresholdMs`, the wall clock was set (a manual change, forward or back).
 * - A beat that comes far later than planned by the monotonic clock means the machine was suspended (sleep,
 *   hibernation) — when the monotonic clock counts the sleep. Where it does not (it depends on the OS), the
 *   sleep shows as a forward jump instead: the two cannot be told apart, so a forward jump is worded as
 *   "sleep or manual change".
 *
 * `suspendThresholdMs` stays well above Chromium's throttling of hidden windows (one wake-up a minute after
 * five hidden minutes), so a throttled beat is not written into every open incident's log as a sleep.
 */

export interface ClockReading {
  /** Wall-clock milliseconds since the epoch. */
  wall: number;
  /** Monotonic milliseconds from an arbitrary origin. */
  monotonic: number;
}

export interface ClockWatchOptions {
  /** The planned time between beats. */
  intervalMs: number;
  /** How far the clocks may disagree over one beat before it counts as a jump. */
  jumpThresholdMs: number;
  /** How much later than planned a beat may come before it counts as a suspension. */
  suspendThresholdMs: number;
}

export const DEFAULT_CLOCK_WATCH: ClockWatchOptions = {
  intervalMs: 5_000,
  jumpThresholdMs: 2_000,
  suspendThresholdMs: 120_000,
};

export type ClockAnomaly =
  /** The wall clock read `actual` where the monotonic clock says it should read `expected`. */
  | { kind: 'jump'; expected: number; actual: number; skewMs: number }
  /** Nothing ran from `from` to `to` (wall clock) for `gapMs` of monotonic time. */
  | { kind: 'suspend'; from: number; to: number; gapMs: number };

/** What happened between two beats; empty when time passed normally. */
export function compareReadings(
  previous: ClockReading,
  current: ClockReading,
  options: ClockWatchOptions = DEFAULT_CLOCK_WATCH,
): ClockAnomaly[] {
  const monotonicDelta = current.monotonic - previous.monotonic;
  // A monotonic clock that went back belongs to another page or process: the readings do not compare.
  if (monotonicDelta < 0) return [];
  const anomalies: ClockAnomaly[] = [];
  if (monotonicDelta - options.intervalMs > options.suspendThresholdMs) {
    anomalies.push({ kind: 'suspend', from: previous.wall, to: current.wall, gapMs: monotonicDelta });
  }
  const expected = previous.wall + monotonicDelta;
  const skewMs = current.wall - expected;
  if (Math.abs(skewMs) > options.jumpThresholdMs) {
    anomalies.push({ kind: 'jump', expected, actual: current.wall, skewMs });
  }
  return anomalies;
}

/**
 * Keeps the previous reading, so a caller only feeds each beat's reading. A jump is reported one beat late,
 * once the clocks agree again: a clock set by hand steps once and then runs normally, whereas a wall clock
 * that disagrees at every beat is not stepping but running wrong (stopped, or frozen by a test harness), and
 * reporting it at every beat would write a line into every open incident every few seconds. A sleep is
 * reported at once.
 */
export function createClockWatch(options: ClockWatchOptions = DEFAULT_CLOCK_WATCH) {
  let previous: ClockReading | null = null;
  let unconfirmed: ClockAnomaly | null = null;
  return {
    observe(reading: ClockReading): ClockAnomaly[] {
      const found = previous ? compareReadings(previous, reading, options) : [];
      previous = reading;
      const jump = found.find((a) => a.kind === 'jump') ?? null;
      const confirmed = unconfirmed && !jump ? [unconfirmed] : [];
      unconfirmed = jump;
      return [...confirmed, ...found.filter((a) => a.kind !== 'jump')];
    },
  };
}

function formatSeconds(ms: number): string {
  return `${Math.round(Math.abs(ms) / 1000)}`;
}

/** Seconds up to two minutes, then whole minutes: a sleep is read as "about 40 minutes". */
export function roughDuration(ms: number): { unit: 'seconds' | 'minutes'; count: number } {
  const seconds = Math.round(Math.abs(ms) / 1000);
  return seconds < 120
    ? { unit: 'seconds', count: seconds }
    : { unit: 'minutes', count: Math.round(seconds / 60) };
}

function formatClock(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * The sentence written into an incident's log and the audit trail. It is evidence, kept in the words it was
 * written in (as the other system lines are), so it is Chinese whatever the screen's language.
 */
export function describeClockAnomaly(anomaly: ClockAnomaly): string {
  if (anomaly.kind === 'suspend') {
    const { unit, count } = roughDuration(anomaly.gapMs);
    return `【系统】检测到休眠恢复：${formatClock(anomaly.from)} → ${formatClock(anomaly.to)}，约 ${count} ${unit === 'seconds' ? '秒' : '分钟'}未运行`;
  }
  const sign = anomaly.skewMs > 0 ? '+' : '−';
  const cause = anomaly.skewMs > 0 ? '休眠恢复或手动调整' : '系统时间被调回';
  return `【系统】检测到系统时钟跳变：${formatClock(anomaly.expected)} → ${formatClock(anomaly.actual)}，差 ${sign}${formatSeconds(anomaly.skewMs)} 秒（${cause}）`;
}
