import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { Actor } from '@shared/domain/org/types';
import type { PlanMachine } from '@shared/domain/plan/compile-plan';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import { replay, type PlanSnapshot } from '@shared/domain/plan/replay';
import type { PlanSimulationRecord } from '../../db/records';
import { useServices } from '../../services/services';
import { useActor } from '../session/useSession';
import { useSignedWrite } from '../session/useSignedWrite';

export interface Simulation {
  record: PlanSimulationRecord;
  snapshot: PlanSnapshot;
  /** Appends the event (stamped by the caller with simulated time) and resolves once it is stored. */
  send: (event: PlanEvent) => Promise<boolean>;
}

export type BuildEvent = (by: Actor, at: number) => PlanEvent;

/**
 * Sends an event as the person the trainer acts as, stamped with the simulated time; with nobody chosen
 * and nobody signed in, the sign-in dialog opens and nothing is sent.
 */
export function useActingEmit(simulation: Simulation, actor: Actor | null): (build: BuildEvent) => void {
  const requireActor = useActor();
  const now = simulation.snapshot.context.now;
  return useCallback(
    (build: BuildEvent) => {
      const by = actor ?? requireActor();
      if (by) void simulation.send(build(by, now));
    },
    [actor, requireActor, simulation, now],
  );
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
  if (record === undefined) return undefined;
  if (record === null || snapshot === null) return null;
  return { record, snapshot, send };
}
