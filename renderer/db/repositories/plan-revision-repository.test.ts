import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisionDraft } from '@shared/domain/drill/plan-revision';
import type { Actor } from '@shared/domain/org/types';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import type { PlanRecord } from '../records';
import { createPlanRevisionRepository, type PlanRevisionRepository } from './plan-revision-repository';

const START = Date.parse('2026-06-10T10:00:00+08:00');
const evaluator: Actor = { personId: 'p-ev', name: '江天成', positionId: 'pos', positionName: '评估' };
const planner: Actor = { personId: 'p-pl', name: '王建国', positionId: 'pos', positionName: '预案管理' };
let db: EmergencyDeskDatabase;
let repo: PlanRevisionRepository;
let clock = START;

const draft = (overrides: Partial<RevisionDraft> = {}): RevisionDraft => ({
  runId: 'run-1',
  scenarioTitle: '化工园区液氯泄漏桌面推演',
  sourceKey: 'obs:3',
  planId: 'plan-hazmat',
  planVersion: 3,
  clause: '5.3 人员疏散',
  evidence: '评估观察（江天成，T+7m，情景 2）：疏散指令经街道转达用时过长',
  capability: '紧急动员',
  injectNo: '2',
  ...overrides,
});

beforeEach(async () => {
  clock = START;
  db = new EmergencyDeskDatabase(`revisions-${crypto.randomUUID()}`);
  await db.open();
  repo = createPlanRevisionRepository(db, () => clock);
  await db.plans.add({ id: 'plan-hazmat', version: 3, status: 'published' } as PlanRecord);
});
afterEach(async () => {
  await db.delete();
});

describe('plan revision repository', () => {
  it('makes one proposed suggestion per finding, however often it is generated, and audits it', async () => {
    expect(
      await repo.createMany([draft(), draft({ sourceKey: 'obs:5', clause: '4.1 信息报告' })], evaluator),
    ).toBe(2);
    clock += 60_000;
    expect(await repo.createMany([draft(), draft({ sourceKey: 'obs:7', clause: '6.2' })], evaluator)).toBe(1);
    const rows = await repo.listByRun('run-1');
    expect(rows.map((r) => [r.sourceKey, r.clause, r.status, r.suggestedChange])).toEqual([
      ['obs:3', '5.3 人员疏散', 'proposed', ''],
      ['obs:5', '4.1 信息报告', 'proposed', ''],
      ['obs:7', '6.2', 'proposed', ''],
    ]);
    expect(rows[0]).toMatchObject({
      createdBy: evaluator,
      createdAt: START,
      history: [{ action: 'create' }],
    });
    const audit = await db.audit.where('entity').equals('planRevision').toArray();
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'create']);
  });

  it('refuses a suggestion for a plan this desk does not have, or without clause or evidence, writing nothing', async () => {
    expect((await rejection(repo.createMany([draft({ planVersion: 9 })], evaluator))).code).toBe(
      'planRevision.planMissing',
    );
    expect((await rejection(repo.createMany([draft({ clause: '  ' })], evaluator))).code).toBe(
      'planRevision.clauseRequired',
    );
    expect((await rejection(repo.createMany([draft(), draft({ evidence: '' })], evaluator))).code).toBe(
      'planRevision.evidenceRequired',
    );
    expect((await rejection(repo.createMany([draft({ planId: '' })], evaluator))).code).toBe(
      'planRevision.planRequired',
    );
    expect(await db.planRevisions.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('is edited while proposed, sent only with a suggested change, then read-only', async () => {
    await repo.createMany([draft()], evaluator);
    const [made] = await repo.listByRun('run-1');
    const id = made!.id;
    expect((await rejection(repo.send(id, evaluator))).code).toBe('planRevision.changeRequired');

    clock += 60_000;
    await repo.update(
      id,
      {
        planId: 'plan-hazmat',
        planVersion: 3,
        clause: '5.3.2 人员疏散',
        evidence: made!.evidence,
        suggestedChange: '明确街道接到疏散指令后15分钟内由社区网格员入户通知',
      },
      evaluator,
    );
    clock += 60_000;
    await repo.send(id, evaluator);
    const sent = await repo.get(id);
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: START + 120_000,
      sentBy: evaluator,
      clause: '5.3.2 人员疏散',
    });
    expect(sent?.history.map((h) => [h.action, h.detail])).toEqual([
      ['create', ''],
      ['update', 'clause,suggestedChange'],
      ['send', ''],
    ]);
    const edit = { ...sent!, suggestedChange: '改' };
    expect((await rejection(repo.update(id, edit, evaluator))).code).toBe('planRevision.notProposed');
    expect((await rejection(repo.send(id, evaluator))).code).toBe('planRevision.notProposed');
    expect((await rejection(repo.remove(id, evaluator))).code).toBe('planRevision.notProposed');
    expect((await repo.get(id))?.suggestedChange).toBe('明确街道接到疏散指令后15分钟内由社区网格员入户通知');
  });

  it('is decided once it is sent: adopted, or rejected with a reason, and shows on the plan', async () => {
    await repo.createMany([draft(), draft({ sourceKey: 'obs:5' })], evaluator);
    const [a, b] = await repo.listByRun('run-1');
    expect((await rejection(repo.decide(a!.id, { status: 'adopted' }, planner))).code).toBe(
      'planRevision.notSent',
    );
    for (const r of [a!, b!]) {
      await repo.update(r.id, { ...r, suggestedChange: '增加入户通知时限' }, evaluator);
      await repo.send(r.id, evaluator);
    }
    expect((await rejection(repo.decide(b!.id, { status: 'rejected', note: ' ' }, planner))).code).toBe(
      'planRevision.noteRequired',
    );
    clock += 60_000;
    await repo.decide(a!.id, { status: 'adopted', note: '第4版采纳' }, planner);
    await repo.decide(b!.id, { status: 'rejected', note: '与 5.3 重复' }, planner);
    expect((await rejection(repo.decide(a!.id, { status: 'rejected', note: '改主意' }, planner))).code).toBe(
      'planRevision.notSent',
    );
    const forPlan = await repo.listByPlan('plan-hazmat');
    expect(forPlan.map((r) => [r.sourceKey, r.status, r.decisionNote, r.decidedBy?.name])).toEqual(
      expect.arrayContaining([
        ['obs:3', 'adopted', '第4版采纳', '王建国'],
        ['obs:5', 'rejected', '与 5.3 重复', '王建国'],
      ]),
    );
    const actions = (await db.audit.where('entity').equals('planRevision').toArray()).map((x) => x.action);
    expect(actions.filter((x) => x === 'adopt' || x === 'reject').toSorted()).toEqual(['adopt', 'reject']);
  });

  it('withdraws a proposed suggestion, leaving the audit', async () => {
    await repo.createMany([draft()], evaluator);
    const [made] = await repo.listByRun('run-1');
    clock += 60_000;
    await repo.remove(made!.id, evaluator);
    expect(await repo.listByRun('run-1')).toEqual([]);
    expect((await db.audit.orderBy('at').toArray()).map((a) => a.action)).toEqual(['create', 'delete']);
    // Withdrawn, the finding may be made into a suggestion again.
    expect(await repo.createMany([draft()], evaluator)).toBe(1);
  });
});
