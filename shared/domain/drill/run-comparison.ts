/**
 * Runs of one scenario side by side: for each finished run, what its journal measured (run-metrics.ts) and
 * what its evaluators rated (evaluation.ts), in the run's own frozen scenario (its units, capabilities and
 * scale), oldest first so a trend reads left to right. Every count keeps its coverage beside it: a run whose
 * actions nobody marked shows as unevaluated, never as a run without misses.
 */
import type { DrillStatus } from './drill-machine';
import type { DrillRun } from './drill-run';
import { AQT9009_CAPABILITIES, evaluationSummary } from './evaluation';
import { runMetrics, type ActionTally } from './run-metrics';
import type { RunState } from './run-state';
import type { Scenario } from './scenario';

export const FINISHED_STATUSES: readonly DrillStatus[] = ['ended', 'aborted', 'evaluating', 'archived'];

export const isFinished = (status: DrillStatus): boolean => FINISHED_STATUSES.includes(status);

export interface ComparedRun {
  run: Pick<DrillRun, 'id' | 'directorName' | 'status' | 'createdAt'>;
  scenario: Pick<Scenario, 'units'> & Partial<Pick<Scenario, 'capabilities' | 'ratingScale'>>;
  state: RunState;
}

export interface ComparisonRow {
  runId: string;
  directorName: string;
  status: DrillStatus;
  /** When the clock started (the run's row date if it never did). */
  startedAt: number;
  endedAt: number | null;
  isAborted: boolean;
  delivered: number;
  skipped: number;
  open: number;
  /** Injects answered, and the median and longest first response in scenario time. */
  answered: number;
  medianResponseMs: number | null;
  longestResponseMs: number | null;
  actions: ActionTally;
  /** 达成 (observed, not late) ÷ evaluated, 0…1; null while none was evaluated. */
  actionsMetShare: number | null;
  meanScore: number | null;
  rated: number;
  capabilities: number;
  /** Capabilities rated ÷ capabilities, 0…1. */
  scoreCoverage: number;
  /** The slowest 拉动 unit: minutes to arrive, or the wait at the end when it never arrived. */
  slowestUnit: { unit: string; minutes: number; hasArrived: boolean } | null;
}

export function comparisonRow({ run, scenario, state }: ComparedRun): ComparisonRow {
  const endedAt = state.endedAt;
  const startedAt = state.marks.find((m) => m.kind === 'start')?.at ?? run.createdAt;
  const metrics = runMetrics(state, scenario.units, endedAt ?? state.lastAt);
  const evaluation = evaluationSummary(
    scenario.capabilities ?? [...AQT9009_CAPABILITIES],
    state.ratings,
    scenario.ratingScale ?? 'psmu',
  );
  const { actions } = metrics;
  const evaluated = actions.total - actions.unevaluated;
  const slowest = metrics.callout.find((row) => row.isSlowest);
  const slowestMinutes = slowest ? (slowest.arrivedMinutes ?? slowest.waitingMinutes) : null;
  return {
    runId: run.id,
    directorName: run.directorName,
    status: run.status,
    startedAt,
    endedAt,
    isAborted: state.abortReason !== null,
    delivered: metrics.delivered,
    skipped: metrics.skipped,
    open: metrics.open,
    answered: metrics.responseLatency.count,
    medianResponseMs: metrics.responseLatency.medianMs,
    longestResponseMs: metrics.responseLatency.maxMs,
    actions,
    actionsMetShare: evaluated === 0 ? null : actions.observed / evaluated,
    meanScore: evaluation.meanScore,
    rated: evaluation.rated,
    capabilities: evaluation.capabilities.length,
    scoreCoverage: evaluation.coverage,
    slowestUnit:
      slowest && slowestMinutes !== null
        ? { unit: slowest.unit, minutes: slowestMinutes, hasArrived: slowest.arrivedAt !== null }
        : null,
  };
}

/** The finished runs among `runs`, compared oldest first. */
export function comparisonRows(runs: readonly ComparedRun[]): ComparisonRow[] {
  return runs
    .filter((r) => isFinished(r.run.status))
    .map(comparisonRow)
    .sort((a, b) => a.startedAt - b.startedAt || a.runId.localeCompare(b.runId));
}

export interface ComparisonTrend {
  /** Median first response, in scenario minutes (one decimal). */
  medianResponseMinutes: (number | null)[];
  /** Expected actions met, in percent of those evaluated. */
  actionsMetPercent: (number | null)[];
  meanScore: (number | null)[];
}

/** The series of the trend chart, one value per row (null where a run has nothing to show). */
export function comparisonTrend(rows: readonly ComparisonRow[]): ComparisonTrend {
  const oneDecimal = (n: number) => Math.round(n * 10) / 10;
  return {
    medianResponseMinutes: rows.map((r) =>
      r.medianResponseMs === null ? null : oneDecimal(r.medianResponseMs / 60_000),
    ),
    actionsMetPercent: rows.map((r) =>
      r.actionsMetShare === null ? null : Math.round(r.actionsMetShare * 100),
    ),
    meanScore: rows.map((r) => r.meanScore),
  };
}
