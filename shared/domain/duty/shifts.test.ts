import { describe, expect, it } from 'vitest';
import {
  addDays,
  clockText,
  nextSlot,
  previousSlot,
  SAMPLE_SHIFTS,
  shiftsSchema,
  slotAt,
  slotText,
  slotWindow,
  weekDates,
} from './shifts';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();

describe('shifts', () => {
  it('puts the small hours on the night shift of the day before', () => {
    expect(slotAt(SAMPLE_SHIFTS, at(24, 3))).toEqual({ date: '2026-11-23', shiftKey: 'night' });
    expect(slotAt(SAMPLE_SHIFTS, at(24, 8, 29))).toEqual({ date: '2026-11-23', shiftKey: 'night' });
    expect(slotAt(SAMPLE_SHIFTS, at(24, 8, 30))).toEqual({ date: '2026-11-24', shiftKey: 'day' });
    expect(slotAt(SAMPLE_SHIFTS, at(24, 17, 30))).toEqual({ date: '2026-11-24', shiftKey: 'night' });
    expect(slotAt(SAMPLE_SHIFTS, at(1, 0, 0))).toEqual({ date: '2026-10-31', shiftKey: 'night' });
  });

  it('runs the night shift past midnight to the next day shift', () => {
    expect(slotWindow(SAMPLE_SHIFTS, { date: '2026-11-30', shiftKey: 'night' })).toEqual({
      start: new Date(2026, 10, 30, 17, 30).getTime(),
      end: new Date(2026, 11, 1, 8, 30).getTime(),
    });
    expect(slotWindow(SAMPLE_SHIFTS, { date: '2026-11-30', shiftKey: 'day' })).toEqual({
      start: at(30, 8, 30),
      end: at(30, 17, 30),
    });
  });

  it('steps to the next and previous shift across month and year ends', () => {
    expect(nextSlot(SAMPLE_SHIFTS, { date: '2026-12-31', shiftKey: 'night' })).toEqual({
      date: '2027-01-01',
      shiftKey: 'day',
    });
    expect(nextSlot(SAMPLE_SHIFTS, { date: '2026-12-31', shiftKey: 'day' })).toEqual({
      date: '2026-12-31',
      shiftKey: 'night',
    });
    expect(previousSlot(SAMPLE_SHIFTS, { date: '2027-01-01', shiftKey: 'day' })).toEqual({
      date: '2026-12-31',
      shiftKey: 'night',
    });
  });

  it('lists a week from Monday to Sunday', () => {
    expect(weekDates('2026-11-23')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(weekDates('2026-11-29')[0]).toBe('2026-11-23');
    expect(weekDates('2027-01-01')[0]).toBe('2026-12-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('names shifts and times as a duty sheet writes them', () => {
    expect(slotText(SAMPLE_SHIFTS, { date: '2026-11-03', shiftKey: 'night' })).toBe('11月3日 夜班');
    expect(clockText(17 * 60 + 30)).toBe('17:30');
    expect(clockText(5)).toBe('00:05');
  });

  it('refuses shifts out of order or without a name', () => {
    expect(shiftsSchema.safeParse(SAMPLE_SHIFTS).success).toBe(true);
    expect(shiftsSchema.safeParse([...SAMPLE_SHIFTS].reverse()).success).toBe(false);
    expect(shiftsSchema.safeParse([{ key: 'a', name: ' ', startMinute: 0 }]).success).toBe(false);
    expect(shiftsSchema.safeParse([]).success).toBe(false);
  });
});
