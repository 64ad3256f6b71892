import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import type { Incident } from '@shared/domain/incident/incident';
import type { TaskState } from '@shared/domain/incident/incident-tasks';
import type { Actor } from '@shared/domain/org/types';
import { compilePlan } from '@shared/domain/plan/compile-plan';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { replay } from '@shared/domain/plan/replay';
import { useServices } from '../../services/services';
import { useSignedWrite } from '../session/useSignedWrite';
import type { PlanRun } from '../plans/run/plan-run';

export interface IncidentView {
  incident: Incident;
  plan: Plan | null;
  /** The plan's chart rebuilt from the stored events; null for an ad-hoc incident. */
  run: PlanRun | null;
  taskStates: TaskState[];
}

/**
 * One incident, live: its row, its plan version, the chart replayed from its events, and its task states.
 * Events are sent through the repository, which checks them against the chart again and stamps them with
 * the signed-in person and the desk's clock.
 */
export function useIncident(id: string | null): IncidentView | null | undefined {
  const { incidents, plans, now } = useServices();
  const write = useSignedWrite();
  // null: not yet (the console asks once it has painted); nothing is read.
  const incident = useLiveQuery(
    async () => (id ? ((await incidents.get(id)) ?? null) : undefined),
    [incidents, id],
  );
  const planId = incident?.plan?.id ?? null;
  const planVersion = incident?.plan?.version ?? 0;
  const startedAt = incident?.plan?.startedAt ?? 0;
  const plan = useLiveQuery(
    async () => (planId ? ((await plans.get(planId, planVersion)) ?? null) : null),
    [plans, planId, planVersion],
  );
  const events = useLiveQuery(async () => (id ? incidents.events(id) : undefined), [incidents, id]);
  const taskStates = useLiveQuery(async () => (id ? incidents.tasks(id) : undefined), [incidents, id]);
  const machine = useMemo(() => (plan ? compilePlan(plan) : null), [plan]);
  const snapshot = useMemo(
    () => (machine && events ? replay(machine, startedAt, events) : null),
    [machine, startedAt, events],
  );
  const send = useCallback(
    (event: PlanEvent) =>
      id ? write((actor: Actor) => incidents.send(id, event, actor), null) : Promise.resolve(false),
    [write, incidents, id],
  );
  const run = useMemo(() => (snapshot ? { snapshot, send, now } : null), [snapshot, send, now]);
  if (incident === undefined || events === undefined || taskStates === undefined) return undefined;
  if (incident === null) return null;
  if (incident.plan && (plan === undefined || run === null)) return undefined;
  return { incident, plan: plan ?? null, run, taskStates };
}
