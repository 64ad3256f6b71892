import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '@shared/domain/org/types';
import { EmergencyDeskDatabase } from '../database';
import { createDrillRepository, type DrillRepository, type LoadedRun } from './drill-repository';
import type { RunRows } from './drill-run-cache';
import { FLOOD_DRILL_START, FLOOD_SCENARIO, floodDirector } from '../../../test/support/flood-drill-fixture';

const START = FLOOD_DRILL_START;
const director = floodDirector;
const SCENARIO = FLOOD_SCENARIO;

/**
 * The 导调台 page and the ticker's worker, each with its own connection to one database, as in the app; and a
 * third connection that only reads, as a window opened afterwards would.
 */
let name: string;
let connections: EmergencyDeskDatabase[];
let page: DrillRepository;
let worker: DrillRepository;
let clock = START;

function connect(): DrillRepository {
  const db = new EmergencyDeskDatabase(name);
  connections.push(db);
  return createDrillRepository(db, () => clock);
}

/** What a screen shows of a run: the row and the machine's state. */
const shown = (loaded: LoadedRun | null | undefined) =>
  loaded && { run: loaded.run, value: loaded.snapshot.value, context: loaded.snapshot.context };

beforeEach(async () => {
  clock = START;
  name = `run-cache-${crypto.randomUUID()}`;
  connections = [];
  page = connect();
  worker = connect();
  await connections[0]?.people.add({ id: director.personId, name: director.name } as Person);
});
afterEach(async () => {
  for (const db of connections) db.close();
  await connections[0]?.delete();
});

async function startedRun(): Promise<string> {
  const scenarioId = await page.saveScenario(SCENARIO, director);
  const runId = await page.createRun(scenarioId, director.personId, director);
  await page.append(runId, { type: 'comms.checked' }, director);
  await page.append(runId, { type: 'clock.speed', speed: 60 }, director);
  await page.append(runId, { type: 'clock.start' }, director);
  return runId;
}

describe('following a run through the rows another connection hands over', () => {
  it('holds exactly what a fresh read of the database finds, without reading', async () => {
    const runId = await startedRun();
    await page.load(runId);
    await worker.load(runId);
    const handed: RunRows[] = [];
    worker.onRows((rows) => handed.push(rows));
    const release = page.follow(runId);
    expect(page.isFollowed(runId)).toBe(true);

    // The worker delivers; the page pauses and resumes in between (its own writes); the worker ticks again.
    clock = START + 6_000;
    await worker.deliverDue(runId, clock, director);
    for (const rows of handed.splice(0)) expect(page.absorb(rows)).toBe(true);
    clock = START + 7_000;
    await page.append(runId, { type: 'clock.pause' }, director);
    clock = START + 9_000;
    await page.append(runId, { type: 'clock.resume' }, director);
    // 下穿隧道积水 falls due at T+10 min, 10 s of running time plus the 2 s pause.
    clock = START + 12_500;
    await worker.deliverDue(runId, clock, director);
    // The worker's tick read the page's two rows and wrote its own: all of them come over; the page passes
    // over the two it wrote.
    expect(handed.map((r) => r.events.map((e) => e.type))).toEqual([
      ['clock.pause', 'clock.resume'],
      ['inject.deliver'],
    ]);
    for (const rows of handed.splice(0)) expect(page.absorb(rows)).toBe(true);
    clock = START + 22_500;
    await worker.deliverDue(runId, clock, director);
    for (const rows of handed.splice(0)) expect(page.absorb(rows)).toBe(true);

    const fresh = await connect().load(runId);
    expect(shown(page.peek(runId))).toEqual(shown(fresh));
    expect(Object.keys(fresh?.snapshot.context.outcomes ?? {})).toEqual(['i1', 'i2', 'i3']);
    release();
    expect(page.isFollowed(runId)).toBe(false);
  });

  it('refuses rows that leave a gap, and holds nothing it cannot show as a whole', async () => {
    const runId = await startedRun();
    const other = connect();
    expect(other.peek(runId)).toBeNull();
    await worker.load(runId);
    const handed: RunRows[] = [];
    worker.onRows((rows) => handed.push(rows));
    clock = START + 6_000;
    await worker.deliverDue(runId, clock, director);
    clock = START + 11_000;
    await worker.deliverDue(runId, clock, director);
    const [first, second] = handed;
    if (!first || !second) throw new Error('the worker handed over no rows');

    // A window that holds nothing yet cannot take rows in; one that missed a batch cannot either.
    expect(other.absorb(first)).toBe(false);
    await page.load(runId);
    const held = shown(page.peek(runId));
    expect(page.absorb(second)).toBe(true);
    expect(shown(page.peek(runId))).toEqual(held);
    expect(page.absorb({ ...second, fromSeq: second.fromSeq + 5 })).toBe(false);
    expect(shown(page.peek(runId))).toEqual(held);
  });

  it('tells its screens of every batch it takes in, and of following and letting go', async () => {
    const runId = await startedRun();
    await page.load(runId);
    const changes: string[] = [];
    page.onHeldChanged((id) => changes.push(id));
    const release = page.follow(runId);
    clock = START + 6_000;
    worker.onRows((rows) => page.absorb(rows));
    await worker.deliverDue(runId, clock, director);
    release();
    release();
    expect(changes).toEqual([runId, runId, runId]);
  });
});
