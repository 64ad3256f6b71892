/**
 * Raw IndexedDB from the benchmarks, into the database the app created on its first start: seeding through the
 * repositories would take minutes, and counting through the app would measure the app. A throw inside a
 * callback (no such store: the app made an older database) rejects instead of hanging the run.
 */
import type { Page } from 'playwright-core';

export const DATABASE = 'emergency-desk';

/** One transaction, resolved on `complete`; the rows cross as one JSON string. */
export async function putRows(page: Page, store: string, rows: readonly object[]): Promise<void> {
  await page.evaluate(
    ({ name, store, json }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const tx = db.transaction(store, 'readwrite');
            const objects = tx.objectStore(store);
            for (const row of JSON.parse(json) as object[]) objects.put(row);
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
          } catch (error) {
            db.close();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
      }),
    { name: DATABASE, store, json: JSON.stringify(rows) },
  );
}

/**
 * Rows of `store` whose `index` lies in [lower, upper], read the way the app reads them: their count (no rows
 * cross to Node), or all of them as JSON.
 */
export async function indexRange(
  page: Page,
  query: { store: string; index: string; lower: unknown[]; upper: unknown[] },
  mode: 'count' | 'all',
): Promise<string> {
  return page.evaluate(
    ({ name, query, mode }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const index = db.transaction(query.store).objectStore(query.store).index(query.index);
            const range = IDBKeyRange.bound(query.lower, query.upper);
            const request = mode === 'count' ? index.count(range) : index.getAll(range);
            request.onsuccess = () => {
              db.close();
              resolve(JSON.stringify(request.result));
            };
            request.onerror = () => reject(request.error);
          } catch (error) {
            db.close();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        };
      }),
    { name: DATABASE, query, mode },
  );
}
