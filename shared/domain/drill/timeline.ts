/**
 * The drill clock as data: a list of absolute real-time marks (start, pause, resume, speed, jump). Scenario time
 * at any real moment is a pure fold over that list, so a reload, a crash or a sleeping laptop never changes it:
 * the same marks and the same `now` give the same scenario time. All figures are integer milliseconds and speeds
 * are integers, so pauses are exact to the millisecond and nothing drifts by rounding.
 *
 * Invariants: marks are in time order; scenario time never decreases (jumps only go forward, a clock that runs
 * backwards counts as standing still).
 */

export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;
export const MAX_SPEED = 60;

export type TimelineMark =
  | { kind: 'start'; at: number }
  | { kind: 'pause'; at: number }
  | { kind: 'resume'; at: number }
  | { kind: 'speed'; at: number; speed: number }
  /** Scenario time jumps forward to `toMs` (e.g. "次日08:00"); a jump backwards is ignored. */
  | { kind: 'jump'; at: number; toMs: number };

interface ClockState {
  scenarioMs: number;
  isRunning: boolean;
  speed: number;
  /** The real moment `scenarioMs` was taken at. */
  at: number;
  isStarted: boolean;
}

const INITIAL: ClockState = { scenarioMs: 0, isRunning: false, speed: 1, at: 0, isStarted: false };

function advance(state: ClockState, to: number): ClockState {
  const span = Math.max(0, to - state.at);
  const scenarioMs = state.isRunning ? state.scenarioMs + span * state.speed : state.scenarioMs;
  return { ...state, scenarioMs, at: Math.max(state.at, to) };
}

function apply(state: ClockState, mark: TimelineMark): ClockState {
  const s = advance(state, mark.at);
  switch (mark.kind) {
    case 'start':
      return s.isStarted ? s : { ...s, isStarted: true, isRunning: true };
    case 'pause':
      return { ...s, isRunning: false };
    case 'resume':
      return s.isStarted ? { ...s, isRunning: true } : s;
    case 'speed':
      return { ...s, speed: clampSpeed(mark.speed) };
    case 'jump':
      return { ...s, scenarioMs: Math.max(s.scenarioMs, mark.toMs) };
  }
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(1, Math.round(speed)));
}

/** The clock's state at `now`, counting only the marks made up to then. */
export function clockAt(marks: readonly TimelineMark[], now: number): ClockState {
  let state = INITIAL;
  for (const mark of marks) {
    if (mark.at > now) break;
    state = apply(state, mark);
  }
  return advance(state, now);
}

/** Elapsed scenario time (ms since T+0) at the real moment `now`. */
export function scenarioTimeAt(marks: readonly TimelineMark[], now: number): number {
  return clockAt(marks, now).scenarioMs;
}

/**
 * The real moment the *running* scenario clock first stood at or past `scenarioMs`, looking only at marks up to
 * `now`: the crossing inside a running stretch, the jump that carried a running clock past it, or the resume
 * after a jump made while paused (an inject the story jumped past during a pause falls due when play resumes,
 * so the pause is not counted as lateness). While the clock stands short of it: when it will at the present
 * speed if running, else null.
 */
export function realTimeReaching(
  marks: readonly TimelineMark[],
  scenarioMs: number,
  now: number,
): number | null {
  let state = INITIAL;
  for (const mark of marks) {
    if (mark.at > now) break;
    const next = advance(state, mark.at);
    if (state.isRunning && next.scenarioMs >= scenarioMs) return crossing(state, scenarioMs);
    state = apply(next, mark);
    if (state.isRunning && state.scenarioMs >= scenarioMs) return mark.at;
  }
  return state.isRunning ? crossing(state, scenarioMs) : null;
}

/** When a running segment that began at `state` crosses `scenarioMs` (whole ms, rounded up: never early). */
function crossing(state: ClockState, scenarioMs: number): number {
  if (state.scenarioMs >= scenarioMs || !state.isRunning) return state.at;
  return state.at + Math.ceil((scenarioMs - state.scenarioMs) / state.speed);
}
