import { describe, expect, it } from 'vitest';
import { as, samplePlan, T0 } from '../../../test/support/plan-driver';
import { compilePlan } from '../plan/compile-plan';
import type { PlanEvent } from '../plan/plan-events';
import { incidentMoments, type DrillIncidentRecord } from './replay-incident';

const MIN = 60_000;
const machine = compilePlan(samplePlan('sample-typhoon'));

/** The typhoon plan worked as a tabletop: orange warning, wind 9 (Ⅳ proposed), Ⅳ signed, the 四个一. */
const EVENTS: PlanEvent[] = [
  { type: 'warning.issue', warningType: '台风', level: 'orange', at: T0 + MIN, by: as.dutyOfficer },
  { type: 'observation.record', key: 'windScale', value: 9, at: T0 + 2 * MIN, by: as.dutyOfficer },
  // The duty officer may not sign: the chart refuses it and nothing shows.
  { type: 'level.approve', level: 'IV', at: T0 + 3 * MIN, by: as.dutyOfficer },
  { type: 'level.approve', level: 'IV', at: T0 + 4 * MIN, by: as.secretary },
  {
    type: 'fourOnes.leader',
    personId: as.secretary.personId,
    name: '邵嘉蓉',
    unitId: 'u1',
    unitName: '示范区应急管理局',
    at: T0 + 5 * MIN,
    by: as.secretary,
  },
  {
    type: 'fourOnes.taskForce',
    members: [{ personId: 'p1', name: '黄欣刚' }],
    at: T0 + 6 * MIN,
    by: as.secretary,
  },
  { type: 'fourOnes.specialPlan', title: '“海燕”防御工作方案', at: T0 + 7 * MIN, by: as.secretary },
  { type: 'fourOnes.channel', personId: 'p2', name: '刘志蓉', at: T0 + 8 * MIN, by: as.secretary },
];

function record(overrides: Partial<DrillIncidentRecord> = {}): DrillIncidentRecord {
  return {
    incident: { serial: '演练-2026-0001', title: '“海燕”台风', createdAt: T0, createdBy: as.dutyOfficer },
    chart: { machine, startedAt: T0 },
    events: EVENTS,
    tasks: [],
    log: [],
    reports: [],
    ...overrides,
  };
}

describe('the 演练事件 in the replay', () => {
  it('reads levels, the 四个一 and the plan’s tasks off the chart, each at its moment and by whom', () => {
    const moments = incidentMoments(record());
    const summary = moments.map((m) => [m.kind, (m.at - T0) / MIN, m.by]);
    expect(summary).toEqual([
      ['incident.open', 0, '崔伟'],
      ['warning.issue', 1, '崔伟'],
      // The warning's preparations (预警 actions) go out with it.
      ['tasks.issue', 1, '崔伟'],
      // The plan proposes, not the officer who typed the wind.
      ['level.propose', 2, null],
      ['level.approve', 4, '邵嘉蓉'],
      ['tasks.issue', 4, '邵嘉蓉'],
      ['fourOnes', 5, '邵嘉蓉'],
      ['fourOnes', 6, '邵嘉蓉'],
      ['fourOnes', 7, '邵嘉蓉'],
      ['fourOnes', 8, '邵嘉蓉'],
      ['fourOnes.complete', 8, '邵嘉蓉'],
    ]);
    expect(moments[1]).toMatchObject({ warningType: '台风', level: 'orange' });
    expect(moments[3]).toMatchObject({ level: 'IV' });
    expect(moments[4]).toMatchObject({ level: 'IV' });
    for (const index of [2, 5]) {
      const tasks = moments[index]!;
      expect(tasks.kind === 'tasks.issue' && tasks.texts.length).toBeGreaterThan(0);
    }
    expect(moments.filter((m) => m.kind === 'fourOnes').map((m) => m.kind === 'fourOnes' && m.text)).toEqual([
      '邵嘉蓉（示范区应急管理局）',
      '黄欣刚',
      '“海燕”防御工作方案',
      '刘志蓉',
    ]);
  });

  it('shows a raise asked for by a person, a step down as an adjusted level, and the end of the response', () => {
    const hazmat = compilePlan(samplePlan('sample-hazmat'));
    const at = (minutes: number) => T0 + minutes * MIN;
    const events: PlanEvent[] = [
      { type: 'observation.record', key: 'deaths', value: 1, at: at(1), by: as.dutyOfficer },
      { type: 'level.approve', level: 'IV', at: at(2), by: as.secretary },
      {
        type: 'level.raise',
        level: 'III',
        basis: 'majorEvent',
        reason: '全国重要会议期间',
        at: at(3),
        by: as.office,
      },
      { type: 'level.approve', level: 'III', at: at(4), by: as.secretary },
      { type: 'observation.record', key: 'controlled', value: true, at: at(5), by: as.dutyOfficer },
      { type: 'level.stepDown', level: 'IV', reason: '险情得到控制', at: at(6), by: as.secretary },
    ];
    const moments = incidentMoments(record({ chart: { machine: hazmat, startedAt: T0 }, events }));
    const levels = moments.flatMap((m) =>
      m.kind === 'level.propose' || m.kind === 'level.approve' || m.kind === 'level.adjust'
        ? [[m.kind, m.level, (m.at - T0) / MIN, m.by]]
        : [],
    );
    expect(levels).toEqual([
      ['level.propose', 'IV', 1, null],
      ['level.approve', 'IV', 2, '邵嘉蓉'],
      ['level.propose', 'III', 3, '黄欣刚'],
      ['level.approve', 'III', 4, '邵嘉蓉'],
      ['level.adjust', 'IV', 6, '邵嘉蓉'],
    ]);

    const flood = compilePlan(samplePlan('sample-flood'));
    const ended = incidentMoments(
      record({
        chart: { machine: flood, startedAt: T0 },
        events: [
          { type: 'observation.record', key: 'rainfall24h', value: 160, at: at(1), by: as.dutyOfficer },
          { type: 'level.recommend', level: 'III', note: '经研判', at: at(2), by: as.office },
          { type: 'level.approve', level: 'III', at: at(3), by: as.deputy },
          { type: 'observation.record', key: 'situationControlled', value: true, at: at(4), by: as.office },
          { type: 'response.terminate', reason: '汛情解除', at: at(5), by: as.deputy },
        ],
      }),
    );
    expect(ended.at(-1)).toEqual({ kind: 'response.end', at: at(5), by: '彭新浩' });
  });

  it('adds ad-hoc tasks, tasks done (from the log’s task lines) and reports sent; drafts are not news', () => {
    const moments = incidentMoments(
      record({
        events: EVENTS.slice(0, 4),
        tasks: [
          { taskKey: 'adhoc-1', adHoc: { text: '转移海边群众', dueAt: T0 + HOUR, issuedAt: T0 + 9 * MIN } },
        ],
        log: [
          {
            at: T0 + 9 * MIN,
            author: as.secretary,
            category: 'task',
            text: '新增任务「转移海边群众」，时限2026-07-01 09:00',
            links: [{ kind: 'task', id: 'adhoc-1' }],
          },
          {
            at: T0 + 12 * MIN,
            author: as.office,
            category: 'task',
            text: '任务「转移海边群众」进行中→已完成',
            links: [{ kind: 'task', id: 'adhoc-1' }],
          },
          {
            at: T0 + 13 * MIN,
            author: as.office,
            category: 'task',
            text: '任务「转移海边群众」备注：已完成清点',
            links: [{ kind: 'task', id: 'adhoc-1' }],
          },
        ],
        reports: [
          {
            kind: 'initial',
            number: 0,
            recipient: '区委区政府总值班室',
            sentAt: T0 + 15 * MIN,
            sentBy: as.office,
          },
          { kind: 'followUp', number: 1, recipient: '区委区政府总值班室', sentAt: null, sentBy: null },
        ],
      }),
    );
    const tail = moments.filter((m) => (m.at - T0) / MIN >= 9);
    expect(tail).toEqual([
      { kind: 'tasks.issue', texts: ['转移海边群众'], at: T0 + 9 * MIN, by: '邵嘉蓉' },
      { kind: 'task.done', text: '转移海边群众', at: T0 + 12 * MIN, by: '黄欣刚' },
      {
        kind: 'report.send',
        title: '初报',
        recipient: '区委区政府总值班室',
        at: T0 + 15 * MIN,
        by: '黄欣刚',
      },
    ]);
  });

  it('has only its opening without a plan', () => {
    expect(incidentMoments(record({ chart: null })).map((m) => m.kind)).toEqual(['incident.open']);
  });
});

const HOUR = 60 * MIN;
