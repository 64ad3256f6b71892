import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayOf, weekOf } from '@shared/domain/duty/periods';
import { SAMPLE_REPORT_RULES } from '@shared/domain/incident/report-deadlines';
import type { Unit } from '@shared/domain/org/types';
import { at, incidentRow, logLine, officer, sentReport } from '../../../test/support/duty-rows';
import { EmergencyDeskDatabase } from '../database';
import { createIncidentRepository } from './incident-repository';
import { createIntakeRepository } from './intake-repository';
import { createSummaryRepository, type SummaryRepository } from './summary-repository';

const MIN = 60_000;
let db: EmergencyDeskDatabase;
let clock = 0;
let summaries: SummaryRepository;

const call = (receivedAt: number, place: string) => ({
  receivedAt,
  occurredAt: receivedAt - 10 * MIN,
  sourcePerson: '王建国',
  sourcePhone: '13912345678',
  place,
  category: 'accident' as const,
  nature: '危化品运输车侧翻',
});

const unit = (id: string, name: string, kind: Unit['kind'], sortOrder: number): Unit => ({
  id,
  name,
  kind,
  parentId: null,
  phone: '',
  address: '',
  sortOrder,
  createdAt: 0,
  createdBy: null,
  updatedAt: 0,
  updatedBy: null,
});

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`summaries-${crypto.randomUUID()}`);
  await db.open();
  // The rules come from settings asynchronously; the repository waits for them.
  summaries = createSummaryRepository(
    db,
    async () => SAMPLE_REPORT_RULES,
    () => clock,
  );

  const intakes = createIntakeRepository(db, () => clock);
  const incidents = createIncidentRepository(db, () => clock);
  clock = at(2026, 11, 23, 23, 41);
  const late = await intakes.save(call(at(2026, 11, 23, 23, 40), '东湖街道滨江路'), null, officer);
  await intakes.save(call(at(2026, 11, 23, 23, 59), '西城街道人民路'), null, officer);
  await intakes.save(call(at(2026, 11, 24, 0, 1), '西城街道人民路'), null, officer);
  clock = at(2026, 11, 23, 23, 45);
  const id = await incidents.open(
    {
      title: '危化品运输车侧翻',
      place: late.place,
      category: 'accident',
      occurredAt: late.occurredAt!,
      intakeId: late.id,
    },
    officer,
  );
  clock = at(2026, 11, 23, 23, 58);
  await incidents.appendNote(id, { text: '消防已到场' }, officer);
  await db.incidentReports.add(
    sentReport({ id: 'r1', incidentId: id, sentAt: at(2026, 11, 23, 23, 59, 30) }),
  );

  // Closed on the 12th: its stray line dated the 23rd does not bring it into the 23rd.
  await db.incidents.add(
    incidentRow({
      id: 'old',
      occurredAt: at(2026, 11, 10, 9, 0),
      receivedAt: at(2026, 11, 10, 9, 0),
      createdAt: at(2026, 11, 10, 9, 0),
      status: 'closed',
      updatedAt: at(2026, 11, 12, 9, 0),
    }),
  );
  await db.incidentLog.add(logLine({ incidentId: 'old', at: at(2026, 11, 23, 10, 0), text: '补记' }));
  await db.units.bulkAdd([
    unit('u0', '示范区应急管理局', 'emergencyDept', 0),
    unit('u2', '东湖街道办事处', 'street', 2),
    unit('u1', '西城街道办事处', 'street', 1),
  ]);
});
afterEach(async () => {
  await db.delete();
});

describe('summary repository', () => {
  it('reads the day that ended at midnight: the 23:59 call counts, the 00:01 one waits for the next day', async () => {
    clock = at(2026, 11, 24, 8, 0);
    const brief = await summaries.dailyBrief(dayOf(at(2026, 11, 23, 12)));
    expect(brief.totals).toEqual({
      intakes: 2,
      intakesToIncidents: 1,
      dead: 0,
      injured: 0,
      missing: 0,
      incidentsOpened: 1,
      incidentsClosed: 0,
      incidentsInHand: 1,
      logLines: 2,
      reportsSent: 1,
      reportsLate: 0,
      deadlinesOverdue: 0,
    });
    expect(brief.intakes.map((r) => [r.serial, r.incidentSerial])).toEqual([
      ['2026-0001', '2026-0001'],
      ['2026-0002', null],
    ]);
    expect(brief.reports.map((r) => [r.title, r.timing])).toEqual([['初报', 'onTime']]);
  });

  it('reads the next morning as of now: the 续报 owed since 01:40 is 可能迟报', async () => {
    clock = at(2026, 11, 24, 8, 0);
    const brief = await summaries.dailyBrief(dayOf(clock));
    expect(brief.intakes.map((r) => r.serial)).toEqual(['2026-0003']);
    expect(brief.totals).toMatchObject({ intakes: 1, incidentsOpened: 0, incidentsInHand: 1, logLines: 0 });
    expect(brief.late.map((r) => [r.ruleId, r.state, r.lateByMs])).toEqual([
      ['upward-2h', 'overdue', (6 * 60 + 20) * MIN],
    ]);
  });

  it('reads a week with the streets of the directory in its order', async () => {
    clock = at(2026, 12, 1, 9, 0);
    const summary = await summaries.periodSummary(weekOf(at(2026, 11, 25)));
    expect(summary.byStreet).toEqual([
      { streetId: 'u1', name: '西城街道办事处', count: 2 },
      { streetId: 'u2', name: '东湖街道办事处', count: 1 },
      { streetId: null, name: null, count: 0 },
    ]);
    expect(summary.byCategory.find((c) => c.category === 'accident')?.count).toBe(3);
    expect(summary.intakeDelay).toEqual({ count: 3, medianMinutes: 10, maxMinutes: 10 });
    expect(summary.reportDelay).toEqual({
      count: 1,
      medianMinutes: 19,
      maxMinutes: 19,
      withoutReport: 0,
    });
    expect(await summaries.streets()).toHaveLength(2);
  });

  it('reads an empty period without error', async () => {
    clock = at(2027, 3, 1);
    const brief = await summaries.dailyBrief(dayOf(at(2027, 2, 1)));
    expect(brief.intakes).toEqual([]);
    expect(brief.totals.incidentsInHand).toBe(1);
  });
});
