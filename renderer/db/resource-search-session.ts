/**
 * 一键检索's in-memory catalogue, where the search worker keeps it (resource-search-worker.ts): it reads the
 * stored search index (teams, equipment, experts, shelters, warehouses) and the materials table with their
 * balances and warehouses' names, a page at a time through its own connection, and then follows the changes
 * the page tells it of (resource-search-client.ts forwards Dexie's storagemutated for those tables).
 * Materials have no stored index row (resource-index.ts): their search text is worked out here.
 *
 * It answers only when it is sure to be current. While it loads, while it reads rows it has been told
 * changed, or after a bulk change (an import: Dexie then names no rows) until it has read everything again,
 * it answers `null` and the page searches the database itself. A bulk change waits for RELOAD_QUIET_MS
 * without another before the catalogue is read again, so an import of 50 chunks is followed by one reload,
 * not fifty.
 */
import { hasStoredIndexRow, materialSearchEntries } from '@shared/domain/resources/resource-index';
import {
  catalogueEntry,
  createSearchCatalogue,
  type CatalogueQuery,
  type SearchCatalogue,
} from '@shared/domain/resources/search-catalogue';
import type { ResourceIndexRow, SearchHit } from '@shared/domain/resources/resource-search';
import type { Material } from '@shared/domain/resources/resource-types';
import { EmergencyDeskDatabase } from './database';
import { readMaterialBalances } from './repositories/material-balances';
import { loadPinyin, memoised } from './repositories/resource-indexer';

/** Rows per read while loading: one read-only transaction each, so a write never waits long behind it. */
const LOAD_PAGE = 5_000;
export const RELOAD_QUIET_MS = 1_000;

/** Rows of a table written or deleted: these ids, or any ('all': a bulk write or a clear). */
export type ChangedIds = string[] | 'all';

/**
 * What a commit changed of what the catalogue holds: rows of the stored index; materials (a material
 * itself, or its stock: a balance names its material); warehouses (a material shows its warehouse's name).
 */
export interface SearchChanges {
  index: ChangedIds | null;
  materials: ChangedIds | null;
  warehouses: ChangedIds | null;
}

export type SearchCommand =
  | { type: 'open'; databaseName: string }
  | ({ type: 'changed' } & SearchChanges)
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
  let pinyin: Promise<(name: string) => string[]> | null = null;
  let catalogue: SearchCatalogue | null = null;
  /** The names the catalogue's materials show, as last read. */
  let warehouseNames = new Map<string, string>();
  /** A full read is running, or waiting for the quiet after a bulk change. */
  let loading = false;
  let reloadTimer: ReturnType<typeof setTimeout> | null = null;
  /** A bulk change arrived while a full read ran: read again when it ends. */
  let readAgain = false;
  /** Rows named as changed but not read yet (during a full read they wait for its end). */
  const changed = { index: new Set<string>(), materials: new Set<string>(), warehouses: new Set<string>() };
  let reading = 0;
  let closed = false;

  const fail = (error: unknown) => post({ type: 'failed', message: String(error) });
  const anyChanged = () => Object.values(changed).some((ids) => ids.size > 0);

  /** The entries of these materials (read in the caller's transaction, which takes stockBalances). */
  async function materialEntries(
    materials: readonly Material[],
    forms: (name: string) => string[],
  ): Promise<SearchHit[]> {
    const balances = await readMaterialBalances(db!, materials);
    return materialSearchEntries(materials, balances, warehouseNames, forms);
  }

  /** The materials after `from` in id order, a page of them, with their entries. */
  function materialPage(
    from: string | null,
    forms: (name: string) => string[],
  ): Promise<{ rows: Material[]; entries: SearchHit[] }> {
    const { materials, stockBalances } = db!;
    return db!.transaction('r', materials, stockBalances, async () => {
      const rows = await (from === null ? materials.toCollection() : materials.where(':id').above(from))
        .limit(LOAD_PAGE)
        .toArray();
      return { rows, entries: await materialEntries(rows, forms) };
    });
  }

  async function loadAll(): Promise<void> {
    if (!db || closed) return;
    const { resourceIndex: index, warehouses } = db;
    loading = true;
    readAgain = false;
    const started = now();
    const next = createSearchCatalogue();
    // Read before the materials: a rename meanwhile is told of, and read once this load ends.
    warehouseNames = new Map((await warehouses.toArray()).map((w) => [w.id, w.name]));
    const forms = await pinyin!;
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const page: ResourceIndexRow[] = await db.transaction('r', index, () =>
        (from === null ? index.toCollection() : index.where(':id').above(from)).limit(LOAD_PAGE).toArray(),
      );
      if (closed) return;
      for (const row of page) if (hasStoredIndexRow(row.kind)) next.put(catalogueEntry(row));
      if (page.length < LOAD_PAGE) break;
      after = page[page.length - 1]!.id;
    }
    let afterMaterial: string | null = null;
    for (;;) {
      const { rows, entries } = await materialPage(afterMaterial, forms);
      if (closed) return;
      for (const entry of entries) next.put(entry);
      if (rows.length < LOAD_PAGE) break;
      afterMaterial = rows[rows.length - 1]!.id;
    }
    next.prepare();
    catalogue = next;
    if (readAgain) {
      scheduleReload();
      return;
    }
    loading = false;
    post({ type: 'ready', rows: next.size, loadMs: now() - started });
    if (anyChanged()) readChanged().catch(fail);
    else answerWaiting();
  }

  function scheduleReload(): void {
    loading = true;
    answerWaiting();
    if (reloadTimer) clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => {
      reloadTimer = null;
      loadAll().catch(fail);
    }, quietMs);
  }

  const take = (ids: Set<string>) => {
    const taken = [...ids];
    ids.clear();
    return taken;
  };

  async function readChanged(): Promise<void> {
    if (!db || !catalogue || loading || !anyChanged()) return;
    const indexIds = take(changed.index);
    const warehouseIds = take(changed.warehouses);
    const materialIds = new Set(take(changed.materials));
    // A full read that replaces the catalogue meanwhile has read these rows itself, and later.
    const target = catalogue;
    const { resourceIndex, materials, stockBalances, warehouses } = db;
    reading += 1;
    try {
      const [rows, named] = await Promise.all([
        resourceIndex.bulkGet(indexIds),
        warehouses.bulkGet(warehouseIds),
      ]);
      indexIds.forEach((id, i) => {
        const row = rows[i];
        if (row && hasStoredIndexRow(row.kind)) target.put(catalogueEntry(row));
        // A material's entry is not the index's to remove (a stale stored row deleted by the refresh).
        else if (!row && target.get(id)?.kind !== 'material') target.remove(id);
      });
      for (const [i, id] of warehouseIds.entries()) {
        const name = named[i]?.name ?? '';
        if (warehouseNames.get(id) === name) continue;
        warehouseNames.set(id, name);
        for (const key of await materials.where('warehouseId').equals(id).primaryKeys()) materialIds.add(key);
      }
      if (materialIds.size === 0) return;
      const ids = [...materialIds];
      const forms = await pinyin!;
      const [found, entries] = await db.transaction('r', materials, stockBalances, async () => {
        const read = (await materials.bulkGet(ids)).filter((m) => m !== undefined);
        return [read, await materialEntries(read, forms)] as const;
      });
      const kept = new Set(found.map((m) => m.id));
      for (const entry of entries) target.put(entry);
      for (const id of ids) if (!kept.has(id)) target.remove(id);
    } finally {
      reading -= 1;
      answerWaiting();
    }
  }

  const isCurrent = () => catalogue !== null && !loading && reading === 0 && !anyChanged();

  /**
   * Searches asked while named rows were being read wait for them (milliseconds) rather than send the page
   * to the database: at 100,000 materials its search matches only the start of a name or code, and a list
   * it answered would stay on screen until the next keystroke.
   */
  const waiting: Extract<SearchCommand, { type: 'find' }>[] = [];
  function answer(command: Extract<SearchCommand, { type: 'find' }>): void {
    const { id, type: _, ...query } = command;
    const started = now();
    const hits = isCurrent() ? catalogue!.find(query) : null;
    post({ type: 'found', id, hits, ms: now() - started });
  }
  function answerWaiting(): void {
    if (isCurrent() || loading) for (const command of waiting.splice(0)) answer(command);
  }

  return {
    handle(command) {
      switch (command.type) {
        case 'open':
          db = new EmergencyDeskDatabase(command.databaseName);
          pinyin = loadPinyin().then(memoised);
          loadAll().catch(fail);
          return;
        case 'changed': {
          const parts = [command.index, command.materials, command.warehouses];
          if (parts.includes('all')) {
            // A full read already under way may have passed the rows changed: it reads again when it ends.
            if (loading && !reloadTimer) readAgain = true;
            else scheduleReload();
            return;
          }
          for (const id of command.index ?? []) changed.index.add(id);
          for (const id of command.materials ?? []) changed.materials.add(id);
          for (const id of command.warehouses ?? []) changed.warehouses.add(id);
          readChanged().catch(fail);
          return;
        }
        case 'find':
          if (catalogue !== null && !loading && !isCurrent()) waiting.push(command);
          else answer(command);
          return;
        case 'close':
          closed = true;
          if (reloadTimer) clearTimeout(reloadTimer);
          db?.close();
          return;
      }
    },
  };
}
