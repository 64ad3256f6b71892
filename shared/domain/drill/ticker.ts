/**
 * The drill ticker: wakes exactly when the next inject falls due (and at least every `heartbeatMs`, for the
 * clock on screen), and hands the clock's reading to `onTick`. The clock and the timer come from outside:
 * production passes the real ones, tests a simulated clock they step. What is due is computed from the
 * journal at each tick (inject-schedule.ts), never from the timer, so a late tick still finds everything.
 *
 * A tick further from the previous one than `gapMs` (a sleeping laptop, a throttled window) or earlier than it
 * (the system clock set back) is reported to `onGap` before `onTick`, so the run can log it.
 */

export interface TickerClock {
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
}

export interface TickerOptions {
  /** The next real moment something falls due, or null. */
  wakeAt: (now: number) => number | null;
  onTick: (now: number) => void | Promise<void>;
  onGap?: (from: number, to: number) => void | Promise<void>;
  heartbeatMs?: number;
  gapMs?: number;
}

export interface Ticker {
  /** Ticks now, then keeps ticking until stopped. */
  start: () => void;
  /** Ticks now and re-plans the next wake (after a pause, a speed change, a new inject). */
  poke: () => void;
  stop: () => void;
}

export function createTicker(clock: TickerClock, options: TickerOptions): Ticker {
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const gapMs = options.gapMs ?? 5000;
  let handle: unknown = null;
  let isRunning = false;
  let isTicking = false;
  let isPokedWhileTicking = false;
  let lastTick: number | null = null;

  function plan(): void {
    if (!isRunning) return;
    if (handle !== null) clock.clearTimer(handle);
    const now = clock.now();
    const wake = options.wakeAt(now);
    const delay = wake === null ? heartbeatMs : Math.min(heartbeatMs, Math.max(0, wake - now));
    handle = clock.setTimer(() => {
      handle = null;
      void tick();
    }, delay);
  }

  async function tick(): Promise<void> {
    if (!isRunning) return;
    if (isTicking) {
      isPokedWhileTicking = true;
      return;
    }
    isTicking = true;
    try {
      const now = clock.now();
      if (lastTick !== null && (now - lastTick > gapMs || now < lastTick)) {
        await options.onGap?.(lastTick, now);
      }
      lastTick = now;
      await options.onTick(now);
    } finally {
      isTicking = false;
    }
    if (isPokedWhileTicking) {
      isPokedWhileTicking = false;
      void tick();
      return;
    }
    plan();
  }

  return {
    start() {
      if (isRunning) return;
      isRunning = true;
      void tick();
    },
    poke() {
      if (isRunning) void tick();
    },
    stop() {
      isRunning = false;
      if (handle !== null) clock.clearTimer(handle);
      handle = null;
    },
  };
}
