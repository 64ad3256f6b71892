import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '@shared/domain/drill/scenario';
import { statusOf } from '@shared/domain/drill/drill-machine';
import type { Actor } from '@shared/domain/org/types';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createAnnouncementRepository } from './announcement-repository';
import { createBackupRepository } from './backup-repository';
import { createDirectoryRepository } from './directory-repository';
import { createDrillRepository } from './drill-repository';
import { createIncidentRepository } from './incident-repository';
import { createReportRepository } from './report-repository';
import { seedSampleDataIfNew } from './sample-data-repository';
import { createSettingsRepository } from './settings-repository';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T02:00:00+08:00');
let clock = T0;
let name = '';
let db: EmergencyDeskDatabase;

/** The repositories over the database as it is on disk now: a new set is what a reload gives. */
function repositories() {
  const now = () => clock;
  const incidents = createIncidentRepository(db, now);
  return {
    incidents,
    reports: createReportRepository(db, incidents, now),
    announcements: createAnnouncementRepository(db, incidents, now),
    drills: createDrillRepository(db, now),
    directory: createDirectoryRepository(db, now),
    settings: createSettingsRepository(db, now),
    backup: createBackupRepository(db, now),
  };
}
let repo: ReturnType<typeof repositories>;

beforeEach(async () => {
  clock = T0;
  name = `act-guard-${crypto.randomUUID()}`;
  db = new EmergencyDeskDatabase(name);
  await db.open();
  // The sample office: 崔伟 is a 值班员 (operator by position), 彭新浩 and 黄欣刚 hold roles by hand.
  await seedSampleDataIfNew(db, () => clock);
  await publishSamplePlan(db);
  repo = repositories();
});
afterEach(async () => {
  await db.delete();
});

const setRoles = (actor: Actor, roles: string[] | undefined) =>
  db.people.update(actor.personId, { roles: roles as never });

async function auditOf(action: string) {
  return (await db.audit.orderBy('at').toArray()).filter((a) => a.action === action).map((a) => a.summary);
}

/** A typhoon incident whose wind proposes Ⅳ, with 黄欣刚 named as the channel's approver. */
async function typhoonAtIV(): Promise<string> {
  const id = await repo.incidents.open(
    {
      title: '台风影响滨江村',
      place: '滨江街道沿海一线',
      category: 'natural',
      occurredAt: T0 - 20 * MIN,
      grade: 'larger',
      planId: 'sample-typhoon',
      intakeId: null,
    },
    as.dutyOfficer,
  );
  const events: PlanEvent[] = [
    { type: 'warning.issue', warningType: '台风', level: 'orange', at: 0, by: as.dutyOfficer },
    { type: 'observation.record', key: 'windScale', value: 9, at: 0, by: as.dutyOfficer },
    {
      type: 'fourOnes.channel',
      personId: as.office.personId,
      name: as.office.name,
      at: 0,
      by: as.dutyOfficer,
    },
  ];
  for (const event of events) await repo.incidents.send(id, event, as.dutyOfficer);
  return id;
}

const approveIV: PlanEvent = { type: 'level.approve', level: 'IV', at: 0, by: as.secretary };

describe('roles and PINs in the write path', () => {
  it('refuses a level approval by a plan signer without 值班操作员, storing nothing, and takes it once the role is back', async () => {
    const id = await typhoonAtIV();
    expect((await repo.incidents.snapshot(id))?.context.proposal?.level).toBe('IV');
    await setRoles(as.secretary, ['evaluator']);
    const before = await repo.incidents.get(id);
    const refused = await rejection(repo.incidents.send(id, approveIV, as.secretary));
    expect(refused.code).toBe('actRefused');
    expect(refused.params).toEqual({ key: 'roles.why.levelApprove', name: '邵嘉蓉' });
    expect(await repo.incidents.get(id)).toEqual(before);

    await setRoles(as.secretary, undefined);
    await repo.incidents.send(id, approveIV, as.secretary);
    expect((await repo.incidents.get(id))?.level).toBe('IV');
  });

  it('refuses someone the directory does not hold, once it holds anyone', async () => {
    const id = await typhoonAtIV();
    const stranger: Actor = { ...as.secretary, personId: 'not-in-directory', name: '冒名者' };
    const refused = await rejection(repo.incidents.send(id, approveIV, stranger));
    expect(refused.params).toEqual({ key: 'roles.why.notInDirectory', name: '冒名者' });
  });

  it('asks a person with a PIN to confirm each 签发 again: wrong PINs counted and audited, one confirmation per act', async () => {
    const id = await typhoonAtIV();
    const reportId = await repo.reports.create(id, 'initial', as.dutyOfficer);
    const report = (await repo.reports.get(reportId))!;
    await repo.reports.save(
      reportId,
      {
        channel: 'written',
        recipient: '区委区政府总值班室',
        content: Object.fromEntries(Object.keys(report.content).map((k) => [k, report.content[k] || '无'])),
      },
      as.dutyOfficer,
    );

    // Without the role, the channel's own approver is refused too.
    await setRoles(as.office, []);
    expect((await rejection(repo.reports.approve(reportId, as.office))).params['key']).toBe(
      'roles.why.reportApprove',
    );
    await setRoles(as.office, ['operator', 'administrator']);

    await repo.directory.setPin(as.office.personId, '2580', as.office);
    expect((await rejection(repo.reports.approve(reportId, as.office))).code).toBe('actPinRequired');
    const wrong = await rejection(repo.settings.confirmAct('report.approve', as.office, '1111'));
    expect(wrong).toMatchObject({ code: 'actPinWrong', params: { left: 4 } });
    expect(await auditOf('act.pinWrong')).toEqual(['黄欣刚：签发报告时 PIN 错误（第 1 次）']);
    // A confirmation is for the act it was given for.
    await repo.settings.confirmAct('drill.endex', as.office, '2580');
    expect((await rejection(repo.reports.approve(reportId, as.office))).code).toBe('actPinRequired');

    await repo.settings.confirmAct('report.approve', as.office, '2580');
    expect(await repo.settings.pinAttempts(as.office.personId)).toEqual({ failures: 0, lockedUntil: null });
    await repo.reports.approve(reportId, as.office);
    expect((await repo.reports.get(reportId))?.status).toBe('approved');
    expect(await db.settings.get(`actConfirmed:${as.office.personId}`)).toBeUndefined();
  });

  it('checks the 终止公告 签发 like a report’s: the role, then the PIN, storing nothing when refused', async () => {
    const id = await typhoonAtIV();
    await repo.incidents.send(id, approveIV, as.secretary);
    const passed: PlanEvent = {
      type: 'observation.record',
      key: 'typhoonPassed',
      value: true,
      at: 0,
      by: as.dutyOfficer,
    };
    await repo.incidents.send(id, passed, as.dutyOfficer);
    const terminate: PlanEvent = {
      type: 'response.terminate',
      reason: '台风已过境',
      at: 0,
      by: as.secretary,
    };
    await repo.incidents.send(id, terminate, as.secretary);
    const draft = await repo.announcements.view(id);

    await setRoles(as.office, ['evaluator']);
    const refused = await rejection(repo.announcements.issue(id, as.office));
    expect(refused.params).toEqual({ key: 'roles.why.reportApprove', name: '黄欣刚' });
    await setRoles(as.office, ['operator']);
    await repo.directory.setPin(as.office.personId, '2580', as.office);
    expect((await rejection(repo.announcements.issue(id, as.office))).code).toBe('actPinRequired');
    expect(await repo.announcements.view(id)).toEqual(draft);

    await repo.settings.confirmAct('report.approve', as.office, '2580');
    await repo.announcements.issue(id, as.office);
    expect((await repo.announcements.view(id))?.stored?.status).toBe('issued');
  });

  it('does not take a confirmation older than two minutes', async () => {
    const id = await typhoonAtIV();
    await repo.directory.setPin(as.secretary.personId, '2580', as.secretary);
    await repo.settings.confirmAct('level.approve', as.secretary, '2580');
    clock += 2 * MIN + 1;
    expect((await rejection(repo.incidents.send(id, approveIV, as.secretary))).code).toBe('actPinRequired');
    await repo.settings.confirmAct('level.approve', as.secretary, '2580');
    await repo.incidents.send(id, approveIV, as.secretary);
    expect((await repo.incidents.get(id))?.level).toBe('IV');
  });

  it('locks a person’s acts for 60 s after 5 wrong PINs, keeps the lock across a reload, and audits each failure and the lock', async () => {
    await repo.directory.setPin(as.office.personId, '2580', as.office);
    for (let i = 1; i <= 4; i += 1) {
      const wrong = await rejection(repo.settings.confirmAct('report.approve', as.office, '0000'));
      expect(wrong.params).toEqual({ left: 5 - i });
      clock += 1000;
    }
    const locked = await rejection(repo.settings.confirmAct('report.approve', as.office, '0000'));
    expect(locked).toMatchObject({ code: 'actLocked', params: { seconds: 60 } });
    const lockedAt = clock;

    // A reload: the same database opened again, new repositories.
    db.close();
    db = new EmergencyDeskDatabase(name);
    await db.open();
    repo = repositories();
    clock = lockedAt + 59_000;
    const stillLocked = await rejection(repo.settings.confirmAct('report.approve', as.office, '2580'));
    expect(stillLocked).toMatchObject({ code: 'actLocked', params: { seconds: 1 } });
    expect(await db.settings.get(`actConfirmed:${as.office.personId}`)).toBeUndefined();

    clock = lockedAt + 60_000;
    await repo.settings.confirmAct('report.approve', as.office, '2580');
    expect(await auditOf('act.pinWrong')).toHaveLength(4);
    expect(await auditOf('act.locked')).toEqual(['黄欣刚：签发报告时 PIN 错误，连续 5 次，锁定 60 秒']);
  });

  it('refuses ENDEX by the run’s director without 导调人员, undoing the whole write, and takes it from one who has it', async () => {
    const scenario: ScenarioInput = {
      title: '台风防御桌面推演',
      form: 'tabletop',
      scope: 'single',
      purpose: 'inspection',
      injects: [{ id: 'i1', no: '1', offsetMs: 0, synopsis: '预警', text: '气象台发布台风蓝色预警。' }],
    };
    const endex = async (director: Actor) => {
      const scenarioId = await repo.drills.saveScenario(scenario, director);
      const runId = await repo.drills.createRun(scenarioId, director.personId, director);
      await repo.drills.append(runId, { type: 'comms.checked' }, director);
      await repo.drills.append(runId, { type: 'clock.start' }, director);
      return { runId, result: repo.drills.append(runId, { type: 'run.endex' }, director) };
    };
    const byOperator = await endex(as.dutyOfficer);
    const refused = await rejection(byOperator.result);
    expect(refused.params).toEqual({ key: 'roles.why.drillEndex', name: '崔伟' });
    const run = await repo.drills.load(byOperator.runId);
    expect(statusOf(run!.snapshot)).toBe('running');
    expect(await auditOf('run.endex')).toEqual([]);

    const byController = await endex(as.deputy);
    const ended = await byController.result;
    expect(statusOf(ended)).toBe('ended');
  });

  it('lets anyone assign roles while nobody is 系统管理员 by hand, then only administrators, and audits each change', async () => {
    const people = await db.people.toArray();
    await db.people.bulkPut(people.map(({ roles: _roles, ...p }) => p));
    const officer = (await repo.directory.getPerson(as.dutyOfficer.personId))!;
    const { id: _id, pin: _pin, searchText: _s, ...input } = officer;

    // First set-up: 崔伟 (no role by hand) makes himself administrator.
    await repo.directory.savePerson(input, officer.id, as.dutyOfficer, undefined, [
      'operator',
      'administrator',
    ]);
    expect((await repo.directory.getPerson(officer.id))?.roles).toEqual(['operator', 'administrator']);
    expect(await auditOf('roles.change')).toEqual(['角色变更：崔伟 值班操作员 → 值班操作员、系统管理员']);

    // From now on a non-administrator may edit a person but not their roles.
    const secretary = (await repo.directory.getPerson(as.secretary.personId))!;
    const { id: _sid, pin: _spin, searchText: _ss, ...secretaryInput } = secretary;
    await repo.directory.savePerson({ ...input, note: '值班长' }, officer.id, as.secretary);
    const refused = await rejection(
      repo.directory.savePerson(secretaryInput, secretary.id, as.secretary, undefined, ['administrator']),
    );
    expect(refused.params).toEqual({ key: 'roles.why.rolesChange', name: '邵嘉蓉' });
    expect((await repo.directory.getPerson(secretary.id))?.roles).toBeUndefined();

    // The administrator hands 崔伟's roles back to his positions; a spreadsheet update keeps roles set by hand.
    clock += MIN;
    await repo.directory.savePerson(secretaryInput, secretary.id, as.dutyOfficer, undefined, ['operator']);
    clock += MIN;
    await repo.directory.savePerson(input, officer.id, as.dutyOfficer, undefined, null);
    expect((await repo.directory.getPerson(officer.id))?.roles).toBeUndefined();
    expect((await auditOf('roles.change')).slice(1)).toEqual([
      '角色变更：邵嘉蓉 值班操作员 → 值班操作员',
      '角色变更：崔伟 值班操作员、系统管理员 → 值班操作员（按岗位）',
    ]);
    await repo.directory.importPeople(
      [{ ...secretaryInput, id: secretary.id, title: '局长（兼）' }],
      as.dutyOfficer,
    );
    expect(await repo.directory.getPerson(secretary.id)).toMatchObject({
      title: '局长（兼）',
      roles: ['operator'],
    });
  });

  it('keeps roles through a backup and its restore', async () => {
    const bundle = await repo.backup.exportAll(as.office, '示范区');
    await setRoles(as.deputy, undefined);
    await repo.backup.restoreAll(bundle, as.office);
    expect((await repo.directory.getPerson(as.deputy.personId))?.roles).toEqual(['operator', 'controller']);
  });
});
