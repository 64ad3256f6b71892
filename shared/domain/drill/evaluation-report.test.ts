import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import { advanceRun, initialRun, statusOf } from './drill-machine';
import { AQT9009_CAPABILITIES } from './evaluation';
import {
  evaluationReport,
  gradeOf,
  latencyHistogram,
  REPORT_SECTIONS,
  summaryView,
  type EvaluationReportInput,
} from './evaluation-report';
import type { RunEvent, RunEventDraft } from './run-events';
import { scenarioInputSchema } from './scenario';

const MIN = 60_000;
const T = Date.parse('2026-06-10T09:30:00+08:00');
const person = (personId: string, name: string): Actor => ({
  personId,
  name,
  positionId: 'x',
  positionName: '演练',
});
const controller = person('c', '李雨平');
const director = person('d', '李伟涛');
const evalA = person('ea', '胡雪军');
const evalB = person('eb', '江天成');

const scenario = scenarioInputSchema.parse({
  title: '化工园区液氯泄漏桌面推演',
  form: 'tabletop',
  scope: 'combined',
  purpose: 'inspection',
  hazard: '危险化学品泄漏',
  plans: [{ id: 'plan-hazmat', version: 3 }],
  objectives: ['检验信息报告时效'],
  units: ['区应急管理局', '安澜街道'],
  evaluators: ['胡雪军', '江天成', '王评估'],
  criticalTasks: { 预警与信息报告: ['30分钟内电话初报', '1小时内书面报告'] },
  injects: [
    {
      id: 'i1',
      no: '1',
      offsetMs: 0,
      synopsis: '液氯储罐泄漏',
      text: '企业报告泄漏。',
      to: '区应急指挥中心',
      planClause: '4.1 信息报告',
      expectedActions: [{ id: 'a1', text: '按时限报告', windowMinutes: 5 }],
    },
    {
      id: 'i2',
      no: '2',
      offsetMs: 2 * MIN,
      synopsis: '居民闻到气味',
      text: '居民报告刺激性气味。',
      to: '区防指值班室',
      planClause: '5.3 人员疏散',
      expectedActions: [
        { id: 'b1', text: '组织疏散', windowMinutes: 10 },
        { id: 'b2', text: '设置警戒', windowMinutes: 10 },
      ],
    },
    {
      id: 'i3',
      no: '3',
      offsetMs: 5 * MIN,
      synopsis: '媒体询问',
      text: '记者来电。',
      expectedActions: [{ id: 'c1', text: '发布首条信息', windowMinutes: 60 }],
    },
    { id: 'i4', no: '4', offsetMs: 50 * MIN, synopsis: '次日复盘', text: '未下发的情景。' },
  ],
});

function run(events: [number, Actor, RunEventDraft][]) {
  const stamped = events.map(([at, by, draft]) => ({ ...draft, at, by }) as RunEvent);
  const { snapshot, accepted } = advanceRun(
    initialRun({ injects: scenario.injects, directorId: director.personId }),
    stamped,
  );
  expect(accepted).toBe(true);
  return snapshot;
}

const deliver = (injectId: string, scenarioMs: number): RunEventDraft => ({
  type: 'inject.deliver',
  injectId,
  plannedAt: null,
  scenarioMs,
  isAuto: true,
});

const snapshot = run([
  [T - MIN, controller, { type: 'comms.checked' }],
  [T, controller, { type: 'clock.start' }],
  [T, controller, deliver('i1', 0)],
  [T + 2 * MIN, controller, deliver('i2', 2 * MIN)],
  [T + 3 * MIN, controller, { type: 'response', text: '已电话报告', author: '值班员', injectId: 'i1' }],
  [
    T + 4 * MIN,
    evalA,
    {
      type: 'eval.observe',
      text: '值班员3分钟内电话报告带班领导',
      capability: '预警与信息报告',
      injectId: 'i1',
      finding: 'strength',
      actionId: 'a1',
      planClause: '4.1 信息报告',
    },
  ],
  [
    T + 4 * MIN,
    controller,
    { type: 'action.mark', injectId: 'i2', actionId: 'b1', mark: 'notObserved', observedAt: T + 4 * MIN },
  ],
  [T + 5 * MIN, controller, deliver('i3', 5 * MIN)],
  [
    T + 6 * MIN,
    controller,
    { type: 'action.mark', injectId: 'i1', actionId: 'a1', mark: 'late', observedAt: T + 6 * MIN },
  ],
  [T + 7 * MIN, controller, { type: 'response', text: '起草通报', author: '宣传部', injectId: 'i3' }],
  [T + 8 * MIN, director, { type: 'run.endex' }],
  [
    T + 9 * MIN,
    evalB,
    {
      type: 'eval.observe',
      text: '疏散指令经街道转达用时过长',
      capability: '紧急动员',
      injectId: 'i2',
      finding: 'problem',
      actionId: 'b1',
      planClause: '5.3 人员疏散',
    },
  ],
  [
    T + 9 * MIN,
    evalB,
    {
      type: 'eval.observe',
      text: '社区网格员未及时到位',
      capability: '紧急动员',
      injectId: null,
      finding: 'problem',
      planClause: '',
    },
  ],
  // A row written before findings existed: it reads as 记录.
  [T + 10 * MIN, evalA, { type: 'eval.observe', text: '现场记录', capability: '指挥与协调', injectId: null }],
  [T + 11 * MIN, evalA, { type: 'eval.rate', capability: '预警与信息报告', rating: 'P', note: '' }],
  [T + 12 * MIN, evalB, { type: 'eval.rate', capability: '预警与信息报告', rating: 'M', note: '报告偏慢' }],
  [T + 12 * MIN, evalB, { type: 'eval.rate', capability: '紧急动员', rating: 'S', note: '' }],
]);

const input: EvaluationReportInput = {
  run: { id: 'run-1', title: scenario.title, directorName: director.name, createdAt: T - 2 * MIN },
  scenario,
  state: snapshot.context,
  status: statusOf(snapshot),
  planTitles: { 'plan-hazmat@3': '区危险化学品事故应急预案' },
  at: T + 20 * MIN,
};
const report = evaluationReport(input);

describe('evaluation report', () => {
  it('names the drill: form, plans tested with their titles, people, start, end and durations', () => {
    expect(report.overview).toMatchObject({
      title: '化工园区液氯泄漏桌面推演',
      form: 'tabletop',
      scope: 'combined',
      purpose: 'inspection',
      startedAt: T,
      endedAt: T + 8 * MIN,
      realDurationMs: 8 * MIN,
      scenarioDurationMs: 8 * MIN,
      outcome: 'ended',
      numberedAt: T,
      director: '李伟涛',
      plans: [{ id: 'plan-hazmat', version: 3, title: '区危险化学品事故应急预案' }],
    });
    // The scenario's three evaluators (one who did nothing included), no one twice.
    expect(report.overview.evaluators).toEqual(['胡雪军', '江天成', '王评估']);
  });

  it('lays out the timeline: planned, delivered, first answer and its latency, and what never went out', () => {
    expect(
      report.timeline.map((r) => [
        r.no,
        r.outcome,
        r.plannedMs,
        r.deliveredMs,
        r.firstResponseMs,
        r.latencyMs,
      ]),
    ).toEqual([
      ['1', 'delivered', 0, 0, 3 * MIN, 3 * MIN],
      ['2', 'delivered', 2 * MIN, 2 * MIN, null, null],
      ['3', 'delivered', 5 * MIN, 5 * MIN, 7 * MIN, 2 * MIN],
      ['4', 'open', 50 * MIN, null, null, null],
    ]);
    expect(report.timeline[0]?.responses).toEqual([
      { author: '值班员', text: '已电话报告', at: T + 3 * MIN, scenarioMs: 3 * MIN },
    ]);
  });

  it('groups findings by capability with each evaluator’s rating, the mean and how many of the evaluators rated', () => {
    const warning = report.findings.find((f) => f.capability === '预警与信息报告')!;
    expect(warning.ratings.map((r) => [r.evaluatorName, r.rating, r.score])).toEqual([
      ['胡雪军', 'P', 100],
      ['江天成', 'M', 60],
    ]);
    expect(warning).toMatchObject({ meanScore: 80, raters: 2, evaluatorsTotal: 3 });
    expect(warning.coverage).toBeCloseTo(2 / 3);
    expect(warning.strengths.map((f) => [f.text, f.injectNo, f.actionText, f.planClause])).toEqual([
      ['值班员3分钟内电话报告带班领导', '1', '按时限报告', '4.1 信息报告'],
    ]);
    const mobilisation = report.findings.find((f) => f.capability === '紧急动员')!;
    expect(mobilisation.problems.map((f) => f.text)).toEqual([
      '疏散指令经街道转达用时过长',
      '社区网格员未及时到位',
    ]);
    expect(report.findings.find((f) => f.capability === '指挥与协调')).toMatchObject({
      meanScore: null,
      raters: 0,
      coverage: 0,
      notes: [expect.objectContaining({ text: '现场记录', kind: 'note' })],
    });
    // Every capability of the list is there, rated or not.
    expect(report.findings.map((f) => f.capability)).toEqual([...AQT9009_CAPABILITIES]);
    expect(warning.criticalTasks).toEqual(['30分钟内电话初报', '1小时内书面报告']);
    expect(mobilisation.criticalTasks).toEqual([]);
    expect(report.process).toMatchObject({
      capabilities: 12,
      rated: 2,
      observations: { strength: 1, problem: 2, note: 1 },
    });
  });

  it('carries the run’s figures: action tally with coverage, latency bins and the unanswered injects', () => {
    expect(report.metrics).toMatchObject({ delivered: 3, skipped: 0, open: 1, unanswered: 1 });
    expect(report.metrics.actions).toMatchObject({ total: 4, late: 1, notObserved: 1, unevaluated: 2 });
    expect(report.metrics.actions.coverage).toBe(0.5);
    const counted = report.metrics.latencyHistogram.reduce((n, b) => n + b.count, 0);
    expect(counted + report.metrics.unanswered).toBe(report.metrics.delivered);
    expect(report.metrics.latencyHistogram.find((b) => b.fromMinutes === 1)?.count).toBe(1);
    expect(report.metrics.latencyHistogram.find((b) => b.fromMinutes === 3)?.count).toBe(1);
    expect(report.actionFindings.map((a) => [a.injectNo, a.text, a.mark])).toEqual([
      ['1', '按时限报告', 'late'],
      ['2', '组织疏散', 'notObserved'],
      ['2', '设置警戒', null],
      ['3', '发布首条信息', null],
    ]);
  });

  it('turns every problem into a recommendation, and problems with a plan clause into revision candidates', () => {
    expect(report.recommendations.map((r) => [r.kind, r.text, r.planClause])).toEqual([
      ['revisePlan', '疏散指令经街道转达用时过长', '5.3 人员疏散'],
      ['rectify', '社区网格员未及时到位', ''],
      ['actionLate', '按时限报告', '4.1 信息报告'],
      ['actionMissed', '组织疏散', '5.3 人员疏散'],
    ]);
    expect(report.revisionCandidates).toEqual([
      expect.objectContaining({
        clause: '5.3 人员疏散',
        plan: { id: 'plan-hazmat', version: 3, title: '区危险化学品事故应急预案' },
        finding: expect.objectContaining({ text: '疏散指令经街道转达用时过长', injectNo: '2' }),
      }),
    ]);
    // Source keys are stable: the same journal gives the same keys.
    expect(evaluationReport(input).revisionCandidates.map((c) => c.sourceKey)).toEqual(
      report.revisionCandidates.map((c) => c.sourceKey),
    );
  });

  it('leaves the plan to choose when the drill tested several, and has no candidate without a problem', () => {
    const two = evaluationReport({
      ...input,
      scenario: { ...scenario, plans: [...scenario.plans, { id: 'plan-flood', version: 1 }] },
    });
    expect(two.revisionCandidates.map((c) => c.plan)).toEqual([null]);
    const strengthsOnly = evaluationReport({
      ...input,
      state: {
        ...input.state,
        entries: input.state.entries.filter((e) => e.finding !== 'problem'),
      },
    });
    expect(strengthsOnly.revisionCandidates).toEqual([]);
  });

  it('concludes with the grade nearest the mean, saying it stands for the rated capabilities only', () => {
    expect(report.conclusion).toEqual({
      meanScore: 80,
      grade: '良',
      rated: 2,
      total: 12,
      coverage: 2 / 12,
      isPartial: true,
    });
    expect(gradeOf(null)).toBeNull();
    expect(gradeOf(100)).toBe('优');
    expect(gradeOf(30)).toBe('差');
  });

  it('gives the summary view the strengths, the problems (the controllers’ too) and the next steps', () => {
    const view = summaryView(report);
    expect(view.strengths.map((f) => f.text)).toEqual(['值班员3分钟内电话报告带班领导']);
    expect(view.problems.map((f) => f.text)).toEqual(['疏散指令经街道转达用时过长', '社区网格员未及时到位']);
    expect(view.actionProblems.map((a) => a.text)).toEqual(['按时限报告', '组织疏散']);
    expect(view.nextSteps).toHaveLength(4);
    expect(view.revisionCount).toBe(1);
    expect(REPORT_SECTIONS.summary).toEqual(['overview', 'strengths', 'problems', 'nextSteps']);
  });

  it('reports an aborted run as aborted, with its reason', () => {
    const aborted = run([
      [T - MIN, controller, { type: 'comms.checked' }],
      [T, controller, { type: 'clock.start' }],
      [T + MIN, controller, { type: 'run.abort', reason: '发生真实险情' }],
    ]);
    const r = evaluationReport({ ...input, state: aborted.context, status: statusOf(aborted) });
    expect(r.overview).toMatchObject({ outcome: 'aborted', abortReason: '发生真实险情', endedAt: T + MIN });
    expect(r.conclusion).toMatchObject({ meanScore: null, grade: null, rated: 0, coverage: 0 });
  });

  it('lists no 关键任务 for a run frozen before they existed, nor for a capability not on the list', () => {
    const { criticalTasks: _none, ...older } = scenario;
    expect(
      evaluationReport({ ...input, scenario: older }).findings.every((f) => f.criticalTasks.length === 0),
    ).toBe(true);
    const unlisted = evaluationReport({
      ...input,
      scenario: { ...scenario, capabilities: ['紧急动员'] },
    }).findings.find((f) => f.capability === '预警与信息报告');
    expect(unlisted).toMatchObject({ isListed: false, criticalTasks: [] });
  });
});

describe('latency histogram', () => {
  it('puts each latency in exactly one bin, the last one open', () => {
    const bins = latencyHistogram([0, 59_999, MIN, 4 * MIN, 90 * MIN]);
    expect(bins.map((b) => [b.fromMinutes, b.toMinutes, b.count])).toEqual([
      [0, 1, 2],
      [1, 3, 1],
      [3, 5, 1],
      [5, 10, 0],
      [10, 15, 0],
      [15, 30, 0],
      [30, 60, 0],
      [60, null, 1],
    ]);
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 5 * 3_600_000 }), { maxLength: 50 })])(
    'loses no latency',
    (latencies) => {
      expect(latencyHistogram(latencies).reduce((n, b) => n + b.count, 0)).toBe(latencies.length);
    },
  );
});

describe('coverage', () => {
  const capabilities = ['甲', '乙', '丙', '丁'];
  const evaluators = [evalA, evalB];
  test.prop([
    fc.array(
      fc.record({
        capability: fc.constantFrom(...capabilities),
        evaluator: fc.constantFrom(...evaluators),
        rating: fc.constantFrom('P', 'S', 'M', 'U'),
      }),
      { maxLength: 12 },
    ),
  ])('is never above the share evaluated, overall or per capability', (ratings) => {
    const ended = run([
      [T - MIN, controller, { type: 'comms.checked' }],
      [T, controller, { type: 'clock.start' }],
      [T + MIN, director, { type: 'run.endex' }],
      ...ratings.map((r, i): [number, Actor, RunEventDraft] => [
        T + (2 + i) * MIN,
        r.evaluator,
        { type: 'eval.rate', capability: r.capability, rating: r.rating, note: '' },
      ]),
    ]);
    const r = evaluationReport({
      ...input,
      scenario: { ...scenario, capabilities, evaluators: ['胡雪军', '江天成'] },
      state: ended.context,
      status: statusOf(ended),
    });
    const rated = new Set(ratings.map((x) => x.capability)).size;
    expect(r.conclusion.coverage).toBeLessThanOrEqual(rated / capabilities.length);
    expect(r.conclusion.isPartial).toBe(rated < capabilities.length);
    for (const c of r.findings) {
      const raters = new Set(
        ratings.filter((x) => x.capability === c.capability).map((x) => x.evaluator.name),
      );
      expect(c.coverage).toBeLessThanOrEqual(raters.size / 2);
      expect(c.meanScore === null).toBe(raters.size === 0);
    }
  });
});
