import { fc, test } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import { drillMachine, replayRun } from './drill-machine';
import { nextDueAt, OVERDUE_AFTER_MS, tickDecisions } from './inject-schedule';
import type { ActionMark, RunEvent, RunEventDraft } from './run-events';
import { injectSchema, scenarioInputSchema, type Contingency, type Inject } from './scenario';
import { scenarioTimeAt } from './timeline';

const T0 = 1_767_225_600_000;
const MINUTE = 60_000;
const director: Actor = { personId: 'p-d', name: '王建国', positionId: 'pos-d', positionName: '演练总指挥' };
const controller: Actor = { personId: 'p-c', name: '李敏', positionId: 'pos-c', positionName: '导调' };

const inject = (id: string, offsetMs: number, contingency: Contingency | null = null): Inject =>
  injectSchema.parse({
    ...{ id, no: id, offsetMs, contingency, synopsis: `情况${id}`, text: `${id}：河堤出现管涌` },
    expectedActions: [{ id: `a-${id}`, text: '派出巡堤队', windowMinutes: 10 }],
  });

/**
 * A run as the desk drives it: a live machine and its journal, a simulated real clock, and a perfect ticker that
 * wakes at every `nextDueAt` and acts on `tickDecisions`; the controller delivers whatever is held as overdue.
 * Like the desk's ticker it runs only while the clock runs, unless `isTickingWhilePaused`.
 */
function simulatedRun(injects: Inject[], isTickingWhilePaused = false) {
  const input = { injects, directorId: director.personId };
  const journal: RunEvent[] = [];
  const refused: RunEvent[] = [];
  let actor = createActor(drillMachine, { input }).start();
  let now = T0;
  const state = () => actor.getSnapshot().context;

  function send(draft: RunEventDraft, by: Actor): boolean {
    const event = { ...draft, at: now, by } as RunEvent;
    const isTaken = actor.getSnapshot().can(event);
    if (isTaken) actor.send(event);
    if (isTaken) journal.push(event);
    // Only the ticker's own proposals count as refused: the desk may well try what the run does not take.
    else if (by === controller) refused.push(event);
    return isTaken;
  }

  function tick(): void {
    const status = actor.getSnapshot().value;
    if (status !== 'running' && !(isTickingWhilePaused && status === 'paused')) return;
    for (let isChanged = true; isChanged;) {
      isChanged = false;
      for (const { kind, inject, plannedAt } of tickDecisions(state(), now)) {
        const injectId = inject.id;
        const scenarioMs = scenarioTimeAt(state().marks, now);
        const event: RunEventDraft =
          kind === 'skip'
            ? { type: 'inject.skip', injectId, reason: 'contingency', note: '' }
            : { type: 'inject.deliver', injectId, plannedAt, scenarioMs, isAuto: kind === 'deliver' };
        isChanged = send(event, controller) || isChanged;
      }
    }
  }

  const run = {
    input,
    journal,
    refused,
    state,
    now: () => now,
    act(draft: RunEventDraft, by: Actor = director): boolean {
      const isTaken = send(draft, by);
      tick();
      return isTaken;
    },
    start(speed: number | null = null) {
      run.act({ type: 'comms.checked' });
      if (speed !== null) run.act({ type: 'clock.speed', speed });
      run.act({ type: 'clock.start' });
    },
    observe(id: string, mark: ActionMark = 'observed') {
      run.act({ type: 'action.mark', injectId: id, actionId: `a-${id}`, mark, observedAt: now }, controller);
    },
    advance(ms: number): void {
      const until = now + ms;
      for (
        let wake = nextDueAt(state(), now);
        wake !== null && wake <= until;
        wake = nextDueAt(state(), now)
      ) {
        expect(wake).toBeGreaterThan(now);
        now = wake;
        tick();
      }
      now = until;
      tick();
    },
    /** The app is closed for `downMs` and reopened: the in-memory run is rebuilt from the journal alone. */
    restart(downMs = 0): void {
      now += downMs;
      const replayed = replayRun(input, journal).snapshot;
      expect(replayed.context).toEqual(state());
      expect(replayed.value).toEqual(actor.getSnapshot().value);
      actor.stop();
      actor = createActor(drillMachine, { input }).start();
      for (const event of journal) actor.send(event);
      tick();
    },
  };
  return run;
}

type Run = ReturnType<typeof simulatedRun>;
const MARKS: ActionMark[] = ['observed', 'late', 'notObserved'];
/** What the desk may do between ticks; `n` is a random size (ms, speed, a pick). */
const STEPS = {
  pause: (r: Run) => r.act({ type: 'clock.pause' }),
  resume: (r: Run) => r.act({ type: 'clock.resume' }),
  speed: (r: Run, n: number) => r.act({ type: 'clock.speed', speed: 1 + (n % 60) }),
  jump: (r: Run, n: number) =>
    r.act({ type: 'clock.jump', toMs: scenarioTimeAt(r.state().marks, r.now()) + 1 + n }),
  advance: (r: Run, n: number) => r.advance(n % (2 * MINUTE)),
  observe: (r: Run, n: number) => {
    const ids = Object.entries(r.state().outcomes).flatMap(([id, o]) => (o.kind === 'delivered' ? [id] : []));
    if (ids.length > 0) r.observe(ids[n % ids.length]!, MARKS[n % 3]);
  },
  restart: (r: Run) => r.restart(),
  crash: (r: Run, n: number) => r.restart(1 + (n % (10 * MINUTE))),
};
const stepKinds = Object.keys(STEPS) as (keyof typeof STEPS)[];
const steps = fc.array(fc.tuple(fc.constantFrom(...stepKinds), fc.nat(30 * MINUTE)), { maxLength: 30 });

/** Scripts whose contingencies point only at earlier rows, so they cannot wait on each other in a circle. */
const row = fc.record({ offset: fc.nat(120 * MINUTE), link: fc.nat(), kind: fc.nat(2) });
const scripts = fc.array(row, { minLength: 1, maxLength: 12 }).map((rows) =>
  rows.map(({ offset, link, kind }, i) => {
    const target = `i${link % Math.max(1, i)}`;
    const contingencies: (Contingency | null)[] = [
      null,
      { kind: 'afterDelivered', injectId: target },
      { kind: 'unlessObserved', injectId: target, actionId: `a-${target}` },
    ];
    return inject(`i${i}`, offset, i === 0 ? null : contingencies[kind]!);
  }),
);

const presets = fc.option(fc.integer({ min: 1, max: 60 }), { nil: null });
test.prop([scripts, presets, steps, fc.boolean()])(
  'every inject is delivered exactly once across any sequence of pauses, speed changes, jumps and restarts',
  (script, preset, plan, isTickingWhilePaused) => {
    const run = simulatedRun(script, isTickingWhilePaused);
    run.start(preset);
    for (const [step, n] of plan) STEPS[step](run, n);
    run.act({ type: 'clock.resume' });
    const speed = run.state().marks.reduce((s, m) => (m.kind === 'speed' ? m.speed : s), 1);
    run.advance(Math.ceil(Math.max(...script.map((i) => i.offsetMs)) / speed) + 10_000);

    const settled = run.journal.flatMap((e) =>
      'injectId' in e && e.type.startsWith('inject.') ? [e.injectId] : [],
    );
    expect(settled.toSorted()).toEqual(script.map((i) => i.id).toSorted());
    // A follow-up goes out only behind its delivered target, and is dropped with a dropped one.
    const { outcomes } = run.state();
    for (const { id, contingency: c } of script) {
      if (c?.kind !== 'afterDelivered') continue;
      expect(outcomes[id]!.kind).toBe(outcomes[c.injectId]!.kind);
      expect(settled.indexOf(id)).toBeGreaterThan(settled.indexOf(c.injectId));
    }
    expect(run.refused).toEqual([]);
    // A pause holds back what falls due meanwhile (see the known bug below), so only a ticker that keeps going
    // through pauses is held to "on time".
    const isTimely = isTickingWhilePaused && !plan.some(([step]) => step === 'crash');
    for (const e of run.journal) {
      if (e.type !== 'inject.deliver') continue;
      const { offsetMs, contingency } = script.find((i) => i.id === e.injectId)!;
      expect(e.scenarioMs).toBeGreaterThanOrEqual(offsetMs);
      if (e.isAuto) expect(e.at - e.plannedAt!).toBeLessThanOrEqual(OVERDUE_AFTER_MS);
      // With nothing missed by the ticker, plain injects go out on their own at their very moment.
      if (isTimely && !contingency) expect(e).toMatchObject({ isAuto: true, plannedAt: e.at });
    }
  },
  // A hundred whole runs, each rebuilt from its journal at every restart: allow for a busy machine.
  30_000,
);

describe('contingencies', () => {
  /** 险情 at T+0 with an expected action; 升级 at T+10m fires only if that action was not seen by then. */
  function escalation() {
    const run = simulatedRun([
      inject('A', 0),
      inject('B', 10 * MINUTE, { kind: 'unlessObserved', injectId: 'A', actionId: 'a-A' }),
    ]);
    run.start();
    run.advance(5 * MINUTE);
    return run;
  }

  it('skips the escalation when the players were seen to act in time', () => {
    const run = escalation();
    run.observe('A');
    run.advance(5 * MINUTE);
    expect(run.state().outcomes['B']).toMatchObject({ kind: 'skipped', reason: 'contingency' });
  });

  it.each(['notObserved', null] as const)('delivers the escalation when the action was marked %s', (mark) => {
    const run = escalation();
    if (mark) run.observe('A', mark);
    run.advance(5 * MINUTE);
    expect(run.state().outcomes['B']).toMatchObject({ kind: 'delivered', at: T0 + 10 * MINUTE });
  });

  it('judges the escalation at its own time, even when the tick comes late', () => {
    const { state } = escalation();
    const due = T0 + 10 * MINUTE;
    const seenAt = (observedAt: number) => ({
      ...state(),
      actions: { 'A:a-A': { mark: 'late' as const, observedAt, at: observedAt, by: controller } },
    });
    expect(tickDecisions(seenAt(due), due + 2000)).toMatchObject([{ kind: 'skip', inject: { id: 'B' } }]);
    expect(tickDecisions(seenAt(due + 1), due + 2000)).toMatchObject([{ kind: 'deliver', latenessMs: 2000 }]);
  });

  it('refuses a script whose follow-ups wait for each other, naming the row', () => {
    const injects = [
      inject('A', 0, { kind: 'afterDelivered', injectId: 'B' }),
      inject('B', 0, { kind: 'afterDelivered', injectId: 'A' }),
    ];
    const scenario = { title: '防汛推演', form: 'tabletop', scope: 'single', purpose: 'inspection', injects };
    expect(scenarioInputSchema.safeParse(scenario).error?.issues).toMatchObject([
      { message: 'contingencyCycle', path: ['injects', 0, 'contingency'] },
      { message: 'contingencyCycle', path: ['injects', 1, 'contingency'] },
    ]);
  });

  /** 转移 at T+10m follows 决策 at T+10m only when 决策 went out. */
  const followUp = () => [
    inject('A', 10 * MINUTE),
    inject('B', 10 * MINUTE, { kind: 'afterDelivered', injectId: 'A' }),
  ];

  it('delivers the follow-up right behind its target', () => {
    const run = simulatedRun(followUp());
    run.start();
    run.advance(10 * MINUTE);
    expect(run.journal.flatMap((e) => (e.type === 'inject.deliver' ? [[e.injectId, e.at]] : []))).toEqual([
      ['A', T0 + 10 * MINUTE],
      ['B', T0 + 10 * MINUTE],
    ]);
  });

  it('holds the follow-up while its target is overdue, and skips it when the controller skips the target', () => {
    const run = simulatedRun(followUp());
    run.start();
    const at = T0 + 10 * MINUTE + OVERDUE_AFTER_MS + 1;
    expect(tickDecisions(run.state(), at)).toMatchObject([{ kind: 'overdue', inject: { id: 'A' } }]);
    const skip: RunEvent = {
      type: 'inject.skip',
      injectId: 'A',
      reason: 'controller',
      note: '',
      at,
      by: controller,
    };
    const { snapshot, accepted } = replayRun(run.input, run.journal, [skip]);
    expect(accepted).toBe(true);
    expect(tickDecisions(snapshot.context, at)).toMatchObject([{ kind: 'skip', inject: { id: 'B' } }]);
  });
});

describe('next wake', () => {
  it('is the moment the next inject falls due while the clock runs, and none while it stands', () => {
    const run = simulatedRun([inject('A', 10 * MINUTE), inject('B', 20 * MINUTE)]);
    run.act({ type: 'comms.checked' });
    expect(nextDueAt(run.state(), run.now())).toBeNull();
    run.act({ type: 'clock.speed', speed: 10 });
    run.act({ type: 'clock.start' });
    expect(nextDueAt(run.state(), run.now())).toBe(T0 + MINUTE);
    run.advance(30_000);
    run.act({ type: 'clock.pause' });
    expect(nextDueAt(run.state(), run.now())).toBeNull();
    run.advance(5 * MINUTE);
    run.act({ type: 'clock.resume' });
    expect(nextDueAt(run.state(), run.now())).toBe(run.now() + 30_000);
    run.advance(2 * MINUTE);
    expect(nextDueAt(run.state(), run.now())).toBeNull();
    expect(Object.keys(run.state().outcomes)).toEqual(['A', 'B']);
  });

  it('finds nothing due before the start, not even an inject at T+0', () => {
    const run = simulatedRun([inject('A', 0)]);
    run.act({ type: 'comms.checked' });
    run.advance(MINUTE);
    expect(tickDecisions(run.state(), run.now())).toEqual([]);
    run.act({ type: 'clock.start' });
    expect(run.state().outcomes['A']).toMatchObject({ kind: 'delivered', plannedAt: T0 + MINUTE });
    expect(run.refused).toEqual([]);
  });
});

/**
 * Once bugs: a pause counted as lateness (an inject jumped past during a pause came back overdue on resume), and
 * an ad-hoc follow-up of an inject not in the run was accepted and then never fell due.
 */
describe('pauses and follow-ups that could never fire', () => {
  it('delivers on resume, on its own, an inject the story jumped past while paused', () => {
    const run = simulatedRun([inject('A', 30 * MINUTE)]);
    run.start();
    run.advance(10_000);
    run.act({ type: 'clock.pause' });
    run.act({ type: 'clock.jump', toMs: 60 * MINUTE });
    run.advance(MINUTE);
    run.act({ type: 'clock.resume' });
    expect(run.state().outcomes['A']).toMatchObject({ kind: 'delivered', isAuto: true });
  });

  it('refuses an ad-hoc follow-up of an inject not in the run, instead of holding it forever', () => {
    const run = simulatedRun([inject('A', 0)]);
    run.start();
    const ghost = inject('X', MINUTE, { kind: 'afterDelivered', injectId: 'ghost' });
    expect(run.act({ type: 'inject.add', inject: ghost })).toBe(false);
    expect(run.state().injects.map((i) => i.id)).toEqual(['A']);
  });
});

describe('ad-hoc injects', () => {
  it('an ad-hoc inject delivered on adding is settled in the same row, so no tick can deliver it again', () => {
    const run = simulatedRun([inject('A', 30 * MINUTE)]);
    run.start();
    run.advance(10_000);
    const now = inject('X', 0);
    expect(run.act({ type: 'inject.add', inject: now, deliverNow: true })).toBe(true);
    expect(run.state().outcomes['X']).toMatchObject({ kind: 'delivered', plannedAt: null, isAuto: false });
    expect(tickDecisions(run.state(), run.now()).map((d) => d.inject.id)).toEqual([]);
  });
});
