/**
 * The periods a duty office reports on — a day, a week (Monday to Sunday) and a calendar month — as
 * half-open ranges [start, end) of epoch ms at local midnight. Built from calendar fields, not by adding
 * 86,400,000, so a day is a day even where clocks change.
 */
export interface Period {
  start: number;
  end: number;
}

export type PeriodKind = 'day' | 'week' | 'month';

const midnight = (year: number, month: number, date: number) => new Date(year, month, date).getTime();

export function dayOf(ms: number): Period {
  const d = new Date(ms);
  return {
    start: midnight(d.getFullYear(), d.getMonth(), d.getDate()),
    end: midnight(d.getFullYear(), d.getMonth(), d.getDate() + 1),
  };
}

/** The week (Monday 00:00 to the next Monday 00:00) holding `ms`. */
export function weekOf(ms: number): Period {
  const d = new Date(ms);
  const sinceMonday = (d.getDay() + 6) % 7;
  const monday = d.getDate() - sinceMonday;
  return {
    start: midnight(d.getFullYear(), d.getMonth(), monday),
    end: midnight(d.getFullYear(), d.getMonth(), monday + 7),
  };
}

export function monthOf(ms: number): Period {
  const d = new Date(ms);
  return {
    start: midnight(d.getFullYear(), d.getMonth(), 1),
    end: midnight(d.getFullYear(), d.getMonth() + 1, 1),
  };
}

export function periodOf(kind: PeriodKind, ms: number): Period {
  if (kind === 'week') return weekOf(ms);
  return kind === 'month' ? monthOf(ms) : dayOf(ms);
}

export function isWithin(ms: number, period: Period): boolean {
  return ms >= period.start && ms < period.end;
}

/** The local midnight of every day of the period, in order. */
export function daysOf(period: Period): number[] {
  const days: number[] = [];
  const d = new Date(period.start);
  for (let n = 0; ; n += 1) {
    const day = midnight(d.getFullYear(), d.getMonth(), d.getDate() + n);
    if (day >= period.end) return days;
    days.push(day);
  }
}

/** How far a brief or summary can see: the end of the period, or now while the period is still running. */
export function asOfTime(period: Period, now: number): number {
  return Math.min(now, period.end);
}
