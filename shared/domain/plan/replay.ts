/**
 * A run of a plan is its list of events: replaying them through the compiled chart rebuilds the state
 * exactly, with no persisted timers to restart. Used by the simulator, and by incidents to reopen a run.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import type { PlanMachine } from './compile-plan';
import type { PlanEvent } from './plan-events';

export type PlanSnapshot = SnapshotFrom<PlanMachine>;

export function replay(machine: PlanMachine, startedAt: number, events: readonly PlanEvent[]): PlanSnapshot {
  const actor = createActor(machine, { input: { now: startedAt } });
  actor.start();
  for (const event of events) actor.send(event);
  const snapshot = actor.getSnapshot();
  actor.stop();
  return snapshot;
}

export const LIFECYCLE_PHASES = [
  'monitoring',
  'warning',
  'response',
  'terminated',
  'aftermath',
  'closed',
] as const;
export type LifecyclePhase = (typeof LIFECYCLE_PHASES)[number];

export function phaseOf(snapshot: PlanSnapshot): LifecyclePhase {
  return LIFECYCLE_PHASES.find((phase) => snapshot.hasTag(phase)) ?? 'monitoring';
}

/**
 * Replays `events`, then offers `next`: the snapshot before it, and after it when the chart takes it (null
 * when it does not). One actor for both, so checking an event costs one replay, not two.
 */
export function replayThen(
  machine: PlanMachine,
  startedAt: number,
  events: readonly PlanEvent[],
  next: PlanEvent,
): { before: PlanSnapshot; after: PlanSnapshot | null } {
  const actor = createActor(machine, { input: { now: startedAt } });
  actor.start();
  for (const event of events) actor.send(event);
  const before = actor.getSnapshot();
  let after: PlanSnapshot | null = null;
  if (before.can(next)) {
    actor.send(next);
    after = actor.getSnapshot();
  }
  actor.stop();
  return { before, after };
}
