/**
 * Review and drill reminders (应急条例 Art. 6, 8): a plan is reviewed at least every 3 years and revised
 * sooner when a revision trigger occurs; it is drilled at least every `drillIntervalMonths`. Dates are
 * calendar dates (YYYY-MM-DD) compared as strings, so time zones cannot move a deadline by a day.
 */
import type { PlanMeta } from './plan-schema';

export type DueState = 'ok' | 'dueSoon' | 'overdue' | 'unknown';

export interface Due {
  state: DueState;
  /** The date it falls due, or null when the plan does not say enough to know. */
  date: string | null;
}

export const REVIEW_INTERVAL_MONTHS = 36;
/** How far ahead a reminder shows. */
export const DUE_SOON_DAYS = 60;

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function classify(date: string | null, today: string): Due {
  if (date === null) return { state: 'unknown', date: null };
  if (date < today) return { state: 'overdue', date };
  if (date <= addDays(today, DUE_SOON_DAYS)) return { state: 'dueSoon', date };
  return { state: 'ok', date };
}

/** The earlier of the plan's own next-review date and three years after it took effect. */
export function reviewDue(meta: Pick<PlanMeta, 'effectiveDate' | 'nextReviewDate'>, today: string): Due {
  const byRule = meta.effectiveDate ? addMonths(meta.effectiveDate, REVIEW_INTERVAL_MONTHS) : null;
  const dates = [byRule, meta.nextReviewDate].filter((d): d is string => d !== null).sort();
  return classify(dates[0] ?? null, today);
}

/** Never drilled counts from the effective date: a new plan owes its first drill within the interval. */
export function drillDue(
  meta: Pick<PlanMeta, 'lastDrillDate' | 'effectiveDate' | 'drillIntervalMonths'>,
  today: string,
): Due {
  const from = meta.lastDrillDate ?? meta.effectiveDate;
  return classify(from ? addMonths(from, meta.drillIntervalMonths) : null, today);
}

/** Local calendar date of an epoch-ms instant. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
