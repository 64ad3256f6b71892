import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../services/services';

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

/** `enabled: false` defers the reads (the header waits until the home screen has painted). */
export function useResourceAlerts(enabled = true) {
  const { resources } = useServices();
  return useLiveQuery(() => (enabled ? resources.alerts() : undefined), [resources, enabled]);
}

export function useResourceSettings() {
  const { resources } = useServices();
  return useLiveQuery(() => resources.settings(), [resources]);
}
