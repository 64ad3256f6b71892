/**
 * The signed-in person, read once per window. Each screen used to read it with its own live query, so a
 * panel that had just mounted did not know it yet and refused a click as if nobody were signed in (the
 * header, mounted long before, showed the name). One query at the root gives every screen the answer the
 * moment it mounts.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, type ReactNode } from 'react';
import type { Session, SettingsRepository } from '../db/repositories/settings-repository';

const SessionContext = createContext<Session | null | undefined>(undefined);

export function SessionFeed({ settings, children }: { settings: SettingsRepository; children: ReactNode }) {
  const session = useLiveQuery(() => settings.getSession(), [settings]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** `undefined` until the window's first read answers, `null` when nobody is signed in. */
export function useSessionContext(): Session | null | undefined {
  return useContext(SessionContext);
}
