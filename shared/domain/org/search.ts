/**
 * Directory search: an operator types 张, zhang, zxm or 1380013 and finds the person. The pinyin forms are
 * computed once when a person is written (search-text.ts, stored as `searchText`), so searching 10,000
 * people is a plain substring scan, and the pinyin dictionary is not loaded to show the directory.
 */
/** Bumped when the stored form changes (2: ü stored as v); people stored under an older one are recomputed. */
export const SEARCH_TEXT_VERSION = 2;

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Every whitespace-separated term must match somewhere: "东湖 值班" narrows instead of widening.
 * `extra` carries text that is not stored on the person (the unit name, position names).
 */
export function matchesQuery(searchText: string, query: string, extra = ''): boolean {
  const terms = normaliseQuery(query).split(' ').filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = extra === '' ? searchText : `${searchText} ${extra.toLowerCase()}`;
  return terms.every((term) => haystack.includes(term.replace(/-/g, '')));
}
