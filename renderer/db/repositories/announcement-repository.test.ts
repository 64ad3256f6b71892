import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createAnnouncementRepository, type AnnouncementRepository } from './announcement-repository';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';

const HOUR = 3_600_000;
/** 2026-11-23 02:00 local time: the text reads the same in any time zone. */
const T0 = new Date(2026, 10, 23, 2, 0).getTime();
let db: EmergencyDeskDatabase;
let incidents: IncidentRepository;
let announcements: AnnouncementRepository;
let clock = T0;

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`announcements-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  incidents = createIncidentRepository(db, () => clock);
  announcements = createAnnouncementRepository(db, incidents, () => clock);
});
afterEach(async () => {
  await db.delete();
});

/** An event as a screen sends it: the repository stamps the time. */
type Untimed = PlanEvent extends infer E ? (E extends PlanEvent ? Omit<E, 'at'> : never) : never;
const event = (e: Untimed) => ({ ...e, at: 0 }) as PlanEvent;

/** A typhoon incident at Ⅳ, then Ⅲ; the office director is the channel's 签发人. */
async function respondingIncident(): Promise<string> {
  const id = await incidents.open(
    {
      title: '台风“海燕”影响滨江村',
      place: '滨江街道沿海一线',
      category: 'natural',
      occurredAt: T0 - HOUR,
      planId: 'sample-typhoon',
    },
    as.dutyOfficer,
  );
  const send = (e: PlanEvent) => incidents.send(id, e, 'by' in e ? e.by : as.dutyOfficer);
  await send(
    event({
      type: 'fourOnes.channel',
      personId: as.office.personId,
      name: as.office.name,
      by: as.dutyOfficer,
    }),
  );
  await send(event({ type: 'warning.issue', warningType: '台风', level: 'orange', by: as.dutyOfficer }));
  await send(event({ type: 'observation.record', key: 'windScale', value: 9, by: as.dutyOfficer }));
  clock = T0 + HOUR / 2;
  await send(event({ type: 'level.approve', level: 'IV', by: as.secretary }));
  await send(event({ type: 'observation.record', key: 'windScale', value: 11, by: as.dutyOfficer }));
  clock = T0 + 3 * HOUR;
  await send(event({ type: 'level.approve', level: 'III', by: as.deputy }));
  return id;
}

async function terminate(id: string): Promise<void> {
  await incidents.send(
    id,
    event({ type: 'observation.record', key: 'typhoonPassed', value: true, by: as.dutyOfficer }),
    as.dutyOfficer,
  );
  clock = T0 + 30 * HOUR;
  await incidents.send(
    id,
    event({ type: 'response.terminate', reason: '台风已过境，影响基本结束', by: as.deputy }),
    as.deputy,
  );
}

describe('终止公告 repository', () => {
  it('has nothing to announce while the response runs, then generates the text from the chart once it has ended', async () => {
    const id = await respondingIncident();
    expect(await announcements.view(id)).toBeNull();
    expect((await rejection(announcements.issue(id, as.office))).code).toBe('announcementNotNow');

    await terminate(id);
    const view = (await announcements.view(id))!;
    expect(view.stored).toBeNull();
    expect(view.text.title).toBe('关于终止台风“海燕”影响滨江村Ⅲ级应急响应的公告');
    expect(view.text.body.split('\n').slice(0, 2)).toEqual([
      '2026年11月23日01时00分，滨江街道沿海一线发生台风“海燕”影响滨江村。2026年11月23日02时30分，区三防指挥部启动Ⅳ级应急响应，后调整为Ⅲ级应急响应。',
      '鉴于台风已过境，影响基本结束，根据《中华人民共和国突发事件应对法》第八十六条和《示范区防台风应急预案》的有关规定，区三防指挥部决定自2026年11月24日08时00分起终止Ⅲ级应急响应。',
    ]);
  });

  it('saves an edited draft, refuses a signature from someone else, signs it once, freezes it and logs both in the chain', async () => {
    const id = await respondingIncident();
    await terminate(id);
    const generated = (await announcements.view(id))!.text;
    const title = '关于终止防台风Ⅲ级应急响应的公告';
    const invalid = await rejection(
      announcements.save(id, { title: ' ', body: generated.body }, as.dutyOfficer),
    );
    expect(invalid.params).toMatchObject({ field: 'title', message: 'required' });
    await announcements.save(id, { title, body: generated.body }, as.dutyOfficer);
    expect((await announcements.view(id))!.text).toEqual({ title, body: generated.body });

    expect((await rejection(announcements.issue(id, as.secretary))).params['why']).toBe(
      '终止公告须由信息口径签发人黄欣刚或有权宣布Ⅲ级响应终止的领导签发',
    );
    clock += 60_000;
    await announcements.issue(id, as.office);
    const { stored } = (await announcements.view(id))!;
    expect(stored).toMatchObject({ status: 'issued', title, issued: { actor: as.office, at: clock } });
    expect((await rejection(announcements.issue(id, as.office))).params['why']).toBe('终止公告已签发');
    expect((await rejection(announcements.save(id, generated, as.office))).code).toBe('announcementFrozen');

    const incident = (await incidents.get(id))!;
    const log = await incidents.logRange(id, 1, incident.logCount);
    const lines = log.filter((e) => e.links.some((l) => l.kind === 'announcement'));
    expect(lines.map((e) => [e.category, e.author?.name, e.text, e.links])).toEqual([
      ['decision', '崔伟', `起草终止公告《${title}》`, [{ kind: 'announcement', id }]],
      ['decision', '黄欣刚', `签发终止公告《${title}》`, [{ kind: 'announcement', id }]],
    ]);
    expect(await incidents.verifyLog(id)).toMatchObject({ ok: true });
  });

  it('keeps 善后 tasks apart on the board, names them in the generated text, and logs them as 善后任务', async () => {
    const id = await respondingIncident();
    await terminate(id);
    await incidents.addTask(
      id,
      { text: '人员安置', dueAt: clock + 24 * HOUR, owner: '刘志蓉', stage: 'aftermath' },
      as.dutyOfficer,
    );
    const key = await incidents.addTask(
      id,
      { text: '损失评估', dueAt: clock + 48 * HOUR, owner: '', stage: 'aftermath' },
      as.dutyOfficer,
    );
    await incidents.updateTask(id, key, { status: 'done', owner: '黄欣刚', notes: '' }, as.dutyOfficer);
    const rows = await incidents.tasks(id);
    expect(rows.map((r) => [r.adHoc?.text, r.stage, r.status])).toEqual(
      expect.arrayContaining([
        ['人员安置', 'aftermath', 'notStarted'],
        ['损失评估', 'aftermath', 'done'],
      ]),
    );
    expect((await announcements.view(id))!.text.body).toContain('继续做好人员安置、损失评估等善后工作');
    const incident = (await incidents.get(id))!;
    const [added] = await incidents.logRange(id, incident.logCount - 2, incident.logCount - 2);
    expect(added?.text).toMatch(/^新增善后任务「人员安置」，时限2026-11-25 08:00，负责人：刘志蓉$/);
  });
});
