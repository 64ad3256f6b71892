import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { statusOf } from '@shared/domain/drill/drill-machine';
import { evaluationReport, type EvaluationReport } from '@shared/domain/drill/evaluation-report';
import type { PlanRevision } from '@shared/domain/drill/plan-revision';
import type { LoadedRun } from '../../../db/repositories/drill-repository';
import { useServices } from '../../../services/services';
import { useDrillRun } from '../useDrillRun';

export interface DrillReportData {
  loaded: LoadedRun;
  report: EvaluationReport;
  /** This run's 预案修订建议, oldest first. */
  revisions: PlanRevision[];
}

/**
 * A run's report, live: the journal, the titles of the plans it tested and its revision suggestions are all
 * followed, so a rating made in the 导调台 shows here at once. undefined while loading, null for no such run.
 */
export function useDrillReport(runId: string, at: number): DrillReportData | null | undefined {
  const { plans, planRevisions } = useServices();
  const { loaded } = useDrillRun(runId);
  // A string, so the query is asked again only when the plans change, not at every journal row.
  const tested = JSON.stringify(loaded?.scenario.plans ?? []);
  const titled = useLiveQuery(async () => {
    const titles: Record<string, string> = {};
    for (const { id, version } of JSON.parse(tested) as { id: string; version: number }[]) {
      const record = await plans.get(id, version);
      if (record) titles[`${id}@${version}`] = record.meta.title;
    }
    return { tested, titles };
  }, [plans, tested]);
  // A live query answers with its last result while it asks again: titles of other plans are not these.
  const planTitles = titled?.tested === tested ? titled.titles : undefined;
  const revisions = useLiveQuery(() => planRevisions.listByRun(runId), [planRevisions, runId]);
  const report = useMemo(
    () =>
      loaded && planTitles
        ? evaluationReport({
            run: loaded.run,
            scenario: loaded.scenario,
            state: loaded.snapshot.context,
            status: statusOf(loaded.snapshot),
            planTitles,
            at,
          })
        : null,
    [loaded, planTitles, at],
  );
  if (loaded === null) return null;
  if (!loaded || !report || !revisions) return undefined;
  return { loaded, report, revisions };
}
