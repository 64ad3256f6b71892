/**
 * The console's handle on the ticker worker (drill-ticker-worker.ts). The worker reads the real clock, and
 * every time the ticker writes is read against the page's clock (the services' `now`) by the screens: so the
 * worker may keep the run's time only when the two clocks read the same. A page on a simulated clock (one a
 * test holds still and steps) does not, and its console keeps the ticker on the main thread.
 */
import type { TickerWorkerMessage } from './drill-ticker-worker';
import type { TickerCommand, TickerReport } from './drill-ticker-session';

/**
 * Readings of one system clock agree to the millisecond; this only absorbs the rounding of two readings.
 * A slow reply never counts against agreement: the worker's reading is only required to fall between the
 * page's readings before the question and after the answer.
 */
const CLOCK_TOLERANCE_MS = 5;

/** Whether the worker read its clock (`workerAt`) within the page's round trip `sentAt`…`receivedAt`. */
export function clocksAgree(
  sentAt: number,
  workerAt: number,
  receivedAt: number,
  toleranceMs = CLOCK_TOLERANCE_MS,
): boolean {
  return workerAt >= sentAt - toleranceMs && workerAt <= receivedAt + toleranceMs;
}

export interface TickerWorker {
  /**
   * Whether the worker's clock reads the page's now: asked afresh each time (a test may hold the page's clock
   * still at any moment); false once the worker is closed or lost.
   */
  clockAgrees: () => Promise<boolean>;
  send: (command: TickerCommand) => void;
  /** Reports from the worker, and `lost` when it has died; returns the unsubscribe. */
  listen: (listener: (report: TickerReport | { type: 'lost' }) => void) => () => void;
  close: () => void;
}

/** Starts the worker, or null where the platform has none (unit tests in jsdom). */
export function openTickerWorker(databaseName: string, now: () => number): TickerWorker | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./drill-ticker-worker.ts', import.meta.url), {
    type: 'module',
    name: 'drill-ticker',
  });
  const post = (message: TickerWorkerMessage) => worker.postMessage(message);
  const listeners = new Set<(report: TickerReport | { type: 'lost' }) => void>();
  const checks = new Map<number, { sentAt: number; resolve: (agrees: boolean) => void }>();
  let lastCheck = 0;
  let isClosed = false;
  const end = () => {
    isClosed = true;
    worker.terminate();
    for (const check of checks.values()) check.resolve(false);
    checks.clear();
  };
  worker.onmessage = (event: MessageEvent<TickerReport>) => {
    const report = event.data;
    if (report.type === 'clock') {
      const check = checks.get(report.id);
      checks.delete(report.id);
      check?.resolve(clocksAgree(check.sentAt, report.at, now()));
    } else if (report.type === 'failed') {
      console.error('drill ticker (worker):', report.message);
    }
    for (const listener of listeners) listener(report);
  };
  const lose = (event: Event) => {
    console.error('drill ticker worker lost', event instanceof ErrorEvent ? event.message : event.type);
    // Whatever it still does, the console's own ticker takes over: there must not be two for long.
    end();
    for (const listener of listeners) listener({ type: 'lost' });
  };
  worker.onerror = lose;
  worker.onmessageerror = lose;
  post({ type: 'open', databaseName });
  return {
    clockAgrees() {
      if (isClosed) return Promise.resolve(false);
      const id = (lastCheck += 1);
      return new Promise<boolean>((resolve) => {
        checks.set(id, { sentAt: now(), resolve });
        post({ type: 'clock', id });
      });
    },
    send: post,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      end();
    },
  };
}
