/**
 * Keys an operator presses a hundred times a night. Alt+1…8 follow the menu order; F2 is the shift change;
 * F1 shows the list; Ctrl+K opens 一键检索 from any screen. Ctrl+F (directory search) and Alt+N (new person) belong to the directory screen.
 */
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useUiStore } from '../stores/ui-store';
import { AREAS } from './areas';

export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  const setSignInOpen = useUiStore((s) => s.setSignInOpen);
  const setShortcutsOpen = useUiStore((s) => s.setShortcutsOpen);
  const setResourceSearchOpen = useUiStore((s) => s.setResourceSearchOpen);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-8]$/.test(event.code)) {
        const area = AREAS[Number(event.code.slice(5)) - 1];
        if (area) {
          event.preventDefault();
          void navigate(area.path);
        }
      } else if (event.key === 'F2') {
        event.preventDefault();
        setSignInOpen(true);
      } else if (event.key === 'F1') {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if ((event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyK') {
        event.preventDefault();
        setResourceSearchOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate, setSignInOpen, setShortcutsOpen, setResourceSearchOpen]);
}
