import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import { advanceRun, initialRun, statusOf } from './drill-machine';
import type { RunEvent, RunEventDraft } from './run-events';
import { comparisonRows, comparisonTrend, type ComparedRun } from './run-comparison';
import { injectSchema } from './scenario';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const T = Date.parse('2026-06-10T09:30:00+08:00');
const director: Actor = { personId: 'd', name: '李伟涛', positionId: 'x', positionName: '副区长' };
const evaluator: Actor = { personId: 'e', name: '胡雪军', positionId: 'y', positionName: '评估' };

const script = [
  injectSchema.parse({
    id: 'i1',
    no: '1',
    offsetMs: 0,
    synopsis: '泄漏',
    text: '泄漏。',
    expectedActions: [
      { id: 'a1', text: '报告', windowMinutes: 10 },
      { id: 'a2', text: '疏散', windowMinutes: 10 },
    ],
  }),
  injectSchema.parse({ id: 'i2', no: '2', offsetMs: 10 * MIN, synopsis: '媒体', text: '媒体。' }),
];
const scenario = {
  units: ['安澜街道', '消防救援站'],
  capabilities: ['预警与信息报告', '紧急动员'],
  ratingScale: 'psmu' as const,
};

function compared(id: string, start: number, rows: [number, RunEventDraft, Actor?][]): ComparedRun {
  const events = rows.map(
    ([at, draft, by]) => ({ ...draft, at: start + at, by: by ?? director }) as RunEvent,
  );
  const { snapshot, accepted } = advanceRun(initialRun({ injects: script, directorId: 'd' }), events);
  expect(accepted).toBe(true);
  return {
    run: { id, directorName: '李伟涛', status: statusOf(snapshot), createdAt: start - MIN },
    scenario,
    state: snapshot.context,
  };
}

const FIRST = compared('r1', T, [
  [0, { type: 'comms.checked' }],
  [0, { type: 'clock.start' }],
  [0, { type: 'inject.deliver', injectId: 'i1', plannedAt: 0, scenarioMs: 0, isAuto: true }],
  [4 * MIN, { type: 'response', text: '已报告', author: '值班员', injectId: 'i1' }],
  [
    5 * MIN,
    { type: 'action.mark', injectId: 'i1', actionId: 'a2', mark: 'notObserved', observedAt: T + 5 * MIN },
  ],
  [5 * MIN, { type: 'callout.record', unit: '安澜街道', stage: 'notified', observedAt: T + 5 * MIN }],
  [6 * MIN, { type: 'callout.record', unit: '消防救援站', stage: 'notified', observedAt: T + 6 * MIN }],
  [17 * MIN, { type: 'callout.record', unit: '消防救援站', stage: 'arrived', observedAt: T + 17 * MIN }],
  [20 * MIN, { type: 'inject.skip', injectId: 'i2', reason: 'controller', note: '' }],
  [30 * MIN, { type: 'run.endex' }],
  [40 * MIN, { type: 'eval.rate', capability: '预警与信息报告', rating: 'M', note: '' }, evaluator],
]);

const SECOND = compared('r2', T + 7 * DAY, [
  [0, { type: 'comms.checked' }],
  [0, { type: 'clock.start' }],
  [0, { type: 'inject.deliver', injectId: 'i1', plannedAt: 0, scenarioMs: 0, isAuto: true }],
  [
    MIN,
    { type: 'action.mark', injectId: 'i1', actionId: 'a1', mark: 'observed', observedAt: T + 7 * DAY + MIN },
  ],
  [
    2 * MIN,
    { type: 'action.mark', injectId: 'i1', actionId: 'a2', mark: 'late', observedAt: T + 7 * DAY + 2 * MIN },
  ],
  [10 * MIN, { type: 'inject.deliver', injectId: 'i2', plannedAt: 0, scenarioMs: 10 * MIN, isAuto: true }],
  [13 * MIN, { type: 'response', text: '发布通报', author: '宣传部', injectId: 'i2' }],
  [15 * MIN, { type: 'run.endex' }],
  [16 * MIN, { type: 'eval.rate', capability: '预警与信息报告', rating: 'P', note: '' }, evaluator],
  [16 * MIN, { type: 'eval.rate', capability: '紧急动员', rating: 'S', note: '' }, evaluator],
]);

const RUNNING = compared('r3', T + 14 * DAY, [
  [0, { type: 'comms.checked' }],
  [0, { type: 'clock.start' }],
]);

describe('runs compared', () => {
  it('sets the finished runs side by side, oldest first, each with its coverage', () => {
    const rows = comparisonRows([SECOND, RUNNING, FIRST]);
    expect(rows.map((r) => r.runId)).toEqual(['r1', 'r2']);
    const [first, second] = rows;
    expect(first).toMatchObject({
      startedAt: T,
      endedAt: T + 30 * MIN,
      isAborted: false,
      delivered: 1,
      skipped: 1,
      open: 0,
      answered: 1,
      medianResponseMs: 4 * MIN,
      longestResponseMs: 4 * MIN,
      actionsMetShare: 0,
      meanScore: 60,
      rated: 1,
      capabilities: 2,
      scoreCoverage: 0.5,
      // 安澜街道 never came: at ENDEX it had waited 25 minutes, longer than the 11 the fire station took.
      slowestUnit: { unit: '安澜街道', minutes: 25, hasArrived: false },
    });
    expect(first!.actions).toMatchObject({
      total: 2,
      observed: 0,
      late: 0,
      notObserved: 1,
      unevaluated: 1,
      coverage: 0.5,
    });
    expect(second).toMatchObject({
      delivered: 2,
      skipped: 0,
      answered: 2,
      medianResponseMs: MIN,
      longestResponseMs: 3 * MIN,
      actionsMetShare: 0.5,
      meanScore: 90,
      scoreCoverage: 1,
      slowestUnit: null,
    });
    expect(second!.actions.coverage).toBe(1);
  });

  it('draws the trend in minutes and percent, with gaps where a run has nothing to show', () => {
    const rows = comparisonRows([FIRST, SECOND]);
    expect(comparisonTrend(rows)).toEqual({
      medianResponseMinutes: [4, 1],
      actionsMetPercent: [0, 50],
      meanScore: [60, 90],
    });
    const bare = compared('r4', T + 21 * DAY, [
      [0, { type: 'comms.checked' }],
      [0, { type: 'clock.start' }],
      [MIN, { type: 'run.abort', reason: '真实警情' }],
    ]);
    const [row] = comparisonRows([bare]);
    expect(row).toMatchObject({
      isAborted: true,
      medianResponseMs: null,
      actionsMetShare: null,
      meanScore: null,
    });
    expect(comparisonTrend([row!])).toEqual({
      medianResponseMinutes: [null],
      actionsMetPercent: [null],
      meanScore: [null],
    });
  });
});
