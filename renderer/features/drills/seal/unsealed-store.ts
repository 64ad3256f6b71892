/**
 * The sealed scenarios opened on this screen by their passphrase. In memory only: a reload, or 重新锁定,
 * locks them again, so a console left open never keeps a sealed script readable for the next person.
 */
import { create } from 'zustand';

interface UnsealedState {
  opened: ReadonlySet<string>;
  open(scenarioId: string): void;
  lock(scenarioId: string): void;
}

export const useUnsealedStore = create<UnsealedState>()((set) => ({
  opened: new Set(),
  open: (scenarioId) => set((s) => ({ opened: new Set(s.opened).add(scenarioId) })),
  lock: (scenarioId) =>
    set((s) => {
      const opened = new Set(s.opened);
      opened.delete(scenarioId);
      return { opened };
    }),
}));

export const useIsOpened = (scenarioId: string): boolean => useUnsealedStore((s) => s.opened.has(scenarioId));
