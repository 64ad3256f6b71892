/**
 * Model-based walk of the compiled sample plans (xstate/graph): every shortest path to every reachable
 * abstract state is replayed, and the plan's invariants are checked at each step — whoever sends the event.
 */
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { createActor, type SnapshotFrom } from 'xstate';
import { as, samplePlan, T0, type SamplePlanId } from '../support/plan-driver';
import type { Actor } from '../../shared/domain/org/types';
import { compilePlan, type PlanMachine } from '../../shared/domain/plan/compile-plan';
import { FOUR_ONES } from '../../shared/domain/plan/plan-context';
import { isHigher } from '../../shared/domain/plan/levels';
import type { PlanEvent } from '../../shared/domain/plan/plan-events';
import { gateApproval, levelOf, planLevels, signingRoles } from '../../shared/domain/plan/plan-rules';
import type { Plan } from '../../shared/domain/plan/plan-schema';

type Snapshot = SnapshotFrom<PlanMachine>;
const PEOPLE: Actor[] = Object.values(as);
const HOUR = 3_600_000;

/** Facts that move each sample plan through its levels, and the people who might act on them. */
function eventsFor(plan: Plan, region: 'lifecycle' | 'fourOnes') {
  const numbers = plan.observations.filter((o) => o.kind === 'number');
  const flags = plan.observations.filter((o) => o.kind === 'flag');
  const moments = plan.observations.filter((o) => o.kind === 'moment');
  const levels = planLevels(plan);
  return (snapshot: Snapshot): PlanEvent[] => {
    const at = snapshot.context.now + 1;
    if (region === 'fourOnes') return fourOnesEvents(at);
    const events: PlanEvent[] = [{ type: 'time.tick', at: at + 4 * HOUR }];
    for (const o of numbers)
      for (const value of [9, 31])
        events.push({ type: 'observation.record', key: o.key, value, at, by: as.dutyOfficer });
    for (const o of flags)
      events.push({ type: 'observation.record', key: o.key, value: true, at, by: as.dutyOfficer });
    for (const o of moments)
      events.push({ type: 'observation.record', key: o.key, value: at, at, by: as.dutyOfficer });
    for (const w of plan.warningTypes) {
      events.push({ type: 'warning.issue', warningType: w, level: 'red', at, by: as.dutyOfficer });
      events.push({ type: 'warning.lift', warningType: w, at, by: as.dutyOfficer });
    }
    for (const level of levels) {
      for (const by of PEOPLE) {
        events.push({ type: 'level.approve', level, at, by });
        events.push({ type: 'level.stepDown', level, reason: '险情减轻', at, by });
      }
      events.push({ type: 'level.recommend', level, note: '', at, by: as.office });
      events.push({
        type: 'level.raise',
        level,
        basis: 'sensitive',
        reason: '社会关注度高',
        at,
        by: as.office,
      });
      events.push({ type: 'level.decline', level, reason: '暂缓', at, by: as.commander });
    }
    for (const by of PEOPLE) events.push({ type: 'response.terminate', reason: '处置结束', at, by });
    events.push({ type: 'aftermath.begin', at, by: as.office });
    events.push({ type: 'case.close', summary: '评估完成', at, by: as.office });
    return events;
  };
}

function fourOnesEvents(at: number): PlanEvent[] {
  const events: PlanEvent[] = [];
  events.push({
    type: 'fourOnes.leader',
    personId: as.deputy.personId,
    name: as.deputy.name,
    unitId: 'u',
    unitName: '应急管理局',
    at,
    by: as.office,
  });
  events.push({
    type: 'fourOnes.taskForce',
    members: [{ personId: 'p', name: '刘志蓉' }],
    at,
    by: as.office,
  });
  events.push({ type: 'fourOnes.specialPlan', title: '专项方案', at, by: as.office });
  events.push({ type: 'fourOnes.channel', personId: 'x', name: '孔德超', at, by: as.office });
  events.push({ type: 'fourOnes.taskForce', members: [], at, by: as.office });
  return events;
}

/** Flags that open de-escalation and termination gates; other facts count only through the proposal. */
const GATE_FLAGS = ['situationControlled', 'typhoonPassed', 'controlled'];

/** What matters for coverage: where the chart is, the level, what is proposed and how far signed. */
function abstractState(snapshot: Snapshot): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.level,
    c.proposal?.level ?? null,
    c.proposal?.source ?? null,
    Boolean(c.proposal?.recommendation),
    c.proposal?.signatures.length ?? 0,
    Object.keys(c.facts.warnings),
    GATE_FLAGS.filter((k) => c.facts.observations[k]?.value === true),
    FOUR_ONES.filter((k) => c.fourOnes[k] !== null),
  ]);
}

function checkStep(plan: Plan, before: Snapshot, event: PlanEvent, after: Snapshot): void {
  const from = before.context.level;
  const to = after.context.level;
  const valueChanged = JSON.stringify(before.value) !== JSON.stringify(after.value);

  // A level is never entered (or raised) without an approval by a signer of that level.
  if (to !== null && to !== from && isHigher(to, from)) {
    expect(event.type).toBe('level.approve');
    if (event.type !== 'level.approve') return;
    const def = levelOf(plan, to)!;
    expect(signingRoles(plan, def.approval, event.by).length).toBeGreaterThan(0);
    const signed = new Set(after.context.activations.at(-1)!.signatures.map((s) => s.roleId));
    if (def.approval.mode === 'all') for (const r of def.approval.roleIds) expect(signed.has(r)).toBe(true);
  }

  // Termination only by its approver.
  if (!before.matches({ lifecycle: 'terminated' }) && after.matches({ lifecycle: 'terminated' })) {
    expect(event.type).toBe('response.terminate');
    if (event.type !== 'response.terminate' || from === null) throw new Error('terminated without a level');
    expect(
      signingRoles(plan, gateApproval(levelOf(plan, from)!, 'termination'), event.by).length,
    ).toBeGreaterThan(0);
  }

  // 四个一 "mobilised" only with all four.
  if (after.hasTag('mobilised')) {
    const f = after.context.fourOnes;
    expect(f.leader && f.taskForce && f.specialPlan && f.channel).toBeTruthy();
  }

  // The journal grows with every transition, and never loses or rewrites an entry.
  if (valueChanged || to !== from)
    expect(after.context.journal.length).toBeGreaterThan(before.context.journal.length);
  expect(after.context.journal.slice(0, before.context.journal.length)).toEqual(before.context.journal);

  // The chart and the context agree on the level.
  if (after.hasTag('response')) expect(after.hasTag(`level.${to}`)).toBe(true);
}

function walk(id: SamplePlanId, region: 'lifecycle' | 'fourOnes'): Set<string> {
  const plan = samplePlan(id);
  const machine = compilePlan(plan);
  const paths = getShortestPaths(machine, {
    events: eventsFor(plan, region),
    serializeState: (snapshot) => abstractState(snapshot as Snapshot),
    input: { now: T0 },
    limit: 20_000,
  });
  // The traversal merges concrete states that share an abstract key, so each path is replayed on a real
  // actor and the invariants are checked on the snapshots it actually produces.
  const reached = new Set<string>();
  for (const path of paths) {
    const actor = createActor(machine, { input: { now: T0 } }).start();
    let before = actor.getSnapshot();
    for (const step of path.steps.slice(1)) {
      actor.send(step.event);
      const after = actor.getSnapshot();
      checkStep(plan, before, step.event, after);
      reached.add(JSON.stringify(after.value));
      before = after;
    }
    actor.stop();
  }
  return reached;
}

describe.each(['sample-flood', 'sample-typhoon', 'sample-hazmat'] as const)(
  'model-based walk of %s',
  (id) => {
    it('keeps the invariants on every shortest path through the lifecycle, whoever acts', () => {
      const all = [...walk(id, 'lifecycle')].join('\n');
      for (const level of planLevels(samplePlan(id))) expect(all).toContain(`"response":"${level}"`);
      expect(all).toContain('"lifecycle":"terminated"');
      expect(all).toContain('"lifecycle":"closed"');
    });

    it('reaches 四个一 mobilised only through all four items', () => {
      const all = [...walk(id, 'fourOnes')];
      expect(all.some((s) => s.includes('"mobilisation":"mobilised"'))).toBe(true);
      expect(all.some((s) => s.includes('"mobilisation":"incomplete"'))).toBe(true);
    });
  },
);
