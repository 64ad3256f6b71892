import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import { useSessionContext } from '../../services/session-context';
import type { Session } from '../../db/repositories/settings-repository';
import { useUiStore } from '../../stores/ui-store';

/** `undefined` while loading, `null` when nobody is signed in. */
export function useSession(): Session | null | undefined {
  return useSessionContext();
}

/**
 * Writes need a named author. Without one, the sign-in dialog opens and the write does not happen, so no
 * record is ever written anonymously. In the instant before the window's first read answers, the write
 * waits for a second try instead: nobody is known to be signed out yet.
 */
export function useActor(): () => Actor | null {
  const session = useSession();
  const setSignInOpen = useUiStore((s) => s.setSignInOpen);
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(() => {
    if (session) return session.actor;
    if (session === undefined) {
      void message.info(t('session.loading'));
      return null;
    }
    void message.warning(t('session.required'));
    setSignInOpen(true);
    return null;
  }, [session, setSignInOpen, message, t]);
}
