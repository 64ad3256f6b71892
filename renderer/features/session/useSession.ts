import { App } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import { useServices } from '../../services/services';
import type { Session } from '../../db/repositories/settings-repository';
import { useUiStore } from '../../stores/ui-store';

/** `undefined` while loading, `null` when nobody is signed in. */
export function useSession(): Session | null | undefined {
  const { settings } = useServices();
  return useLiveQuery(() => settings.getSession(), [settings]);
}

/**
 * Writes need a named author. Without one, the sign-in dialog opens and the write does not happen, so no
 * record is ever written anonymously.
 */
export function useActor(): () => Actor | null {
  const session = useSession();
  const setSignInOpen = useUiStore((s) => s.setSignInOpen);
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(() => {
    if (session) return session.actor;
    void message.warning(t('session.required'));
    setSignInOpen(true);
    return null;
  }, [session, setSignInOpen, message, t]);
}
