import { describe, expect, it } from 'vitest';
import { as, samplePlan, startPlan, T0 } from '../../../test/support/plan-driver';
import type { PlanEvent } from '../plan/plan-events';
import { SAMPLE_REPORT_RULES } from '../incident/report-deadlines';
import { drillIncidentMetrics, type DrillIncidentMaterial } from './drill-incident-metrics';

const MINUTE = 60_000;

/** A 演练事件 on the typhoon plan: the triggers are met at T0+10 min and Ⅳ is signed at T0+25 min. */
function playedIncident() {
  const run = startPlan(samplePlan('sample-typhoon'));
  const events: PlanEvent[] = [];
  const send = (event: PlanEvent) => {
    events.push(event);
    run.send(event);
  };
  run.warn('台风', 'orange');
  run.advance('10m');
  run.observe('windScale', 9);
  run.advance('15m');
  run.approve('IV', as.secretary);
  send({
    type: 'fourOnes.leader',
    personId: 'p1',
    name: '王区长',
    unitId: 'u1',
    unitName: '区政府',
    at: T0 + 30 * MINUTE,
    by: as.commander,
  });
  send({ type: 'fourOnes.channel', personId: 'p2', name: '李主任', at: T0 + 40 * MINUTE, by: as.commander });
  return { run, events };
}

function material(overrides: Partial<DrillIncidentMaterial> = {}): DrillIncidentMaterial {
  const { run, events } = playedIncident();
  return {
    incident: { grade: 'general', occurredAt: T0, receivedAt: T0 },
    rules: SAMPLE_REPORT_RULES,
    reports: [],
    events,
    activations: run.snapshot().context.activations,
    tasks: { issued: 5, done: 2 },
    ...overrides,
  };
}

describe('what a 演练事件 measured', () => {
  it('times each level from its proposal (the triggers met) to its approval', () => {
    const metrics = drillIncidentMetrics(material(), T0 + 60 * MINUTE);
    expect(metrics.activations).toEqual([
      {
        level: 'IV',
        source: 'triggers',
        proposedAt: T0 + 10 * MINUTE,
        approvedAt: T0 + 25 * MINUTE,
        proposalToApprovalMs: 15 * MINUTE,
      },
    ]);
  });

  it('a level ordered from above has no proposal to time', () => {
    const run = startPlan(samplePlan('sample-typhoon'));
    run.order('III');
    const metrics = drillIncidentMetrics(material({ activations: run.snapshot().context.activations }), T0);
    for (const a of metrics.activations) expect(a.proposalToApprovalMs).toBeNull();
  });

  it('the 四个一 are complete only when all four are settled, timed from receipt', () => {
    const half = drillIncidentMetrics(material(), T0 + 60 * MINUTE);
    expect(half.fourOnes.parts).toEqual({
      leader: T0 + 30 * MINUTE,
      taskForce: null,
      specialPlan: null,
      channel: T0 + 40 * MINUTE,
    });
    expect(half.fourOnes.completedAt).toBeNull();
    expect(half.fourOnes.completionMs).toBeNull();

    const { events } = playedIncident();
    const all: PlanEvent[] = [
      ...events,
      {
        type: 'fourOnes.taskForce',
        members: [{ personId: 'p3', name: '张三' }],
        at: T0 + 50 * MINUTE,
        by: as.commander,
      },
      { type: 'fourOnes.specialPlan', title: '专项工作方案', at: T0 + 45 * MINUTE, by: as.commander },
      // A later change of leader does not move the moment the 四个一 were first complete.
      {
        type: 'fourOnes.leader',
        personId: 'p9',
        name: '赵副区长',
        unitId: 'u1',
        unitName: '区政府',
        at: T0 + 70 * MINUTE,
        by: as.commander,
      },
    ];
    const full = drillIncidentMetrics(material({ events: all }), T0 + 90 * MINUTE);
    expect(full.fourOnes.completedAt).toBe(T0 + 50 * MINUTE);
    expect(full.fourOnes.completionMs).toBe(50 * MINUTE);
  });

  it('says whether the 初报 met its limit, and keeps a still-running deadline apart from a met one', () => {
    const sentInTime = { id: 'r1', kind: 'initial', channel: 'written', sentAt: T0 + 50 * MINUTE } as const;
    const onTime = drillIncidentMetrics(material({ reports: [sentInTime] }), T0 + 70 * MINUTE);
    const initial = onTime.reports.find((r) => r.kind === 'initial' && r.channel === 'written')!;
    expect(initial).toMatchObject({ outcome: 'met', sentAt: T0 + 50 * MINUTE, lateByMs: null });
    expect(onTime.reportsMet).toBe(1);

    const late = drillIncidentMetrics(
      material({ reports: [{ ...sentInTime, sentAt: T0 + 75 * MINUTE }] }),
      T0 + 80 * MINUTE,
    ).reports.find((r) => r.kind === 'initial')!;
    expect(late).toMatchObject({ outcome: 'late', lateByMs: 15 * MINUTE });

    const unsent = drillIncidentMetrics(material(), T0 + 30 * MINUTE);
    expect(unsent.reports.find((r) => r.kind === 'initial')!.outcome).toBe('open');
    expect(unsent.reportsMet).toBe(0);
    const missed = drillIncidentMetrics(material(), T0 + 90 * MINUTE);
    expect(missed.reports.find((r) => r.kind === 'initial')).toMatchObject({
      outcome: 'overdue',
      lateByMs: 30 * MINUTE,
    });
  });
});
