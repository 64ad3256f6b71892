import { describe, expect, it } from 'vitest';
import { at, incidentRow, intakeRow, sentReport } from '../../../test/support/duty-rows';
import { SAMPLE_REPORT_RULES } from '../incident/report-deadlines';
import { periodSummary, spread, streetOf, type PeriodSummaryInput } from './duty-statistics';
import { daysOf, monthOf, weekOf } from './periods';

/** Monday 23 to Sunday 29 November 2026. */
const week = weekOf(at(2026, 11, 25));
const streets = [
  { id: 's1', name: '东湖街道办事处' },
  { id: 's2', name: '西城街道办事处' },
  { id: 's3', name: '新港街道办事处' },
];

const intakes = [
  intakeRow({ id: 'w0', receivedAt: at(2026, 11, 22, 23, 59), place: '东湖街道' }),
  intakeRow({
    id: 'w1',
    receivedAt: at(2026, 11, 23, 0, 1),
    occurredAt: at(2026, 11, 22, 23, 50),
    category: 'natural',
    place: '东湖街道滨江路与新港路交叉口',
  }),
  intakeRow({
    id: 'w2',
    receivedAt: at(2026, 11, 23, 2, 15),
    occurredAt: at(2026, 11, 23, 2, 0),
    place: '西城街道人民路',
    incidentId: 'A',
  }),
  intakeRow({ id: 'w3', receivedAt: at(2026, 11, 25, 10, 0), place: '新港街道办事处门前' }),
  intakeRow({
    id: 'w6',
    receivedAt: at(2026, 11, 26, 9, 0),
    occurredAt: at(2026, 11, 26, 8, 56),
    category: 'socialSecurity',
    place: '西城街道与东湖街道交界处',
    dead: 1,
  }),
  intakeRow({
    id: 'w4',
    receivedAt: at(2026, 11, 29, 23, 59),
    occurredAt: at(2026, 11, 29, 22, 59),
    category: 'publicHealth',
    place: '滨江村',
  }),
  intakeRow({ id: 'w5', receivedAt: at(2026, 11, 30, 0, 1), place: '东湖街道' }),
];

const incidents = [
  incidentRow({
    id: 'A',
    occurredAt: at(2026, 11, 23, 2, 0),
    receivedAt: at(2026, 11, 23, 2, 15),
    createdAt: at(2026, 11, 23, 2, 30),
  }),
  incidentRow({
    id: 'F',
    occurredAt: at(2026, 11, 25, 10, 0),
    receivedAt: at(2026, 11, 25, 10, 5),
    createdAt: at(2026, 11, 25, 10, 10),
  }),
  incidentRow({
    id: 'G',
    occurredAt: at(2026, 11, 28, 19, 0),
    receivedAt: at(2026, 11, 28, 20, 0),
    createdAt: at(2026, 11, 28, 20, 0),
  }),
  incidentRow({
    id: 'H',
    occurredAt: at(2026, 11, 20, 10, 0),
    receivedAt: at(2026, 11, 20, 10, 10),
    createdAt: at(2026, 11, 20, 10, 15),
  }),
  incidentRow({
    id: 'I',
    occurredAt: at(2026, 11, 29, 23, 20),
    receivedAt: at(2026, 11, 29, 23, 30),
    createdAt: at(2026, 11, 29, 23, 40),
  }),
  incidentRow({
    id: 'J',
    occurredAt: at(2026, 11, 19, 10, 0),
    receivedAt: at(2026, 11, 19, 10, 0),
    createdAt: at(2026, 11, 19, 10, 0),
    status: 'closed',
    updatedAt: at(2026, 11, 21, 10, 0),
  }),
];

const reports = [
  sentReport({ id: 'a1', incidentId: 'A', sentAt: at(2026, 11, 23, 3, 20) }),
  sentReport({ id: 'a2', incidentId: 'A', kind: 'followUp', number: 1, sentAt: at(2026, 11, 23, 3, 45) }),
  sentReport({ id: 'f1', incidentId: 'F', sentAt: at(2026, 11, 25, 10, 30) }),
  sentReport({ id: 'h1', incidentId: 'H', sentAt: at(2026, 11, 20, 10, 40) }),
  sentReport({ id: 'h2', incidentId: 'H', kind: 'followUp', number: 1, sentAt: at(2026, 11, 24, 9, 0) }),
  sentReport({ id: 'j1', incidentId: 'J', sentAt: at(2026, 11, 19, 12, 0) }),
];

const input = (now: number, extra: Partial<PeriodSummaryInput> = {}): PeriodSummaryInput => ({
  period: week,
  now,
  rules: SAMPLE_REPORT_RULES,
  intakes,
  incidents,
  reports,
  streets,
  ...extra,
});

describe('周报 / 月报', () => {
  it('counts a past week from Monday 00:00 to Sunday 23:59: by category, street and day, delays, and deadlines by outcome', () => {
    const summary = periodSummary(input(at(2026, 12, 1, 9, 0)));
    expect(summary.totals).toEqual({
      intakes: 5,
      intakesToIncidents: 1,
      dead: 1,
      injured: 0,
      missing: 0,
      incidentsOpened: 4,
      reportsSent: 4,
      reportsLate: 2,
      deadlinesOverdue: 3,
    });
    expect(summary.byCategory).toEqual([
      { category: 'natural', count: 1 },
      { category: 'accident', count: 2 },
      { category: 'publicHealth', count: 1 },
      { category: 'socialSecurity', count: 1 },
    ]);
    expect(summary.byStreet).toEqual([
      { streetId: 's1', name: '东湖街道办事处', count: 1 },
      { streetId: 's2', name: '西城街道办事处', count: 2 },
      { streetId: 's3', name: '新港街道办事处', count: 1 },
      { streetId: null, name: null, count: 1 },
    ]);
    expect(summary.byDay.map((d) => d.count)).toEqual([2, 0, 1, 1, 0, 0, 1]);
    expect(summary.byDay[0]?.day).toBe(at(2026, 11, 23));
    // 事发 → 接报: 11, 15, 4 and 60 minutes.
    expect(summary.intakeDelay).toEqual({ count: 4, medianMinutes: 13, maxMinutes: 60 });
    // 接报 → first report: A 65 and F 25 minutes; G and I (received 23:30 on Sunday) have none yet.
    expect(summary.reportDelay).toEqual({ count: 2, medianMinutes: 45, maxMinutes: 65, withoutReport: 2 });
    expect(summary.deadlines).toEqual([
      { kind: 'initial', met: 1, late: 1, overdue: 1, pending: 0 },
      { kind: 'followUp', met: 1, late: 0, overdue: 2, pending: 0 },
      { kind: 'final', met: 0, late: 0, overdue: 0, pending: 0 },
    ]);
  });

  it('sees a running week as of now: a deadline not yet due is pending, a report sent later does not exist', () => {
    const now = at(2026, 11, 25, 10, 20);
    const summary = periodSummary(
      input(now, {
        intakes: intakes.filter((i) => i.receivedAt <= now),
        incidents: incidents.filter((i) => i.createdAt <= now),
        reports: reports.filter((r) => (r.sentAt ?? 0) <= now),
      }),
    );
    expect(summary.asOf).toBe(now);
    expect(summary.deadlines.slice(0, 2)).toEqual([
      { kind: 'initial', met: 0, late: 1, overdue: 0, pending: 1 },
      { kind: 'followUp', met: 1, late: 0, overdue: 0, pending: 1 },
    ]);
    expect(summary.reportDelay).toEqual({ count: 1, medianMinutes: 65, maxMinutes: 65, withoutReport: 1 });
  });

  it('an empty month has every day, every street and every category at zero, and no delays', () => {
    const month = monthOf(at(2027, 2, 10));
    const summary = periodSummary(input(at(2027, 3, 5), { period: month }));
    expect(summary.byDay).toEqual(daysOf(month).map((day) => ({ day, count: 0 })));
    expect(summary.byDay).toHaveLength(28);
    expect(summary.byCategory.map((c) => c.count)).toEqual([0, 0, 0, 0]);
    expect(summary.byStreet.map((s) => s.count)).toEqual([0, 0, 0, 0]);
    expect(summary.intakeDelay).toEqual({ count: 0, medianMinutes: null, maxMinutes: null });
    expect(summary.reportDelay).toEqual({
      count: 0,
      medianMinutes: null,
      maxMinutes: null,
      withoutReport: 0,
    });
    expect(summary.totals).toMatchObject({ intakes: 0, reportsSent: 0, deadlinesOverdue: 0 });
  });

  it('finds the street an address names first, by its full or its short name', () => {
    const names = (place: string) => streetOf(place, streets)?.name ?? null;
    expect(names('东湖街道滨江路与新港路交叉口')).toBe('东湖街道办事处');
    expect(names('新港街道办事处门前')).toBe('新港街道办事处');
    expect(names('西城街道与东湖街道交界处')).toBe('西城街道办事处');
    expect(names('滨江村海堤')).toBeNull();
  });

  it('takes the middle of an even count as the mean of the two middle values', () => {
    expect(spread([30, 10, 20])).toEqual({ count: 3, medianMinutes: 20, maxMinutes: 30 });
    expect(spread([1, 2, 3, 10])).toEqual({ count: 4, medianMinutes: 2.5, maxMinutes: 10 });
  });
});
