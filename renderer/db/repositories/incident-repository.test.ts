import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLocalTime } from '@shared/domain/plan/plan-step';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';
import { createIntakeRepository } from './intake-repository';

const T0 = Date.parse('2026-11-23T02:00:00+08:00');
let db: EmergencyDeskDatabase;
let repo: IncidentRepository;
let clock = T0;

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`incidents-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  repo = createIncidentRepository(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

const typhoonIncident = {
  title: '台风“海燕”影响我区',
  place: '滨江街道沿海一线',
  category: 'natural' as const,
  occurredAt: T0 - 30 * 60_000,
  planId: 'sample-typhoon',
};

const warning = {
  type: 'warning.issue',
  warningType: '台风',
  level: 'orange',
  at: 0,
  by: as.dutyOfficer,
} as const;
const wind = (value: number) =>
  ({ type: 'observation.record', key: 'windScale', value, at: 0, by: as.dutyOfficer }) as const;

/** The 接报 of the typhoon's first call: received ten minutes ago, two injured. */
async function recordIntake() {
  const intakes = createIntakeRepository(db, () => clock);
  const intake = await intakes.save(
    {
      receivedAt: T0 - 10 * 60_000,
      sourcePerson: '王建国',
      sourcePhone: '0999-2345678',
      place: '滨江街道沿海一线',
      category: 'natural',
      nature: '台风影响，海水漫堤',
      injured: 2,
    },
    null,
    as.dutyOfficer,
  );
  return { intakes, intake };
}

describe('incident repository', () => {
  it('opens an incident from a 接报 in one step, links both ways and writes the first log lines', async () => {
    const { intakes, intake } = await recordIntake();
    const id = await repo.open({ ...typhoonIncident, intakeId: intake.id }, as.dutyOfficer);
    const incident = await repo.get(id);
    expect(incident).toMatchObject({ serial: '2026-0001', status: 'open', level: null, logCount: 2 });
    expect(incident?.plan).toMatchObject({ id: 'sample-typhoon', version: 1, startedAt: T0 });
    expect((await intakes.get(intake.id))?.incidentId).toBe(id);
    const log = await repo.logRange(id, 1, 10);
    expect(log.map((e) => [e.seq, e.category, e.text])).toEqual([
      [
        1,
        'intake',
        `由接报${intake.serial}转为事件：台风“海燕”影响我区（滨江街道沿海一线，事发${formatLocalTime(T0 - 30 * 60_000)}）`,
      ],
      [2, 'decision', '启用预案：示范区防台风应急预案（第1版）'],
    ]);
    // One report becomes one incident.
    expect(
      (await rejection(repo.open({ ...typhoonIncident, intakeId: intake.id }, as.dutyOfficer))).code,
    ).toBe('intakeAlreadyOpened');
  });

  it('sends events as the signed-in person at the desk clock, journals them into the chain and refuses what the chart does not take', async () => {
    const id = await repo.open(typhoonIncident, as.dutyOfficer);
    clock += 60_000;
    await repo.send(id, warning, as.dutyOfficer);
    await repo.send(id, wind(9), as.dutyOfficer);
    let snapshot = await repo.snapshot(id);
    expect(snapshot?.context.proposal?.level).toBe('IV');

    // The duty officer may not approve; nothing is stored when the chart refuses.
    const before = (await repo.get(id))!;
    const refused = await rejection(
      repo.send(id, { type: 'level.approve', level: 'IV', at: 0, by: as.dutyOfficer }, as.dutyOfficer),
    );
    expect(refused.code).toBe('incidentEventRefused');
    expect(await repo.get(id)).toEqual(before);

    // The screen's `by` and `at` are replaced by the signed-in person and the clock.
    clock += 60_000;
    await repo.send(id, { type: 'level.approve', level: 'IV', at: 1, by: as.dutyOfficer }, as.secretary);
    snapshot = await repo.snapshot(id);
    expect(snapshot?.context.level).toBe('IV');
    expect(snapshot?.context.activations[0]?.at).toBe(clock);
    const incident = (await repo.get(id))!;
    expect(incident).toMatchObject({ level: 'IV', phase: 'response', eventCount: 3 });
    const log = await repo.logRange(id, 1, incident.logCount);
    expect(log.at(-1)).toMatchObject({ category: 'decision', author: as.secretary, at: clock });
    expect(log.at(-1)?.text).toContain('批准启动Ⅳ级响应');
    expect(log.some((e) => e.category === 'observation' && e.text === '台风中心附近最大风力：9级')).toBe(
      true,
    );
    expect(await repo.verifyLog(id)).toEqual({ ok: true, count: incident.logCount });
  });

  it('keeps the tasks of Ⅳ when Ⅲ is approved and records task changes and ad-hoc tasks in the log', async () => {
    const id = await repo.open(typhoonIncident, as.dutyOfficer);
    await repo.send(id, warning, as.dutyOfficer);
    await repo.send(id, wind(9), as.dutyOfficer);
    await repo.send(id, { type: 'level.approve', level: 'IV', at: 0, by: as.secretary }, as.secretary);
    const ivTasks = (await repo.snapshot(id))!.context.tasks.map((t) => t.actionId);
    await repo.send(id, wind(11), as.dutyOfficer);
    await repo.send(id, { type: 'level.approve', level: 'III', at: 0, by: as.deputy }, as.deputy);
    const tasks = (await repo.snapshot(id))!.context.tasks;
    expect(tasks.length).toBeGreaterThan(ivTasks.length);
    expect(tasks.slice(0, ivTasks.length).map((t) => t.actionId)).toEqual(ivTasks);

    const first = tasks.find((t) => t.level === 'IV')!;
    await repo.updateTask(
      id,
      first.actionId,
      { status: 'inProgress', owner: '黄欣刚', notes: '' },
      as.office,
    );
    const key = await repo.addTask(
      id,
      { text: '转移滨江村低洼户', dueAt: clock + 3_600_000, owner: '刘志蓉' },
      as.office,
    );
    const states = await repo.tasks(id);
    expect(states.map((s) => s.taskKey).sort()).toEqual([first.actionId, key].sort());
    const incident = (await repo.get(id))!;
    const last = await repo.logRange(id, incident.logCount - 1, incident.logCount);
    expect(last.map((e) => e.text)).toEqual([
      `任务「${first.text}」未开始→进行中；负责人：黄欣刚`,
      `新增任务「转移滨江村低洼户」，时限${formatLocalTime(T0 + 3_600_000)}，负责人：刘志蓉`,
    ]);
    expect(last.map((e) => e.links)).toEqual([
      [{ kind: 'task', id: first.actionId }],
      [{ kind: 'task', id: key }],
    ]);
    // An update that changes nothing writes nothing.
    await repo.updateTask(id, first.actionId, { status: 'inProgress', owner: '黄欣刚' }, as.office);
    expect((await repo.get(id))!.logCount).toBe(incident.logCount);
  });

  it('stores a tick only when time changes what the chart says', async () => {
    const id = await repo.open({ ...typhoonIncident, planId: 'sample-typhoon' }, as.dutyOfficer);
    clock += 3_600_000;
    expect(await repo.tick(id)).toBe(false);
    expect((await repo.get(id))!.eventCount).toBe(0);
  });

  it('finds the first altered, removed or reordered line of the log', async () => {
    const id = await repo.open(typhoonIncident, as.dutyOfficer);
    for (const text of ['现场风力增大', '滨江村开始转移', '转移完毕'])
      await repo.appendNote(id, { text }, as.dutyOfficer);
    expect(await repo.verifyLog(id)).toEqual({ ok: true, count: 5 });

    const [fourth] = await repo.logRange(id, 4, 4);
    const correction = await repo.appendNote(
      id,
      { text: '更正：滨江村转移已开始', corrects: fourth!.id },
      as.office,
    );
    expect(correction).toMatchObject({ seq: 6, category: 'correction', corrects: fourth!.id });
    expect(await repo.verifyLog(id)).toEqual({ ok: true, count: 6 });

    await db.incidentLog.update(fourth!.id, { text: '滨江村未转移' });
    expect(await repo.verifyLog(id)).toEqual({ ok: false, brokenAt: 4, reason: 'content' });
    await db.incidentLog.update(fourth!.id, { text: fourth!.text });
    expect(await repo.verifyLog(id)).toEqual({ ok: true, count: 6 });

    const [sixth] = await repo.logRange(id, 6, 6);
    await db.incidentLog.delete(sixth!.id);
    expect(await repo.verifyLog(id)).toEqual({ ok: false, brokenAt: 6, reason: 'sequence' });
  });

  it('refuses an empty note, a correction of another incident and a plan that is not published', async () => {
    const id = await repo.open(typhoonIncident, as.dutyOfficer);
    expect((await rejection(repo.appendNote(id, { text: '  ' }, as.dutyOfficer))).params).toEqual({
      field: 'text',
      message: 'required',
    });
    const other = await repo.open({ ...typhoonIncident, planId: null }, as.dutyOfficer);
    const [line] = await repo.logRange(other, 1, 1);
    expect(
      (await rejection(repo.appendNote(id, { text: '更正', corrects: line!.id }, as.dutyOfficer))).code,
    ).toBe('notFound');
    expect((await rejection(repo.open({ ...typhoonIncident, planId: 'nope' }, as.dutyOfficer))).code).toBe(
      'planNotPublished',
    );
    expect(
      (await rejection(repo.open({ ...typhoonIncident, occurredAt: clock + 3_600_000 }, as.dutyOfficer)))
        .code,
    ).toBe('occurredInFuture');
    // An ad-hoc incident gets its plan later; the chart starts then.
    clock += 600_000;
    await repo.attachPlan(other, 'sample-typhoon', as.dutyOfficer);
    expect((await repo.get(other))?.plan).toMatchObject({ id: 'sample-typhoon', startedAt: clock });
    expect((await rejection(repo.attachPlan(other, 'sample-typhoon', as.dutyOfficer))).code).toBe(
      'incidentHasPlan',
    );
  });

  // The archive package and the personal-data purge of a closed incident: archive-repository.test.ts.
  it('closes through the chart; a closed incident takes no more events, but its log can still be written', async () => {
    const { intake } = await recordIntake();
    const id = await repo.open({ ...typhoonIncident, intakeId: intake.id }, as.dutyOfficer);
    await repo.send(id, warning, as.dutyOfficer);
    await repo.send(id, wind(9), as.dutyOfficer);
    await repo.send(id, { type: 'level.approve', level: 'IV', at: 0, by: as.secretary }, as.secretary);
    await repo.send(
      id,
      { type: 'observation.record', key: 'typhoonPassed', value: true, at: 0, by: as.dutyOfficer },
      as.dutyOfficer,
    );
    await repo.send(
      id,
      { type: 'response.terminate', reason: '台风已过境', at: 0, by: as.deputy },
      as.deputy,
    );
    await repo.send(id, { type: 'aftermath.begin', at: 0, by: as.deputy }, as.deputy);
    await repo.send(id, { type: 'case.close', summary: '处置完毕', at: 0, by: as.deputy }, as.deputy);
    expect(await repo.get(id)).toMatchObject({ status: 'closed', phase: 'closed' });
    // A closed incident takes no more events, but its log can still be written.
    expect((await rejection(repo.send(id, wind(5), as.dutyOfficer))).code).toBe('incidentClosed');

    await repo.appendNote(id, { text: '善后工作移交街道办' }, as.dutyOfficer);
    expect(await repo.verifyLog(id)).toMatchObject({ ok: true });
  });
});
