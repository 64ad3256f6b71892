/**
 * 拉动 call-out list of a double-blind (or live) drill: for each unit called, when it was notified, when it
 * acknowledged (已响应) and when it arrived or stood ready (已到达/就位). Elapsed minutes count from that
 * unit's own notification, in whole minutes rounded down as offices report them (the pull-test rule).
 *
 * Rules of a record (`recordCallout`), checked by the drill machine before the journal takes it:
 * - a unit is notified before anything else is recorded for it, and nothing comes before its notification
 *   (a notification recorded again after the unit answered is refused: it would come after the answer);
 * - a unit that turns up without calling back first has acknowledged by turning up: recording 已到达 with no
 *   已响应 stamps both; an acknowledgement later than the arrival is refused;
 * - a stage may be recorded again (a correction) as long as the order holds. Pure: no clock is read here.
 */
import { elapsedMinutes } from '../resources/pull-test';

export const CALLOUT_STAGES = ['notified', 'acknowledged', 'arrived'] as const;
export type CalloutStage = (typeof CALLOUT_STAGES)[number];

export interface CalloutEntry {
  notifiedAt: number | null;
  acknowledgedAt: number | null;
  arrivedAt: number | null;
}

export type CalloutRefusal =
  'unitRequired' | 'notNotified' | 'beforeNotified' | 'alreadyAnswered' | 'acknowledgedAfterArrival';

export const UNIT_MAX = 60;

const EMPTY: CalloutEntry = { notifiedAt: null, acknowledgedAt: null, arrivedAt: null };

/** The list with one stage of one unit recorded as observed at `at`, or why not. */
export function recordCallout(
  list: Readonly<Record<string, CalloutEntry>>,
  unit: string,
  stage: CalloutStage,
  at: number,
): { ok: true; list: Record<string, CalloutEntry> } | { ok: false; code: CalloutRefusal } {
  const name = unit.trim();
  if (name === '' || name.length > UNIT_MAX) return { ok: false, code: 'unitRequired' };
  const entry = list[name] ?? EMPTY;
  let next: CalloutEntry;
  if (stage === 'notified') {
    const first = [entry.acknowledgedAt, entry.arrivedAt].filter((t): t is number => t !== null);
    // A notification can be corrected to an earlier time, never moved past the unit's answer.
    if (first.some((t) => t < at)) return { ok: false, code: 'alreadyAnswered' };
    next = { ...entry, notifiedAt: at };
  } else {
    if (entry.notifiedAt === null) return { ok: false, code: 'notNotified' };
    if (at < entry.notifiedAt) return { ok: false, code: 'beforeNotified' };
    if (stage === 'acknowledged') {
      if (entry.arrivedAt !== null && at > entry.arrivedAt) {
        return { ok: false, code: 'acknowledgedAfterArrival' };
      }
      next = { ...entry, acknowledgedAt: at };
    } else {
      const acknowledgedAt =
        entry.acknowledgedAt === null || entry.acknowledgedAt > at ? at : entry.acknowledgedAt;
      next = { ...entry, acknowledgedAt, arrivedAt: at };
    }
  }
  return { ok: true, list: { ...list, [name]: next } };
}

export type CalloutStatus = 'toNotify' | 'notified' | 'acknowledged' | 'arrived';

export interface CalloutRow extends CalloutEntry {
  unit: string;
  status: CalloutStatus;
  acknowledgedMinutes: number | null;
  arrivedMinutes: number | null;
  /** Whole minutes a unit not yet arrived has been waited for, to `now`. */
  waitingMinutes: number | null;
  isSlowest: boolean;
}

/**
 * The list as the console shows it: the scenario's units in their order, then units called that were not on
 * it; the slowest arrival (or, while some are still out, the longest wait) stands out.
 */
export function calloutRows(
  planned: readonly string[],
  list: Readonly<Record<string, CalloutEntry>>,
  now: number,
): CalloutRow[] {
  const units = [...new Set([...planned, ...Object.keys(list)])];
  const rows = units.map((unit): Omit<CalloutRow, 'isSlowest'> => {
    const e = list[unit] ?? EMPTY;
    const since = (t: number | null) =>
      t === null || e.notifiedAt === null ? null : elapsedMinutes(e.notifiedAt, t);
    const status: CalloutStatus =
      e.arrivedAt !== null
        ? 'arrived'
        : e.acknowledgedAt !== null
          ? 'acknowledged'
          : e.notifiedAt !== null
            ? 'notified'
            : 'toNotify';
    return {
      unit,
      ...e,
      status,
      acknowledgedMinutes: since(e.acknowledgedAt),
      arrivedMinutes: since(e.arrivedAt),
      waitingMinutes: e.notifiedAt !== null && e.arrivedAt === null ? since(now) : null,
    };
  });
  const slowness = (r: Omit<CalloutRow, 'isSlowest'>) => r.waitingMinutes ?? r.arrivedMinutes ?? -1;
  const worst = Math.max(-1, ...rows.map(slowness));
  return rows.map((r) => ({ ...r, isSlowest: worst >= 0 && slowness(r) === worst }));
}
