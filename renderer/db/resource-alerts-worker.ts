/// <reference lib="webworker" />
/** The resource alerts' own thread: see resource-alerts-session.ts. */
import { createAlertsSession, type AlertsCommand, type AlertsReport } from './resource-alerts-session';

declare const self: DedicatedWorkerGlobalScope;

const session = createAlertsSession((report: AlertsReport) => self.postMessage(report));

self.onmessage = (event: MessageEvent<AlertsCommand>) => session.handle(event.data);
