import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '@shared/domain/drill/run-events';
import type { TickerClock } from '@shared/domain/drill/ticker';
import type { Person } from '@shared/domain/org/types';
import { EmergencyDeskDatabase } from './database';
import { createDrillRepository, type DrillRepository } from './repositories/drill-repository';
import { createTickerSession, nextWake, type TickerReport, type TickerSession } from './drill-ticker-session';
import { FLOOD_DRILL_START, FLOOD_SCENARIO, floodDirector } from '../../test/support/flood-drill-fixture';

const START = FLOOD_DRILL_START;
const director = floodDirector;
const SCENARIO = FLOOD_SCENARIO;

/**
 * The ticker's clock, stepped by the test. IndexedDB (fake-indexeddb) keeps real time, so after each step the
 * test waits, in real time, until the ticker has planned its next wake: then the tick it started is done.
 */
function simulatedClock() {
  let at = START;
  let planned = 0;
  let nextId = 1;
  const timers = new Map<number, { due: number; fn: () => void }>();
  const clock: TickerClock = {
    now: () => at,
    setTimer: (fn, ms) => {
      planned += 1;
      timers.set(nextId, { due: at + ms, fn });
      return nextId++;
    },
    clearTimer: (handle) => void timers.delete(handle as number),
  };
  async function plannedAfter(count: number): Promise<void> {
    for (let i = 0; i < 2_000; i++) {
      if (planned > count) return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error('the ticker never planned its next wake');
  }
  return {
    clock,
    now: () => at,
    /** Wakes planned and not yet fired or cleared: none once the ticker has stopped. */
    pending: () => timers.size,
    /** Runs `act` (which makes the ticker tick) and waits until that tick is done. */
    async settled(act: () => void): Promise<void> {
      const before = planned;
      act();
      await plannedAfter(before);
    },
    /** Fires the next wake at its moment, for a tick after which the ticker may stop and plan nothing. */
    fireNext(): void {
      const [id, next] = [...timers].sort(([, x], [, y]) => x.due - y.due)[0] ?? [];
      if (id === undefined || next === undefined) throw new Error('no wake is planned');
      timers.delete(id);
      at = next.due;
      next.fn();
    },
    /** Lets `ms` pass, firing each wake at its own moment and waiting for its tick. */
    async advance(ms: number): Promise<void> {
      const until = at + ms;
      for (;;) {
        const [id, next] = [...timers].sort(([, x], [, y]) => x.due - y.due)[0] ?? [];
        if (id === undefined || next === undefined || next.due > until) break;
        timers.delete(id);
        at = next.due;
        const before = planned;
        next.fn();
        await plannedAfter(before);
      }
      at = until;
    },
  };
}

let db: EmergencyDeskDatabase;
let repo: DrillRepository;
let sim: ReturnType<typeof simulatedClock>;
let reports: TickerReport[];
let ticks: number;
let loads: number;
let session: TickerSession;

beforeEach(async () => {
  sim = simulatedClock();
  db = new EmergencyDeskDatabase(`ticker-${crypto.randomUUID()}`);
  await db.open();
  repo = createDrillRepository(db, sim.now);
  await db.people.add({ id: director.personId, name: director.name } as Person);
  reports = [];
  ticks = 0;
  loads = 0;
  const counted = {
    ...repo,
    deliverDue: (...args: Parameters<DrillRepository['deliverDue']>) => {
      ticks += 1;
      return repo.deliverDue(...args);
    },
    load: (runId: string) => {
      loads += 1;
      return repo.load(runId);
    },
  };
  session = createTickerSession(counted, sim.clock, (report) => reports.push(report));
});
afterEach(async () => {
  session.handle({ type: 'unwatch' });
  await db.delete();
});

async function runningAtX60(): Promise<string> {
  const scenarioId = await repo.saveScenario(SCENARIO, director);
  const runId = await repo.createRun(scenarioId, director.personId, director);
  await repo.append(runId, { type: 'comms.checked' }, director);
  await repo.append(runId, { type: 'clock.speed', speed: 60 }, director);
  await repo.append(runId, { type: 'clock.start' }, director);
  return runId;
}

async function deliveries(runId: string) {
  const loaded = await repo.load(runId);
  return Object.entries(loaded?.snapshot.context.outcomes ?? {}).map(([id, o]) => ({
    id,
    late: o.kind === 'delivered' && o.plannedAt !== null ? o.at - o.plannedAt : null,
  }));
}

describe('the ticker session (the worker side of the drill ticker)', () => {
  it('reads the run itself and delivers each inject at the moment it falls due, saying when it has taken over', async () => {
    const runId = await runningAtX60();
    await sim.settled(() => session.handle({ type: 'watch', runId, actor: director }));
    expect(reports).toEqual([{ type: 'watching', runId }]);

    await sim.advance(20_000);

    expect(await deliveries(runId)).toEqual([
      { id: 'i1', late: 0 },
      { id: 'i2', late: 0 },
      { id: 'i3', late: 0 },
    ]);
  });

  it('re-reads the run when the console reports a row it has not seen, and ignores its own rows coming back', async () => {
    const runId = await runningAtX60();
    await sim.settled(() => session.handle({ type: 'watch', runId, actor: director }));
    await sim.advance(5_000);
    const seen = (await repo.load(runId))?.run.lastSeq ?? 0;
    const before = ticks;
    session.handle({ type: 'journal', seq: seen });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ticks).toBe(before);

    // Another window pauses the clock just before 下穿隧道积水 falls due, then resumes it 30 s later.
    await sim.advance(4_000);
    await repo.append(runId, { type: 'clock.pause' }, director);
    session.handle({ type: 'journal', seq: seen + 1 });
    await expect.poll(() => sim.pending()).toBe(0);
    await sim.advance(30_000);
    expect((await deliveries(runId)).map((d) => d.id)).toEqual(['i1']);
    await repo.append(runId, { type: 'clock.resume' }, director);
    await sim.settled(() => session.handle({ type: 'journal', seq: seen + 2 }));
    await sim.advance(1_000);

    const journal = await db.drillJournal.where('runId').equals(runId).sortBy('seq');
    const delivery = journal
      .map((r) => r.event)
      .find(
        (e): e is Extract<RunEvent, { type: 'inject.deliver' }> =>
          e.type === 'inject.deliver' && e.injectId === 'i2',
      );
    expect(delivery && delivery.at - (delivery.plannedAt as number)).toBe(0);
    expect(delivery?.at).toBe(START + 40_000);
  });

  it('watches a run before its clock starts, and ticks exactly while the clock runs and someone is signed in', async () => {
    const scenarioId = await repo.saveScenario(SCENARIO, director);
    const runId = await repo.createRun(scenarioId, director.personId, director);
    await repo.append(runId, { type: 'comms.checked' }, director);
    await repo.append(runId, { type: 'clock.speed', speed: 60 }, director);
    session.handle({ type: 'watch', runId, actor: director });
    await expect.poll(() => reports).toEqual([{ type: 'watching', runId }]);
    await sim.advance(60_000);
    expect(ticks).toBe(0);

    // The console starts the clock: its write reaches the session, which starts ticking by itself.
    const started = sim.now();
    const seqOf = async () => (await repo.load(runId))?.run.lastSeq ?? 0;
    await repo.append(runId, { type: 'clock.start' }, director);
    await sim.settled(async () => session.handle({ type: 'journal', seq: await seqOf() }));
    await sim.advance(6_000);
    expect(await deliveries(runId)).toEqual([{ id: 'i1', late: 0 }]);
    expect((await repo.load(runId))?.snapshot.context.outcomes.i1).toMatchObject({ at: started + 5_000 });

    // Signed out: no ticking in nobody's name; signed in again, what fell due meanwhile goes out at once,
    // marked as late as it is.
    session.handle({ type: 'actor', actor: null });
    expect(sim.pending()).toBe(0);
    const before = ticks;
    await sim.advance(6_000);
    expect(ticks).toBe(before);
    await sim.settled(() => session.handle({ type: 'actor', actor: director }));
    expect(await deliveries(runId)).toEqual([
      { id: 'i1', late: 0 },
      { id: 'i2', late: 2_000 },
    ]);

    // Paused: the ticker stops; nothing is looked at until the clock runs again.
    await repo.append(runId, { type: 'clock.pause' }, director);
    session.handle({ type: 'journal', seq: await seqOf() });
    await expect.poll(() => sim.pending()).toBe(0);
    const afterPause = ticks;
    await sim.advance(60_000);
    expect(ticks).toBe(afterPause);
  });

  it('does not read the run between its own ticks, which would hold the next tick back', async () => {
    const runId = await runningAtX60();
    await sim.settled(() => session.handle({ type: 'watch', runId, actor: director }));
    const before = loads;
    await sim.advance(25_000);
    expect(await deliveries(runId)).toEqual([
      { id: 'i1', late: 0 },
      { id: 'i2', late: 0 },
      { id: 'i3', late: 0 },
    ]);
    expect(ticks).toBeGreaterThan(3);
    expect(loads).toBe(before);
  });

  it('hears of a start another window writes while its ticker stands, with no word from the console', async () => {
    const scenarioId = await repo.saveScenario(SCENARIO, director);
    const runId = await repo.createRun(scenarioId, director.personId, director);
    await repo.append(runId, { type: 'comms.checked' }, director);
    session.handle({ type: 'watch', runId, actor: director });
    await expect.poll(() => reports).toEqual([{ type: 'watching', runId }]);

    // Its own connection, as another window (or the console, whose report is lost) has.
    const elsewhere = new EmergencyDeskDatabase(db.name);
    const other = createDrillRepository(elsewhere, sim.now);
    await other.append(runId, { type: 'clock.speed', speed: 60 }, director);
    await other.append(runId, { type: 'clock.start' }, director);
    await expect.poll(() => sim.pending()).toBeGreaterThan(0);
    await sim.advance(6_000);
    expect(await deliveries(runId)).toEqual([{ id: 'i1', late: 0 }]);

    // Paused there: the session's next tick (a second at most) reads the pause, and it stops ticking and
    // watches again; a resume from there restarts it.
    await other.append(runId, { type: 'clock.pause' }, director);
    const ticksBefore = ticks;
    sim.fireNext();
    await expect.poll(() => ticks).toBe(ticksBefore + 1);
    // Real time for fake-indexeddb to finish the tick: a ticker that goes on would have planned by then.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.pending()).toBe(0);
    await sim.advance(30_000);
    await other.append(runId, { type: 'clock.resume' }, director);
    await expect.poll(() => sim.pending()).toBeGreaterThan(0);
    await sim.advance(5_000);
    expect((await deliveries(runId)).map((d) => d.id)).toEqual(['i1', 'i2']);
    elsewhere.close();
  });

  it('answers with its clock reading, for the console to compare with its own', () => {
    session.handle({ type: 'clock', id: 3 });
    expect(reports).toEqual([{ type: 'clock', id: 3, at: START }]);
  });

  it('wakes at once for an inject that fell due while the last tick was writing, not a second later', async () => {
    const runId = await runningAtX60();
    const state = (await repo.load(runId))!.snapshot.context;
    // 暴雨红色预警 falls due 5 s after the start (T+5m at ×60), the next inject 5 s after it.
    expect(nextWake(state, START + 4_000, START + 4_000)).toBe(START + 5_000);
    // Due at +5 s, after the tick at +4 s: the ticker goes again now (nextDueAt alone would say +10 s).
    expect(nextWake(state, START + 4_000, START + 5_200)).toBe(START + 5_200);
    // Due at or before the last tick, it was that tick's (a state read before it still shows it open).
    expect(nextWake(state, START + 5_000, START + 5_200)).toBe(START + 10_000);
    expect(nextWake(state, null, START + 5_200)).toBe(START + 10_000);
  });
});
