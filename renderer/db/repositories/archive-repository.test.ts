import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArchivePackage, type ArchivePackage } from '@shared/domain/archive/archive-package';
import type { Intake } from '@shared/domain/duty/intake';
import type { Incident } from '@shared/domain/incident/incident';
import type { LogEntry } from '@shared/domain/incident/log-chain';
import type { IncidentNotification } from '@shared/domain/incident/notifications';
import type { Person } from '@shared/domain/org/types';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import type { AuditEntry } from '../records';
import { createArchiveRepository, type ArchiveRepository } from './archive-repository';
import { createCorrectiveActionRepository } from './corrective-action-repository';
import { createDrillRepository } from './drill-repository';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';
import { createIntakeRepository, type IntakeRepository } from './intake-repository';
import { createNotificationRepository } from './notification-repository';
import { createPlanRevisionRepository } from './plan-revision-repository';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T02:00:00+08:00');
let db: EmergencyDeskDatabase;
let archive: ArchiveRepository;
let incidents: IncidentRepository;
let intakes: IntakeRepository;
let clock = T0;

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`archive-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  archive = createArchiveRepository(db, () => clock);
  incidents = createIncidentRepository(db, () => clock);
  intakes = createIntakeRepository(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

const typhoon = {
  title: '台风“海燕”影响我区',
  place: '滨江街道沿海一线',
  category: 'natural' as const,
  occurredAt: T0 - 30 * MIN,
  planId: 'sample-typhoon',
};

/** A call from a member of the public about the typhoon. */
const call = (sourcePerson: string, sourcePhone: string, injured: number) =>
  intakes.save(
    {
      receivedAt: clock - 10 * MIN,
      sourcePerson,
      sourcePhone,
      place: '滨江街道沿海一线',
      category: 'natural',
      nature: '台风影响，海水漫堤',
      injured,
    },
    null,
    as.dutyOfficer,
  );

const sendTo =
  (id: string) =>
  (event: Record<string, unknown>, by = as.deputy) =>
    incidents.send(id, { at: 0, by, ...event } as never, by);

/**
 * The typhoon incident opened from 王建国's call and raised to Ⅳ, with a second caller (李梅) linked to it and a
 * notice to a member of staff; an unrelated call and incident beside it. Ⅳ is approved while the directory is
 * empty, where the role check has nobody to ask.
 */
async function typhoonIncident() {
  const first = await call('王建国', '13912345678', 2);
  clock += MIN;
  const id = await incidents.open({ ...typhoon, intakeId: first.id }, as.dutyOfficer);
  const send = sendTo(id);
  await send({ type: 'warning.issue', warningType: '台风', level: 'orange' }, as.dutyOfficer);
  await send({ type: 'observation.record', key: 'windScale', value: 9 }, as.dutyOfficer);
  await send({ type: 'level.approve', level: 'IV' }, as.secretary);
  clock += 5 * MIN;
  const second = await call('李梅', '0999-2345678', 1);
  await db.intakes.update(second.id, { incidentId: id });
  const other = await call('赵强', '13800000000', 0);
  await incidents.open({ ...typhoon, title: '别处的内涝', intakeId: other.id }, as.dutyOfficer);
  const stamp = { createdAt: 0, createdBy: null, updatedAt: 0, updatedBy: null };
  await db.people.add({
    id: 'staff-1',
    name: '黄欣刚',
    unitId: '',
    mobile: '13700000000',
    ...stamp,
  } as Person);
  await createNotificationRepository(db, () => clock).create(
    id,
    { subject: '启动Ⅳ级响应，请立即到岗', ackWithinMinutes: 10, personIds: ['staff-1'] },
    as.dutyOfficer,
  );
  return { id, first, second, other };
}

/** The end of the response and 善后 to 关闭. */
async function close(id: string) {
  const send = sendTo(id);
  await send({ type: 'observation.record', key: 'typhoonPassed', value: true }, as.dutyOfficer);
  await send({ type: 'response.terminate', reason: '台风已过境' });
  await send({ type: 'aftermath.begin' });
  await send({ type: 'case.close', summary: '处置完毕' });
  expect(await incidents.get(id)).toMatchObject({ status: 'closed' });
}

const auditOf = (entityId: string) =>
  db.audit.where('[entity+entityId]').equals(['incident', entityId]).sortBy('at');
const lastLine = async (id: string): Promise<LogEntry> => {
  const { logCount } = (await incidents.get(id))!;
  return (await incidents.logRange(id, logCount, logCount))[0]!;
};
const rows = <T>(pkg: ArchivePackage, table: string) => (pkg.tables[table] ?? []) as T[];

async function verified(pkg: ArchivePackage): Promise<ArchivePackage> {
  const read = await readArchivePackage(JSON.stringify(pkg));
  if (!read.ok) throw new Error(read.message);
  return read.archive;
}

describe('archive repository · incidents', () => {
  it('exports everything of one incident, and nothing of another, in a package that verifies; the export is logged and audited', async () => {
    const { id, first, second } = await typhoonIncident();
    await close(id);
    const before = (await incidents.get(id))!.logCount;
    clock += MIN;

    const pkg = await verified(await archive.exportIncident(id, as.office, '示范区'));
    expect(pkg).toMatchObject({
      kind: 'incident',
      subject: { id, title: typhoon.title, serial: '2026-0001' },
      exportedAt: clock,
      exportedBy: '黄欣刚（办公室主任）',
      jurisdiction: '示范区',
      manifest: {
        incidents: 1,
        incidentEvents: 7,
        incidentLog: before,
        incidentTasks: 0,
        incidentReports: 0,
        incidentDispatches: 0,
        incidentNotifications: 1,
        intakes: 2,
        plans: 1,
      },
      logChecks: [{ incidentId: id, check: { ok: true, count: before } }],
    });
    expect(rows<Intake>(pkg, 'intakes').map((i) => [i.id, i.sourcePerson])).toEqual([
      [first.id, '王建国'],
      [second.id, '李梅'],
    ]);
    expect(rows<{ id: string; version: number }>(pkg, 'plans').map((p) => [p.id, p.version])).toEqual([
      ['sample-typhoon', 1],
    ]);
    expect(rows<AuditEntry>(pkg, 'audit').map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ['create', 'intake', first.id],
      ['create', 'incident', id],
      ['create', 'intake', second.id],
    ]);
    expect(rows<LogEntry>(pkg, 'incidentLog').every((l) => l.incidentId === id)).toBe(true);

    const text = `已生成归档包（日志${before}条，哈希链完整；校验码 ${pkg.checksum.slice(0, 8)}）`;
    expect(await lastLine(id)).toMatchObject({ seq: before + 1, author: as.office, text });
    expect((await auditOf(id)).at(-1)).toMatchObject({
      action: 'archive.export',
      actor: as.office,
      summary: `2026-0001 ${text}`,
    });
    expect(await incidents.verifyLog(id)).toEqual({ ok: true, count: before + 1 });
    // An open incident may be archived too (a copy for the level above); an unknown one is refused.
    expect((await rejection(archive.exportIncident('nope', as.office, '示范区'))).code).toBe('notFound');
  });

  it('clears the callers of a closed incident only, once, keeping counts, staff and a log whose chain still verifies', async () => {
    const { id, first, second, other } = await typhoonIncident();
    const logBefore = (await incidents.get(id))!.logCount;
    // Only a 系统管理员 clears personal data (act-guard.ts): the duty officer is refused, the office's clerk is one.
    expect((await rejection(archive.purgePersonalData(id, as.dutyOfficer))).code).toBe('actRefused');
    // Only a 系统管理员 clears personal data (act-guard.ts); the office's clerk is one here.
    const clerk = { id: as.office.personId, name: as.office.name, roles: ['administrator'] } as Person;
    await db.people.add(clerk);
    expect((await rejection(archive.purgePersonalData(id, as.office))).code).toBe('archive.notClosed');
    expect((await intakes.get(first.id))?.sourcePerson).toBe('王建国');
    expect((await incidents.get(id))!.logCount).toBe(logBefore);

    await close(id);
    expect(await archive.purgePreview(id)).toEqual({
      isClosed: true,
      callers: 2,
      intakeSerials: [first.serial, second.serial],
      purgedAt: null,
    });
    clock += 60 * MIN;
    const logCount = (await incidents.get(id))!.logCount;
    expect(await archive.purgePersonalData(id, as.office)).toEqual({
      callers: 2,
      intakeSerials: [first.serial, second.serial],
    });

    for (const [intake, injured] of [
      [first, 2],
      [second, 1],
    ] as const) {
      expect(await intakes.get(intake.id)).toMatchObject({
        sourcePerson: '〔已清除〕',
        sourcePhone: '',
        injured,
        place: '滨江街道沿海一线',
        serial: intake.serial,
        incidentId: id,
        updatedAt: clock,
        updatedBy: as.office,
        createdBy: as.dutyOfficer,
      });
    }
    // Another incident's caller and the staff notified are not this purge's business.
    expect(await intakes.get(other.id)).toMatchObject({ sourcePerson: '赵强', sourcePhone: '13800000000' });
    const [notice] = (await db.incidentNotifications
      .where({ incidentId: id })
      .toArray()) as IncidentNotification[];
    expect(notice?.recipients.map((r) => [r.name, r.phone])).toEqual([['黄欣刚', '13700000000']]);

    const what = `已清除 2 名报告人的姓名和电话（接报 ${first.serial}、${second.serial}）`;
    expect(await lastLine(id)).toMatchObject({
      seq: logCount + 1,
      author: as.office,
      text: `清除个人信息：${what}；伤亡、损失等人数保留。操作人：黄欣刚（办公室主任）`,
    });
    expect((await auditOf(id)).at(-1)).toMatchObject({ action: 'data.purge', summary: `2026-0001 ${what}` });
    expect((await incidents.get(id)) as Incident).toMatchObject({ personalDataPurgedAt: clock });
    expect(await incidents.verifyLog(id)).toEqual({ ok: true, count: logCount + 1 });

    // A second purge finds nothing and writes nothing.
    const purgedAt = clock;
    clock += MIN;
    expect(await archive.purgePersonalData(id, as.office)).toEqual({ callers: 0, intakeSerials: [] });
    expect((await incidents.get(id))!.logCount).toBe(logCount + 1);
    expect((await auditOf(id)).filter((a) => a.action === 'data.purge')).toHaveLength(1);
    expect(await archive.purgePreview(id)).toMatchObject({ callers: 0, purgedAt });

    // The archive made afterwards carries the purged intakes and a log that verifies.
    const pkg = await verified(await archive.exportIncident(id, as.office, '示范区'));
    expect(rows<Intake>(pkg, 'intakes').map((i) => [i.sourcePerson, i.sourcePhone, i.injured])).toEqual([
      ['〔已清除〕', '', 2],
      ['〔已清除〕', '', 1],
    ]);
    expect(pkg.logChecks).toEqual([{ incidentId: id, check: { ok: true, count: logCount + 1 } }]);
  });
});

describe('archive repository · drills', () => {
  const director = { personId: 'p-dir', name: '王建国', positionId: 'pos1', positionName: '带班领导' };
  const evaluator = { personId: 'p-eva', name: '胡雪军', positionId: 'pos0', positionName: '评估' };

  it('exports a run once it is over: as run, its journal with observations, its actions, revisions, 演练事件 and audit', async () => {
    const drills = createDrillRepository(db, () => clock);
    await db.people.add({ id: director.personId, name: director.name } as Person);
    const scenarioId = await drills.saveScenario(
      {
        title: '台风“海燕”防御桌面推演',
        form: 'tabletop',
        scope: 'combined',
        purpose: 'inspection',
        plans: [{ id: 'sample-typhoon', version: 1 }],
        injects: [
          { id: 'i1', no: '1', offsetMs: 0, synopsis: '台风蓝色预警', text: '市气象台发布台风蓝色预警。' },
        ],
      },
      evaluator,
    );
    const runId = await drills.createRun(scenarioId, director.personId, evaluator);
    const otherRun = await drills.createRun(scenarioId, director.personId, evaluator);
    await drills.append(runId, { type: 'comms.checked' }, director);
    await drills.append(runId, { type: 'clock.start' }, director);
    const drillIncident = await incidents.openForDrill(runId, { ...typhoon, planVersion: 1 }, director);
    clock += 10 * MIN;
    await drills.append(
      runId,
      {
        type: 'eval.observe',
        text: '预警转发超时',
        capability: '预警与信息报告',
        injectId: 'i1',
        finding: 'problem',
      },
      evaluator,
    );
    expect((await rejection(archive.exportDrillRun(runId, evaluator, '示范区'))).code).toBe(
      'archive.runNotOver',
    );
    await drills.append(runId, { type: 'run.abort', reason: '真实警情' }, director);
    const actionId = await createCorrectiveActionRepository(db, () => clock).create(
      {
        runId,
        issue: '预警信息未在规定时限内转发至街道',
        measure: '修订预警信息转发流程，明确10分钟内转发',
        responsibleUnit: '区应急管理局',
        responsiblePerson: '江天成',
        deadlineDate: '2026-12-20',
        finding: { capability: '预警与信息报告', injectId: 'i1', injectNo: '1' },
      },
      evaluator,
    );
    await createPlanRevisionRepository(db, () => clock).createMany(
      [
        {
          runId,
          planId: 'sample-typhoon',
          planVersion: 1,
          clause: '预警信息发布',
          evidence: '预警转发超时',
          suggestedChange: '明确转发时限',
        },
      ],
      evaluator,
    );
    clock += MIN;

    const pkg = await verified(await archive.exportDrillRun(runId, evaluator, '示范区'));
    const journal = rows<{ runId: string; event: { type: string } }>(pkg, 'drillJournal');
    expect(pkg).toMatchObject({
      kind: 'drill',
      subject: { id: runId, title: '台风“海燕”防御桌面推演', serial: '' },
      exportedBy: '胡雪军（评估）',
      manifest: {
        drillRuns: 1,
        drillRunScenarios: 1,
        drillJournal: journal.length,
        correctiveActions: 1,
        planRevisions: 1,
        incidents: 1,
        intakes: 0,
        plans: 1,
      },
    });
    expect(journal.map((r) => r.event.type)).toEqual([
      'comms.checked',
      'clock.start',
      'inject.deliver',
      'eval.observe',
      'run.abort',
    ]);
    expect(journal.every((r) => r.runId === runId)).toBe(true);
    expect(rows<{ id: string }>(pkg, 'incidents').map((i) => i.id)).toEqual([drillIncident]);
    expect(pkg.logChecks).toEqual([{ incidentId: drillIncident, check: { ok: true, count: 2 } }]);
    expect(rows<{ id: string }>(pkg, 'correctiveActions').map((a) => a.id)).toEqual([actionId]);
    expect(rows<AuditEntry>(pkg, 'audit').map((a) => [a.action, a.entity])).toEqual([
      ['create', 'drillRun'],
      ['create', 'incident'],
      ['run.abort', 'drillRun'],
      ['create', 'correctiveAction'],
      ['create', 'planRevision'],
    ]);
    expect(pkg.tables['drillRuns']).not.toContainEqual(expect.objectContaining({ id: otherRun }));

    const [exported] = await db.audit
      .where('[entity+entityId]')
      .equals(['drillRun', runId])
      .reverse()
      .sortBy('at');
    expect(exported).toMatchObject({
      action: 'archive.export',
      actor: evaluator,
      summary: `台风“海燕”防御桌面推演：已生成归档包（演练记录${journal.length}条；校验码 ${pkg.checksum.slice(0, 8)}）`,
    });
  });
});
