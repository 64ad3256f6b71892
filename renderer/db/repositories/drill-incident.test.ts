import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRILL_PREFIX } from '@shared/domain/incident/drill-incident';
import type { Person } from '@shared/domain/org/types';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createDrillRepository, type DrillRepository } from './drill-repository';
import { createDutyRepository } from './duty-repository';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';
import { createNotificationRepository } from './notification-repository';
import { createReportRepository } from './report-repository';

const MIN = 60_000;
const T0 = Date.parse('2026-12-06T09:00:00+08:00');
let db: EmergencyDeskDatabase;
let incidents: IncidentRepository;
let drills: DrillRepository;
let clock = T0;
const now = () => clock;

const person = (id: string, name: string): Person => ({
  id,
  name,
  unitId: 'u1',
  title: '',
  mobile: '13900000000',
  officePhone: '',
  positionIds: [],
  pin: null,
  note: '',
  searchText: name,
  createdAt: 0,
  createdBy: null,
  updatedAt: 0,
  updatedBy: null,
});

const drillIncident = {
  title: '台风“海燕”防御桌面推演',
  place: '滨江街道沿海一线',
  category: 'natural' as const,
  occurredAt: T0,
  planId: 'sample-typhoon',
  planVersion: 1,
};

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`drill-incident-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  await db.people.bulkAdd([person(as.commander.personId, as.commander.name), person('p2', '刘志蓉')]);
  incidents = createIncidentRepository(db, now);
  drills = createDrillRepository(db, now);
});
afterEach(async () => {
  await db.delete();
});

async function newRun(): Promise<string> {
  const scenarioId = await drills.saveScenario(
    {
      title: '台风“海燕”防御桌面推演',
      form: 'tabletop',
      scope: 'combined',
      purpose: 'inspection',
      plans: [{ id: 'sample-typhoon', version: 1 }],
      injects: [
        { id: 'i1', no: '1', offsetMs: 0, synopsis: '台风蓝色预警', text: '气象台发布台风蓝色预警。' },
      ],
    },
    as.secretary,
  );
  return drills.createRun(scenarioId, as.commander.personId, as.secretary);
}

describe('演练事件', () => {
  it('runs the tested plan version, is numbered apart and marked, and is the run’s only one', async () => {
    const runId = await newRun();
    const id = await incidents.openForDrill(runId, drillIncident, as.secretary);
    const incident = await incidents.get(id);
    expect(incident).toMatchObject({
      serial: '演练-2026-0001',
      drill: { runId, scenarioTitle: '台风“海燕”防御桌面推演' },
      plan: { id: 'sample-typhoon', version: 1, startedAt: T0 },
    });
    expect((await incidents.logRange(id, 1, 1))[0]?.text).toMatch(
      /^【演练】演练「台风“海燕”防御桌面推演」立案/,
    );
    expect((await incidents.forDrillRun(runId))?.id).toBe(id);

    // The real register keeps its own numbers.
    const realId = await incidents.open({ ...drillIncident, planId: null, title: '真实事件' }, as.secretary);
    expect((await incidents.get(realId))?.serial).toBe('2026-0001');

    const before = await db.incidents.count();
    expect(await rejection(incidents.openForDrill(runId, drillIncident, as.secretary))).toMatchObject({
      code: 'drill.incidentExists',
    });
    expect(await db.incidents.count()).toBe(before);
  });

  it('is refused once the run is over, and for a plan version that does not exist', async () => {
    const runId = await newRun();
    expect(
      await rejection(incidents.openForDrill(runId, { ...drillIncident, planVersion: 9 }, as.secretary)),
    ).toMatchObject({ code: 'incidentPlanMissing' });
    await drills.append(runId, { type: 'comms.checked' }, as.secretary);
    await drills.append(runId, { type: 'clock.start' }, as.secretary);
    await drills.append(runId, { type: 'run.abort', reason: '发生真实警情' }, as.secretary);
    expect(await rejection(incidents.openForDrill(runId, drillIncident, as.secretary))).toMatchObject({
      code: 'drill.runOver',
    });
    expect(await db.incidents.count()).toBe(0);
  });

  it('stays out of the desk’s open incidents and handover, and its notices say 演练 first', async () => {
    const runId = await newRun();
    const id = await incidents.openForDrill(runId, drillIncident, as.secretary);
    expect(await incidents.listOpen()).toEqual([]);

    const notifications = createNotificationRepository(db, now);
    const noticeId = await notifications.create(
      id,
      { subject: '启动Ⅳ级响应，请立即到岗', ackWithinMinutes: 10, personIds: ['p2'] },
      as.secretary,
    );
    const [notice] = await notifications.list(id);
    expect(notice?.id).toBe(noticeId);
    expect(notice?.subject).toBe(`${DRILL_PREFIX}启动Ⅳ级响应，请立即到岗`);

    clock += 5 * MIN;
    const duty = createDutyRepository(
      db,
      { incidents, reports: createReportRepository(db, incidents, now), notifications },
      now,
    );
    const draft = await duty.draftHandover();
    expect(draft.openItems.filter((item) => item.kind !== 'note')).toEqual([]);
  });
});
