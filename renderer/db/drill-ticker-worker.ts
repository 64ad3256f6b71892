/// <reference lib="webworker" />
/**
 * The drill ticker's own thread, so that its timers do not wait behind the console's rendering. It opens its
 * own connection to the database: its journal rows reach the screens' live queries through Dexie's
 * BroadcastChannel, as a write from another window does. It reads the real clock; the console hands it the
 * ticker only when the page's clock reads the same (drill-ticker-client.ts).
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

self.onmessage = (event: MessageEvent<TickerWorkerMessage>) => {
  const message = event.data;
  if (message.type !== 'open') {
    session?.handle(message);
    return;
  }
  const db = new EmergencyDeskDatabase(message.databaseName);
  // Opened now, so the first tick does not pay for it (the console ticks on its own until that tick is done).
  db.open().catch((error: unknown) => post({ type: 'failed', message: String(error) }));
  session = createTickerSession(
    createDrillRepository(db, Date.now),
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
