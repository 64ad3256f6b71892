import { useEffect, useRef } from 'react';
import { nextDueAt } from '@shared/domain/drill/inject-schedule';
import type { RunState } from '@shared/domain/drill/run-state';
import { createTicker } from '@shared/domain/drill/ticker';
import type { Actor } from '@shared/domain/org/types';
import { useServices } from '../../services/services';

/**
 * Runs the drill's ticker while the clock runs and someone is signed in: it wakes when the next inject falls
 * due (and every second), and asks the repository to deliver what is due as of that moment. A jump of the
 * real clock between two ticks is written to the journal as a `clock.gap`.
 */
export function useDrillTicker(
  runId: string,
  state: RunState | null,
  /** The journal's last row number: any new row may move the next wake. */
  seq: number,
  isRunning: boolean,
  actor: Actor | null,
): void {
  const { drills, now } = useServices();
  const stateRef = useRef(state);
  const tickerRef = useRef<ReturnType<typeof createTicker> | null>(null);
  const actorRef = useRef(actor);
  const actorId = actor?.personId ?? null;

  useEffect(() => {
    if (!isRunning || !actorId) return undefined;
    const by = () => actorRef.current as Actor;
    const ticker = createTicker(
      { now, setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as number) },
      {
        wakeAt: (at) => (stateRef.current ? nextDueAt(stateRef.current, at) : null),
        onTick: async (at) => {
          await drills.deliverDue(runId, at, by());
        },
        onGap: async (from, to) => {
          await drills.append(runId, { type: 'clock.gap', from, to }, by()).catch(() => undefined);
        },
      },
    );
    tickerRef.current = ticker;
    ticker.start();
    return () => {
      ticker.stop();
      tickerRef.current = null;
    };
  }, [runId, isRunning, actorId, drills, now]);

  // A new journal row (speed, jump, re-timing, a new inject) may move the next wake: re-plan at once.
  useEffect(() => {
    stateRef.current = state;
    actorRef.current = actor;
    tickerRef.current?.poke();
  }, [state, actor, seq]);
}
