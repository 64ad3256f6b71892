/**
 * A spreadsheet session for the screen: in a Web Worker when the platform has one, in-thread otherwise.
 * Each request resolves with its response or rejects with a RepositoryError the screen can translate;
 * `cancel()` stops a running import between chunks, and its request then rejects with `importCancelled`.
 */
import { RepositoryError, type RefusalData } from './repositories/repository-error';
import type { SheetRequest, SheetResponse, SheetSession } from './resource-sheet-jobs';

export interface SheetClient {
  request<T extends SheetResponse>(
    request: SheetRequest,
    onProgress?: (done: number, total: number) => void,
  ): Promise<T>;
  cancel(): void;
  close(): void;
}

type WorkerMessage =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: SheetResponse }
  | { id: number; type: 'failed'; failure: RefusalData };

export function openSheetClient(): SheetClient {
  if (typeof Worker === 'undefined') return inThreadClient();
  const worker = new Worker(new URL('./resource-sheet-worker.ts', import.meta.url), { type: 'module' });
  let next = 0;
  const pending = new Map<
    number,
    {
      resolve: (r: SheetResponse) => void;
      reject: (e: Error) => void;
      onProgress: (d: number, t: number) => void;
    }
  >();
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    const message = event.data;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress') {
      waiting.onProgress(message.done, message.total);
      return;
    }
    pending.delete(message.id);
    if (message.type === 'done') waiting.resolve(message.result);
    else waiting.reject(new RepositoryError(message.failure.code, message.failure.params));
  };
  worker.onerror = (event) => {
    for (const waiting of pending.values())
      waiting.reject(new RepositoryError('unexpected', { message: event.message }));
    pending.clear();
  };
  return {
    request: <T extends SheetResponse>(
      request: SheetRequest,
      onProgress: (d: number, t: number) => void = () => undefined,
    ) =>
      new Promise<T>((resolve, reject) => {
        const id = (next += 1);
        pending.set(id, { resolve: resolve as (r: SheetResponse) => void, reject, onProgress });
        // The file's bytes are handed over, not copied: the screen never reads them again.
        const handOver = request.type === 'read' ? [request.bytes.buffer as ArrayBuffer] : [];
        worker.postMessage({ id, request }, handOver);
      }),
    cancel: () => worker.postMessage({ type: 'cancel' }),
    close: () => worker.terminate(),
  };
}

function inThreadClient(): SheetClient {
  const session: Promise<SheetSession> = import('./resource-sheet-jobs').then((m) => new m.SheetSession());
  return {
    request: async <T extends SheetResponse>(
      request: SheetRequest,
      onProgress: (d: number, t: number) => void = () => undefined,
    ) => (await session).handle(request, onProgress) as Promise<T>,
    cancel: () => void session.then((s) => s.cancel()),
    close: () => undefined,
  };
}

/** One request in a short-lived session (export). */
export async function runSheetRequest<T extends SheetResponse>(request: SheetRequest): Promise<T> {
  const client = openSheetClient();
  try {
    return await client.request<T>(request);
  } finally {
    client.close();
  }
}
