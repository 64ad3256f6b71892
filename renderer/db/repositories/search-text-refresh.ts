/**
 * Recomputes the stored search text of every person when the way it is computed has changed (for example
 * 吕 is now stored as "lv", the way people type it). Runs after the database opens, in the background: the
 * directory shows meanwhile, and the pinyin dictionary is loaded only when there is work to do.
 */
import { SEARCH_TEXT_VERSION } from '@shared/domain/org/search';
import type { EmergencyDeskDatabase } from '../database';

export async function refreshSearchTextIfStale(db: EmergencyDeskDatabase): Promise<number> {
  const stored = (await db.settings.get('searchTextVersion'))?.value;
  if (stored === SEARCH_TEXT_VERSION) return 0;
  const { personSearchText } = await import('@shared/domain/org/search-text');
  return db.transaction('rw', db.people, db.settings, async () => {
    const people = await db.people.toArray();
    await db.people.bulkPut(people.map((p) => ({ ...p, searchText: personSearchText(p) })));
    await db.settings.put({ key: 'searchTextVersion', value: SEARCH_TEXT_VERSION });
    return people.length;
  });
}
