import { describe, expect, it } from 'vitest';
import { deadlineState, reportDeadlines, SAMPLE_REPORT_RULES } from './report-deadlines';

const MIN = 60_000;
const occurredAt = Date.UTC(2026, 6, 1, 0, 0);
const receivedAt = occurredAt + 20 * MIN;

describe('report deadlines from jurisdiction rules', () => {
  it('a 重大 event owes a phone report in 15 min and a written one in 30, both from receipt', () => {
    const due = reportDeadlines(SAMPLE_REPORT_RULES, { grade: 'major', occurredAt, receivedAt });
    expect(due.map((d) => [d.ruleId, (d.dueAt - receivedAt) / MIN])).toEqual([
      ['phone-major', 15],
      ['written-major', 30],
      ['upward-2h', 120],
    ]);
  });

  it('a 较大 event: 30 / 60 min; the 1-hour rule from the accident binds when it is earlier', () => {
    const due = reportDeadlines(SAMPLE_REPORT_RULES, { grade: 'larger', occurredAt, receivedAt });
    expect(due.map((d) => d.ruleId)).toEqual(['phone-larger', 'written-1h', 'upward-2h']);
    expect(due[1]!.dueAt).toBe(occurredAt + 60 * MIN);
  });

  it('a 一般 event owes only the written report within 1 hour of the event and the upward report', () => {
    const due = reportDeadlines(SAMPLE_REPORT_RULES, { grade: 'general', occurredAt, receivedAt });
    expect(due.map((d) => d.ruleId)).toEqual(['written-1h', 'upward-2h']);
  });

  it('counts down, warns when close, flags 可能迟报 once past, and judges a report by when it was sent', () => {
    const dueAt = receivedAt + 15 * MIN;
    expect(deadlineState(dueAt, receivedAt, null)).toEqual({ state: 'pending', remainingMs: 15 * MIN });
    expect(deadlineState(dueAt, dueAt - 5 * MIN, null)).toEqual({ state: 'dueSoon', remainingMs: 5 * MIN });
    expect(deadlineState(dueAt, dueAt, null)).toEqual({ state: 'dueSoon', remainingMs: 0 });
    expect(deadlineState(dueAt, dueAt + 3 * MIN, null)).toEqual({ state: 'overdue', lateByMs: 3 * MIN });
    expect(deadlineState(dueAt, dueAt + 60 * MIN, dueAt - MIN)).toEqual({ state: 'met' });
    expect(deadlineState(dueAt, dueAt + 60 * MIN, dueAt + 2 * MIN)).toEqual({
      state: 'late',
      lateByMs: 2 * MIN,
    });
  });
});
