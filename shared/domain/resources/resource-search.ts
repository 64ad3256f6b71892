/**
 * 一键检索: one search over every registry. Each resource has one row in a search index whose `keys` are
 * looked up by prefix in IndexedDB: every suffix of the Chinese runs of its name (so 沙袋 finds 编织沙袋),
 * whole tokens of its other fields (code, type, warehouse, skills), and the pinyin of its name. The index
 * finds candidates through the first term; `text` then checks every term, so a query narrows as it grows.
 * Counting is kept out of the typing path: a prefix query with a limit costs milliseconds at 100,000 rows,
 * a count() over the table more than a hundred.
 */
import type { GeoPoint, ResourceKind } from './resource-types';

export const AVAILABILITIES = ['available', 'limited', 'unavailable'] as const;
export type Availability = (typeof AVAILABILITIES)[number];

export interface ResourceIndexRow {
  id: string;
  kind: ResourceKind;
  name: string;
  /** Material code, equipment model … shown in the first column. */
  code: string;
  /** The second line of a result (spec and warehouse, a team's field and base …). */
  detail: string;
  /** Readiness, status or availability code of the registry (待命, 完好 …), translated by the screen. */
  status: string;
  availability: Availability;
  /** Materials: total on hand; shelters: free places; teams: headcount. null where a count means nothing. */
  quantity: number | null;
  unit: string;
  location: GeoPoint | null;
  keys: string[];
  text: string;
}

/** What a search lists of a row: all but its keys, which only the IndexedDB lookup reads. */
export type SearchHit = Omit<ResourceIndexRow, 'keys'>;

/** Keys longer than this are cut: a query longer than that still narrows through `text`. */
export const KEY_LENGTH = 12;

export function normaliseSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function queryTerms(query: string): string[] {
  return normaliseSearch(query).split(' ').filter(Boolean);
}

const CJK_RUN = /[\u3400-\u9fff]+/g;
const TOKEN_SPLIT = /[\s,，、;；/|()（）【】[\]·:：]+/;

export interface SearchableText {
  /** Names: every suffix of their Chinese runs becomes a key. */
  names: readonly string[];
  /** Other fields: each token is a key (prefix match). */
  tokens: readonly string[];
  /** Pinyin forms of the name (full and initials), from resource-search-text.ts. */
  pinyin: readonly string[];
}

export function searchKeys(fields: SearchableText): string[] {
  const keys = new Set<string>();
  const addToken = (token: string) => {
    const t = normaliseSearch(token);
    if (t !== '') keys.add(t.slice(0, KEY_LENGTH));
  };
  for (const name of fields.names) {
    const n = normaliseSearch(name);
    for (const part of n.split(TOKEN_SPLIT)) addToken(part);
    for (const run of n.match(CJK_RUN) ?? []) {
      for (let i = 1; i < run.length; i += 1) keys.add(run.slice(i, i + KEY_LENGTH));
    }
  }
  for (const field of fields.tokens) for (const token of field.split(TOKEN_SPLIT)) addToken(token);
  for (const form of fields.pinyin) addToken(form);
  return [...keys];
}

export function searchText(fields: SearchableText): string {
  return normaliseSearch([...fields.names, ...fields.tokens, ...fields.pinyin].join(' '));
}

/** The longest term: the likeliest to be rare, so its rows are found first and the others checked on them. */
export function longestTerm(terms: readonly string[]): string | undefined {
  return [...terms].sort((a, b) => b.length - a.length)[0];
}

/** The key the index is asked for: the longest term, which narrows the candidates most, cut to a key's length. */
export function indexProbe(terms: readonly string[]): string | null {
  return longestTerm(terms)?.slice(0, KEY_LENGTH) ?? null;
}

export function matchesTerms(row: Pick<ResourceIndexRow, 'text'>, terms: readonly string[]): boolean {
  return terms.every((term) => row.text.includes(term));
}

export interface SearchFilter {
  kinds: readonly ResourceKind[];
  /** Show only what can be used now. */
  availableOnly: boolean;
}

export function passesFilter(
  row: Pick<ResourceIndexRow, 'kind' | 'availability'>,
  filter: SearchFilter,
): boolean {
  return (
    (filter.kinds.length === 0 || filter.kinds.includes(row.kind)) &&
    (!filter.availableOnly || row.availability !== 'unavailable')
  );
}

/** Great-circle distance in kilometres (haversine): "the nearest three teams" from a place. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const AVAILABILITY_RANK = { available: 0, limited: 1, unavailable: 2 } as const;

/** One collator for every comparison: `a.localeCompare(b, 'zh-CN')` builds one per call. */
const byName = new Intl.Collator('zh-CN').compare;

const normalisedNames = new WeakMap<object, string>();

/**
 * A row's name as a query term is written, kept with the row: normalising (NFKC, case, spaces) was most of
 * the time spent ranking the thousands of rows a common term matches. Rows held for long (the search
 * catalogue's) are normalised once; rows read afresh for one query are normalised for it, as before.
 */
export function normalisedName(row: Pick<ResourceIndexRow, 'name'>): string {
  let name = normalisedNames.get(row);
  if (name === undefined) normalisedNames.set(row, (name = normaliseSearch(row.name)));
  return name;
}

function matchScore(row: Pick<ResourceIndexRow, 'name' | 'code'>, first: string): number {
  if (first === '') return 2;
  const name = normalisedName(row);
  if (name === first || row.code === first) return 0;
  if (name.startsWith(first) || row.code.startsWith(first)) return 1;
  return 2;
}

/**
 * Results in the order an operator reads them: an exact name or code first, then names that start with the
 * query, then usable before unusable, then the nearest when a place is given, then by name; the first `limit`
 * of them. Each row's sort keys are worked out once, not in every comparison: normalising both names and
 * collating per comparison cost more than the whole IndexedDB read of 200 candidates, on the typing path.
 * The rows are ordered by the numbers first; names are collated only where they decide what is shown: within
 * the groups that fit in `limit`, and in the one group that crosses it, where the `limit`-th place is found
 * without sorting the thousands of rows a common term (沙袋 among 100,000) may match.
 */
export function rankResults<T extends Pick<ResourceIndexRow, 'name' | 'code' | 'availability' | 'location'>>(
  rows: readonly T[],
  terms: readonly string[],
  near: GeoPoint | null = null,
  limit: number = rows.length,
): T[] {
  const first = terms[0] ?? '';
  const keyed = rows.map((row) => ({
    row,
    score: matchScore(row, first),
    availability: AVAILABILITY_RANK[row.availability],
    distance: near && row.location ? distanceKm(near, row.location) : Number.POSITIVE_INFINITY,
  }));
  // Two rows without a place: Infinity − Infinity is NaN, so they count as equally near.
  const byNumbers = (a: (typeof keyed)[number], b: (typeof keyed)[number]) =>
    a.score - b.score || a.availability - b.availability || a.distance - b.distance || 0;
  keyed.sort(byNumbers);
  const ranked: T[] = [];
  for (let from = 0; from < keyed.length && ranked.length < limit;) {
    let to = from + 1;
    while (to < keyed.length && byNumbers(keyed[from]!, keyed[to]!) === 0) to += 1;
    const group = keyed.slice(from, to).map((k) => k.row);
    ranked.push(...firstByName(group, limit - ranked.length));
    from = to;
  }
  return ranked;
}

/** The first `count` rows by name, in order (stable: equal names keep their order). */
function firstByName<T extends Pick<ResourceIndexRow, 'name'>>(rows: readonly T[], count: number): T[] {
  if (rows.length <= count) return [...rows].sort((a, b) => byName(a.name, b.name));
  const best: T[] = [];
  for (const row of rows) {
    if (best.length === count && byName(row.name, best[count - 1]!.name) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (byName(row.name, best[mid]!.name) < 0) high = mid;
      else low = mid + 1;
    }
    best.splice(low, 0, row);
    if (best.length > count) best.pop();
  }
  return best;
}
