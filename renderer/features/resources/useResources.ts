import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useSyncExternalStore } from 'react';
import type { MaterialsPage, MaterialsPageQuery } from '../../db/repositories/resource-repository';
import { useServices } from '../../services/services';
import { alertsFeedOf } from './alerts-feed';

/** Live lists of the registries; each screen reads only what it shows. */
export function useWarehouses() {
  const { resources } = useServices();
  return useLiveQuery(() => resources.listWarehouses(), [resources]);
}

/**
 * One page of the materials registry, live. While the next page loads, the last one stays on screen
 * (useLiveQuery keeps its previous result). A page read again with the same rows (a write elsewhere in the
 * registry: an import, a stock entry on another page) keeps its rows' identity, so the table redraws none.
 */
export function useMaterialsPage(query: MaterialsPageQuery): MaterialsPage | undefined {
  const { resources } = useServices();
  const { filter, page, pageSize } = query;
  const last = useRef<MaterialsPage | undefined>(undefined);
  // A filter answered by the database while the search catalogue loaded is asked again once it is read.
  const epoch = useSearchEpoch();
  return useLiveQuery(async () => {
    const next = await resources.materialsPage({ filter, page, pageSize });
    last.current = withHeldRows(last.current, next);
    return last.current;
  }, [resources, filter, page, pageSize, filter === '' ? 0 : epoch]);
}

/** Changes when 一键检索 can answer better than it did (resource-repository.ts `searchEpoch`). */
export function useSearchEpoch(): number {
  const { resources } = useServices();
  return useSyncExternalStore(resources.searchEpoch.subscribe, resources.searchEpoch.current);
}

/** `next`, with the rows of `held` where they are the same rows with the same values. */
export function withHeldRows(held: MaterialsPage | undefined, next: MaterialsPage): MaterialsPage {
  const rows = held?.rows;
  const isSame =
    rows !== undefined &&
    rows.length === next.rows.length &&
    rows.every((row, i) => JSON.stringify(row) === JSON.stringify(next.rows[i]));
  return isSame ? { ...next, rows } : next;
}

const NOTHING = () => () => undefined;
const UNKNOWN = () => undefined;

/**
 * The window's one alerts feed (alerts-feed.ts): the counts, and the list only `withList`. `enabled: false`
 * defers the reads (the header waits until the home screen has painted).
 */
export function useResourceAlerts({ enabled = true, withList = false } = {}) {
  const { resources, now } = useServices();
  const feed = enabled ? alertsFeedOf(resources, now) : null;
  const subscribe = withList ? feed?.subscribeList : feed?.subscribe;
  return useSyncExternalStore(subscribe ?? NOTHING, feed?.current ?? UNKNOWN);
}

export function useResourceSettings() {
  const { resources } = useServices();
  return useLiveQuery(() => resources.settings(), [resources]);
}
