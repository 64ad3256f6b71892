import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deadlinesOf } from '@shared/domain/incident/reports';
import { formatLocalTime } from '@shared/domain/plan/plan-step';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';
import { createIntakeRepository } from './intake-repository';
import { createReportRepository, type ReportRepository } from './report-repository';
import { createSettingsRepository } from './settings-repository';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T02:00:00+08:00');
let db: EmergencyDeskDatabase;
let incidents: IncidentRepository;
let reports: ReportRepository;
let clock = T0;

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`reports-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  incidents = createIncidentRepository(db, () => clock);
  reports = createReportRepository(db, incidents, () => clock);
});
afterEach(async () => {
  await db.delete();
});

/** A typhoon incident from a 接报 received at T0, with the office director named as the channel's approver. */
async function typhoonIncident(): Promise<string> {
  const intake = await createIntakeRepository(db, () => clock).save(
    {
      receivedAt: T0,
      occurredAt: T0 - 20 * MIN,
      sourcePerson: '王建国',
      sourcePhone: '0999-2345678',
      place: '滨江街道沿海一线',
      category: 'natural',
      nature: '台风影响，滨江村海水漫堤',
      injured: 2,
      measuresTaken: '已转移群众120人',
    },
    null,
    as.dutyOfficer,
  );
  const id = await incidents.open(
    {
      title: '台风影响滨江村',
      place: '滨江街道沿海一线',
      category: 'natural',
      occurredAt: T0 - 20 * MIN,
      grade: 'larger',
      planId: 'sample-typhoon',
      intakeId: intake.id,
    },
    as.dutyOfficer,
  );
  await incidents.send(
    id,
    {
      type: 'fourOnes.channel',
      personId: as.office.personId,
      name: as.office.name,
      at: 0,
      by: as.dutyOfficer,
    },
    as.dutyOfficer,
  );
  return id;
}

describe('report repository', () => {
  it('drafts the 初报 from the 接报, refuses 签发 by anyone but the channel and with a required field empty, then sends and freezes it', async () => {
    const id = await typhoonIncident();
    const reportId = await reports.create(id, 'initial', as.dutyOfficer);
    let report = (await reports.get(reportId))!;
    expect(report).toMatchObject({ kind: 'initial', status: 'draft', templateId: 'general' });
    expect(report.content).toMatchObject({
      course: '台风影响，滨江村海水漫堤',
      casualtiesAndLoss: '受伤2人',
      measuresTaken: '已转移群众120人',
    });
    // 续报 only after the 初报 was sent.
    expect((await rejection(reports.create(id, 'followUp', as.dutyOfficer))).code).toBe('reportKindNotNow');

    await reports.save(
      reportId,
      {
        channel: 'written',
        recipient: '区委区政府总值班室',
        content: { ...report.content, measuresTaken: ' ' },
      },
      as.dutyOfficer,
    );
    expect((await rejection(reports.send(reportId, as.dutyOfficer))).params['why']).toBe(
      '必填内容未填写：已经采取的措施',
    );
    expect((await rejection(reports.approve(reportId, as.dutyOfficer))).params['why']).toBe(
      '报告须由信息口径签发人黄欣刚签发',
    );
    expect((await rejection(reports.approve(reportId, as.office))).params['why']).toBe(
      '必填内容未填写：已经采取的措施',
    );
    await reports.save(
      reportId,
      { channel: 'written', recipient: '区委区政府总值班室', content: { ...report.content } },
      as.dutyOfficer,
    );
    expect((await rejection(reports.send(reportId, as.dutyOfficer))).params['why']).toBe('报告尚未签发');
    clock += 25 * MIN;
    await reports.approve(reportId, as.office);
    await reports.send(reportId, as.dutyOfficer);
    report = (await reports.get(reportId))!;
    expect(report).toMatchObject({ status: 'sent', sentAt: clock, approval: { actor: as.office } });
    expect(
      (
        await rejection(
          reports.save(reportId, { channel: 'written', recipient: 'x', content: {} }, as.office),
        )
      ).code,
    ).toBe('reportFrozen');

    const incident = (await incidents.get(id))!;
    const log = await incidents.logRange(id, 1, incident.logCount);
    expect(log.filter((e) => e.category === 'report').map((e) => e.text)).toEqual([
      '起草初报',
      '签发初报',
      // 较大: the written 初报 is due 60 min after receipt, the 1-hour rule counts from the event (T0-20 min).
      '报送初报（书面）至区委区政府总值班室：书面初报（事发单位报县级）按时',
    ]);

    // The 续报 starts from what was sent, and is numbered.
    const follow = await reports.create(id, 'followUp', as.dutyOfficer);
    expect(await reports.get(follow)).toMatchObject({
      number: 1,
      recipient: '区委区政府总值班室',
      content: report.content,
    });
  });

  it('voids the 签发 when a signed report is changed', async () => {
    const id = await typhoonIncident();
    const reportId = await reports.create(id, 'initial', as.dutyOfficer);
    const report = (await reports.get(reportId))!;
    const draft = { channel: 'written' as const, recipient: '区委区政府总值班室', content: report.content };
    await reports.save(reportId, draft, as.dutyOfficer);
    await reports.approve(reportId, as.office);
    await reports.save(
      reportId,
      { ...draft, content: { ...draft.content, course: '海水漫堤，已退潮' } },
      as.dutyOfficer,
    );
    expect(await reports.get(reportId)).toMatchObject({ status: 'draft', approval: null });
  });

  it('logs a deadline that passed unsent once as 可能迟报, and follows a change of grade', async () => {
    const id = await typhoonIncident();
    clock = T0 + 31 * MIN;
    // 较大: the phone 初报 is due 30 min after receipt.
    expect(await reports.flagOverdue(id)).toBe(1);
    expect(await reports.flagOverdue(id)).toBe(0);
    const incident = (await incidents.get(id))!;
    const [last] = await incidents.logRange(id, incident.logCount, incident.logCount);
    expect(last).toMatchObject({ category: 'report', author: null });
    expect(last?.text).toBe(`可能迟报：电话初报（较大）时限${formatLocalTime(T0 + 30 * MIN)}已过，尚未报送`);

    await reports.setGrade(id, 'major', as.office);
    expect((await incidents.get(id))!.grade).toBe('major');
    // 重大: phone 15 min and written 30 min from receipt are both past now.
    expect(await reports.flagOverdue(id)).toBe(2);
  });

  it('counts deadlines from the rules stored in 设置: a changed rule applies to the next computation, a sent report keeps how it was judged', async () => {
    const settings = createSettingsRepository(db, () => clock);
    const id = await typhoonIncident();
    const reportId = await reports.create(id, 'initial', as.dutyOfficer);
    const report = (await reports.get(reportId))!;
    await reports.save(
      reportId,
      { channel: 'written', recipient: '区委区政府总值班室', content: report.content },
      as.dutyOfficer,
    );
    await reports.approve(reportId, as.office);
    clock = T0 + 25 * MIN;
    await reports.send(reportId, as.dutyOfficer);
    const sent = (await reports.get(reportId))!;
    expect(sent.answered?.map((d) => [d.ruleId, d.dueAt])).toEqual([['written-1h', T0 + 40 * MIN]]);

    // The office tightens its rules: the phone 初报 for 较大 within 10 minutes, the written one within 5.
    const stricter = (await reports.rules()).map((r) =>
      r.id === 'phone-larger'
        ? { ...r, withinMinutes: 10 }
        : r.id === 'written-1h'
          ? { ...r, withinMinutes: 5 }
          : r,
    );
    await settings.saveReportRules(stricter, as.office);
    expect((await reports.rules()).find((r) => r.id === 'phone-larger')?.withinMinutes).toBe(10);
    clock = T0 + 11 * MIN + 15 * MIN;
    const incident = (await incidents.get(id))!;
    const views = deadlinesOf(await reports.rules(), incident, await reports.list(id), clock);
    expect(views.map((v) => [v.deadline.ruleId, v.deadline.dueAt - T0, v.state.state])).toEqual([
      ['phone-larger', 10 * MIN, 'overdue'],
      ['written-1h', 40 * MIN, 'met'],
      ['upward-2h', 120 * MIN, 'pending'],
    ]);
    expect(await reports.flagOverdue(id)).toBe(1);
    expect((await reports.get(reportId))!).toEqual(sent);
  });
});
