/**
 * 一键检索's in-memory catalogue, where the search worker keeps it (resource-search-worker.ts): it reads the
 * whole search index once through its own connection, a page at a time, and then follows the changes the
 * page tells it of (resource-search-client.ts forwards Dexie's storagemutated for the index).
 *
 * It answers only when it is sure to be current. While it loads, while it reads rows it has been told
 * changed, or after a bulk change (an import: Dexie then names no rows) until it has read everything again,
 * it answers `null` and the page searches the database itself. A bulk change waits for RELOAD_QUIET_MS
 * without another before the catalogue is read again, so an import of 50 chunks is followed by one reload,
 * not fifty.
 */
import {
  catalogueEntry,
  createSearchCatalogue,
  type CatalogueQuery,
  type SearchCatalogue,
} from '@shared/domain/resources/search-catalogue';
import type { ResourceIndexRow, SearchHit } from '@shared/domain/resources/resource-search';
import { EmergencyDeskDatabase } from './database';

/** Rows per read while loading: one read-only transaction each, so a write never waits long behind it. */
const LOAD_PAGE = 5_000;
export const RELOAD_QUIET_MS = 1_000;

export type SearchCommand =
  | { type: 'open'; databaseName: string }
  /** Rows of the index were written or deleted: these ids, or any ('all', a bulk write or a clear). */
  | { type: 'changed'; ids: string[] | 'all' }
  | ({ type: 'find'; id: number } & CatalogueQuery)
  | { type: 'close' };

export type SearchReport =
  /** The catalogue holds every row: how many, and how long the full read took (for the bench). */
  | { type: 'ready'; rows: number; loadMs: number }
  /** The ranked hits, or null: not current, search the database. */
  | { type: 'found'; id: number; hits: SearchHit[] | null; /** Time the worker spent on it. */ ms: number }
  | { type: 'failed'; message: string };

export interface SearchSession {
  handle(command: SearchCommand): void;
}

export function createSearchSession(
  post: (report: SearchReport) => void,
  options: { quietMs?: number; now?: () => number } = {},
): SearchSession {
  const quietMs = options.quietMs ?? RELOAD_QUIET_MS;
  const now = options.now ?? (() => performance.now());
  let db: EmergencyDeskDatabase | null = null;
  let catalogue: SearchCatalogue | null = null;
  /** A full read is running, or waiting for the quiet after a bulk change. */
  let loading = false;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  /** A bulk change arrived while a full read ran: read again when it ends. */
  let readAgain = false;
  /** Rows named as changed but not read yet (during a full read they wait for its end). */
  const changed = new Set<string>();
  let reading = 0;
  let closed = false;

  const fail = (error: unknown) => post({ type: 'failed', message: String(error) });

  async function loadAll(): Promise<void> {
    if (!db || closed) return;
    const index = db.resourceIndex;
    loading = true;
    readAgain = false;
    const started = now();
    const next = createSearchCatalogue();
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const page: ResourceIndexRow[] = await db.transaction('r', index, () =>
        (from === null ? index.toCollection() : index.where(':id').above(from)).limit(LOAD_PAGE).toArray(),
      );
      if (closed) return;
      for (const row of page) next.put(catalogueEntry(row));
      if (page.length < LOAD_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    next.prepare();
    catalogue = next;
    if (readAgain) {
      scheduleReload();
      return;
    }
    loading = false;
    post({ type: 'ready', rows: next.size, loadMs: now() - started });
    if (changed.size > 0) readChanged().catch(fail);
  }

  function scheduleReload(): void {
    loading = true;
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      loadAll().catch(fail);
    }, quietMs);
  }

  async function readChanged(): Promise<void> {
    if (!db || !catalogue || loading || changed.size === 0) return;
    const ids = [...changed];
    changed.clear();
    // A full read that replaces the catalogue meanwhile has read these rows itself, and later.
    const target = catalogue;
    reading += 1;
    try {
      const rows = await db.resourceIndex.bulkGet(ids);
      ids.forEach((id, i) => {
        const row = rows[i];
        if (row) target.put(catalogueEntry(row));
        else target.remove(id);
      });
    } finally {
      reading -= 1;
    }
  }

  const isCurrent = () => catalogue !== null && !loading && reading === 0 && changed.size === 0;

  return {
    handle(command) {
      switch (command.type) {
        case 'open':
          db = new EmergencyDeskDatabase(command.databaseName);
          loadAll().catch(fail);
          return;
        case 'changed':
          if (command.ids === 'all') {
            // A full read already under way may have passed the rows changed: it reads again when it ends.
            if (loading && !reloadTimer) readAgain = true;
            else scheduleReload();
            return;
          }
          for (const id of command.ids) changed.add(id);
          readChanged().catch(fail);
          return;
        case 'find': {
          const { id, type: _, ...query } = command;
          const started = now();
          const hits = isCurrent() ? catalogue!.find(query) : null;
          post({ type: 'found', id, hits, ms: now() - started });
          return;
        }
        case 'close':
          closed = true;
          if (reloadTimer) clearTimeout(reloadTimer);
          db?.close();
          return;
      }
    },
  };
}
