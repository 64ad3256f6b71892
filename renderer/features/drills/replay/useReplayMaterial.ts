import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { replayItems, replaySpan, type IncidentMoment, type ReplayItem } from '@shared/domain/drill/replay';
import { incidentMoments } from '@shared/domain/drill/replay-incident';
import type { PlanMachine } from '@shared/domain/plan/compile-plan';
import type { LoadedRun } from '../../../db/repositories/drill-repository';
import { useServices } from '../../../services/services';

export interface ReplayMaterial {
  loaded: LoadedRun;
  /** The run's own timeline; null while it is not over. */
  span: { startAt: number; endAt: number; durationMs: number } | null;
  items: ReplayItem[];
  /** Whether the run opened a 演练事件 (its level is then shown). */
  hasIncident: boolean;
}

/**
 * Everything the 复盘 of one run plays: the run, its journal and, when it opened one, its 演练事件's moments
 * (the chart's events stepped through the plan, its tasks, log and reports). Undefined while loading; null
 * when there is no such run.
 */
export function useReplayMaterial(runId: string): ReplayMaterial | null | undefined {
  const { drills, incidents, reports } = useServices();
  const loaded = useLiveQuery(() => drills.load(runId), [drills, runId]);
  const events = useLiveQuery(() => drills.journal(runId), [drills, runId]);
  const incident = useLiveQuery(async (): Promise<IncidentMoment[] | null> => {
    const found = await incidents.forDrillRun(runId);
    if (!found) return null;
    // A plan version gone from this desk leaves the levels unread; the rest of the incident still shows.
    const machine: PlanMachine | null = found.plan
      ? await incidents.machine(found.plan).catch(() => null)
      : null;
    return incidentMoments({
      incident: found,
      chart: machine && found.plan ? { machine, startedAt: found.plan.startedAt } : null,
      events: await incidents.events(found.id),
      tasks: await incidents.tasks(found.id),
      log: await incidents.logRange(found.id, 1, Number.MAX_SAFE_INTEGER),
      reports: await reports.list(found.id),
    });
  }, [incidents, reports, runId]);
  return useMemo(() => {
    if (loaded === null) return null;
    if (loaded === undefined || events === undefined || incident === undefined) return undefined;
    const run = { injects: loaded.scenario.injects, events };
    return {
      loaded,
      span: replaySpan(events),
      items: replayItems(run, incident ?? []),
      hasIncident: incident !== null,
    };
  }, [loaded, events, incident]);
}
