import { describe, expect, it } from 'vitest';
import { addMonths, drillDue, reviewDue } from './plan-schedule';

describe('review and drill reminders', () => {
  it('adds calendar months, clamping to the end of a shorter month', () => {
    expect(addMonths('2024-03-01', 36)).toBe('2027-03-01');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-11-15', 2)).toBe('2024-01-15');
  });

  it('a plan is due for review three years after it took effect, or earlier if it says so', () => {
    expect(reviewDue({ effectiveDate: '2024-03-01', nextReviewDate: null }, '2026-11-23')).toEqual({
      state: 'ok',
      date: '2027-03-01',
    });
    expect(reviewDue({ effectiveDate: '2024-03-01', nextReviewDate: '2026-12-31' }, '2026-11-23')).toEqual({
      state: 'dueSoon',
      date: '2026-12-31',
    });
    expect(reviewDue({ effectiveDate: '2021-01-10', nextReviewDate: null }, '2026-11-23')).toEqual({
      state: 'overdue',
      date: '2024-01-10',
    });
    expect(reviewDue({ effectiveDate: null, nextReviewDate: null }, '2026-11-23').state).toBe('unknown');
  });

  it('a drill is due every interval after the last one; the day itself is not yet overdue', () => {
    const meta = { lastDrillDate: '2024-11-23', effectiveDate: '2024-03-01', drillIntervalMonths: 24 };
    expect(drillDue(meta, '2026-11-23')).toEqual({ state: 'dueSoon', date: '2026-11-23' });
    expect(drillDue(meta, '2026-11-24')).toEqual({ state: 'overdue', date: '2026-11-23' });
    expect(drillDue({ ...meta, drillIntervalMonths: 6 }, '2025-05-24')).toEqual({
      state: 'overdue',
      date: '2025-05-23',
    });
    expect(drillDue({ ...meta, lastDrillDate: null }, '2026-11-23')).toEqual({
      state: 'overdue',
      date: '2026-03-01',
    });
  });
});
