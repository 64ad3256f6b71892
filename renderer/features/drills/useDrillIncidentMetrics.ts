import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { drillIncidentMetrics, type DrillIncidentMetrics } from '@shared/domain/drill/drill-incident-metrics';
import { useServices } from '../../services/services';
import { useIncident } from '../incidents/useIncident';

/**
 * The 演练事件 of a run measured at `at` (初报 on time, proposal-to-approval per level, 四个一 completion);
 * null when the run opened none, undefined while loading. The report rules are read as stored in 设置.
 */
export function useDrillIncidentMetrics(runId: string, at: number): DrillIncidentMetrics | null | undefined {
  const { incidents, reports } = useServices();
  const linked = useLiveQuery(async () => (await incidents.forDrillRun(runId)) ?? null, [incidents, runId]);
  const id = linked?.id ?? null;
  const view = useIncident(id);
  const events = useLiveQuery(async () => (id ? incidents.events(id) : []), [incidents, id]);
  const sent = useLiveQuery(async () => (id ? reports.list(id) : []), [reports, id]);
  const rules = useLiveQuery(() => reports.rules(), [reports]);
  return useMemo(() => {
    if (linked === null) return null;
    if (!linked || !view || !events || !sent || !rules) return undefined;
    const context = view.run?.snapshot.context;
    const issued = (context?.tasks.length ?? 0) + view.taskStates.filter((s) => s.adHoc !== null).length;
    return drillIncidentMetrics(
      {
        incident: view.incident,
        rules,
        reports: sent,
        events,
        activations: context?.activations ?? [],
        tasks: { issued, done: view.taskStates.filter((s) => s.status === 'done').length },
      },
      at,
    );
  }, [linked, view, events, sent, rules, at]);
}
