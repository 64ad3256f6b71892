import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { Actor } from '@shared/domain/org/types';
import type { PlanMachine } from '@shared/domain/plan/compile-plan';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import { replay } from '@shared/domain/plan/replay';
import type { PlanSimulationRecord } from '../../db/records';
import { useServices } from '../../services/services';
import { useSignedWrite } from '../session/useSignedWrite';
import type { PlanRun } from './run/plan-run';

export interface Simulation extends PlanRun {
  record: PlanSimulationRecord;
}

/** One stored simulation, rebuilt by replaying its events through the compiled plan. */
export function useSimulation(id: string | null, machine: PlanMachine): Simulation | null | undefined {
  const { plans } = useServices();
  const write = useSignedWrite();
  const record = useLiveQuery(
    async () => (id ? ((await plans.getSimulation(id)) ?? null) : null),
    [plans, id],
  );
  const snapshot = useMemo(
    () => (record ? replay(machine, record.startedAt, record.events) : null),
    [record, machine],
  );
  const send = useCallback(
    (event: PlanEvent) =>
      id
        ? write((actor: Actor) => plans.appendSimulationEvent(id, event, actor), null)
        : Promise.resolve(false),
    [id, plans, write],
  );
  const now = useCallback(() => snapshot?.context.now ?? 0, [snapshot]);
  if (record === undefined) return undefined;
  if (record === null || snapshot === null) return null;
  return { record, snapshot, send, now };
}
