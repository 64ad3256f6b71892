import { useEffect, useRef, useState } from 'react';
import type { RunState } from '@shared/domain/drill/run-state';
import { createTicker, type Ticker } from '@shared/domain/drill/ticker';
import type { Actor } from '@shared/domain/org/types';
import { useServices } from '../../services/services';
import { drillTickerOptions } from '../../db/drill-ticker-session';
import { openTickerWorker, type TickerWorker } from '../../db/drill-ticker-client';

/** Which thread keeps the run's time: the ticker's worker, the page itself, or nobody (the clock stands). */
export type TickerPlace = 'worker' | 'page' | 'none';

/**
 * Keeps the drill's time while the clock runs (or a random start is armed) and someone is signed in;
 * db/drill-ticker-session.ts says what a tick does. It runs in a worker of its own when the page has one
 * reading the page's clock, because on the main thread every delivery re-renders the console and the next
 * timer waits behind that rendering. The worker watches the run from the moment the console opens, and starts
 * and stops its ticker itself as the clock does, so no start or resume waits for a hand-over. The page ticks
 * itself only until the worker has read the run, on a simulated clock (a worker cannot share it), without
 * Web Workers (jsdom), or when the worker is lost.
 */
export function useDrillTicker(
  runId: string,
  state: RunState | null,
  seq: number,
  /** The clock runs, or a random start is armed. */
  isRunning: boolean,
  actor: Actor | null,
): TickerPlace {
  const { drills, resources, now } = useServices();
  // The drill tables live in the same database as the resources; this is the name the worker opens.
  const databaseName = resources.databaseName;
  const stateRef = useRef(state);
  const actorRef = useRef(actor);
  const localRef = useRef<Ticker | null>(null);
  const workerRef = useRef<TickerWorker | null>(null);
  const [isWorkerWatching, setWorkerWatching] = useState(false);
  const actorKey = actor ? `${actor.personId}/${actor.positionId}` : null;

  useEffect(() => {
    const worker = openTickerWorker(databaseName, now);
    if (!worker) return undefined;
    let isClosed = false;
    const unlisten = worker.listen((report) => {
      if (report.type === 'rows') {
        // Rows that do not join what the page holds (it missed some): one read of the run catches up.
        if (!drills.absorb(report.rows)) void drills.load(runId);
      } else if (report.type === 'watching' && report.runId === runId) setWorkerWatching(true);
      else if (report.type === 'lost') {
        workerRef.current = null;
        setWorkerWatching(false);
      }
    });
    // The console's own writes (start, pause, resume, speed …) reach the worker the moment they commit; rows
    // from other windows arrive through the live query below.
    const unsubscribe = drills.onCommitted((committed, lastSeq) => {
      if (committed === runId) worker.send({ type: 'journal', seq: lastSeq });
    });
    void worker.clockAgrees().then((agrees) => {
      if (isClosed) return;
      // A page on a simulated clock keeps the ticker on its own thread throughout.
      if (!agrees) {
        worker.close();
        return;
      }
      workerRef.current = worker;
      worker.send({ type: 'watch', runId, actor: actorRef.current });
    });
    return () => {
      isClosed = true;
      unlisten();
      unsubscribe();
      worker.close();
      workerRef.current = null;
      setWorkerWatching(false);
    };
  }, [runId, databaseName, now, drills]);

  // While the worker watches the run, the page follows the rows it hands over instead of reading the run: a
  // read here would hold the worker's next write back until this page has rendered
  // (db/repositories/drill-run-cache.ts). It follows from the moment the worker watches, so that no start or
  // resume has the page reading while the first injects go out.
  useEffect(() => (isWorkerWatching ? drills.follow(runId) : undefined), [isWorkerWatching, drills, runId]);
  const ticksInWorker = isRunning && actorKey !== null && isWorkerWatching;

  const ticksHere = isRunning && actorKey !== null && !isWorkerWatching;
  useEffect(() => {
    if (!ticksHere) return undefined;
    const local = createTicker(
      { now, setTimer: (fn, ms) => setTimeout(fn, ms), clearTimer: (h) => clearTimeout(h as number) },
      drillTickerOptions(
        drills,
        runId,
        () => actorRef.current as Actor,
        () => stateRef.current,
      ),
    );
    localRef.current = local;
    local.start();
    return () => {
      local.stop();
      localRef.current = null;
    };
  }, [runId, ticksHere, drills, now]);

  useEffect(() => {
    actorRef.current = actor;
    workerRef.current?.send({ type: 'actor', actor });
    // Only a change of person or position is news to the worker, not a new object for the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actorKey]);

  // A new journal row (speed, jump, re-timing, a new inject, a write from another window) may move the next
  // wake: re-plan at once.
  useEffect(() => {
    stateRef.current = state;
    actorRef.current = actor;
    localRef.current?.poke();
    workerRef.current?.send({ type: 'journal', seq });
  }, [state, actor, seq]);

  if (isWorkerWatching) return ticksInWorker ? 'worker' : 'none';
  return ticksHere ? 'page' : 'none';
}
