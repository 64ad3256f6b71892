/**
 * Model-based tests of the drill lifecycle: a tiny hand model says which status follows each command and whether
 * the machine takes it at all (`snapshot.can`), checked on random command sequences and on every shortest path
 * through the chart (xstate/graph). ENDEX only by the director; nothing about injects or notes outside a drill
 * under way; abort needs a reason; archived is final; a random start is armed only while ready and fired only
 * when armed; the 拉动 list takes a unit's arrival only after its notification.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { Actor } from '../../shared/domain/org/types';
import {
  DRILL_STATUSES,
  drillMachine,
  replayRun,
  statusOf,
  type DrillSnapshot,
  type DrillStatus,
} from '../../shared/domain/drill/drill-machine';
import type { RunEvent, RunEventDraft } from '../../shared/domain/drill/run-events';
import type { RunState } from '../../shared/domain/drill/run-state';
import { injectSchema } from '../../shared/domain/drill/scenario';
import { scenarioTimeAt } from '../../shared/domain/drill/timeline';

const T0 = 1_767_225_600_000;
const director: Actor = { personId: 'p-d', name: '王建国', positionId: 'pos-d', positionName: '演练总指挥' };
const controller: Actor = { personId: 'p-c', name: '李敏', positionId: 'pos-c', positionName: '导调' };
const script = ['i1', 'i2'].map((id, n) =>
  injectSchema.parse({
    ...{ id, no: String(n + 1), offsetMs: n * 600_000, synopsis: '险情', text: '河堤管涌' },
    expectedActions: [{ id: 'a1', text: '派出巡堤队', windowMinutes: 10 }],
  }),
);
const input = { injects: script, directorId: director.personId };

/** Every command the desk can send, as the person who sends it would build it from the run's state. */
const COMMANDS = {
  comms: () => ({ type: 'comms.checked' }),
  start: () => ({ type: 'clock.start' }),
  pause: () => ({ type: 'clock.pause' }),
  resume: () => ({ type: 'clock.resume' }),
  speed: () => ({ type: 'clock.speed', speed: 10 }),
  badSpeed: () => ({ type: 'clock.speed', speed: 61 }),
  jump: (c, at) => ({ type: 'clock.jump', toMs: scenarioTimeAt(c.marks, at) + 3_600_000 }),
  jumpBack: (c, at) => ({ type: 'clock.jump', toMs: scenarioTimeAt(c.marks, at) }),
  abort: () => ({ type: 'run.abort', reason: '发生真实险情' }),
  abortNoReason: () => ({ type: 'run.abort', reason: '  ' }),
  endex: () => ({ type: 'run.endex' }),
  endexByController: () => ({ type: 'run.endex' }),
  evaluate: () => ({ type: 'run.evaluate' }),
  archive: () => ({ type: 'run.archive' }),
  deliver1: (_, at) => ({
    type: 'inject.deliver',
    injectId: 'i1',
    plannedAt: at,
    scenarioMs: 0,
    isAuto: true,
  }),
  skip2: () => ({ type: 'inject.skip', injectId: 'i2', reason: 'controller', note: '' }),
  deliverGhost: () => ({
    type: 'inject.deliver',
    injectId: 'x',
    plannedAt: null,
    scenarioMs: 0,
    isAuto: false,
  }),
  mark1: (_, at) => ({
    type: 'action.mark',
    injectId: 'i1',
    actionId: 'a1',
    mark: 'observed',
    observedAt: at,
  }),
  note: () => ({ type: 'note', text: '指挥部已开设', injectId: null }),
  blankNote: () => ({ type: 'note', text: ' ', injectId: null }),
  gap: (_, at) => ({ type: 'clock.gap', from: at - 60_000, to: at }),
  // 双盲: the drawn moment is the arming's own, so any later start by the ticker is due.
  arm: (_, at) => ({ type: 'start.arm', from: at, to: at + 3_600_000, fireAt: at }),
  armOutside: (_, at) => ({ type: 'start.arm', from: at, to: at + 3_600_000, fireAt: at + 3_600_001 }),
  disarm: () => ({ type: 'start.disarm' }),
  autoStart: (c) => ({ type: 'clock.start', plannedAt: c.startWindow?.fireAt ?? 0 }),
  notifyA: (_, at) => ({ type: 'callout.record', unit: '蓝天救援队', stage: 'notified', observedAt: at }),
  arriveA: (_, at) => ({ type: 'callout.record', unit: '蓝天救援队', stage: 'arrived', observedAt: at }),
} satisfies Record<string, (context: RunState, at: number) => RunEventDraft>;
type Command = keyof typeof COMMANDS;
const NAMES = Object.keys(COMMANDS) as Command[];

const eventOf = (name: Command, snapshot: DrillSnapshot): RunEvent => {
  const at = snapshot.context.lastAt === 0 ? T0 : snapshot.context.lastAt + 1000;
  const by =
    name === 'endexByController' || name.startsWith('deliver') || name === 'skip2' ? controller : director;
  return { ...COMMANDS[name](snapshot.context, at), at, by } as RunEvent;
};

interface Model {
  status: DrillStatus;
  settled: string[];
  armed: boolean;
  /** The call-out of the one unit the commands use. */
  unit: 'none' | 'notified' | 'arrived';
}

/** The status after `name`, or null when the machine must refuse it. */
function predict({ status, settled, armed, unit }: Model, name: Command): DrillStatus | null {
  const isUnderWay = status === 'running' || status === 'paused';
  const open = (id: string) => isUnderWay && !settled.includes(id);
  const table: Record<Command, boolean | DrillStatus> = {
    comms: status === 'draft' && 'ready',
    start: status === 'ready' && 'running',
    pause: status === 'running' && 'paused',
    resume: status === 'paused' && 'running',
    speed: status === 'ready' || isUnderWay,
    jump: isUnderWay,
    abort: isUnderWay && 'aborted',
    endex: isUnderWay && 'ended',
    evaluate: (status === 'ended' || status === 'aborted') && 'evaluating',
    archive: status === 'evaluating' && 'archived',
    deliver1: open('i1'),
    skip2: open('i2'),
    mark1: isUnderWay && settled.includes('i1'),
    note: isUnderWay,
    gap: isUnderWay,
    arm: status === 'ready',
    disarm: status === 'ready' && armed,
    autoStart: status === 'ready' && armed && 'running',
    notifyA: isUnderWay && unit !== 'arrived',
    arriveA: isUnderWay && unit !== 'none',
    ...{
      armOutside: false,
      badSpeed: false,
      jumpBack: false,
      abortNoReason: false,
      endexByController: false,
      deliverGhost: false,
    },
    blankNote: false,
  };
  const next = table[name];
  return next === false ? null : next === true ? status : next;
}

const SETTLES: Partial<Record<Command, string>> = { deliver1: 'i1', skip2: 'i2' };
type DrillActor = ReturnType<typeof createActor<typeof drillMachine>>;

/** Sends `name` if the model allows it, checking the machine agrees; returns the model after it and the event. */
function step(model: Model, actor: DrillActor, name: Command): { model: Model; taken: RunEvent | null } {
  const before = actor.getSnapshot();
  const event = eventOf(name, before);
  const status = predict(model, name);
  expect(before.can(event), `${model.status} ${name}`).toBe(status !== null);
  if (status === null) return { model, taken: null };
  actor.send(event);
  const after = actor.getSnapshot();
  const settled = [...model.settled, ...(SETTLES[name] ? [SETTLES[name]] : [])];
  const armed = name === 'arm' || (model.armed && !['disarm', 'start', 'autoStart'].includes(name));
  const unit = name === 'notifyA' ? 'notified' : name === 'arriveA' ? 'arrived' : model.unit;
  expect(after.context.startWindow !== null).toBe(armed);
  expect(statusOf(after)).toBe(status);
  expect(after.status === 'done').toBe(status === 'archived');
  expect(Object.keys(after.context.outcomes).toSorted()).toEqual(settled.toSorted());
  expect(after.context.endedAt !== null).toBe(
    ['aborted', 'ended', 'evaluating', 'archived'].includes(status),
  );
  if (after.context.abortReason !== null) expect(after.context.abortReason.trim()).not.toBe('');
  if (status === 'ended' && model.status !== 'ended') expect(event.by).toEqual(director);
  return { model: { status, settled, armed, unit }, taken: event };
}

const DRAFT: Model = { status: 'draft', settled: [], armed: false, unit: 'none' };

/** Mostly commands of a drill under way, so random runs spend their time there rather than ending at once. */
const ENDINGS: Command[] = ['abort', 'abortNoReason', 'endex', 'endexByController', 'evaluate', 'archive'];
const commands = fc.oneof(
  { arbitrary: fc.constantFrom<Command>('comms', 'start', 'arm', 'autoStart'), weight: 2 },
  { arbitrary: fc.constantFrom(...NAMES.filter((name) => !ENDINGS.includes(name))), weight: 8 },
  { arbitrary: fc.constantFrom(...ENDINGS), weight: 1 },
);

describe('drill lifecycle, against a hand model', () => {
  test.prop([fc.array(commands, { maxLength: 60 })])(
    'takes exactly the commands the model allows, whoever sends them, and replays to the same run',
    (names) => {
      const actor = createActor(drillMachine, { input }).start();
      const journal: RunEvent[] = [];
      let model = DRAFT;
      for (const name of names) {
        const { model: next, taken } = step(model, actor, name);
        if (taken) journal.push(taken);
        model = next;
      }
      const replayed = replayRun(input, journal).snapshot;
      expect(replayed.value).toEqual(actor.getSnapshot().value);
      expect(replayed.context).toEqual(actor.getSnapshot().context);
    },
  );

  it('reaches every status on the shortest paths, and ENDEX on them is always the director’s', () => {
    const names = new WeakMap<RunEvent, Command>();
    const paths = getShortestPaths(drillMachine, {
      input,
      events: (snapshot) =>
        NAMES.map((name) => {
          const event = eventOf(name, snapshot as DrillSnapshot);
          names.set(event, name);
          return event;
        }),
      serializeState: (s) => JSON.stringify([s.value, Object.keys((s as DrillSnapshot).context.outcomes)]),
    });
    const reached = new Set<string>();
    for (const path of paths) {
      const actor = createActor(drillMachine, { input }).start();
      let model = DRAFT;
      for (const { event } of path.steps.slice(1)) {
        model = step(model, actor, names.get(event)!).model;
        reached.add(model.status);
        // Wherever the walk stands, every other command is taken or refused exactly as the model says.
        const snapshot = actor.getSnapshot();
        for (const name of NAMES)
          expect(snapshot.can(eventOf(name, snapshot)), name).toBe(!!predict(model, name));
      }
    }
    expect([...reached, 'draft'].toSorted()).toEqual([...DRILL_STATUSES].toSorted());
  });

  it('refuses everything once archived', () => {
    const actor = createActor(drillMachine, { input }).start();
    let model = DRAFT;
    for (const name of ['comms', 'start', 'abort', 'evaluate', 'archive'] as const) {
      model = step(model, actor, name).model;
    }
    expect(model.status).toBe('archived');
    for (const name of NAMES) expect(actor.getSnapshot().can(eventOf(name, actor.getSnapshot()))).toBe(false);
  });
});
