import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import { advanceRun, initialRun } from './drill-machine';
import type { RunEvent, RunEventDraft } from './run-events';
import { runMetrics } from './run-metrics';
import { injectSchema } from './scenario';

const MIN = 60_000;
const T = Date.parse('2026-12-06T09:00:00+08:00');
const by: Actor = { personId: 'p1', name: '崔亚波', positionId: 'x', positionName: '导调' };
const script = [
  injectSchema.parse({
    id: 'i1',
    no: '1',
    offsetMs: 0,
    synopsis: '台风蓝色预警',
    text: '气象台发布台风蓝色预警。',
    expectedActions: [
      { id: 'a1', text: '转发预警', windowMinutes: 10 },
      { id: 'a2', text: '加强值班', windowMinutes: 15 },
      { id: 'a3', text: '通知街道', windowMinutes: 20 },
    ],
  }),
  injectSchema.parse({
    id: 'i2',
    no: '2',
    offsetMs: 30 * MIN,
    synopsis: '低洼积水',
    text: '新港街道积水。',
    expectedActions: [{ id: 'b1', text: '派出排涝队', windowMinutes: 30 }],
  }),
  injectSchema.parse({
    id: 'i3',
    no: '3',
    offsetMs: 60 * MIN,
    synopsis: '催办',
    text: '区防指催办。',
    expectedActions: [{ id: 'c1', text: '报告进展', windowMinutes: 10 }],
  }),
];

function run(events: [number, RunEventDraft][]) {
  const stamped = events.map(([at, draft]) => ({ ...draft, at, by }) as RunEvent);
  const { snapshot, accepted } = advanceRun(initialRun({ injects: script, directorId: 'p1' }), stamped);
  expect(accepted).toBe(true);
  return snapshot.context;
}

describe('run metrics', () => {
  const state = run([
    [T, { type: 'comms.checked' }],
    [T, { type: 'clock.start' }],
    [T + 2_000, { type: 'inject.deliver', injectId: 'i1', plannedAt: T, scenarioMs: 2_000, isAuto: true }],
    [T + 4 * MIN, { type: 'response', text: '已转发预警', author: '值班员', injectId: 'i1' }],
    [
      T + 5 * MIN,
      { type: 'action.mark', injectId: 'i1', actionId: 'a1', mark: 'observed', observedAt: T + 3 * MIN },
    ],
    [
      T + 20 * MIN,
      { type: 'action.mark', injectId: 'i1', actionId: 'a2', mark: 'late', observedAt: T + 19 * MIN },
    ],
    [
      T + 30 * MIN,
      { type: 'inject.deliver', injectId: 'i2', plannedAt: T + 30 * MIN, scenarioMs: 30 * MIN, isAuto: true },
    ],
    [
      T + 61 * MIN,
      { type: 'action.mark', injectId: 'i2', actionId: 'b1', mark: 'notObserved', observedAt: T + 61 * MIN },
    ],
    [T + 62 * MIN, { type: 'inject.skip', injectId: 'i3', reason: 'contingency', note: '' }],
    [
      T + 63 * MIN,
      { type: 'callout.record', unit: '区消防救援大队', stage: 'notified', observedAt: T + MIN },
    ],
    [
      T + 63 * MIN,
      { type: 'callout.record', unit: '区消防救援大队', stage: 'arrived', observedAt: T + 26 * MIN },
    ],
    [T + 64 * MIN, { type: 'run.endex' }],
  ]);
  const metrics = runMetrics(state, ['区消防救援大队', '滨江街道应急队'], T + 64 * MIN);

  it('measures each inject: delivery, lateness, first answer and its latency', () => {
    const [first, second, third] = metrics.injects;
    expect(first).toMatchObject({ outcome: 'delivered', latenessMs: 2_000, firstResponseAt: T + 3 * MIN });
    expect(first?.responseLatencyMs).toBe(3 * MIN - 2_000);
    expect(second).toMatchObject({ outcome: 'delivered', firstResponseAt: null, responseLatencyMs: null });
    expect(third).toMatchObject({ outcome: 'skipped', deliveredAt: null });
    expect(first?.actions.map((a) => [a.actionId, a.mark, a.isWithinWindow])).toEqual([
      ['a1', 'observed', true],
      ['a2', 'late', false],
      ['a3', null, null],
    ]);
  });

  it('tallies the expected actions of delivered injects only, with the share evaluated beside them', () => {
    expect(metrics.actions).toEqual({
      total: 4,
      observed: 1,
      late: 1,
      notObserved: 1,
      unevaluated: 1,
      coverage: 0.75,
    });
    expect(metrics).toMatchObject({ delivered: 2, skipped: 1, open: 0 });
    expect(metrics.responseLatency).toEqual({ count: 1, medianMs: 3 * MIN - 2_000, maxMs: 3 * MIN - 2_000 });
  });

  it('carries the 拉动 muster times, units never called included', () => {
    expect(metrics.callout.map((r) => [r.unit, r.status, r.arrivedMinutes])).toEqual([
      ['区消防救援大队', 'arrived', 25],
      ['滨江街道应急队', 'toNotify', null],
    ]);
  });
});

describe('run metrics at ×60', () => {
  it('reads response times and windows in scenario time, delivery lateness in real time', () => {
    const state = run([
      [T, { type: 'comms.checked' }],
      [T, { type: 'clock.speed', speed: 60 }],
      [T, { type: 'clock.start' }],
      [T + 500, { type: 'inject.deliver', injectId: 'i1', plannedAt: T, scenarioMs: 30_000, isAuto: true }],
      // 12 real seconds later: 12 scenario minutes, past a1's 10-minute window.
      [
        T + 13_000,
        { type: 'action.mark', injectId: 'i1', actionId: 'a1', mark: 'observed', observedAt: T + 12_500 },
      ],
    ]);
    const [first] = runMetrics(state, [], T + 20_000).injects;
    expect(first?.latenessMs).toBe(500);
    expect(first?.responseLatencyMs).toBe(12 * MIN);
    expect(first?.actions[0]?.isWithinWindow).toBe(false);
  });
});
