/**
 * What is due, and what the ticker does about it. Pure: given the run's state and the real moment `now`, it
 * lists the injects whose scenario time has come, with the real moment each fell due and how late it is, and
 * decides per inject: deliver it, skip it (its contingency says so), wait (its contingency depends on an inject
 * not settled yet), or hold it as overdue for the controller to deliver, skip or re-time. An inject later than
 * `OVERDUE_AFTER_MS` was missed by the ticker (a crash, a reload, a sleeping laptop, a throttled window), so the
 * controller decides rather than the players suddenly getting a burst of stale messages. Nothing is dropped:
 * an overdue inject stays offered until someone settles it.
 */
import { actionKey, type RunState } from './run-state';
import type { Inject } from './scenario';
import { realTimeReaching, scenarioTimeAt } from './timeline';

/** Later than this (real time) the controller decides: long enough for a busy tick, short of a reload. */
export const OVERDUE_AFTER_MS = 5_000;

export interface DueInject {
  inject: Inject;
  /** The real moment the scenario clock reached the inject's time. */
  plannedAt: number;
  latenessMs: number;
}

export type TickDecision =
  ({ kind: 'deliver' } & DueInject) | ({ kind: 'skip' } & DueInject) | ({ kind: 'overdue' } & DueInject);

/** Injects not yet delivered or skipped whose time has come, in script order. */
export function dueInjects(state: RunState, now: number): DueInject[] {
  const scenarioNow = scenarioTimeAt(state.marks, now);
  const due: DueInject[] = [];
  for (const inject of state.injects) {
    if (state.outcomes[inject.id] || inject.offsetMs > scenarioNow) continue;
    const plannedAt = realTimeReaching(state.marks, inject.offsetMs, now);
    // Null only before the start: the clock reads T+0 then, but T+0 has not come.
    if (plannedAt === null) continue;
    due.push({ inject, plannedAt, latenessMs: Math.max(0, now - plannedAt) });
  }
  return due;
}

/**
 * The ticker's decisions at `now`. Contingencies are judged at the inject's own time: `unlessObserved` skips
 * when the action was marked observed (or late) by then; `afterDelivered` fires only behind a delivered inject
 * and waits while that inject is still open (an overdue one included), so the pair stays in order.
 */
export function tickDecisions(state: RunState, now: number): TickDecision[] {
  const decisions: TickDecision[] = [];
  const delivered = new Set(
    Object.keys(state.outcomes).filter((id) => state.outcomes[id]?.kind === 'delivered'),
  );
  const settled = new Set(Object.keys(state.outcomes));
  for (const due of dueInjects(state, now)) {
    const c = due.inject.contingency;
    if (c?.kind === 'afterDelivered') {
      if (!settled.has(c.injectId)) continue;
      if (!delivered.has(c.injectId)) {
        decisions.push({ kind: 'skip', ...due });
        settled.add(due.inject.id);
        continue;
      }
    }
    if (c?.kind === 'unlessObserved') {
      const record = state.actions[actionKey(c.injectId, c.actionId)];
      if (record && record.mark !== 'notObserved' && record.observedAt <= due.plannedAt) {
        decisions.push({ kind: 'skip', ...due });
        settled.add(due.inject.id);
        continue;
      }
    }
    if (due.latenessMs > OVERDUE_AFTER_MS) {
      decisions.push({ kind: 'overdue', ...due });
      continue;
    }
    decisions.push({ kind: 'deliver', ...due });
    delivered.add(due.inject.id);
    settled.add(due.inject.id);
  }
  return decisions;
}

/** The next real moment an open inject falls due (null when the clock stands or nothing is left). */
export function nextDueAt(state: RunState, now: number): number | null {
  // Armed and not started: the only thing due is the random start.
  if (state.startWindow && state.marks.length === 0) return state.startWindow.fireAt;
  const scenarioNow = scenarioTimeAt(state.marks, now);
  const next = state.injects.find((inject) => !state.outcomes[inject.id] && inject.offsetMs > scenarioNow);
  return next ? realTimeReaching(state.marks, next.offsetMs, now) : null;
}
