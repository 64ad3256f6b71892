/**
 * The 导调台's view of the script at a moment: each inject with its status (待下发 / 已下发 / 已跳过 / 逾期),
 * its planned real time (when the clock has passed it or will at the present speed) and how late it went.
 */
import { tickDecisions } from '@shared/domain/drill/inject-schedule';
import type { InjectOutcome, RunState } from '@shared/domain/drill/run-state';
import type { Inject } from '@shared/domain/drill/scenario';
import { realTimeReaching } from '@shared/domain/drill/timeline';

export type InjectRowStatus = 'pending' | 'delivered' | 'skipped' | 'overdue';

export interface InjectRow {
  inject: Inject;
  status: InjectRowStatus;
  outcome: InjectOutcome | null;
  plannedAt: number | null;
  /** Delivered: actual − planned; overdue: how late it is now. */
  latenessMs: number | null;
}

export function injectRows(state: RunState, at: number): InjectRow[] {
  const overdue = new Map(
    tickDecisions(state, at)
      .filter((d) => d.kind === 'overdue')
      .map((d) => [d.inject.id, d.latenessMs]),
  );
  return state.injects.map((inject) => {
    const outcome = state.outcomes[inject.id] ?? null;
    if (outcome?.kind === 'delivered') {
      const latenessMs = outcome.plannedAt === null ? null : outcome.at - outcome.plannedAt;
      return { inject, status: 'delivered', outcome, plannedAt: outcome.plannedAt, latenessMs };
    }
    if (outcome) return { inject, status: 'skipped', outcome, plannedAt: null, latenessMs: null };
    const plannedAt = realTimeReaching(state.marks, inject.offsetMs, at);
    const late = overdue.get(inject.id);
    return late === undefined
      ? { inject, status: 'pending', outcome, plannedAt, latenessMs: null }
      : { inject, status: 'overdue', outcome, plannedAt, latenessMs: late };
  });
}

/** Whole seconds with one decimal below a minute, minutes and seconds above: what a controller reads. */
export function latenessParts(ms: number): { key: 'seconds' | 'minutes'; minutes: number; seconds: string } {
  const abs = Math.max(0, ms);
  if (abs < 60_000) return { key: 'seconds', minutes: 0, seconds: (abs / 1000).toFixed(1) };
  return {
    key: 'minutes',
    minutes: Math.floor(abs / 60_000),
    seconds: String(Math.floor((abs % 60_000) / 1000)),
  };
}
