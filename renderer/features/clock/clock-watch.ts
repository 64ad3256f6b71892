/**
 * The desk's heartbeat for its own clock: at every beat it reads the wall clock and the monotonic clock,
 * and when they disagree (a clock set by hand) or a beat comes far too late (a sleep), it records the
 * anomaly (audit trail and every open incident's log) and tells the operator. Clocks and timers come from
 * outside, so tests drive it with simulated ones.
 */
import {
  createClockWatch,
  DEFAULT_CLOCK_WATCH,
  type ClockAnomaly,
  type ClockWatchOptions,
} from '@shared/domain/clock/clock-jump';

export interface ClockWatchDeps {
  wallNow: () => number;
  monotonicNow: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Resolves to how many open incidents were told. */
  record: (anomaly: ClockAnomaly) => Promise<number>;
  notify: (anomaly: ClockAnomaly, outcome: { recorded: number } | { error: unknown }) => void;
  options?: ClockWatchOptions;
}

/** Takes the first reading now and beats until the returned function stops it. */
export function startClockWatch(deps: ClockWatchDeps): () => void {
  const options = deps.options ?? DEFAULT_CLOCK_WATCH;
  const watch = createClockWatch(options);
  let handle: unknown = null;
  let isRunning = true;

  const report = async (anomaly: ClockAnomaly) => {
    try {
      deps.notify(anomaly, { recorded: await deps.record(anomaly) });
    } catch (error) {
      // The operator still hears of it, and of why it is not in the logs (a full disk, say).
      deps.notify(anomaly, { error });
    }
  };

  const beat = () => {
    handle = null;
    if (!isRunning) return;
    const anomalies = watch.observe({ wall: deps.wallNow(), monotonic: deps.monotonicNow() });
    // Recorded one after another, so a sleep and a change of the clock found at one beat keep their order.
    void anomalies.reduce((previous, anomaly) => previous.then(() => report(anomaly)), Promise.resolve());
    handle = deps.setTimer(beat, options.intervalMs);
  };

  beat();
  return () => {
    isRunning = false;
    if (handle !== null) deps.clearTimer(handle);
  };
}
