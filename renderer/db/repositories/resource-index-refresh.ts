/**
 * Rebuilds the stored 一键检索 rows when the way they are computed has changed (see RESOURCE_INDEX_VERSION),
 * and deletes those of kinds that no longer have one.
 * Runs after the database opens, in the background, a chunk of records per transaction with a pause between,
 * so neither the screen nor an operator's write waits long behind it at 100,000 rows. The version is written
 * last: a refresh cut short starts again at the next start.
 */
import { hasStoredIndexRow, RESOURCE_INDEX_VERSION } from '@shared/domain/resources/resource-index';
import { RESOURCE_KINDS } from '@shared/domain/resources/resource-types';
import type { EmergencyDeskDatabase } from '../database';
import { createResourceIndexer, loadPinyin, memoised } from './resource-indexer';

const CHUNK = 2_000;
const STORED_KINDS = RESOURCE_KINDS.filter(hasStoredIndexRow);

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function refreshResourceIndexIfStale(db: EmergencyDeskDatabase): Promise<number> {
  if ((await db.settings.get('resourceIndexVersion'))?.value === RESOURCE_INDEX_VERSION) return 0;
  const pinyin = memoised(await loadPinyin());
  const { context, reindex, registry, indexTables } = createResourceIndexer(db);
  let refreshed = 0;
  // Rows of kinds no longer stored (materials, before version 3) go first, a chunk per transaction.
  for (;;) {
    const stale = await db.resourceIndex.where('kind').noneOf(STORED_KINDS).limit(CHUNK).primaryKeys();
    if (stale.length === 0) break;
    await db.resourceIndex.bulkDelete(stale);
    refreshed += stale.length;
    await nextTask();
  }
  for (const kind of STORED_KINDS) {
    const ids = (await registry(kind).toCollection().primaryKeys()).map(String);
    for (let from = 0; from < ids.length; from += CHUNK) {
      const chunk = ids.slice(from, from + CHUNK);
      // Each chunk reads its records afresh: one changed or deleted since the ids were read is indexed as
      // it is now (a deleted one is skipped by reindex).
      await db.transaction('rw', indexTables(), async () => reindex(kind, chunk, await context(pinyin)));
      refreshed += chunk.length;
      await nextTask();
    }
  }
  await db.settings.put({ key: 'resourceIndexVersion', value: RESOURCE_INDEX_VERSION });
  return refreshed;
}
