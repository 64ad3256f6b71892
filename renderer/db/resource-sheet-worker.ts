/// <reference lib="webworker" />
/**
 * The spreadsheet worker: one session per import dialog, one request at a time, progress as it goes, and
 * a cancel that the import checks between chunks (its transaction then aborts and nothing is written).
 */
import { toRefusalData } from './repositories/repository-error';
import { SheetSession, type SheetRequest } from './resource-sheet-jobs';

declare const self: DedicatedWorkerGlobalScope;

const session = new SheetSession();

self.onmessage = (event: MessageEvent<{ id: number; request: SheetRequest } | { type: 'cancel' }>) => {
  const data = event.data;
  if ('type' in data) {
    session.cancel();
    return;
  }
  session
    .handle(data.request, (done, total) => self.postMessage({ id: data.id, type: 'progress', done, total }))
    .then(
      (result) => self.postMessage({ id: data.id, type: 'done', result }),
      (error: unknown) => self.postMessage({ id: data.id, type: 'failed', failure: toRefusalData(error) }),
    );
};
