/**
 * The 复盘's clock and what it shows: a position on the run's own timeline (real milliseconds from its start)
 * taken at an anchor moment, a speed (×1…×60) and whether it plays. Where it stands at any `now` is a pure
 * function, clamped to the run and stopping at its end, so the screen only re-reads the desk's clock and
 * nothing ever sleeps; the items shown are those that had happened by the position.
 */
import type { ReplayItem, ReplayWhat } from './replay';
import type { ResponseLevel } from '../plan/levels';
import { clampSpeed } from './timeline';

/** How many items have happened by `positionMs` (the list is in time order). */
export function visibleCount(items: readonly Pick<ReplayItem, 'offsetMs'>[], positionMs: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.offsetMs <= positionMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The items that have happened by `positionMs`, oldest first. */
export function visibleItems<T extends Pick<ReplayItem, 'offsetMs'>>(
  items: readonly T[],
  positionMs: number,
): T[] {
  return items.slice(0, visibleCount(items, positionMs));
}

/** The offset of the next moment after `positionMs`, or null when nothing is left. */
export function nextMoment(
  items: readonly Pick<ReplayItem, 'offsetMs'>[],
  positionMs: number,
): number | null {
  return items[visibleCount(items, positionMs)]?.offsetMs ?? null;
}

/** The offset of the last moment before `positionMs` (0, the start, when there is none). */
export function previousMoment(items: readonly Pick<ReplayItem, 'offsetMs'>[], positionMs: number): number {
  let found = 0;
  for (const item of items) {
    if (item.offsetMs >= positionMs) break;
    found = item.offsetMs;
  }
  return found;
}

export interface ReplayTally {
  delivered: number;
  skipped: number;
  responses: number;
  notes: number;
  observations: number;
  /** The 演练事件's response level in force, and a proposal not yet decided. */
  level: ResponseLevel | null;
  proposed: ResponseLevel | null;
}

/** What the items shown so far add up to. */
export function replayTally(items: readonly ReplayWhat[]): ReplayTally {
  const tally: ReplayTally = {
    delivered: 0,
    skipped: 0,
    responses: 0,
    notes: 0,
    observations: 0,
    level: null,
    proposed: null,
  };
  for (const item of items) {
    switch (item.kind) {
      case 'inject.deliver':
        tally.delivered += 1;
        break;
      case 'inject.skip':
        tally.skipped += 1;
        break;
      case 'response':
        tally.responses += 1;
        break;
      case 'note':
        tally.notes += 1;
        break;
      case 'observation':
        tally.observations += 1;
        break;
      case 'level.propose':
        tally.proposed = item.level;
        break;
      case 'level.approve':
      case 'level.adjust':
        tally.level = item.level;
        tally.proposed = null;
        break;
      case 'response.end':
        tally.level = null;
        tally.proposed = null;
        break;
      default:
        break;
    }
  }
  return tally;
}

export interface ReplayClock {
  /** Where the replay stood at `anchorAt`, in real milliseconds from the run's start. */
  positionMs: number;
  anchorAt: number;
  speed: number;
  isPlaying: boolean;
  durationMs: number;
}

/** A replay at the start of a run of `durationMs`, paused. */
export function replayClock(durationMs: number, now: number, speed = 1): ReplayClock {
  return { positionMs: 0, anchorAt: now, speed: clampSpeed(speed), isPlaying: false, durationMs };
}

/** Where the replay stands at `now`: it never runs past the end nor back before the anchor. */
export function positionAt(clock: ReplayClock, now: number): number {
  if (!clock.isPlaying) return clock.positionMs;
  const played = Math.max(0, now - clock.anchorAt) * clock.speed;
  return Math.min(clock.durationMs, clock.positionMs + played);
}

export function isAtEnd(clock: ReplayClock, now: number): boolean {
  return positionAt(clock, now) >= clock.durationMs;
}

/** The same clock re-anchored at `now` (a playing one that reached the end stops there). */
export function settle(clock: ReplayClock, now: number): ReplayClock {
  const positionMs = positionAt(clock, now);
  return { ...clock, positionMs, anchorAt: now, isPlaying: clock.isPlaying && positionMs < clock.durationMs };
}

/** Plays from where it stands; from the start again once it has reached the end. */
export function play(clock: ReplayClock, now: number): ReplayClock {
  const settled = settle(clock, now);
  const positionMs = settled.positionMs >= clock.durationMs ? 0 : settled.positionMs;
  return { ...settled, positionMs, isPlaying: clock.durationMs > 0 };
}

export function pause(clock: ReplayClock, now: number): ReplayClock {
  return { ...settle(clock, now), isPlaying: false };
}

export function setSpeed(clock: ReplayClock, speed: number, now: number): ReplayClock {
  return { ...settle(clock, now), speed: clampSpeed(speed) };
}

/** Jumps to `positionMs` (clamped to the run), playing on if it was playing. */
export function seek(clock: ReplayClock, positionMs: number, now: number): ReplayClock {
  const settled = settle(clock, now);
  const target = Number.isFinite(positionMs) ? Math.round(positionMs) : 0;
  const clamped = Math.min(clock.durationMs, Math.max(0, target));
  return { ...settled, positionMs: clamped, isPlaying: settled.isPlaying && clamped < clock.durationMs };
}
