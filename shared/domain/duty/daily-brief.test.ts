import { describe, expect, it } from 'vitest';
import { at, incidentRow, intakeRow, logLine, sentReport } from '../../../test/support/duty-rows';
import { SAMPLE_REPORT_RULES } from '../incident/report-deadlines';
import { dailyBrief, type DailyBriefInput } from './daily-brief';
import { dayOf } from './periods';

const MIN = 60_000;
const day23 = dayOf(at(2026, 11, 23, 12));

/**
 * The 23rd of November at the desk:
 * - 接报 at 00:00:00 and 23:59 belong to the 23rd; 23:59 the day before and 00:01 the day after do not.
 * - A: opened at 02:30 from the 02:15 接报, 初报 sent 20 minutes late, 续报 only sent after midnight.
 * - B: opened the evening before, no report at all, one deadline already logged as 可能迟报.
 * - C: closed the day before — not part of the 23rd.
 * - D: opened on the 20th, response ended and closed on the 23rd (its row changed again on the 24th).
 * - E: opened at 22:00 and closed at 23:30 the same evening without a report.
 */
const intakes = [
  intakeRow({ id: 'i0', receivedAt: at(2026, 11, 22, 23, 59), category: 'natural' }),
  intakeRow({
    id: 'i1',
    receivedAt: at(2026, 11, 23, 0, 0, 0),
    occurredAt: at(2026, 11, 22, 23, 50),
    category: 'natural',
    place: '西城街道人民路',
    injured: 1,
  }),
  intakeRow({
    id: 'i2',
    receivedAt: at(2026, 11, 23, 2, 15),
    occurredAt: at(2026, 11, 23, 2, 0),
    dead: 1,
    injured: 2,
    incidentId: 'A',
  }),
  intakeRow({ id: 'i3', receivedAt: at(2026, 11, 23, 23, 59), category: 'socialSecurity', missing: 1 }),
  intakeRow({ id: 'i4', receivedAt: at(2026, 11, 24, 0, 1), dead: 5 }),
];

const incidents = [
  incidentRow({
    id: 'A',
    occurredAt: at(2026, 11, 23, 2, 0),
    receivedAt: at(2026, 11, 23, 2, 15),
    createdAt: at(2026, 11, 23, 2, 30),
    intakeId: 'i2',
    level: 'IV',
  }),
  incidentRow({
    id: 'B',
    occurredAt: at(2026, 11, 22, 19, 30),
    receivedAt: at(2026, 11, 22, 19, 40),
    createdAt: at(2026, 11, 22, 20, 0),
    flaggedDeadlines: ['written-1h'],
  }),
  incidentRow({
    id: 'C',
    occurredAt: at(2026, 11, 21, 9, 0),
    receivedAt: at(2026, 11, 21, 9, 30),
    createdAt: at(2026, 11, 21, 10, 0),
    status: 'closed',
    updatedAt: at(2026, 11, 22, 18, 0),
  }),
  incidentRow({
    id: 'D',
    occurredAt: at(2026, 11, 20, 7, 0),
    receivedAt: at(2026, 11, 20, 7, 30),
    createdAt: at(2026, 11, 20, 8, 0),
    status: 'closed',
    updatedAt: at(2026, 11, 24, 7, 0),
  }),
  incidentRow({
    id: 'E',
    occurredAt: at(2026, 11, 23, 21, 50),
    receivedAt: at(2026, 11, 23, 22, 0),
    createdAt: at(2026, 11, 23, 22, 0),
    status: 'closed',
    updatedAt: at(2026, 11, 23, 23, 30),
  }),
];

const reports = [
  sentReport({ id: 'rA1', incidentId: 'A', sentAt: at(2026, 11, 23, 3, 20) }),
  sentReport({ id: 'rA2', incidentId: 'A', kind: 'followUp', number: 1, sentAt: at(2026, 11, 24, 1, 0) }),
  sentReport({ id: 'rA3', incidentId: 'A', kind: 'followUp', number: 2, sentAt: null }),
  sentReport({ id: 'rD1', incidentId: 'D', sentAt: at(2026, 11, 20, 7, 50) }),
  sentReport({ id: 'rD2', incidentId: 'D', kind: 'followUp', number: 1, sentAt: at(2026, 11, 20, 9, 0) }),
];

const log = [
  logLine({
    incidentId: 'A',
    at: at(2026, 11, 23, 2, 30),
    category: 'intake',
    text: '由接报2026-i2转为事件',
  }),
  logLine({
    incidentId: 'A',
    at: at(2026, 11, 23, 5, 0),
    category: 'decision',
    text: '批准启动Ⅳ级响应：危化品泄漏，已致1人死亡',
  }),
  logLine({ incidentId: 'A', at: at(2026, 11, 23, 23, 59, 59), text: '现场已完成洗消' }),
  logLine({ incidentId: 'A', at: at(2026, 11, 24, 0, 1), text: '交通恢复' }),
  logLine({ incidentId: 'B', at: at(2026, 11, 22, 20, 0), category: 'intake', text: '立案：事件B' }),
  logLine({ incidentId: 'B', at: at(2026, 11, 23, 12, 0), text: '已通知街道核实' }),
  logLine({
    incidentId: 'D',
    at: at(2026, 11, 23, 8, 0),
    category: 'decision',
    text: '宣布Ⅳ级响应终止：险情解除',
  }),
  logLine({ incidentId: 'D', at: at(2026, 11, 23, 9, 0), category: 'decision', text: '关闭：处置完毕' }),
  logLine({ incidentId: 'C', at: at(2026, 11, 23, 9, 0), text: '补记一条' }),
];

const input = (now: number, extra: Partial<DailyBriefInput> = {}): DailyBriefInput => ({
  day: day23,
  now,
  rules: SAMPLE_REPORT_RULES,
  intakes,
  incidents,
  log,
  reports,
  ...extra,
});

describe('每日简况', () => {
  it('counts the day that ended at local midnight: 接报 from 00:00 to 23:59, incidents opened, closed and in hand, reports and 迟报', () => {
    const brief = dailyBrief(input(at(2026, 11, 24, 8, 0)));
    expect(brief.asOf).toBe(at(2026, 11, 24));
    expect(brief.totals).toEqual({
      intakes: 3,
      intakesToIncidents: 1,
      dead: 1,
      injured: 3,
      missing: 1,
      incidentsOpened: 2,
      incidentsClosed: 2,
      incidentsInHand: 2,
      logLines: 6,
      reportsSent: 1,
      reportsLate: 1,
      deadlinesOverdue: 4,
    });
    expect(brief.intakes.map((r) => [r.serial, r.incidentSerial])).toEqual([
      ['2026-i1', null],
      ['2026-i2', '2026-A'],
      ['2026-i3', null],
    ]);
    expect(brief.incidents.map((r) => [r.serial, r.movement, r.logLines, r.closedAt])).toEqual([
      ['2026-D', 'closed', 2, at(2026, 11, 23, 9, 0)],
      ['2026-B', 'continuing', 1, null],
      ['2026-A', 'opened', 3, null],
      ['2026-E', 'openedAndClosed', 0, at(2026, 11, 23, 23, 30)],
    ]);
    expect(brief.highlights.map((h) => [h.incidentSerial, h.kind, h.at])).toEqual([
      ['2026-A', 'levelStarted', at(2026, 11, 23, 5, 0)],
      ['2026-D', 'responseEnded', at(2026, 11, 23, 8, 0)],
    ]);
    expect(brief.reports).toEqual([
      expect.objectContaining({ id: 'rA1', title: '初报', timing: 'late', lateByMs: 20 * MIN }),
    ]);
    // 可能迟报 as the day ended: the 续报 sent at 01:00 the next morning does not count for the 23rd.
    expect(brief.late.map((r) => [r.incidentSerial, r.ruleId, r.state, r.lateByMs, r.isFlagged])).toEqual([
      ['2026-B', 'written-1h', 'overdue', (27 * 60 + 30) * MIN, true],
      ['2026-B', 'upward-2h', 'overdue', (26 * 60 + 20) * MIN, false],
      ['2026-A', 'written-1h', 'late', 20 * MIN, false],
      ['2026-A', 'upward-2h', 'overdue', (19 * 60 + 45) * MIN, false],
      ['2026-E', 'written-1h', 'overdue', 70 * MIN, false],
    ]);
    expect(brief).not.toHaveProperty('onDuty');
  });

  it('sees a day still running as of now: 在办 and 可能迟报 at 10:00, not at midnight', () => {
    const now = at(2026, 11, 23, 10, 0);
    const brief = dailyBrief(
      input(now, {
        intakes: intakes.filter((i) => i.receivedAt <= now),
        incidents: incidents.filter((i) => i.createdAt <= now),
        log: log.filter((l) => l.at <= now),
        reports: reports.filter((r) => r.sentAt !== null && r.sentAt <= now),
      }),
    );
    expect(brief.asOf).toBe(now);
    expect(brief.totals).toMatchObject({ intakes: 2, incidentsInHand: 2, incidentsClosed: 1, logLines: 4 });
    expect(brief.late.find((r) => r.incidentSerial === '2026-A' && r.ruleId === 'upward-2h')).toMatchObject({
      state: 'overdue',
      lateByMs: (5 * 60 + 45) * MIN,
    });
  });

  it('counts a late 续报 on the day it was sent', () => {
    const brief = dailyBrief(input(at(2026, 11, 25, 8, 0), { day: dayOf(at(2026, 11, 24, 12)) }));
    expect(brief.intakes.map((r) => r.serial)).toEqual(['2026-i4']);
    expect(brief.reports.map((r) => [r.title, r.timing, r.lateByMs])).toEqual([
      ['续报一', 'late', (20 * 60 + 45) * MIN],
    ]);
    expect(brief.totals).toMatchObject({ reportsSent: 1, reportsLate: 1, dead: 5, logLines: 1 });
    // D closed on the 23rd and E at 23:30 that day: only A and B are still in hand on the 24th.
    expect(brief.incidents.map((r) => [r.serial, r.movement])).toEqual([
      ['2026-B', 'continuing'],
      ['2026-A', 'continuing'],
    ]);
  });

  it('an empty day is all zeros and empty lists', () => {
    const brief = dailyBrief(input(at(2026, 12, 2, 9, 0), { day: dayOf(at(2026, 12, 1, 12)) }));
    expect(brief.totals).toEqual({
      intakes: 0,
      intakesToIncidents: 0,
      dead: 0,
      injured: 0,
      missing: 0,
      incidentsOpened: 0,
      incidentsClosed: 0,
      incidentsInHand: 2,
      logLines: 0,
      reportsSent: 0,
      reportsLate: 0,
      deadlinesOverdue: 2,
    });
    expect([brief.intakes, brief.highlights, brief.reports]).toEqual([[], [], []]);
    const nothing = dailyBrief({
      ...input(at(2026, 12, 2, 9, 0)),
      intakes: [],
      incidents: [],
      log: [],
      reports: [],
    });
    expect(nothing.totals.incidentsInHand).toBe(0);
    expect([nothing.incidents, nothing.late]).toEqual([[], []]);
  });

  it('names who was on duty only when a roster gives shifts', () => {
    const shifts = [{ shift: '白班', leader: '邵嘉蓉', officers: ['崔伟', '黄欣刚'] }];
    expect(dailyBrief(input(at(2026, 11, 24), { onDuty: shifts })).onDuty).toEqual(shifts);
    expect(dailyBrief(input(at(2026, 11, 24), { onDuty: [] }))).not.toHaveProperty('onDuty');
  });
});
