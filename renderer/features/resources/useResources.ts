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

export function useResourceAlerts() {
  const { resources } = useServices();
  return useLiveQuery(() => resources.alerts(), [resources]);
}

export function useResourceSettings() {
  const { resources } = useServices();
  return useLiveQuery(() => resources.settings(), [resources]);
}
