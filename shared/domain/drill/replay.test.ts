import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import { advanceRun, initialRun } from './drill-machine';
import { replayItems, replaySpan, type IncidentMoment } from './replay';
import { nextMoment, previousMoment, replayTally, visibleCount, visibleItems } from './replay-clock';
import type { RunEvent, RunEventDraft } from './run-events';
import { injectSchema } from './scenario';

const SECOND = 1000;
const MIN = 60 * SECOND;
const T = Date.parse('2026-06-10T09:30:00+08:00');
const director: Actor = { personId: 'd', name: '李伟涛', positionId: 'x', positionName: '副区长' };
const controller: Actor = { personId: 'c', name: '李雨平', positionId: 'y', positionName: '导调组组长' };

const script = [
  injectSchema.parse({
    id: 'leak',
    no: '1',
    offsetMs: 0,
    synopsis: '液氯储罐泄漏',
    text: '企业报告液氯储罐泄漏。',
    to: '区应急指挥中心',
    expectedActions: [{ id: 'report', text: '按时限报告', windowMinutes: 10 }],
  }),
  injectSchema.parse({
    id: 'smell',
    no: '2',
    offsetMs: 2 * MIN,
    synopsis: '居民闻到气味',
    text: '下风向居民闻到刺激性气味。',
    to: '区防指值班室',
  }),
  injectSchema.parse({
    id: 'press',
    no: '3',
    offsetMs: 5 * MIN,
    synopsis: '媒体询问',
    text: '记者来电询问。',
    to: '区委宣传部',
  }),
];

/** Stamps drafts as the repository would and checks the run takes every one (as the journal's rows were). */
function journal(rows: [number, RunEventDraft, Actor?][]): RunEvent[] {
  const events = rows.map(([at, draft, by]) => ({ ...draft, at, by: by ?? controller }) as RunEvent);
  const { accepted } = advanceRun(initialRun({ injects: script, directorId: 'd' }), events);
  expect(accepted).toBe(true);
  return events;
}

/** A ×60 tabletop: started 09:30:00, three injects, a response, a note, a pause, ENDEX at 09:30:08. */
const EVENTS = journal([
  [T - 2 * MIN, { type: 'comms.checked' }],
  [T - MIN, { type: 'clock.speed', speed: 60 }],
  [T, { type: 'clock.start' }],
  [T, { type: 'inject.deliver', injectId: 'leak', plannedAt: T, scenarioMs: 0, isAuto: true }],
  [
    T + 2 * SECOND,
    { type: 'inject.deliver', injectId: 'smell', plannedAt: T + 2000, scenarioMs: 2 * MIN, isAuto: true },
  ],
  [
    T + 3 * SECOND,
    { type: 'action.mark', injectId: 'leak', actionId: 'report', mark: 'observed', observedAt: T + 2500 },
  ],
  [T + 3 * SECOND, { type: 'note', text: '值班员已电话报告带班领导', injectId: null }],
  [T + 4 * SECOND, { type: 'clock.pause' }],
  [T + 6 * SECOND, { type: 'clock.resume' }],
  [T + 6 * SECOND, { type: 'response', text: '启动信息报告程序', author: '', injectId: 'smell' }],
  [
    T + 7 * SECOND,
    { type: 'inject.deliver', injectId: 'press', plannedAt: T + 7000, scenarioMs: 5 * MIN, isAuto: true },
  ],
  [T + 8 * SECOND, { type: 'run.endex' }, director],
  [
    T + 20 * SECOND,
    { type: 'eval.observe', text: '报告及时', capability: '预警与信息报告', injectId: 'leak' },
  ],
]);
const RUN = { injects: script, events: EVENTS };

describe('replay items', () => {
  it('lists what happened between the start and ENDEX in order, with real, offset and scenario times', () => {
    const items = replayItems(RUN);
    expect(items.map((i) => [i.kind, i.offsetMs, i.scenarioMs, i.by])).toEqual([
      ['clock.start', 0, 0, '李雨平'],
      ['inject.deliver', 0, 0, null],
      ['inject.deliver', 2000, 2 * MIN, null],
      // Marked at 09:30:03, observed at 09:30:02.5: it shows when it was seen.
      ['action.mark', 2500, 150 * SECOND, '李雨平'],
      ['note', 3000, 3 * MIN, '李雨平'],
      ['clock.pause', 4000, 4 * MIN, '李雨平'],
      ['clock.resume', 6000, 4 * MIN, '李雨平'],
      ['response', 6000, 4 * MIN, '李雨平'],
      ['inject.deliver', 7000, 5 * MIN, null],
      ['run.endex', 8000, 6 * MIN, '李伟涛'],
    ]);
    expect(items[0]).toMatchObject({ kind: 'clock.start', speed: 60, plannedAt: null, at: T });
    expect(items[2]).toMatchObject({ no: '2', synopsis: '居民闻到气味', to: '区防指值班室', isAuto: true });
    expect(items[3]).toMatchObject({ injectNo: '1', action: '按时限报告', mark: 'observed' });
    // A response typed with no name is the signed-in person's.
    expect(items[7]).toMatchObject({ author: '李雨平', text: '启动信息报告程序', injectNo: '2' });
    expect(replaySpan(EVENTS)).toEqual({ startAt: T, endAt: T + 8000, durationMs: 8000 });
  });

  it('says whether an observation is a 优点 or a 问题; one written before findings existed is a 记录', () => {
    const events = journal([
      [T, { type: 'comms.checked' }],
      [T, { type: 'clock.speed', speed: 60 }],
      [T, { type: 'clock.start' }],
      [
        T + SECOND,
        {
          type: 'eval.observe',
          text: '疏散指令转达用时过长',
          capability: '人员保护',
          injectId: null,
          finding: 'problem',
        },
      ],
      [
        T + 2 * SECOND,
        { type: 'eval.observe', text: '报告及时', capability: '预警与信息报告', injectId: null },
      ],
    ]);
    const observations = replayItems({ injects: script, events }).filter((i) => i.kind === 'observation');
    expect(observations.map((o) => [o.text, o.finding])).toEqual([
      ['疏散指令转达用时过长', 'problem'],
      ['报告及时', 'note'],
    ]);
  });

  it('places the 演练事件 among the journal: before the start at the start, after ENDEX not at all', () => {
    const incident: IncidentMoment[] = [
      { kind: 'incident.open', serial: '演练-2026-0001', title: '液氯泄漏', at: T - MIN, by: '崔伟' },
      { kind: 'level.propose', level: 'IV', reasons: ['风力9级'], at: T + 2 * SECOND, by: null },
      { kind: 'level.approve', level: 'IV', at: T + 5 * SECOND, by: '邵嘉蓉' },
      { kind: 'report.send', title: '终报', recipient: '区政府', at: T + 30 * SECOND, by: '崔伟' },
    ];
    const items = replayItems(RUN, incident);
    expect(items.map((i) => `${i.offsetMs}:${i.kind}`)).toEqual([
      // Opened while the run was ready: first, and there from the first moment.
      '0:incident.open',
      '0:clock.start',
      '0:inject.deliver',
      '2000:inject.deliver',
      // At the same moment the journal's own row comes first.
      '2000:level.propose',
      '2500:action.mark',
      '3000:note',
      '4000:clock.pause',
      '5000:level.approve',
      '6000:clock.resume',
      '6000:response',
      '7000:inject.deliver',
      '8000:run.endex',
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(replayTally(visibleItems(items, 2000))).toMatchObject({
      level: null,
      proposed: 'IV',
      delivered: 2,
    });
    expect(replayTally(visibleItems(items, 5000))).toMatchObject({ level: 'IV', proposed: null });
  });

  it('shows an ad-hoc inject delivered at once and a skip with its reason, not a clock gap', () => {
    const adHoc = injectSchema.parse({
      id: 'adhoc',
      no: '临4',
      offsetMs: MIN,
      synopsis: '追加：道路封闭',
      text: '交警封闭园区道路。',
      to: '交警大队',
    });
    const events = journal([
      [T, { type: 'comms.checked' }],
      [T, { type: 'clock.start' }],
      [T + MIN, { type: 'inject.add', inject: adHoc, deliverNow: true }],
      // The console slept: its trouble, not the drill's, and not replayed.
      [T + 90 * SECOND, { type: 'clock.gap', from: T + MIN, to: T + 90 * SECOND }],
      [T + 2 * MIN, { type: 'inject.skip', injectId: 'press', reason: 'controller', note: '时间不够' }],
      [T + 3 * MIN, { type: 'run.abort', reason: '真实警情' }],
    ]);
    const items = replayItems({ injects: script, events });
    expect(items.map((i) => i.kind)).toEqual(['clock.start', 'inject.deliver', 'inject.skip', 'run.abort']);
    expect(items[1]).toMatchObject({ no: '临4', synopsis: '追加：道路封闭', to: '交警大队', isAuto: false });
    expect(items[2]).toMatchObject({ no: '3', reason: 'controller', note: '时间不够' });
    expect(items[3]).toMatchObject({ reason: '真实警情', scenarioMs: 3 * MIN });
  });

  it('has nothing to replay before the start, and no span until the run is over', () => {
    const ready = journal([[T, { type: 'comms.checked' }]]);
    expect(replayItems({ injects: script, events: ready })).toEqual([]);
    expect(replaySpan(EVENTS.slice(0, 5))).toBeNull();
  });

  it('steps between moments and counts what is visible', () => {
    const items = replayItems(RUN);
    expect(visibleCount(items, -1)).toBe(0);
    expect(visibleCount(items, 0)).toBe(2);
    expect(visibleCount(items, 2499)).toBe(3);
    expect(visibleCount(items, 8000)).toBe(items.length);
    expect(nextMoment(items, 0)).toBe(2000);
    expect(nextMoment(items, 2000)).toBe(2500);
    expect(nextMoment(items, 8000)).toBeNull();
    expect(previousMoment(items, 6000)).toBe(4000);
    expect(previousMoment(items, 5000)).toBe(4000);
    expect(previousMoment(items, 2000)).toBe(0);
    expect(previousMoment(items, 0)).toBe(0);
  });
});
