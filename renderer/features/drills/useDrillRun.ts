import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import type { LoadedRun } from '../../db/repositories/drill-repository';
import { useServices } from '../../services/services';
import { useSignedWrite } from '../session/useSignedWrite';

/**
 * One run, live in every window (Dexie's live queries follow writes made in other tabs through
 * BroadcastChannel): the row, its journal and the drill machine replayed from it. `send` stores an event
 * through the repository, which checks it against the machine again and stamps it with the desk's clock.
 */
export function useDrillRun(runId: string): {
  loaded: LoadedRun | null | undefined;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
} {
  const { drills } = useServices();
  const write = useSignedWrite();
  const loaded = useLiveQuery(() => drills.load(runId), [drills, runId]);
  const send = useCallback(
    (draft: RunEventDraft, success: string | null = null) =>
      write((actor) => drills.append(runId, draft, actor), success),
    [write, drills, runId],
  );
  return { loaded, send };
}
