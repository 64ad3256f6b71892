import { useCallback, useEffect, useState } from 'react';
import { positionAt, replayClock, settle, type ReplayClock } from '@shared/domain/drill/replay-clock';
import { useServices } from '../../../services/services';
import { useClock } from '../../../ui/use-clock';

/** Five beats a second while playing: at ×60 a beat is twelve seconds of the run. */
const BEAT_MS = 200;

/**
 * The replay clock on the desk's clock: the position is read from the clock at every beat (and the beat stops
 * while paused), so a test that moves the desk's clock moves the replay exactly. `act` applies one of the
 * replay functions (play, pause, seek …) at the desk's present moment.
 */
export function useReplayClock(durationMs: number): {
  clock: ReplayClock;
  positionMs: number;
  isPlaying: boolean;
  act: (change: (clock: ReplayClock, now: number) => ReplayClock) => void;
} {
  const { now } = useServices();
  const [clock, setClock] = useState(() => replayClock(durationMs, now()));
  const beat = useClock(BEAT_MS, clock.isPlaying);
  // The beat may be older than the last press of a button: the clock never reads before its anchor.
  const positionMs = positionAt(clock, Math.max(beat, clock.anchorAt));
  const hasEnded = clock.isPlaying && positionMs >= clock.durationMs;
  useEffect(() => {
    if (hasEnded) setClock((c) => settle(c, now()));
  }, [hasEnded, now]);
  const act = useCallback(
    (change: (clock: ReplayClock, now: number) => ReplayClock) => setClock((c) => change(c, now())),
    [now],
  );
  return { clock, positionMs, isPlaying: clock.isPlaying && !hasEnded, act };
}
