/**
 * Emergency resources: the six registries, the stock ledger and 一键检索. Every write validates at this
 * boundary, stamps who wrote it, rebuilds the record's search-index row (materials have none: see
 * resource-index.ts) and appends an audit row, all in one transaction. Stock moves only through `postStock`,
 * which plans the entry against the cached balances inside the same transaction, so two keepers issuing at
 * once can never take the same stock twice. An imported material's opening stock stays on the material
 * until the first entry posts it (stock-opening.ts): every read of balances goes through `currentBalances`.
 */
import { localDate } from '@shared/domain/plan/plan-schedule';
import type { Actor } from '@shared/domain/org/types';
import { resourceAlerts, type ResourceAlert } from '@shared/domain/resources/resource-alerts';
import type { MaterialClass } from '@shared/domain/resources/material-code';
import type { SheetLookups, SheetRecord } from '@shared/domain/resources/resource-sheet';
import {
  hasStoredIndexRow,
  materialSearchEntries,
  toIndexRow,
  type IndexedRecord,
} from '@shared/domain/resources/resource-index';
import { RESOURCE_INPUT_SCHEMAS } from '@shared/domain/resources/resource-schemas';
import {
  indexProbe,
  KEY_LENGTH,
  longestTerm,
  matchesTerms,
  passesFilter,
  queryTerms,
  rankResults,
  type ResourceIndexRow,
  type SearchFilter,
  type SearchHit,
} from '@shared/domain/resources/resource-search';
import type { GeoPoint, Material, ResourceKind, Warehouse } from '@shared/domain/resources/resource-types';
import {
  currentBalances,
  ledgerOf,
  openingEntry,
  withoutOpening,
} from '@shared/domain/resources/stock-opening';
import {
  applyMovements,
  balancesByMaterial,
  deriveBalances,
  planMovements,
  type StockBalance,
  type StockEntry,
  type StockRequest,
  totalQuantity,
} from '@shared/domain/resources/stock-ledger';
import type { z } from '@shared/validation/z';
import type { Table } from 'dexie';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import {
  createResourceIndexer,
  DEFAULT_RESOURCE_SETTINGS,
  loadPinyin,
  memoised,
  type ResourceSettings,
} from './resource-indexer';
import { readMaterialBalances } from './material-balances';
import { RepositoryError } from './repository-error';
import { parseOrThrow, stamp } from './write-helpers';

type Clock = () => number;
type Schemas = typeof RESOURCE_INPUT_SCHEMAS;
export type ResourceInput<K extends ResourceKind> = z.input<Schemas[K]>;
export { DEFAULT_RESOURCE_SETTINGS, type ResourceSettings };

export interface StockPostMeta {
  reason?: string;
  party?: string;
  note?: string;
  refId?: string | null;
}

export interface SearchOptions extends Partial<SearchFilter> {
  limit?: number;
  near?: GeoPoint | null;
}

export type MaterialWithStock = Material & { total: number };

export interface MaterialsPageQuery {
  /** The registry's filter box, looked up in the search index. */
  filter: string;
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface MaterialsPage {
  rows: MaterialWithStock[];
  /** Materials in the registry, or those the filter found. */
  total: number;
  /** The filter found more than are listed: the person narrows it. */
  capped: boolean;
}

export interface SearchEpoch {
  subscribe(listener: () => void): () => void;
  current(): number;
}
const NO_SEARCH_EPOCH: SearchEpoch = { subscribe: () => () => undefined, current: () => 0 };

/** A filter lists at most this many materials, enough to read through; beyond it the person narrows it. */
export const FILTERED_MATERIALS_LIMIT = 200;

/**
 * How many index rows a plain one-term query reads: every one of them matches, so twice the 50 a person
 * reads is enough. Each row is a random read (~0.2 ms at 100k rows, cold), so this bound is most of a
 * search's time.
 */
const CANDIDATE_LIMIT = 100;
/**
 * Rows read when they are then sifted or weighed: by a kind or availability filter, by further terms, or by
 * distance ("the nearest three teams": a nearer one may be beyond the first rows).
 */
const SIFTED_CANDIDATE_LIMIT = 200;
/**
 * Ids read per term of a multi-term query before intersecting. Reading every id of a common term (区级 in
 * thousands of rows) cost 70–180 ms at 100k rows; below this bound a term's ids are complete, above it a
 * match may be missed and the person narrows the query.
 */
const TERM_ID_LIMIT = 1_000;

function uniqueById<T extends { id: string }>(rows: readonly T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
}
const IMPORT_CHUNK = 2000;
/**
 * Up to this many materials the repository's search reads them all (a few milliseconds) and matches any
 * part of a name, spec or warehouse; beyond it the catalogue answers, and this search only bridges its load.
 */
const MATERIAL_SCAN_LIMIT = 5_000;

interface ImportChunk {
  rows: Record<string, unknown>[];
  index: ResourceIndexRow[];
}

export function createResourceRepository(
  db: EmergencyDeskDatabase,
  now: Clock = Date.now,
  { materialScanLimit = MATERIAL_SCAN_LIMIT } = {},
) {
  const { settings, context: indexContext, reindex, registry, indexTables } = createResourceIndexer(db);
  let pinyinLoad: Promise<(name: string) => string[]> | null = null;
  /** The dictionary for the materials' search text, loaded at the first search and kept. */
  const searchPinyin = () => (pinyinLoad ??= loadPinyin().then(memoised));

  const rowsOf = async (probe: string, limit: number) =>
    // No .distinct(): it turns one getAll into a cursor walk (~15 ms at 100k rows). A row matching the
    // probe through two keys is dropped here instead.
    uniqueById(await db.resourceIndex.where('keys').startsWith(probe).limit(limit).toArray());

  const browse = (filter: SearchFilter, limit: number) =>
    filter.kinds.length > 0
      ? db.resourceIndex
          .where('kind')
          .anyOf([...filter.kinds])
          .limit(limit)
          .toArray()
      : db.resourceIndex.limit(limit).toArray();

  /**
   * Several terms: when every term names few enough rows, intersect their ids, so "帐篷 区级" finds every
   * tent in a district warehouse. A term too common to read whole falls back to the rows of the longest
   * term, checked against every term (a match beyond them needs a narrower query). The fallback rows are
   * asked for with the ids, in the same transaction, so a common term costs no second round trip.
   */
  async function intersect(
    terms: readonly string[],
    probe: string,
    limit: number,
  ): Promise<ResourceIndexRow[]> {
    const [fallback, ...idLists] = await Promise.all([
      rowsOf(probe, limit),
      ...terms.map((term) =>
        db.resourceIndex
          .where('keys')
          .startsWith(term.slice(0, KEY_LENGTH))
          .limit(TERM_ID_LIMIT)
          .primaryKeys(),
      ),
    ]);
    if (idLists.some((ids) => ids.length >= TERM_ID_LIMIT)) return fallback;
    const [smallest, ...others] = idLists.map((ids) => new Set(ids)).sort((a, b) => a.size - b.size);
    const ids = [...(smallest ?? [])].filter((id) => others.every((set) => set.has(id))).slice(0, limit);
    const known = new Map(fallback.map((row) => [row.id, row]));
    const missing = ids.filter((id) => !known.has(id));
    const read = missing.length > 0 ? await db.resourceIndex.bulkGet(missing) : [];
    for (const row of read) if (row) known.set(row.id, row);
    return ids.map((id) => known.get(id)).filter((row) => row !== undefined);
  }

  /**
   * The materials a search considers, with what their entries need. A small registry is read whole and
   * matched on any part of the text, as the catalogue matches; at 100,000 (only while the catalogue loads)
   * the longest term is looked up in the materials' name and code indexes.
   */
  async function materialCandidates(
    terms: readonly string[],
    reads: number,
  ): Promise<{ materials: Material[]; balances: StockBalance[]; warehouses: Warehouse[] }> {
    const probe = longestTerm(terms);
    const isSmall = (await db.materials.offset(materialScanLimit).limit(1).primaryKeys()).length === 0;
    const materials = isSmall
      ? await db.materials.toArray()
      : probe === undefined
        ? await db.materials.limit(reads).toArray()
        : uniqueById(
            (
              await Promise.all([
                db.materials.where('name').startsWithIgnoreCase(probe).limit(reads).toArray(),
                db.materials.where('code').startsWith(probe).limit(reads).toArray(),
              ])
            ).flat(),
          );
    if (materials.length === 0) return { materials, balances: [], warehouses: [] };
    const [balances, warehouses] = await Promise.all([
      readMaterialBalances(db, materials),
      db.warehouses.toArray(),
    ]);
    return { materials, balances, warehouses };
  }

  /** 一键检索: at most `limit` rows, ranked; no count() on the typing path. */
  async function search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    // test/bench/resource-search.ts reads these 'resource-search' measures (resource_search_p95_ms).
    const start = typeof performance !== 'undefined' ? performance.now() : 0;
    const filter: SearchFilter = {
      kinds: options.kinds ?? [],
      availableOnly: options.availableOnly ?? false,
    };
    const limit = options.limit ?? 50;
    const terms = queryTerms(query);
    const probe = indexProbe(terms);
    const wantsIndex = filter.kinds.length === 0 || filter.kinds.some(hasStoredIndexRow);
    const wantsMaterials = filter.kinds.length === 0 || filter.kinds.includes('material');
    // Every read of a search in one read-only transaction, its requests issued together, and issued before
    // the dictionary's load is awaited, so a caller's live query observes them all. Being explicit, it also
    // skips Dexie's live-query result cache and the deep copy of every row that cache hands out.
    const isSifted =
      terms.length > 1 || filter.kinds.length > 0 || filter.availableOnly || Boolean(options.near);
    const reads = isSifted || limit > CANDIDATE_LIMIT / 2 ? SIFTED_CANDIDATE_LIMIT : CANDIDATE_LIMIT;
    const [pinyin, read] = await Promise.all([
      searchPinyin(),
      db.transaction('r', [db.resourceIndex, db.materials, db.stockBalances, db.warehouses], () =>
        Promise.all([
          !wantsIndex
            ? []
            : probe === null
              ? browse(filter, reads)
              : terms.length === 1
                ? rowsOf(probe, reads)
                : intersect(terms, probe, reads),
          wantsMaterials ? materialCandidates(terms, reads) : null,
        ]),
      ),
    ]);
    const [indexRows, materials] = read;
    const candidates: SearchHit[] = indexRows.filter((row) => hasStoredIndexRow(row.kind));
    if (materials) {
      const names = new Map(materials.warehouses.map((w) => [w.id, w.name]));
      candidates.push(...materialSearchEntries(materials.materials, materials.balances, names, pinyin));
    }
    const matching = candidates.filter((row) => passesFilter(row, filter) && matchesTerms(row, terms));
    const ranked = rankResults(matching, terms, options.near ?? null).slice(0, limit);
    if (typeof performance !== 'undefined') {
      performance.measure('resource-search', { start, end: performance.now(), detail: { from: 'index' } });
    }
    return ranked;
  }

  async function withStock(materials: readonly Material[]): Promise<MaterialWithStock[]> {
    const byMaterial = balancesByMaterial(await readMaterialBalances(db, materials));
    return materials.map((m) => ({ ...m, total: totalQuantity(byMaterial.get(m.id) ?? []) }));
  }

  /**
   * Appends the 入库 entry an imported material's opening stands for, caches its balance and takes the
   * opening off the material; returns the material's balances. Called inside a 'rw' transaction holding
   * materials, stockEntries and stockBalances, before the material's first entry or a move of its home.
   */
  async function postOpening(material: Material): Promise<StockBalance[]> {
    const entry = openingEntry(material);
    if (!entry) return [];
    const balances = deriveBalances([entry]);
    await Promise.all([
      db.stockEntries.put(entry),
      db.stockBalances.bulkPut(balances),
      db.materials.put(withoutOpening(material)),
    ]);
    return balances;
  }

  /**
   * What an edit keeps of a material's unposted opening: all of it, unless the home warehouse changes. The
   * opening lies in the home warehouse, so a move posts it first and the stock stays where it is.
   */
  async function openingAfterEdit(existing: Material, warehouseId: string): Promise<Partial<Material>> {
    if (!existing.opening) return {};
    if (existing.warehouseId === warehouseId) return { opening: existing.opening };
    await postOpening(existing);
    return {};
  }

  /**
   * One page of the materials registry in code order, with stock on hand. At 100,000 materials the registry
   * no longer reads every row (and every balance) after each stock entry: a page is one ranged read. A filter
   * goes through 一键检索 (name, code, spec, warehouse, pinyin) and lists at most FILTERED_MATERIALS_LIMIT
   * matches; `find` is the search that answers, so a page with the catalogue asks the catalogue.
   */
  async function materialsPage(
    query: MaterialsPageQuery,
    find: (query: string, options: SearchOptions) => Promise<SearchHit[]> = search,
  ): Promise<MaterialsPage> {
    const from = (query.page - 1) * query.pageSize;
    if (queryTerms(query.filter).length === 0) {
      return db.transaction('r', db.materials, db.stockBalances, async () => {
        const [total, materials] = await Promise.all([
          db.materials.count(),
          db.materials.orderBy('code').offset(from).limit(query.pageSize).toArray(),
        ]);
        return { rows: await withStock(materials), total, capped: false };
      });
    }
    const found = await find(query.filter, { kinds: ['material'], limit: FILTERED_MATERIALS_LIMIT });
    return db.transaction('r', db.materials, db.stockBalances, async () => {
      // A material deleted since the search found it is simply left out.
      const materials = (await db.materials.bulkGet(found.map((r) => r.id)))
        .filter((m): m is Material => m !== undefined)
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      return {
        rows: await withStock(materials.slice(from, from + query.pageSize)),
        total: materials.length,
        capped: found.length >= FILTERED_MATERIALS_LIMIT,
      };
    });
  }

  return {
    settings,

    async saveSettings(input: Partial<ResourceSettings>, actor: Actor): Promise<void> {
      const next = { ...(await settings()), ...input };
      const valid =
        next.perPersonAreaM2 > 0 &&
        next.perPersonAreaM2 <= 100 &&
        Number.isInteger(next.expiryWarningDays) &&
        next.expiryWarningDays >= 0 &&
        Number.isInteger(next.inspectionWarningDays) &&
        next.inspectionWarningDays >= 0;
      if (!valid) throw new RepositoryError('invalidInput', { field: 'resourceSettings' });
      const pinyin = await loadPinyin();
      await db.transaction('rw', [...indexTables(), db.audit], async () => {
        await db.settings.put({ key: 'resourceSettings', value: next });
        // Shelter capacity in the index depends on the per-person area.
        await reindex('shelter', await db.shelters.toCollection().primaryKeys(), await indexContext(pinyin));
        await db.audit.add(
          auditEntry(now(), actor, 'update', 'settings', 'resources', `${next.perPersonAreaM2} m²/人`),
        );
      });
    },

    /** The database the import worker opens (the same one, in its own connection). */
    databaseName: db.name,

    /**
     * Bumped when the search may answer better than it did: the catalogue has been read. A list the database
     * answered while it loaded is asked again then (resource-search-client.ts); without a catalogue, never.
     */
    searchEpoch: NO_SEARCH_EPOCH as SearchEpoch,

    /** Names a sheet may use for warehouses, people and units, and the material codes already taken. */
    async sheetLookups(): Promise<SheetLookups> {
      const [warehouses, people, units, existingCodes] = await Promise.all([
        db.warehouses.toArray(),
        db.people.toArray(),
        db.units.toArray(),
        db.materials.orderBy('code').keys(),
      ]);
      const pick = (rows: readonly { id: string; name: string }[]) =>
        rows.map(({ id, name }) => ({ id, name }));
      return {
        warehouses: pick(warehouses),
        people: pick(people),
        units: pick(units),
        existingCodes: existingCodes.map(String),
      };
    },

    /** Every record of a registry, for export. */
    listRecords: (kind: ResourceKind) =>
      registry(kind).toArray() as unknown as Promise<Record<string, unknown>[]>,

    /** The office's own lower levels of the GB/T 38565 tree (see material-code.ts). */
    materialClasses: async (): Promise<MaterialClass[]> =>
      ((await db.settings.get('materialClasses'))?.value as MaterialClass[] | undefined) ?? [],
    listWarehouses: () => db.warehouses.toArray(),
    getMaterial: (id: string) => db.materials.get(id),
    listTeams: () => db.teams.toArray(),
    listEquipment: () => db.equipment.toArray(),
    listExperts: () => db.experts.toArray(),
    listShelters: () => db.shelters.toArray(),
    balancesOf: (materialId: string) =>
      db.transaction('r', db.materials, db.stockBalances, async () => {
        const material = await db.materials.get(materialId);
        return material ? readMaterialBalances(db, [material]) : [];
      }),
    /** The ledger of one material, oldest first: the printable history (台账). */
    entriesOf: (materialId: string) =>
      db.transaction('r', db.materials, db.stockEntries, async () => {
        const [material, entries] = await Promise.all([
          db.materials.get(materialId),
          db.stockEntries
            .where('[materialId+at]')
            .between([materialId, -Infinity], [materialId, Infinity])
            .toArray(),
        ]);
        return ledgerOf(material, entries);
      }),
    getIndexRow: (id: string) => db.resourceIndex.get(id),

    async saveRecord<K extends ResourceKind>(
      kind: K,
      input: ResourceInput<K>,
      id: string | null,
      actor: Actor,
    ): Promise<string> {
      const schema: z.ZodType<Record<string, unknown>> = RESOURCE_INPUT_SCHEMAS[kind];
      const values = parseOrThrow(schema.safeParse(input));
      const pinyin = await loadPinyin();
      const table = registry(kind);
      const ledger = kind === 'material' ? [db.stockEntries, db.stockBalances] : [];
      return db.transaction('rw', [...indexTables(), ...ledger, db.audit], async () => {
        const existing = id === null ? undefined : await table.get(id);
        if (id !== null && !existing) throw new RepositoryError('notFound');
        if (kind === 'material') {
          const code = values.code as string;
          const clash = await db.materials.where('code').equals(code).first();
          if (clash && clash.id !== id)
            throw new RepositoryError('materialCodeTaken', { code, name: clash.name });
          if (!(await db.warehouses.get(values.warehouseId as string))) {
            throw new RepositoryError('warehouseMissing');
          }
        }
        const recordId = existing?.id ?? crypto.randomUUID();
        const at = now();
        const kept =
          kind === 'material' && existing
            ? await openingAfterEdit(existing as Material, values.warehouseId as string)
            : {};
        const record = { ...values, ...kept, id: recordId, ...stamp(at, actor, existing) };
        await (table as typeof db.teams).put(record as never);
        const ctx = await indexContext(pinyin);
        await reindex(kind, [recordId], ctx);
        if (kind === 'warehouse' && existing) {
          // Equipment shows its warehouse's name in search results (the search worker reads materials'
          // warehouse names itself).
          const held = await db.equipment.filter((e) => e.warehouseId === recordId).primaryKeys();
          await reindex('equipment', held, ctx);
        }
        await db.audit.add(
          auditEntry(at, actor, existing ? 'update' : 'create', kind, recordId, String(values.name)),
        );
        return recordId;
      });
    },

    /** A material with a ledger, or a warehouse holding anything, stays: the history must remain readable. */
    async deleteRecord(kind: ResourceKind, id: string, actor: Actor): Promise<void> {
      const table = registry(kind);
      await db.transaction(
        'rw',
        [table, db.stockEntries, db.stockBalances, db.materials, db.resourceIndex, db.audit],
        async () => {
          const existing = (await table.get(id)) as { name: string; opening?: unknown } | undefined;
          if (!existing) throw new RepositoryError('notFound');
          if (kind === 'material') {
            const posted = await db.stockEntries
              .where('[materialId+at]')
              .between([id, -Infinity], [id, Infinity])
              .count();
            const entries = posted + (existing.opening ? 1 : 0);
            if (entries > 0) throw new RepositoryError('materialHasLedger', { entries });
          }
          if (kind === 'warehouse') {
            const materials = await db.materials.where('warehouseId').equals(id).count();
            const stock = await db.stockBalances.where('warehouseId').equals(id).count();
            if (materials + stock > 0) throw new RepositoryError('warehouseInUse', { materials, stock });
          }
          await table.delete(id);
          await db.resourceIndex.delete(id);
          await db.audit.add(auditEntry(now(), actor, 'delete', kind, id, existing.name));
        },
      );
    },

    /**
     * All-or-nothing import of checked sheet rows (resource-sheet.ts) in one transaction: the records (a
     * material with its opening stock, see stock-opening.ts), their search rows, and one audit row. A refusal
     * or a cancel (checked between chunks) aborts the transaction, so nothing of the file is left behind.
     *
     * The rows of the next chunk are built while IndexedDB writes the previous one (the writes run in the
     * browser's storage process, the building on this thread), so the import costs about the longer of the
     * two instead of their sum; at most one chunk is in flight, which bounds the memory held.
     */
    async importRecords(
      kind: ResourceKind,
      records: readonly SheetRecord[],
      actor: Actor,
      options: { onProgress?: (done: number) => void; isCancelled?: () => boolean } = {},
    ): Promise<number> {
      const schema: z.ZodType<Record<string, unknown>> = RESOURCE_INPUT_SCHEMAS[kind];
      const pinyin = memoised(await loadPinyin());
      const table = registry(kind) as unknown as Table<{ id: string }, string>;
      return db.transaction('rw', [...indexTables(), db.audit], async () => {
        const ctx = await indexContext(pinyin);
        const at = now();
        const codes = kind === 'material' ? new Set(await db.materials.orderBy('code').keys()) : new Set();
        const build = (chunk: readonly SheetRecord[]): ImportChunk => {
          const built: ImportChunk = { rows: [], index: [] };
          for (const sheetRow of chunk) {
            const parsed = schema.safeParse(sheetRow.input);
            if (!parsed.success) {
              const issue = parsed.error.issues[0];
              throw new RepositoryError('importRowInvalid', {
                row: sheetRow.row,
                field: issue?.path.map(String).join('.') ?? '',
              });
            }
            const record: Record<string, unknown> & { id: string } = {
              ...parsed.data,
              id: crypto.randomUUID(),
              ...stamp(at, actor),
            };
            if (kind === 'material') {
              const code = record['code'] as string;
              if (codes.has(code)) throw new RepositoryError('materialCodeTaken', { code, name: '' });
              codes.add(code);
              if (sheetRow.opening) record['opening'] = sheetRow.opening;
            }
            built.rows.push(record);
            if (hasStoredIndexRow(kind)) {
              built.index.push(toIndexRow({ kind, record } as unknown as IndexedRecord, ctx));
            }
          }
          return built;
        };
        const write = (built: ImportChunk) => {
          const written = Promise.all([
            table.bulkAdd(built.rows as never[]),
            built.index.length > 0 ? db.resourceIndex.bulkAdd(built.index) : null,
          ]);
          // Awaited below; when building a later chunk throws first, the abort rejects it unobserved.
          written.catch(() => undefined);
          return written;
        };
        let inFlight: { written: Promise<unknown>; done: number } | null = null;
        for (let start = 0; start < records.length; start += IMPORT_CHUNK) {
          if (options.isCancelled?.()) throw new RepositoryError('importCancelled');
          const chunk = records.slice(start, start + IMPORT_CHUNK);
          const written = write(build(chunk));
          if (inFlight) {
            await inFlight.written;
            options.onProgress?.(inFlight.done);
          }
          inFlight = { written, done: start + chunk.length };
        }
        if (inFlight) {
          await inFlight.written;
          options.onProgress?.(inFlight.done);
        }
        await db.audit.add(auditEntry(at, actor, 'import', kind, '*', String(records.length)));
        return records.length;
      });
    },

    /**
     * Appends one ledger entry, planned against the balances as they are inside this transaction. A
     * refusal (more than is there, an expired batch …) throws with the figures, and nothing is written.
     */
    async postStock(
      materialId: string,
      request: StockRequest,
      meta: StockPostMeta,
      actor: Actor,
    ): Promise<StockEntry> {
      const tables = [db.materials, db.warehouses, db.stockBalances, db.stockEntries, db.audit];
      return db.transaction('rw', tables, async () => {
        const material = await db.materials.get(materialId);
        if (!material) throw new RepositoryError('notFound');
        const targets = [
          request.warehouseId,
          ...(request.kind === 'transfer' ? [request.toWarehouseId] : []),
        ];
        for (const warehouseId of targets) {
          if (!(await db.warehouses.get(warehouseId))) throw new RepositoryError('warehouseMissing');
        }
        const before = material.opening
          ? await postOpening(material)
          : await db.stockBalances.where('materialId').equals(materialId).toArray();
        const at = now();
        const plan = planMovements(before, request, localDate(at));
        if (!plan.ok) {
          const { code, ...params } = plan.refusal;
          throw new RepositoryError(`stock.${code}`, { ...params, unit: material.unit } as Record<
            string,
            string | number
          >);
        }
        const entry: StockEntry = {
          id: crypto.randomUUID(),
          at,
          actor,
          materialId,
          kind: request.kind,
          movements: plan.movements,
          reason: meta.reason ?? '',
          party: meta.party ?? '',
          note: meta.note ?? '',
          refId: meta.refId ?? null,
        };
        await db.stockEntries.add(entry);
        const after = applyMovements(before, materialId, plan.movements);
        await db.stockBalances.where('materialId').equals(materialId).delete();
        await db.stockBalances.bulkPut(after);
        await db.audit.add(
          auditEntry(at, actor, `stock.${request.kind}`, 'material', materialId, material.name),
        );
        return entry;
      });
    },

    /**
     * Recomputes every balance from the ledger and compares it with the cache. Returns the rows that
     * differ (empty when the cache is true); `repair` rewrites the cache from the ledger.
     */
    async verifyBalances(repair = false): Promise<{ checked: number; mismatches: StockBalance[] }> {
      return db.transaction(repair ? 'rw' : 'r', [db.stockEntries, db.stockBalances], async () => {
        const derived = deriveBalances(await db.stockEntries.orderBy('[materialId+at]').toArray());
        const cached = await db.stockBalances.toArray();
        const key = (b: StockBalance) => `${b.materialId}/${b.warehouseId}/${b.batchNo}`;
        const cachedByKey = new Map(cached.map((b) => [key(b), b]));
        const derivedKeys = new Set(derived.map(key));
        const mismatches = [
          ...derived.filter((b) => cachedByKey.get(key(b))?.quantity !== b.quantity),
          ...cached.filter((b) => !derivedKeys.has(key(b))).map((b) => ({ ...b, quantity: 0 })),
        ];
        if (repair && mismatches.length > 0) {
          await db.stockBalances.clear();
          await db.stockBalances.bulkPut(derived);
        }
        return { checked: derived.length, mismatches };
      });
    },

    search,

    materialsPage,

    async materialWithStock(id: string): Promise<MaterialWithStock | undefined> {
      return db.transaction('r', db.materials, db.stockBalances, async () => {
        const material = await db.materials.get(id);
        return material && (await withStock([material]))[0];
      });
    },

    materialCodesUnder: async (classCode: string): Promise<string[]> =>
      (await db.materials.where('code').startsWith(classCode).keys()).map(String),

    async alerts(): Promise<ResourceAlert[]> {
      const at = now();
      const [materials, cached, equipment, warehouses, counts, current] = await db.transaction(
        'r',
        [db.materials, db.stockBalances, db.equipment, db.warehouses, db.stockEntries, db.settings],
        () =>
          Promise.all([
            db.materials.toArray(),
            db.stockBalances.toArray(),
            db.equipment.toArray(),
            db.warehouses.toArray(),
            db.stockEntries.where('[kind+at]').between(['count', -Infinity], ['count', Infinity]).toArray(),
            settings(),
          ]),
      );
      const lastStocktakes = new Map<string, number>();
      for (const entry of counts) {
        for (const m of entry.movements) {
          lastStocktakes.set(m.warehouseId, Math.max(lastStocktakes.get(m.warehouseId) ?? 0, entry.at));
        }
      }
      return resourceAlerts(
        { materials, balances: currentBalances(materials, cached), equipment, warehouses, lastStocktakes },
        localDate(at),
        at,
        current,
      );
    },
  };
}

export type ResourceRepository = ReturnType<typeof createResourceRepository>;
