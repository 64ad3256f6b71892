/**
 * What happens in a drill run, as the journal stores it. Every event carries the real moment it was made and
 * who made it; the run's state (clock, delivered and skipped injects, observed actions, notes, responses) is
 * a fold of these events, so a reload rebuilds it exactly.
 */
import type { Actor } from '../org/types';
import type { CalloutStage } from './callout';
import type { FindingKind } from './evaluation';
import type { Inject } from './scenario';

export const SKIP_REASONS = ['contingency', 'controller', 'disabled'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const ACTION_MARKS = ['observed', 'late', 'notObserved'] as const;
export type ActionMark = (typeof ACTION_MARKS)[number];

interface Stamp {
  at: number;
  by: Actor;
}

export type RunEvent = Stamp &
  (
    | { type: 'comms.checked' }
    /** `plannedAt`: the drawn moment, when the ticker fired a random start (双盲). */
    | { type: 'clock.start'; plannedAt?: number }
    /** A random start inside [from, to] at the drawn `fireAt` (双盲); a new arming replaces the last one. */
    | { type: 'start.arm'; from: number; to: number; fireAt: number }
    | { type: 'start.disarm' }
    /** 拉动: one stage of one unit, as observed at `observedAt`. */
    | { type: 'callout.record'; unit: string; stage: CalloutStage; observedAt: number }
    | { type: 'clock.pause' }
    | { type: 'clock.resume' }
    | { type: 'clock.speed'; speed: number }
    | { type: 'clock.jump'; toMs: number }
    /** The ticker or the controller handed the inject to the players. */
    | {
        type: 'inject.deliver';
        injectId: string;
        /** When the schedule said (null when delivered ahead of its time). */
        plannedAt: number | null;
        scenarioMs: number;
        isAuto: boolean;
      }
    | { type: 'inject.skip'; injectId: string; reason: SkipReason; note: string }
    | { type: 'inject.retime'; injectId: string; offsetMs: number }
    /** An ad-hoc inject; `deliverNow` hands it to the players in the same row (no tick can race it). */
    | { type: 'inject.add'; inject: Inject; deliverNow?: boolean }
    | { type: 'action.mark'; injectId: string; actionId: string; mark: ActionMark; observedAt: number }
    | { type: 'note'; text: string; injectId: string | null }
    /** A player's decision or response (entered by the player or by the recorder for them). */
    | { type: 'response'; text: string; author: string; injectId: string | null }
    /** The ticker saw the real clock jump (sleep, a crash, a changed system clock). */
    | { type: 'clock.gap'; from: number; to: number }
    /** An evaluator's rating of one capability (replaces their earlier one; the journal keeps both). */
    | { type: 'eval.rate'; capability: string; rating: string; note: string }
    /**
     * An evaluator's observation, linked to a capability and, when it is about one, an inject, one of its
     * expected actions and the plan clause it tests. Rows written before findings existed carry none of the
     * last three (they read as 记录, unlinked).
     */
    | {
        type: 'eval.observe';
        text: string;
        capability: string;
        injectId: string | null;
        finding?: FindingKind;
        actionId?: string | null;
        planClause?: string;
      }
    | { type: 'run.abort'; reason: string }
    | { type: 'run.endex' }
    | { type: 'run.evaluate' }
    | { type: 'run.archive' }
  );

export type RunEventType = RunEvent['type'];

/** An event as the screen builds it, before the repository stamps it. */
export type RunEventDraft = RunEvent extends infer E
  ? E extends RunEvent
    ? Omit<E, 'at' | 'by'>
    : never
  : never;
