/**
 * A running plan as the decision, facts and 四个一 panels see it: the chart's snapshot, a way to send it an
 * event, and the clock that stamps events. A trainer's simulation and a real incident are both runs; they
 * differ in where events are stored and whose clock it is (simulated time, or the desk's clock).
 */
import { useCallback } from 'react';
import type { Actor } from '@shared/domain/org/types';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import type { PlanSnapshot } from '@shared/domain/plan/replay';
import { useActor } from '../../session/useSession';

export interface PlanRun {
  snapshot: PlanSnapshot;
  /** Stores the event; resolves true once it is on disk. */
  send: (event: PlanEvent) => Promise<boolean>;
  /** The time to stamp on the next event. */
  now: () => number;
}

export type BuildEvent = (by: Actor, at: number) => PlanEvent;

/**
 * Sends an event as the acting person, stamped with the run's clock; with nobody chosen and nobody signed
 * in, the sign-in dialog opens and nothing is sent.
 */
export function useActingEmit(run: PlanRun, actor: Actor | null): (build: BuildEvent) => void {
  const requireActor = useActor();
  return useCallback(
    (build: BuildEvent) => {
      const by = actor ?? requireActor();
      if (by) void run.send(build(by, run.now()));
    },
    [actor, requireActor, run],
  );
}
