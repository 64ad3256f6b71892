/**
 * 班次: a duty day is cut into shifts that each begin at a local wall-clock time; a shift ends where the next
 * begins and the last one runs past midnight into the next day's first (a 夜班 from 17:30 to 08:30 belongs to
 * the date it began). Dates are local `YYYY-MM-DD` strings, because a roster is read as a calendar.
 */
import { z } from '../../validation/z';

export interface ShiftDefinition {
  key: string;
  /** 白班, 夜班 … as the office names them. */
  name: string;
  /** Minutes after local midnight. */
  startMinute: number;
}

/** The sample office's pattern: 白班 08:30–17:30, 夜班 17:30–次日 08:30. */
export const SAMPLE_SHIFTS: readonly ShiftDefinition[] = [
  { key: 'day', name: '白班', startMinute: 8 * 60 + 30 },
  { key: 'night', name: '夜班', startMinute: 17 * 60 + 30 },
];

export const shiftsSchema = z
  .array(
    z.object({
      key: z.string().trim().min(1, { error: 'required' }),
      name: z.string().trim().min(1, { error: 'required' }).max(10, { error: 'tooLong' }),
      startMinute: z
        .number()
        .int()
        .min(0)
        .max(24 * 60 - 1),
    }),
  )
  .min(1, { error: 'required' })
  .refine((shifts) => shifts.every((s, i) => i === 0 || s.startMinute > shifts[i - 1]!.startMinute), {
    error: 'shiftsOutOfOrder',
  });

export interface ShiftSlot {
  date: string;
  shiftKey: string;
}

export function dateKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function localMidnight(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The date `days` after `date` (negative for before), by the calendar, not by 24-hour steps. */
export function addDays(date: string, days: number): string {
  const d = localMidnight(date);
  d.setDate(d.getDate() + days);
  return dateKey(d.getTime());
}

/** Monday to Sunday of the week `date` falls in. */
export function weekDates(date: string): string[] {
  const weekday = (localMidnight(date).getDay() + 6) % 7;
  const monday = addDays(date, -weekday);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

function startOf(date: string, shift: ShiftDefinition): number {
  const d = localMidnight(date);
  d.setMinutes(shift.startMinute);
  return d.getTime();
}

function indexOf(shifts: readonly ShiftDefinition[], key: string): number {
  const index = shifts.findIndex((s) => s.key === key);
  if (index < 0) throw new Error(`unknown shift ${key}`);
  return index;
}

export function nextSlot(shifts: readonly ShiftDefinition[], slot: ShiftSlot): ShiftSlot {
  const index = indexOf(shifts, slot.shiftKey);
  return index + 1 < shifts.length
    ? { date: slot.date, shiftKey: shifts[index + 1]!.key }
    : { date: addDays(slot.date, 1), shiftKey: shifts[0]!.key };
}

export function previousSlot(shifts: readonly ShiftDefinition[], slot: ShiftSlot): ShiftSlot {
  const index = indexOf(shifts, slot.shiftKey);
  return index > 0
    ? { date: slot.date, shiftKey: shifts[index - 1]!.key }
    : { date: addDays(slot.date, -1), shiftKey: shifts[shifts.length - 1]!.key };
}

/** When a shift starts and ends, in epoch ms (local time, so a DST change would shorten or stretch it). */
export function slotWindow(
  shifts: readonly ShiftDefinition[],
  slot: ShiftSlot,
): { start: number; end: number } {
  const start = startOf(slot.date, shifts[indexOf(shifts, slot.shiftKey)]!);
  const next = nextSlot(shifts, slot);
  return { start, end: startOf(next.date, shifts[indexOf(shifts, next.shiftKey)]!) };
}

/** The shift on duty at `at`: before the day's first shift starts, the previous day's last shift still runs. */
export function slotAt(shifts: readonly ShiftDefinition[], at: number): ShiftSlot {
  const today = dateKey(at);
  for (let i = shifts.length - 1; i >= 0; i--)
    if (startOf(today, shifts[i]!) <= at) return { date: today, shiftKey: shifts[i]!.key };
  return { date: addDays(today, -1), shiftKey: shifts[shifts.length - 1]!.key };
}

export function sameSlot(a: ShiftSlot, b: ShiftSlot): boolean {
  return a.date === b.date && a.shiftKey === b.shiftKey;
}

/** "11月23日 夜班" as a handover sheet names a shift. */
export function slotText(shifts: readonly ShiftDefinition[], slot: ShiftSlot): string {
  const [, m, d] = slot.date.split('-').map(Number);
  const name = shifts.find((s) => s.key === slot.shiftKey)?.name ?? slot.shiftKey;
  return `${m}月${d}日 ${name}`;
}

/** "08:30" of a shift's start. */
export function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
