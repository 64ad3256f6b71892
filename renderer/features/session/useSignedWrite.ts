import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import { translateError } from '../../ui/translate-error';
import { useActor } from './useSession';

/**
 * Every write a screen makes: needs a signed-in author (else the sign-in dialog opens and nothing is
 * written), reports success, and turns a refusal into a sentence. Resolves to whether the write happened.
 */
export function useSignedWrite(): (
  write: (actor: Actor) => Promise<unknown>,
  success?: string | null,
) => Promise<boolean> {
  const requireActor = useActor();
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    async (write, success) => {
      const actor = requireActor();
      if (!actor) return false;
      try {
        await write(actor);
        if (success !== null) void message.success(success ?? t('common.saved'));
        return true;
      } catch (error) {
        void message.error(translateError(t, error));
        return false;
      }
    },
    [requireActor, message, t],
  );
}
