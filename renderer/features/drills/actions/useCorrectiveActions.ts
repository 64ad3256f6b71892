import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { overdueActions, type CorrectiveAction } from '@shared/domain/drill/corrective-action';
import { useServices } from '../../../services/services';
import { useClock } from '../../../ui/use-clock';

/** How often the overdue marks re-read the desk's clock: a deadline is a day, a few seconds late is nothing. */
export const OVERDUE_BEAT_MS = 5000;

/** The whole ledger, open ones by deadline first. */
export function useLedger(): CorrectiveAction[] | undefined {
  const { correctiveActions } = useServices();
  return useLiveQuery(() => correctiveActions.listAll(), [correctiveActions]);
}

export function useRunActions(runId: string): CorrectiveAction[] | undefined {
  const { correctiveActions } = useServices();
  return useLiveQuery(() => correctiveActions.listByRun(runId), [correctiveActions, runId]);
}

/** Open actions of earlier drills of these plans (or this scenario); undefined while loading. */
export function useOpenActionsFor(
  planIds: readonly string[] | undefined,
  scenarioId: string | undefined,
): CorrectiveAction[] | undefined {
  const { correctiveActions } = useServices();
  // The ids by value: a scenario re-read by its live query is a new array with the same plans.
  const key = planIds ? planIds.join('\n') : null;
  return useLiveQuery(
    async () => (key === null ? [] : correctiveActions.openForPlans(key ? key.split('\n') : [], scenarioId)),
    [correctiveActions, key, scenarioId],
  );
}

/** The open actions past their deadline, following the desk's clock as it moves. */
export function useOverdueActions(): CorrectiveAction[] | undefined {
  const { correctiveActions } = useServices();
  const at = useClock(OVERDUE_BEAT_MS);
  const open = useLiveQuery(() => correctiveActions.listOpen(), [correctiveActions]);
  return useMemo(() => (open ? overdueActions(open, at) : undefined), [open, at]);
}
