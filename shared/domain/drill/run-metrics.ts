/**
 * What a finished run measured, computed from its journal alone (no typing): per inject when it went out, how
 * late, when the players first answered and how long that took; per expected action whether it was observed,
 * late or missed, and whether within its window; the 拉动 muster times. Delivery lateness is real time (it is
 * the ticker's); response times and windows are scenario time, as the script writes them — at ×60 three real
 * seconds are three scenario minutes of the players' response. Scores never hide what was not
 * evaluated: the share of expected actions the controllers marked (coverage) travels with every count.
 */
import { calloutRows, type CalloutRow } from './callout';
import type { ActionMark } from './run-events';
import { actionKey, type RunState } from './run-state';
import { scenarioTimeAt } from './timeline';

const MINUTE = 60_000;

export interface ActionMetric {
  actionId: string;
  text: string;
  windowMinutes: number;
  /** The controller's mark; null while nobody evaluated it. */
  mark: ActionMark | null;
  observedAt: number | null;
  /** Observed within its window (scenario time) from the inject's delivery (null when not observed or not evaluated). */
  isWithinWindow: boolean | null;
}

export interface InjectMetric {
  injectId: string;
  no: string;
  synopsis: string;
  outcome: 'delivered' | 'skipped' | 'open';
  deliveredAt: number | null;
  /** The scheduled real moment, when the ticker or the controller had one. */
  plannedAt: number | null;
  latenessMs: number | null;
  /** The first player response linked to the inject, or the first observed action, whichever came first. */
  firstResponseAt: number | null;
  /** Scenario time from delivery to the first answer. */
  responseLatencyMs: number | null;
  actions: ActionMetric[];
}

export interface ActionTally {
  total: number;
  observed: number;
  late: number;
  notObserved: number;
  unevaluated: number;
  /** Evaluated ÷ total, 0…1; 1 when there is nothing to evaluate. */
  coverage: number;
}

export interface RunMetrics {
  injects: InjectMetric[];
  delivered: number;
  skipped: number;
  open: number;
  actions: ActionTally;
  responseLatency: { count: number; medianMs: number | null; maxMs: number | null };
  callout: CalloutRow[];
}

export function runMetrics(state: RunState, units: readonly string[], at: number): RunMetrics {
  const scenarioAt = (real: number) => scenarioTimeAt(state.marks, real);
  const injects = state.injects.map((inject): InjectMetric => {
    const outcome = state.outcomes[inject.id];
    const deliveredAt = outcome?.kind === 'delivered' ? outcome.at : null;
    const deliveredMs = outcome?.kind === 'delivered' ? outcome.scenarioMs : null;
    const actions = inject.expectedActions.map((action): ActionMetric => {
      const record = state.actions[actionKey(inject.id, action.id)];
      const isObserved = record !== undefined && record.mark !== 'notObserved';
      return {
        actionId: action.id,
        text: action.text,
        windowMinutes: action.windowMinutes,
        mark: record?.mark ?? null,
        observedAt: isObserved ? record.observedAt : null,
        isWithinWindow:
          isObserved && deliveredMs !== null
            ? scenarioAt(record.observedAt) - deliveredMs <= action.windowMinutes * MINUTE
            : null,
      };
    });
    const answers = [
      ...state.entries.filter((e) => e.kind === 'response' && e.injectId === inject.id).map((e) => e.at),
      ...actions.flatMap((a) => (a.observedAt === null ? [] : [a.observedAt])),
    ];
    const firstResponseAt = deliveredAt === null || answers.length === 0 ? null : Math.min(...answers);
    const plannedAt = outcome?.kind === 'delivered' ? outcome.plannedAt : null;
    return {
      injectId: inject.id,
      no: inject.no,
      synopsis: inject.synopsis,
      outcome: outcome?.kind ?? 'open',
      deliveredAt,
      plannedAt,
      latenessMs: deliveredAt !== null && plannedAt !== null ? deliveredAt - plannedAt : null,
      firstResponseAt,
      responseLatencyMs:
        firstResponseAt !== null && deliveredMs !== null
          ? Math.max(0, scenarioAt(firstResponseAt) - deliveredMs)
          : null,
      actions,
    };
  });
  const latencies = injects
    .flatMap((i) => (i.responseLatencyMs === null ? [] : [i.responseLatencyMs]))
    .sort((a, b) => a - b);
  return {
    injects,
    delivered: injects.filter((i) => i.outcome === 'delivered').length,
    skipped: injects.filter((i) => i.outcome === 'skipped').length,
    open: injects.filter((i) => i.outcome === 'open').length,
    // Actions of injects never delivered cannot be expected of anyone: they are out of the tally.
    actions: tally(injects.filter((i) => i.outcome === 'delivered').flatMap((i) => i.actions)),
    responseLatency: {
      count: latencies.length,
      medianMs: latencies.length ? latencies[Math.floor((latencies.length - 1) / 2)]! : null,
      maxMs: latencies.at(-1) ?? null,
    },
    callout: calloutRows(units, state.callout, at),
  };
}

function tally(actions: readonly ActionMetric[]): ActionTally {
  const count = (mark: ActionMark) => actions.filter((a) => a.mark === mark).length;
  const unevaluated = actions.filter((a) => a.mark === null).length;
  return {
    total: actions.length,
    observed: count('observed'),
    late: count('late'),
    notObserved: count('notObserved'),
    unevaluated,
    coverage: actions.length === 0 ? 1 : (actions.length - unevaluated) / actions.length,
  };
}
