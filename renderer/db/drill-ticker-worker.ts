/// <reference lib="webworker" />
/**
 * The drill ticker's own thread, so that its timers do not wait behind the console's rendering. It opens its
 * own connection to the database and reads the real clock; the console hands it the ticker only when the
 * page's clock reads the same (drill-ticker-client.ts). While it ticks, the console follows the run through
 * the rows this connection commits or reads, which it posts (drill-run-cache.ts); other windows hear of them
 * through Dexie's BroadcastChannel, as of any write.
 */
import {
  createTickerSession,
  type TickerCommand,
  type TickerReport,
  type TickerSession,
} from './drill-ticker-session';
import { EmergencyDeskDatabase } from './database';
import { createDrillRepository } from './repositories/drill-repository';

declare const self: DedicatedWorkerGlobalScope;

export type TickerWorkerMessage = { type: 'open'; databaseName: string } | TickerCommand;

const post = (message: TickerReport) => self.postMessage(message);
let session: TickerSession | null = null;
/** The run the console has opened. */
let watched: string | null = null;

self.onmessage = (event: MessageEvent<TickerWorkerMessage>) => {
  const message = event.data;
  if (message.type !== 'open') {
    if (message.type === 'watch') watched = message.runId;
    else if (message.type === 'unwatch') watched = null;
    session?.handle(message);
    return;
  }
  const db = new EmergencyDeskDatabase(message.databaseName);
  // Opened now, so the first tick does not pay for it (the console ticks on its own until that tick is done).
  db.open().catch((error: unknown) => post({ type: 'failed', message: String(error) }));
  const drills = createDrillRepository(db, Date.now);
  // Each tick's transaction reads what other windows wrote since the last one, so their rows come too.
  drills.onRows((rows) => {
    if (rows.run.id === watched) post({ type: 'rows', rows });
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
