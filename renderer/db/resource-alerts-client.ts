/**
 * The page's end of the alerts worker (resource-alerts-session.ts): it starts the watch with the page's clock
 * and sends that clock again every CLOCK_BEAT_MS, so alerts turn over at the page's midnight, simulated or not.
 */
import { liveQuery } from 'dexie';
import { alertsView, type AlertsView } from '@shared/domain/resources/resource-alerts';
import type { RefusalData } from './repositories/repository-error';
import type { ResourceRepository } from './repositories/resource-repository';
import type { AlertsCommand, AlertsReport } from './resource-alerts-session';

const CLOCK_BEAT_MS = 30_000;

/** A running computation of the alerts: how to stop it, and whether to send the list as well as the counts. */
export interface AlertsSource {
  stop(): void;
  wantList(wanted: boolean): void;
}

/** Null where there is no Worker (unit tests). */
function watchAlertsInWorker(
  databaseName: string,
  now: () => number,
  onView: (view: AlertsView) => void,
  onFailure: (failure: RefusalData) => void,
): AlertsSource | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./resource-alerts-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<AlertsReport>) => {
    const report = event.data;
    if (report.type === 'alerts') onView(report.view);
    else onFailure(report.failure);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    onFailure({ code: 'unexpected', params: { message: event.message } });
  };
  const post = (command: AlertsCommand) => worker.postMessage(command);
  post({ type: 'watch', databaseName, at: now() });
  const beat = setInterval(() => post({ type: 'clock', at: now() }), CLOCK_BEAT_MS);
  return {
    stop() {
      clearInterval(beat);
      worker.terminate();
    },
    wantList: (wanted) => post({ type: 'list', wanted }),
  };
}

/**
 * Watches the alerts in the alerts worker where there is one, so the reads of 100,000 materials never hold
 * the page's thread; on this thread otherwise, and also when the worker fails (its reason goes to the
 * console). On this thread the list is at hand anyway, so it always goes with the counts.
 */
export function watchAlerts(
  resources: ResourceRepository,
  now: () => number,
  emit: (view: AlertsView) => void,
): AlertsSource {
  let inThread: { unsubscribe(): void } | null = null;
  const readHere = () => {
    inThread ??= liveQuery(() => resources.alerts()).subscribe({
      next: (alerts) => emit(alertsView(alerts, true)),
      error: (error: unknown) => console.error('resource alerts', error),
    });
  };
  const worker = watchAlertsInWorker(resources.databaseName, now, emit, (failure) => {
    console.error('resource alerts worker failed; reading on the page', failure);
    worker?.stop();
    readHere();
  });
  if (!worker) readHere();
  return {
    stop() {
      worker?.stop();
      inThread?.unsubscribe();
    },
    wantList(wanted) {
      if (!inThread) worker?.wantList(wanted);
    },
  };
}
