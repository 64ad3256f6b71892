/**
 * The drill's lifecycle as a statechart (AQ/T 9007: 准备 → 实施 → 评估总结):
 *
 *   draft (草稿) → ready (就绪: communications checked) → running (进行中) ⇄ paused (暂停)
 *   running | paused → aborted (中止: a real emergency, one click, reason required)
 *   running | paused → ended (结束: ENDEX, declared only by the 演练总指挥, never automatic)
 *   ended | aborted → evaluating (评估) → archived (归档)
 *
 * A double-blind run may be armed while ready: the ticker then starts it at a moment drawn inside a window.
 *
 * Its context is the run's state (run-state.ts); every journal event is an event of this machine, so the
 * repository asks `snapshot.can(event)` before it stores one and replaying the journal rebuilds the run.
 * Injects, action marks and notes are taken only while the drill is under way (running or paused).
 */
import { assign, initialTransition, setup, transition, type SnapshotFrom } from 'xstate';
import { recordCallout } from './callout';
import { isFindingKind, isRating, PLAN_CLAUSE_MAX } from './evaluation';
import type { RunEvent } from './run-events';
import { foldRunEvent, initialRunState, type RunState } from './run-state';
import type { Inject } from './scenario';
import { whyNotWindow } from './start-window';
import { MAX_SPEED, scenarioTimeAt } from './timeline';

export interface DrillMachineInput {
  injects: readonly Inject[];
  directorId: string;
}

export const DRILL_STATUSES = [
  'draft',
  'ready',
  'running',
  'paused',
  'aborted',
  'ended',
  'evaluating',
  'archived',
] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];

/** Evaluators observe during the drill and after it; they rate once it is over. */
const OBSERVE = { 'eval.observe': { guard: 'isObservation', actions: 'fold' } } as const;
const EVALUATE = { ...OBSERVE, 'eval.rate': { guard: 'isRating', actions: 'fold' } } as const;

/** Events that belong to a drill under way, in either running or paused. */
const UNDER_WAY = {
  'clock.jump': { guard: 'isForwardJump', actions: 'fold' },
  'clock.speed': { guard: 'isValidSpeed', actions: 'fold' },
  'inject.deliver': { guard: 'isOpenInject', actions: 'fold' },
  'inject.skip': { guard: 'isOpenInject', actions: 'fold' },
  'inject.retime': { guard: 'isOpenInject', actions: 'fold' },
  'inject.add': { guard: 'isNewInject', actions: 'fold' },
  'action.mark': { guard: 'isKnownAction', actions: 'fold' },
  note: { guard: 'hasText', actions: 'fold' },
  response: { guard: 'hasText', actions: 'fold' },
  'clock.gap': { actions: 'fold' },
  'callout.record': { guard: 'isOrderlyCallout', actions: 'fold' },
  ...OBSERVE,
  'run.abort': { target: 'aborted', guard: 'hasReason', actions: 'fold' },
  'run.endex': { target: 'ended', guard: 'isDirector', actions: 'fold' },
} as const;

export const drillMachine = setup({
  types: {
    context: {} as RunState,
    events: {} as RunEvent,
    input: {} as DrillMachineInput,
  },
  actions: { fold: assign(({ context, event }) => foldRunEvent(context, event)) },
  guards: {
    isDirector: ({ context, event }) => event.by.personId === context.directorId,
    /** A manual start may come any time; the ticker's start (with the drawn moment) only once it is due. */
    isStartAllowed: ({ context, event }) =>
      event.type === 'clock.start' &&
      (event.plannedAt === undefined ||
        (context.startWindow?.fireAt === event.plannedAt && event.at >= event.plannedAt)),
    isValidWindow: ({ event }) =>
      event.type === 'start.arm' &&
      whyNotWindow(event.from, event.to, event.at) === null &&
      Number.isInteger(event.fireAt) &&
      event.fireAt >= event.from &&
      event.fireAt <= event.to,
    isArmed: ({ context }) => context.startWindow !== null,
    isObservation: ({ context, event }) =>
      event.type === 'eval.observe' &&
      event.text.trim() !== '' &&
      isCapability(event.capability) &&
      (event.finding === undefined || isFindingKind(event.finding)) &&
      (event.planClause === undefined || event.planClause.length <= PLAN_CLAUSE_MAX) &&
      isKnownLink(context.injects, event.injectId, event.actionId ?? null),
    isRating: ({ event }) =>
      event.type === 'eval.rate' && isCapability(event.capability) && isRating(event.rating),
    isOrderlyCallout: ({ context, event }) =>
      event.type === 'callout.record' &&
      Number.isInteger(event.observedAt) &&
      event.observedAt <= event.at &&
      recordCallout(context.callout, event.unit, event.stage, event.observedAt).ok,
    hasReason: ({ event }) => event.type === 'run.abort' && event.reason.trim() !== '',
    hasText: ({ event }) => (event.type === 'note' || event.type === 'response') && event.text.trim() !== '',
    isForwardJump: ({ context, event }) =>
      event.type === 'clock.jump' &&
      Number.isInteger(event.toMs) &&
      event.toMs > scenarioTimeAt(context.marks, event.at),
    isValidSpeed: ({ event }) =>
      event.type === 'clock.speed' &&
      Number.isInteger(event.speed) &&
      event.speed >= 1 &&
      event.speed <= MAX_SPEED,
    isOpenInject: ({ context, event }) =>
      (event.type === 'inject.deliver' || event.type === 'inject.skip' || event.type === 'inject.retime') &&
      context.injects.some((inject) => inject.id === event.injectId) &&
      context.outcomes[event.injectId] === undefined,
    isNewInject: ({ context, event }) =>
      event.type === 'inject.add' &&
      !context.injects.some((inject) => inject.id === event.inject.id) &&
      hasKnownTarget(context.injects, event.inject),
    isKnownAction: ({ context, event }) =>
      event.type === 'action.mark' &&
      context.outcomes[event.injectId]?.kind === 'delivered' &&
      context.injects.some(
        (inject) =>
          inject.id === event.injectId && inject.expectedActions.some((a) => a.id === event.actionId),
      ),
  },
}).createMachine({
  id: 'drill',
  context: ({ input }) => initialRunState(input.injects, input.directorId),
  initial: 'draft',
  states: {
    draft: { on: { 'comms.checked': { target: 'ready', actions: 'fold' } } },
    ready: {
      on: {
        'clock.start': { target: 'running', guard: 'isStartAllowed', actions: 'fold' },
        'clock.speed': { guard: 'isValidSpeed', actions: 'fold' },
        'start.arm': { guard: 'isValidWindow', actions: 'fold' },
        'start.disarm': { guard: 'isArmed', actions: 'fold' },
      },
    },
    running: { on: { ...UNDER_WAY, 'clock.pause': { target: 'paused', actions: 'fold' } } },
    paused: { on: { ...UNDER_WAY, 'clock.resume': { target: 'running', actions: 'fold' } } },
    aborted: { on: { ...EVALUATE, 'run.evaluate': { target: 'evaluating', actions: 'fold' } } },
    ended: { on: { ...EVALUATE, 'run.evaluate': { target: 'evaluating', actions: 'fold' } } },
    evaluating: { on: { ...EVALUATE, 'run.archive': { target: 'archived', actions: 'fold' } } },
    archived: { type: 'final' },
  },
});

export type DrillMachine = typeof drillMachine;
export type DrillSnapshot = SnapshotFrom<DrillMachine>;

export function statusOf(snapshot: DrillSnapshot): DrillStatus {
  return snapshot.value as DrillStatus;
}

const isCapability = (capability: string) => capability.trim() !== '' && capability.length <= 60;

/** An observation's expected action must be one of its inject's (an action alone names nothing). */
function isKnownLink(injects: readonly Inject[], injectId: string | null, actionId: string | null): boolean {
  if (actionId === null) return true;
  return injects.some((i) => i.id === injectId && i.expectedActions.some((a) => a.id === actionId));
}

/** An ad-hoc inject may follow only an inject (and action) of this run: anything else could never fire. */
function hasKnownTarget(injects: readonly Inject[], inject: Inject): boolean {
  const c = inject.contingency;
  if (!c) return true;
  const target = injects.find((other) => other.id === c.injectId);
  return c.kind === 'afterDelivered'
    ? target !== undefined
    : target?.expectedActions.some((a) => a.id === c.actionId) === true;
}

export function initialRun(input: DrillMachineInput): DrillSnapshot {
  return initialTransition(drillMachine, input)[0];
}

/**
 * Takes `next` in order, purely (no actor, so a snapshot can be kept and advanced one event at a time).
 * `accepted` is false at the first event the run does not take; the snapshot is then the state before it.
 */
export function advanceRun(
  snapshot: DrillSnapshot,
  next: readonly RunEvent[],
): { snapshot: DrillSnapshot; accepted: boolean } {
  let current = snapshot;
  for (const event of next) {
    if (!current.can(event)) return { snapshot: current, accepted: false };
    current = transition(drillMachine, current, event)[0];
  }
  return { snapshot: current, accepted: true };
}

/**
 * Rebuilds a run from its journal (an event the machine would not take is passed over, as an actor would),
 * then tries `next` (see advanceRun).
 */
export function replayRun(
  input: DrillMachineInput,
  events: readonly RunEvent[],
  next: readonly RunEvent[] = [],
): { snapshot: DrillSnapshot; accepted: boolean } {
  return advanceRun(replayOnto(initialRun(input), events), next);
}

/**
 * Continues a replay from `snapshot` with the journal's next `events` (passed over when the machine would
 * not take them, as replayRun does): a reader that already holds the run up to some row applies only the
 * rows after it.
 */
export function replayOnto(snapshot: DrillSnapshot, events: readonly RunEvent[]): DrillSnapshot {
  let current = snapshot;
  for (const event of events) {
    if (current.can(event)) current = transition(drillMachine, current, event)[0];
  }
  return current;
}
