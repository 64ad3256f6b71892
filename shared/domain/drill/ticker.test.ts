import { describe, expect, it } from 'vitest';
import { createTicker, type TickerClock, type TickerOptions } from './ticker';

const T0 = 1_767_225_600_000;

/**
 * A simulated clock: timers run on a monotonic time the test steps, and the wall clock the ticker reads can be
 * moved apart from it (a laptop waking from sleep, a system clock set back), as real timers and `Date.now()` do.
 */
function simulatedClock() {
  let mono = 0;
  let wallOffset = T0;
  let nextId = 1;
  const timers = new Map<number, { due: number; fn: () => void }>();
  const clock: TickerClock = {
    now: () => mono + wallOffset,
    setTimer: (fn, ms) => {
      timers.set(nextId, { due: mono + ms, fn });
      return nextId++;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
  };
  /** Lets the ticker's promises settle (its tick awaits `onGap` and `onTick`). */
  const settle = async () => {
    for (let i = 0; i < 50; i++) await Promise.resolve();
  };
  return {
    clock,
    settle,
    pending: () => timers.size,
    /** Lets `ms` of real time pass, firing each timer at its own moment. */
    async advance(ms: number) {
      const until = mono + ms;
      for (let fired = 0; ; fired++) {
        if (fired > 10_000) throw new Error('the ticker spins without time passing');
        await settle();
        const [id, next] = [...timers].sort(([a, x], [b, y]) => x.due - y.due || a - b)[0] ?? [];
        if (id === undefined || next === undefined || next.due > until) break;
        timers.delete(id);
        mono = next.due;
        next.fn();
      }
      mono = until;
      await settle();
    },
    /** Moves the wall clock without any time passing for the timers. */
    shiftWall(ms: number) {
      wallOffset += ms;
    },
  };
}

function tickerWith(options: Partial<TickerOptions> = {}) {
  const sim = simulatedClock();
  const log: string[] = [];
  const ticks: number[] = [];
  const ticker = createTicker(sim.clock, {
    wakeAt: () => null,
    onTick: (now) => {
      ticks.push(now - T0);
      log.push(`tick ${now - T0}`);
    },
    onGap: (from, to) => void log.push(`gap ${from - T0}→${to - T0}`),
    ...options,
  });
  return { sim, log, ticks, ticker };
}

describe('drill ticker', () => {
  it('wakes at the exact millisecond each inject falls due, with the heartbeat in between', async () => {
    const due = [1234, 2500, 2501, 7000].map((ms) => T0 + ms);
    const { sim, ticks, ticker } = tickerWith({ wakeAt: (now) => due.find((t) => t > now) ?? null });
    ticker.start();
    await sim.advance(8000);
    for (const t of due) expect(ticks).toContain(t - T0);
    expect(ticks).toEqual([0, 1000, 1234, 2234, 2500, 2501, 3501, 4501, 5501, 6501, 7000, 8000]);
  });

  it('ticks at least once a heartbeat while nothing is due, so the clock on screen keeps moving', async () => {
    const { sim, ticks, ticker } = tickerWith({ heartbeatMs: 250 });
    ticker.start();
    await sim.advance(1000);
    expect(ticks).toEqual([0, 250, 500, 750, 1000]);
  });

  it('reports a sleeping laptop and a clock set back as gaps, before the tick that saw them', async () => {
    const { sim, log, ticker } = tickerWith({ gapMs: 5000 });
    ticker.start();
    await sim.advance(1000);
    sim.shiftWall(3000);
    await sim.advance(1000);
    expect(log).toEqual(['tick 0', 'tick 1000', 'tick 5000']);
    sim.shiftWall(60_000);
    await sim.advance(1000);
    expect(log.slice(3)).toEqual(['gap 5000→66000', 'tick 66000']);
    sim.shiftWall(-10_000);
    await sim.advance(1000);
    expect(log.slice(5)).toEqual(['gap 66000→57000', 'tick 57000']);
  });

  it('ticks now and re-plans when poked after a speed change', async () => {
    let wake: number | null = T0 + 10_000;
    const { sim, ticks, ticker } = tickerWith({
      wakeAt: (now) => (wake !== null && wake > now ? wake : null),
      heartbeatMs: 60_000,
    });
    ticker.start();
    await sim.advance(2000);
    wake = T0 + 2300;
    ticker.poke();
    await sim.settle();
    await sim.advance(400);
    expect(ticks).toEqual([0, 2000, 2300]);
    expect(sim.pending()).toBe(1);
  });

  it('never runs two ticks at once: a poke during a slow tick ticks once more right after it', async () => {
    let finish = () => {};
    let running = 0;
    let most = 0;
    const { sim, ticks, ticker } = tickerWith({
      heartbeatMs: 60_000,
      onTick: (now) => {
        ticks.push(now - T0);
        most = Math.max(most, ++running);
        return new Promise<void>((resolve) => (finish = () => resolve(void running--)));
      },
    });
    ticker.start();
    ticker.poke();
    ticker.poke();
    await sim.settle();
    expect(ticks).toEqual([0]);
    finish();
    await sim.settle();
    finish();
    await sim.settle();
    expect(ticks).toEqual([0, 0]);
    expect(most).toBe(1);
    expect(sim.pending()).toBe(1);
  });

  it('stops ticking and leaves no timer behind once stopped', async () => {
    const { sim, ticks, ticker } = tickerWith({ wakeAt: (now) => (now < T0 + 500 ? T0 + 500 : null) });
    ticker.start();
    await sim.advance(300);
    ticker.stop();
    await sim.advance(10_000);
    ticker.poke();
    await sim.settle();
    expect(ticks).toEqual([0]);
    expect(sim.pending()).toBe(0);
  });
});
