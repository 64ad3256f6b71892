/**
 * The page's end of 一键检索's catalogue (resource-search-session.ts), which answers the search box and the
 * 物资 registry's filter. The repository's search stays what answers when there is no worker (unit tests),
 * while the catalogue is not current, and after the worker failed; otherwise the worker lists the hits, as
 * current as the index (it answers only when it is).
 *
 * The worker learns of every change to the index from here, in order with the searches: the page forwards
 * Dexie's storagemutated (fired for this page's commits and, through Dexie's broadcast, for every other
 * window's and worker's), so a search sent after a change is never answered from before it.
 */
import Dexie, { cmp, RangeSet, type ObservabilitySet } from 'dexie';
import { queryTerms, type SearchHit } from '@shared/domain/resources/resource-search';
import type { EmergencyDeskDatabase } from './database';
import type { ResourceRepository, SearchEpoch, SearchOptions } from './repositories/resource-repository';
import type { ChangedIds, SearchChanges, SearchCommand, SearchReport } from './resource-search-session';

/** Beyond this the page stops waiting for the worker and reads the index itself. */
const ANSWER_TIMEOUT_MS = 3_000;

/**
 * The rows of `table` a commit touched: their ids (`idOf` the primary key), 'all' when Dexie names a range (a
 * bulk write, a clear), or null.
 */
function changedRows(
  parts: ObservabilitySet,
  databaseName: string,
  table: string,
  idOf: (key: unknown) => unknown,
): ChangedIds | null {
  const tree = parts[`idb://${databaseName}/${table}/`];
  if (!tree || tree.d === 0) return null;
  const ids = new Set<string>();
  for (const range of RangeSet(tree)) {
    const id = idOf(range.from);
    if (typeof id !== 'string' || cmp(range.from, range.to) !== 0) return 'all';
    ids.add(id);
  }
  return [...ids];
}

/**
 * What a commit changed of what the catalogue holds; null when nothing. A balance's key starts with its
 * material.
 */
export function changedSearchRows(parts: ObservabilitySet, databaseName: string): SearchChanges | null {
  const itself = (key: unknown) => key;
  const changes: SearchChanges = {
    index: changedRows(parts, databaseName, 'resourceIndex', itself),
    materials: mergeIds(
      changedRows(parts, databaseName, 'materials', itself),
      changedRows(parts, databaseName, 'stockBalances', (key) => (Array.isArray(key) ? key[0] : null)),
    ),
    warehouses: changedRows(parts, databaseName, 'warehouses', itself),
  };
  return Object.values(changes).some((ids) => ids !== null) ? changes : null;
}

function mergeIds(a: ChangedIds | null, b: ChangedIds | null): ChangedIds | null {
  if (a === 'all' || b === 'all') return 'all';
  if (a === null || b === null) return a ?? b;
  return [...new Set([...a, ...b])];
}

/**
 * The repository with its search answered from the catalogue where it can be. The worker starts at the first
 * search, not with the window: a window that never searches (the 参演人员 screen on the projector) reads
 * no index and holds no catalogue; the searches before it has loaded go to the repository.
 */
export function withCatalogueSearch(
  resources: ResourceRepository,
  db: EmergencyDeskDatabase,
): ResourceRepository {
  if (typeof Worker === 'undefined') return resources;
  let worker: Worker | null = null;
  const waiting = new Map<number, (hits: SearchHit[] | null, workerMs?: number) => void>();
  let nextId = 0;
  let failed = false;
  let epoch = 0;
  const listeners = new Set<() => void>();
  const searchEpoch: SearchEpoch = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    current: () => epoch,
  };
  const post = (command: SearchCommand) => worker?.postMessage(command);

  const onMutated = (parts: ObservabilitySet) => {
    const changes = changedSearchRows(parts, db.name);
    if (changes !== null && !failed) post({ type: 'changed', ...changes });
  };
  const giveUp = (reason: string) => {
    if (failed) return;
    failed = true;
    console.error('resource search worker failed; searching the database', reason);
    Dexie.on('storagemutated').unsubscribe(onMutated);
    worker?.terminate();
    for (const answer of waiting.values()) answer(null);
    waiting.clear();
  };
  const start = () => {
    worker = new Worker(new URL('./resource-search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<SearchReport>) => {
      const report = event.data;
      if (report.type === 'found') {
        waiting.get(report.id)?.(report.hits, report.ms);
        waiting.delete(report.id);
      } else if (report.type === 'ready') {
        epoch += 1;
        for (const listener of listeners) listener();
        // test/bench/resource-search.ts waits for this mark before it measures.
        performance.mark('resource-catalogue-ready', {
          detail: { rows: report.rows, loadMs: report.loadMs },
        });
      } else {
        giveUp(report.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      giveUp(event.message);
    };
    // Subscribed before the worker reads anything: a change during its first read is not missed.
    Dexie.on('storagemutated', onMutated);
    post({ type: 'open', databaseName: db.name });
  };

  const find = (query: string, options: SearchOptions) =>
    new Promise<{ hits: SearchHit[] | null; workerMs?: number }>((resolve) => {
      if (failed) return resolve({ hits: null });
      if (!worker) start();
      const id = nextId++;
      waiting.set(id, (hits, workerMs) => resolve({ hits, workerMs }));
      // A worker that stops answering (stuck, or gone without an error) must not leave the operator waiting.
      setTimeout(() => {
        if (waiting.delete(id)) resolve({ hits: null });
      }, ANSWER_TIMEOUT_MS);
      post({
        type: 'find',
        id,
        terms: queryTerms(query),
        filter: { kinds: options.kinds ?? [], availableOnly: options.availableOnly ?? false },
        near: options.near ?? null,
        limit: options.limit ?? 50,
      });
    });

  async function search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    const start = performance.now();
    // All start before the first await, inside the caller's live query: a one-row read of a table makes any
    // change to it run the query again (Dexie observes the range asked for, the whole table), as the
    // repository's own reads did. Outside an explicit transaction each is served from Dexie's live-query
    // cache after the first time, so it costs nothing on the typing path (in a transaction of its own it
    // sometimes waited 30 ms for IndexedDB).
    const [{ hits, workerMs }] = await Promise.all([
      find(query, options),
      ...[db.resourceIndex, db.materials, db.stockBalances, db.warehouses].map((table) =>
        table.limit(1).toArray(),
      ),
    ]);
    if (hits === null) return resources.search(query, options);
    // test/bench/resource-search.ts reads these measures (resource_search_p95_ms), as it reads the repository's.
    performance.measure('resource-search', {
      start,
      end: performance.now(),
      detail: { from: 'catalogue', workerMs },
    });
    return hits;
  }

  // The 物资 registry's filter box is the same search, so it finds what the search box finds, and at 100,000
  // materials a keystroke there costs the catalogue's lookup instead of 200 reads of the index.
  return {
    ...resources,
    search,
    materialsPage: (query) => resources.materialsPage(query, search),
    searchEpoch,
  };
}
