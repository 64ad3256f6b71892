import { useEffect, useState } from 'react';
import { useServices } from '../services/services';

/** The desk's clock, re-read every `intervalMs` (and not at all while `isActive` is false). */
export function useClock(intervalMs: number, isActive = true): number {
  const { now } = useServices();
  const [at, setAt] = useState(now);
  useEffect(() => {
    if (!isActive) return undefined;
    setAt(now());
    const timer = setInterval(() => setAt(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs, isActive]);
  return at;
}
