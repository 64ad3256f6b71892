/**
 * The resource alerts of one window, worked out where the worker runs them (resource-alerts-worker.ts). At
 * 100,000 materials the alerts read every material and every balance; on the page's thread that read froze
 * the screen for a second after each stock entry, on every screen (the header counts the alerts). Here it
 * reads through its own connection and live query, so a write by any window re-runs it, and only the counts
 * cross to the page, with the list itself only while the page asks for it (the alerts tab is open).
 *
 * The page's clock rules (it may be simulated, or set by hand): the session keeps the offset of the last
 * reading the page sent, and works the alerts out again when that reading falls on another day.
 */
import { liveQuery, type Subscription } from 'dexie';
import { localDate } from '@shared/domain/plan/plan-schedule';
import { alertsView, type AlertsView, type ResourceAlert } from '@shared/domain/resources/resource-alerts';
import { EmergencyDeskDatabase } from './database';
import { toRefusalData, type RefusalData } from './repositories/repository-error';
import { createResourceRepository } from './repositories/resource-repository';

export type AlertsCommand =
  | { type: 'watch'; databaseName: string; at: number }
  | { type: 'clock'; at: number }
  /** Whether the page shows the list (not only the counts). */
  | { type: 'list'; wanted: boolean }
  | { type: 'close' };

export type AlertsReport = { type: 'alerts'; view: AlertsView } | { type: 'failed'; failure: RefusalData };

export interface AlertsSession {
  handle(command: AlertsCommand): void;
}

export function createAlertsSession(
  post: (report: AlertsReport) => void,
  systemNow: () => number = Date.now,
): AlertsSession {
  let db: EmergencyDeskDatabase | null = null;
  let subscription: Subscription | null = null;
  let offset = 0;
  let day = '';
  let isListWanted = false;
  let last: readonly ResourceAlert[] | null = null;
  const now = () => systemNow() + offset;

  const subscribe = () => {
    subscription?.unsubscribe();
    if (!db) return;
    const resources = createResourceRepository(db, now);
    day = localDate(now());
    subscription = liveQuery(() => resources.alerts()).subscribe({
      next: (alerts) => {
        last = alerts;
        post({ type: 'alerts', view: alertsView(alerts, isListWanted) });
      },
      error: (error: unknown) => post({ type: 'failed', failure: toRefusalData(error) }),
    });
  };

  return {
    handle(command) {
      switch (command.type) {
        case 'watch':
          offset = command.at - systemNow();
          db = new EmergencyDeskDatabase(command.databaseName);
          subscribe();
          return;
        case 'clock':
          offset = command.at - systemNow();
          if (localDate(now()) !== day) subscribe();
          return;
        case 'list':
          isListWanted = command.wanted;
          if (isListWanted && last) post({ type: 'alerts', view: alertsView(last, true) });
          return;
        case 'close':
          subscription?.unsubscribe();
          subscription = null;
          last = null;
          db?.close();
          db = null;
      }
    },
  };
}
