import { describe, expect, it } from 'vitest';
import { at } from '../../../test/support/duty-rows';
import { asOfTime, dayOf, daysOf, isWithin, monthOf, periodOf, weekOf } from './periods';

describe('report periods in local time', () => {
  it('a day runs from local midnight to the next; 23:59 and 00:01 fall on either side', () => {
    const day = dayOf(at(2026, 11, 23, 15, 30));
    expect(day).toEqual({ start: at(2026, 11, 23), end: at(2026, 11, 24) });
    expect(isWithin(at(2026, 11, 23, 23, 59), day)).toBe(true);
    expect(isWithin(at(2026, 11, 24, 0, 1), day)).toBe(false);
    expect(isWithin(at(2026, 11, 24), day)).toBe(false);
    expect(isWithin(at(2026, 11, 23), day)).toBe(true);
  });

  it('a week starts on Monday, also when asked on a Sunday night or across a month end', () => {
    // 2026-11-23 is a Monday; 2026-11-29 a Sunday.
    expect(weekOf(at(2026, 11, 29, 23, 59))).toEqual({ start: at(2026, 11, 23), end: at(2026, 11, 30) });
    expect(weekOf(at(2026, 11, 23, 0, 0))).toEqual({ start: at(2026, 11, 23), end: at(2026, 11, 30) });
    expect(weekOf(at(2026, 12, 2, 9))).toEqual({ start: at(2026, 11, 30), end: at(2026, 12, 7) });
    expect(daysOf(weekOf(at(2026, 12, 2)))).toHaveLength(7);
  });

  it('a month is the calendar month, February included', () => {
    expect(monthOf(at(2028, 2, 29, 12))).toEqual({ start: at(2028, 2, 1), end: at(2028, 3, 1) });
    expect(daysOf(periodOf('month', at(2028, 2, 10)))).toHaveLength(29);
    expect(daysOf(periodOf('month', at(2026, 12, 31)))).toEqual(
      Array.from({ length: 31 }, (_, n) => at(2026, 12, n + 1)),
    );
    expect(periodOf('day', at(2026, 12, 31, 8))).toEqual(dayOf(at(2026, 12, 31)));
  });

  it('a running period is seen as of now, a past one as of its end', () => {
    const week = weekOf(at(2026, 11, 25));
    expect(asOfTime(week, at(2026, 11, 25, 10))).toBe(at(2026, 11, 25, 10));
    expect(asOfTime(week, at(2027, 1, 1))).toBe(at(2026, 11, 30));
  });
});
