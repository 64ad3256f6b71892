import { useCallback, useRef, useState } from 'react';
import { PIN_ACTS, type Act } from '@shared/domain/org/roles';
import type { Actor } from '@shared/domain/org/types';
import { useServices } from '../../services/services';
import { useActor } from './useSession';

export interface ActRequest {
  act: Act;
  actor: Actor;
}

export interface ConfirmActDialogProps {
  request: ActRequest | null;
  onDone: (isConfirmed: boolean) => void;
}

/**
 * The moment before an act that signs (签发, ENDEX, purge): a person with a PIN types it again in
 * <ConfirmActDialog {...dialogProps} />, which the caller renders; a person without one goes straight on,
 * so their flow is the one-click flow it always was. `confirm` resolves to whether to go on with the write,
 * which then uses up the confirmation (see db/repositories/act-guard.ts).
 */
export function useConfirmAct(): {
  confirm: (act: Act) => Promise<boolean>;
  dialogProps: ConfirmActDialogProps;
} {
  const { directory } = useServices();
  const requireActor = useActor();
  const [request, setRequest] = useState<ActRequest | null>(null);
  const resolver = useRef<((isConfirmed: boolean) => void) | null>(null);

  const confirm = useCallback(
    async (act: Act) => {
      const actor = requireActor();
      if (!actor) return false;
      const person = await directory.getPerson(actor.personId);
      if (!person?.pin || !PIN_ACTS.has(act)) return true;
      // A second request while one is open answers the first as cancelled: one dialog, one act.
      resolver.current?.(false);
      return new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setRequest({ act, actor });
      });
    },
    [directory, requireActor],
  );

  const onDone = useCallback((isConfirmed: boolean) => {
    resolver.current?.(isConfirmed);
    resolver.current = null;
    setRequest(null);
  }, []);

  return { confirm, dialogProps: { request, onDone } };
}
