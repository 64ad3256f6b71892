/**
 * 一键检索 held in memory: every resource's search text and the fields its ranking needs, scanned whole for
 * each query. At 100,000 resources a scan of the texts takes milliseconds, where reading the IndexedDB index
 * for a query of two common terms took 60–90 ms. A scan also finds every match: the index read stopped at the
 * first rows of its first term, so 帐篷 区级 could miss a tent that 区级 alone had thousands of rows beside.
 *
 * A row matches when its text holds every term (the same check the index path ends with), and passes the
 * kind and availability filter; the matches are ranked by `rankResults`. Pure, so it runs in the search
 * worker (renderer/db/resource-search-session.ts) and in unit tests alike.
 */
import {
  longestTerm,
  matchesTerms,
  normalisedName,
  passesFilter,
  rankResults,
  type ResourceIndexRow,
  type SearchFilter,
  type SearchHit,
} from './resource-search';
import type { GeoPoint } from './resource-types';

/** What the catalogue keeps of an index row, and lists. */
export type CatalogueEntry = SearchHit;

export interface CatalogueQuery {
  terms: readonly string[];
  filter: SearchFilter;
  near: GeoPoint | null;
  limit: number;
}

export function catalogueEntry({ keys: _, ...entry }: ResourceIndexRow): CatalogueEntry {
  return entry;
}

/** Between two texts in a joined string: no normalised term holds it, so no match spans two rows. */
const SEPARATOR = '\u0001';
/** Rows per joined string: a change joins its block again (about a millisecond), not all 100,000 (90 ms). */
const BLOCK = 2_048;

interface Block {
  /** The block's rows (null: a removed row's free slot). */
  slots: (CatalogueEntry | null)[];
  /** Their texts joined, with where each starts; null until the next search after a change. */
  joined: { text: string; starts: number[]; rows: CatalogueEntry[] } | null;
}

/** The rows of `block` whose text holds `term`, each once, in slot order. */
function holding(block: Block, term: string, found: CatalogueEntry[]): void {
  if (!block.joined) {
    const rows = block.slots.filter((entry) => entry !== null);
    const starts: number[] = [];
    let at = 0;
    for (const entry of rows) {
      starts.push(at);
      at += entry.text.length + SEPARATOR.length;
    }
    block.joined = { text: rows.map((entry) => entry.text).join(SEPARATOR), starts, rows };
  }
  const { text, starts, rows } = block.joined;
  let row = 0;
  for (let at = text.indexOf(term); at !== -1;) {
    // The row the occurrence falls in: the last start at or before it (starts only grow).
    let high = starts.length - 1;
    while (row < high) {
      const mid = (row + high + 1) >> 1;
      if (starts[mid]! <= at) row = mid;
      else high = mid - 1;
    }
    found.push(rows[row]!);
    row += 1;
    if (row >= rows.length) break;
    at = text.indexOf(term, starts[row]);
  }
}

/**
 * Every text is held in blocks of joined strings, with where each row's text starts: a term is found with
 * `indexOf` jumping from one occurrence to the next, several times faster than asking each of 100,000 texts.
 */
export function createSearchCatalogue(entries: Iterable<CatalogueEntry> = []) {
  const blocks: Block[] = [];
  const slotOf = new Map<string, number>();
  const free: number[] = [];

  const put = (entry: CatalogueEntry) => {
    let slot = slotOf.get(entry.id);
    if (slot === undefined) {
      slot = free.pop() ?? slotOf.size;
      slotOf.set(entry.id, slot);
    }
    const index = Math.floor(slot / BLOCK);
    const block = (blocks[index] ??= { slots: [], joined: null });
    block.slots[slot % BLOCK] = entry;
    block.joined = null;
  };
  for (const entry of entries) put(entry);

  return {
    get size() {
      return slotOf.size;
    },
    put,
    /** Joins every block changed since the last search, and normalises every name, so no search pays for it. */
    prepare(): void {
      for (const block of blocks) {
        holding(block, SEPARATOR, []);
        for (const entry of block.slots) if (entry) normalisedName(entry);
      }
    },
    get(id: string): CatalogueEntry | undefined {
      const slot = slotOf.get(id);
      return slot === undefined
        ? undefined
        : (blocks[Math.floor(slot / BLOCK)]!.slots[slot % BLOCK] ?? undefined);
    },
    remove(id: string): void {
      const slot = slotOf.get(id);
      if (slot === undefined) return;
      slotOf.delete(id);
      free.push(slot);
      const block = blocks[Math.floor(slot / BLOCK)]!;
      block.slots[slot % BLOCK] = null;
      block.joined = null;
    },
    /** The first `limit` matches, ranked. */
    find({ terms, filter, near, limit }: CatalogueQuery): SearchHit[] {
      const probe = longestTerm(terms) ?? '';
      const candidates: CatalogueEntry[] = [];
      for (const block of blocks) holding(block, probe, candidates);
      const matches = candidates.filter((entry) => passesFilter(entry, filter) && matchesTerms(entry, terms));
      return rankResults(matches, terms, near, limit);
    },
  };
}

export type SearchCatalogue = ReturnType<typeof createSearchCatalogue>;
