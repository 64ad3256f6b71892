/// <reference lib="webworker" />
/**
 * The drill ticker's own thread, so that its timers do not wait behind the console's rendering. It opens its
 * own connection to the database and reads the real clock; the console hands it the ticker only when the
 * page's clock reads the same (drill-ticker-client.ts). While it ticks, the console and the other windows of
 * the run follow it through the rows this connection commits or reads, which it posts and broadcasts
 * (drill-run-cache.ts, drill-row-channel.ts).
 */
import {
  createTickerSession,
  type TickerCommand,
  type TickerReport,
  type TickerSession,
} from './drill-ticker-session';
import { EmergencyDeskDatabase } from './database';
import { HEARTBEAT_MS, openRowBroadcast, type DrillRowMessage } from './drill-row-channel';
import { createDrillRepository } from './repositories/drill-repository';

declare const self: DedicatedWorkerGlobalScope;

export type TickerWorkerMessage = { type: 'open'; databaseName: string } | TickerCommand;

const post = (message: TickerReport) => self.postMessage(message);
let session: TickerSession | null = null;
/** The run the console has opened. */
let watched: string | null = null;
let broadcast: (message: DrillRowMessage) => void = () => undefined;
let heartbeat: ReturnType<typeof setInterval> | null = null;

/**
 * While it watches a run, ticking or not, the worker says so every HEARTBEAT_MS: the other windows of the run
 * keep following it (and not reading) for as long as they hear it (drill-row-channel.ts).
 */
function watch(runId: string | null): void {
  watched = runId;
  if (heartbeat !== null) clearInterval(heartbeat);
  heartbeat = null;
  if (!runId) return;
  const beat = () => broadcast({ type: 'watching', runId });
  beat();
  heartbeat = setInterval(beat, HEARTBEAT_MS);
}

self.onmessage = (event: MessageEvent<TickerWorkerMessage>) => {
  const message = event.data;
  if (message.type !== 'open') {
    if (message.type === 'watch') watch(message.runId);
    else if (message.type === 'unwatch') watch(null);
    session?.handle(message);
    return;
  }
  const db = new EmergencyDeskDatabase(message.databaseName);
  // Opened now, so the first tick does not pay for it (the console ticks on its own until that tick is done).
  db.open().catch((error: unknown) => post({ type: 'failed', message: String(error) }));
  const drills = createDrillRepository(db, Date.now);
  // Its console gets them by postMessage, every other window of the run (the 参演人员 screen) by broadcast
  // (drill-row-channel.ts). Each tick's transaction reads what other windows wrote since the last one, so
  // their rows come too.
  broadcast = openRowBroadcast(message.databaseName);
  drills.onRows((rows) => {
    if (rows.run.id !== watched) return;
    post({ type: 'rows', rows });
    broadcast({ type: 'rows', rows });
  });
  session = createTickerSession(
    drills,
    { now: Date.now, setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as number) },
    post,
  );
};

// A failed tick stops the ticker until the next report from the console, as on the main thread; the console
// logs why.
self.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  post({ type: 'failed', message: String(event.reason) });
});
