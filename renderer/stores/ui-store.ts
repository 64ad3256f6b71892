/**
 * UI-only state. Persisted keys are listed explicitly in `partialize`: the language and the collapsed
 * sidebar survive a restart; open dialogs and selections do not.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Language } from '../i18n/i18n';

interface UiState {
  language: Language;
  siderCollapsed: boolean;
  signInOpen: boolean;
  shortcutsOpen: boolean;
  resourceSearchOpen: boolean;
  setLanguage(language: Language): void;
  setSiderCollapsed(collapsed: boolean): void;
  setSignInOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setResourceSearchOpen(open: boolean): void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      language: 'zh-CN',
      siderCollapsed: false,
      signInOpen: false,
      shortcutsOpen: false,
      resourceSearchOpen: false,
      setLanguage: (language) => set({ language }),
      setSiderCollapsed: (siderCollapsed) => set({ siderCollapsed }),
      setSignInOpen: (signInOpen) => set({ signInOpen }),
      setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
      setResourceSearchOpen: (resourceSearchOpen) => set({ resourceSearchOpen }),
    }),
    {
      name: 'emergency-desk.ui',
      storage: createJSONStorage(() => localStorage),
      partialize: ({ language, siderCollapsed }) => ({ language, siderCollapsed }),
    },
  ),
);
