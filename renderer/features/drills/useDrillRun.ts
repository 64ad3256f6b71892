import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import type { LoadedRun } from '../../db/repositories/drill-repository';
import { useServices } from '../../services/services';
import { useSignedWrite } from '../session/useSignedWrite';

const FOLLOW_RENDER_MS = 100;

/**
 * One run, live in every window (Dexie's live queries follow writes made in other tabs through
 * BroadcastChannel, and the 导调台 follows its ticker's worker): the row, its journal and the drill machine
 * replayed from it. `send` stores an event through the repository, which checks it against the machine again
 * and stamps it with the desk's clock.
 */
export function useDrillRun(runId: string): {
  loaded: LoadedRun | null | undefined;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
} {
  const { drills } = useServices();
  const write = useSignedWrite();
  // While the ticker's worker keeps the run's time, the page shows the rows the worker hands over and does not
  // read the run (see db/repositories/drill-run-cache.ts); `held` moves with each batch.
  const [held, setHeld] = useState({ runId, isFollowed: false, batch: 0 });
  useEffect(() => {
    const look = () => {
      const isFollowed = drills.isFollowed(runId);
      // Unfollowed, the live query hears of every write itself: no render for what the page holds.
      setHeld((h) =>
        h.runId !== runId || isFollowed || h.isFollowed ? { runId, isFollowed, batch: h.batch + 1 } : h,
      );
    };
    look();
    // Followed at ×60 the worker may hand over a row every few ms; the screen takes them in at most every
    // FOLLOW_RENDER_MS, so that its rendering leaves the (two-core) laptop to the ticker.
    let lastLook = 0;
    let pending: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = drills.onHeldChanged((changed) => {
      if (changed !== runId || pending !== null) return;
      const wait = lastLook + FOLLOW_RENDER_MS - performance.now();
      pending = setTimeout(
        () => {
          pending = null;
          lastLook = performance.now();
          look();
        },
        Math.max(0, wait),
      );
    });
    return () => {
      unsubscribe();
      if (pending !== null) clearTimeout(pending);
    };
  }, [drills, runId]);
  const isFollowed = held.runId === runId && held.isFollowed;
  const loaded = useLiveQuery(
    () => (isFollowed ? (drills.peek(runId) ?? drills.load(runId)) : drills.load(runId)),
    [drills, runId, isFollowed, isFollowed ? held.batch : 0],
  );
  const send = useCallback(
    (draft: RunEventDraft, success: string | null = null) =>
      write((actor) => drills.append(runId, draft, actor), success),
    [write, drills, runId],
  );
  return { loaded, send };
}
