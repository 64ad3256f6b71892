import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { useServices } from '../../services/services';
import { alertsFeedOf } from './alerts-feed';

/** Live lists of the registries; each screen reads only what it shows. */
export function useWarehouses() {
  const { resources } = useServices();
  return useLiveQuery(() => resources.listWarehouses(), [resources]);
}

export function useMaterialsWithStock() {
  const { resources } = useServices();
  return useLiveQuery(async () => {
    const [materials, balances] = await Promise.all([resources.listMaterials(), resources.listBalances()]);
    return { materials, balances };
  }, [resources]);
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
