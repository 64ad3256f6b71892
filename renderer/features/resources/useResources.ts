import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
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
 * (useLiveQuery keeps its previous result).
 */
export function useMaterialsPage(query: MaterialsPageQuery): MaterialsPage | undefined {
  const { resources } = useServices();
  const { filter, page, pageSize } = query;
  return useLiveQuery(
    () => resources.materialsPage({ filter, page, pageSize }),
    [resources, filter, page, pageSize],
  );
}

const NOTHING = () => () => undefined;
const UNKNOWN = () => undefined;

/**
 * The window's one alerts feed (alerts-feed.ts). `enabled: false` defers the reads (the header waits until
 * the home screen has painted).
 */
export function useResourceAlerts(enabled = true) {
  const { resources, now } = useServices();
  const feed = enabled ? alertsFeedOf(resources, now) : null;
  return useSyncExternalStore(feed?.subscribe ?? NOTHING, feed?.current ?? UNKNOWN);
}

export function useResourceSettings() {
  const { resources } = useServices();
  return useLiveQuery(() => resources.settings(), [resources]);
}
