import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActionDraft } from '@shared/domain/drill/corrective-action';
import type { ScenarioInput } from '@shared/domain/drill/scenario';
import type { Actor, Person } from '@shared/domain/org/types';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import {
  createCorrectiveActionRepository,
  type CorrectiveActionRepository,
} from './corrective-action-repository';
import { createDrillRepository } from './drill-repository';

const DAY = 86_400_000;
/** 10:00 local on 2026-06-10. */
const START = new Date(2026, 5, 10, 10, 0).getTime();
const evaluator: Actor = { personId: 'p-eva', name: '胡雪军', positionId: 'pos0', positionName: '评估' };
const director: Actor = { personId: 'p-dir', name: '王建国', positionId: 'pos1', positionName: '带班领导' };

const SCENARIO: ScenarioInput = {
  title: '台风“海燕”防御桌面推演',
  form: 'tabletop',
  scope: 'combined',
  purpose: 'inspection',
  plans: [{ id: 'plan-typhoon', version: 2 }],
  injects: [{ id: 'i1', no: '1', offsetMs: 0, synopsis: '台风蓝色预警', text: '市气象台发布台风蓝色预警。' }],
};

let db: EmergencyDeskDatabase;
let repo: CorrectiveActionRepository;
let clock = START;
let runId = '';
let scenarioId = '';

function draft(overrides: Partial<ActionDraft> = {}): ActionDraft {
  return {
    runId,
    issue: '预警信息未在规定时限内转发至街道',
    measure: '修订预警信息转发流程，明确10分钟内转发',
    responsibleUnit: '区应急管理局',
    responsiblePerson: '江天成',
    deadlineDate: '2026-06-20',
    finding: { capability: '预警与信息报告', injectId: 'i1', injectNo: '1' },
    ...overrides,
  };
}

beforeEach(async () => {
  clock = START;
  db = new EmergencyDeskDatabase(`actions-${crypto.randomUUID()}`);
  await db.open();
  const drills = createDrillRepository(db, () => clock);
  repo = createCorrectiveActionRepository(db, () => clock);
  await db.people.add({ id: director.personId, name: director.name } as Person);
  scenarioId = await drills.saveScenario(SCENARIO, evaluator);
  runId = await drills.createRun(scenarioId, director.personId, evaluator);
});
afterEach(async () => {
  await db.delete();
});

describe('corrective action repository', () => {
  it('creates an action from a finding, taking plans and title from the run, with an audit entry', async () => {
    const id = await repo.create({ ...draft(), runId }, evaluator);
    const action = await repo.get(id);
    expect(action).toMatchObject({
      runId,
      status: 'open',
      planIds: ['plan-typhoon'],
      source: { scenarioId, scenarioTitle: SCENARIO.title, capability: '预警与信息报告', injectNo: '1' },
      createdBy: evaluator,
    });
    expect(await repo.listByRun(runId)).toHaveLength(1);
    const audit = await db.audit.where('[entity+entityId]').equals(['correctiveAction', id]).toArray();
    expect(audit.map((a) => [a.action, a.summary, a.actor?.name])).toEqual([
      ['create', '预警信息未在规定时限内转发至街道', '胡雪军'],
    ]);
  });

  it('refuses an incomplete draft or an unknown run, and writes nothing', async () => {
    expect((await rejection(repo.create(draft({ measure: ' ' }), evaluator))).code).toBe(
      'correctiveAction.measureRequired',
    );
    expect((await rejection(repo.create(draft({ deadlineDate: '2026-06-09' }), evaluator))).code).toBe(
      'correctiveAction.deadlinePast',
    );
    expect((await rejection(repo.create(draft({ runId: 'nope' }), evaluator))).code).toBe('notFound');
    expect(await db.correctiveActions.count()).toBe(0);
    expect(await db.audit.where('entity').equals('correctiveAction').count()).toBe(0);
  });

  it('goes overdue after its deadline day, and closing it needs evidence', async () => {
    const id = await repo.create(draft(), evaluator);
    const dayAfter = new Date(2026, 5, 21, 9, 0).getTime();
    expect(await repo.overdue(new Date(2026, 5, 20, 23, 59).getTime())).toEqual([]);
    expect((await repo.overdue(dayAfter)).map((a) => a.id)).toEqual([id]);

    clock = dayAfter;
    await repo.start(id, director);
    expect((await repo.get(id))?.status).toBe('inProgress');
    for (const text of ['', '   ']) {
      expect((await rejection(repo.close(id, { text }, director))).code).toBe(
        'correctiveAction.evidenceRequired',
      );
    }
    expect((await rejection(repo.close(id, { text: '已整改' }, director))).code).toBe(
      'correctiveAction.evidenceTooShort',
    );
    expect((await repo.get(id))?.status).toBe('inProgress');
    expect((await repo.overdue(dayAfter)).map((a) => a.id)).toEqual([id]);

    clock = dayAfter + 60_000;
    await repo.close(
      id,
      { text: '已印发预警信息转发流程（区应急〔2026〕8号）', files: ['流程.pdf'] },
      director,
    );
    const closed = await repo.get(id);
    expect(closed).toMatchObject({ status: 'closed', closedAt: clock, closedBy: director });
    expect(closed?.evidence).toEqual({
      text: '已印发预警信息转发流程（区应急〔2026〕8号）',
      files: ['流程.pdf'],
    });
    expect(await repo.overdue(dayAfter)).toEqual([]);
    expect((await rejection(repo.close(id, { text: '再次提交的整改佐证' }, director))).code).toBe(
      'correctiveAction.alreadyClosed',
    );
    const audit = await db.audit.where('[entity+entityId]').equals(['correctiveAction', id]).sortBy('at');
    expect(audit.map((a) => a.action)).toEqual(['create', 'start', 'close']);
  });

  it('keeps a closed action read-only until reopened, with every change in its history', async () => {
    const id = await repo.create(draft(), evaluator);
    clock += DAY;
    await repo.update(id, { ...draft(), responsiblePerson: '李雨平' }, director);
    clock += DAY;
    await repo.close(id, { text: '已修订流程并组织全员培训' }, director);
    expect((await rejection(repo.update(id, { ...draft(), issue: '改写' }, director))).code).toBe(
      'correctiveAction.closedReadOnly',
    );
    expect((await rejection(repo.start(id, director))).code).toBe('correctiveAction.closedReadOnly');
    clock += DAY;
    await repo.reopen(id, '复查发现街道仍未收到', evaluator);
    const action = await repo.get(id);
    expect(action?.status).toBe('inProgress');
    expect(action?.history.map((h) => [h.kind, h.at - START, h.by.name])).toEqual([
      ['create', 0, '胡雪军'],
      ['update', DAY, '王建国'],
      ['close', 2 * DAY, '王建国'],
      ['reopen', 3 * DAY, '胡雪军'],
    ]);
    expect(action?.history[1]?.changes).toEqual([
      { field: 'responsiblePerson', from: '江天成', to: '李雨平' },
    ]);
    expect((await rejection(repo.update('missing', draft(), director))).code).toBe('notFound');
  });

  it('finds the open actions of a plan for its next drill, and of a scenario that names no plan', async () => {
    const drills = createDrillRepository(db, () => clock);
    const open = await repo.create(draft(), evaluator);
    const closed = await repo.create(draft({ issue: '已整改的问题' }), evaluator);
    await repo.close(closed, { text: '已修订流程并组织全员培训' }, director);
    const plainScenario = await drills.saveScenario(
      { ...SCENARIO, plans: [], title: '无预案演练' },
      evaluator,
    );
    const plainRun = await drills.createRun(plainScenario, director.personId, evaluator);
    const plain = await repo.create(draft({ runId: plainRun, issue: '通信中断后未启用备用手段' }), evaluator);

    expect((await repo.openForPlans(['plan-typhoon'])).map((a) => a.id)).toEqual([open]);
    expect(await repo.openForPlans(['plan-other'])).toEqual([]);
    expect((await repo.openForPlans([], plainScenario)).map((a) => a.id)).toEqual([plain]);
    expect((await repo.listOpen()).map((a) => a.id).sort()).toEqual([open, plain].sort());
    expect((await repo.listAll()).map((a) => a.id).at(-1)).toBe(closed);
  });
});
