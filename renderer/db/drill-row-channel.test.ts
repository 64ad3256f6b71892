import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '@shared/domain/org/types';
import { FLOOD_DRILL_START, FLOOD_SCENARIO, floodDirector } from '../../test/support/flood-drill-fixture';
import { EmergencyDeskDatabase } from './database';
import {
  LEASE_MS,
  drillRowChannelName,
  followRowBroadcasts,
  openRowBroadcast,
  type DrillRowMessage,
} from './drill-row-channel';
import { createDrillRepository, type DrillRepository } from './repositories/drill-repository';

/** The lease's timer, stepped by the test. */
function steppedTimer() {
  let at = 0;
  const timers = new Map<number, { due: number; fn: () => void }>();
  let next = 1;
  return {
    setTimer: (fn: () => void, ms: number) => {
      timers.set(next, { due: at + ms, fn });
      return next++;
    },
    clearTimer: (handle: unknown) => void timers.delete(handle as number),
    advance(ms: number) {
      at += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.due > at) continue;
        timers.delete(id);
        timer.fn();
      }
    },
  };
}

let name: string;
let connections: EmergencyDeskDatabase[];
let screen: DrillRepository;
let worker: DrillRepository;
let runId: string;

beforeEach(async () => {
  name = `row-channel-${crypto.randomUUID()}`;
  connections = [new EmergencyDeskDatabase(name), new EmergencyDeskDatabase(name)];
  const [one, two] = connections as [EmergencyDeskDatabase, EmergencyDeskDatabase];
  let clock = FLOOD_DRILL_START;
  screen = createDrillRepository(one, () => clock);
  worker = createDrillRepository(two, () => clock);
  await one.people.add({ id: floodDirector.personId, name: floodDirector.name } as Person);
  const scenarioId = await screen.saveScenario(FLOOD_SCENARIO, floodDirector);
  runId = await screen.createRun(scenarioId, floodDirector.personId, floodDirector);
  await screen.append(runId, { type: 'comms.checked' }, floodDirector);
  await screen.append(runId, { type: 'clock.speed', speed: 60 }, floodDirector);
  await screen.append(runId, { type: 'clock.start' }, floodDirector);
  clock += 6_000;
  await screen.load(runId);
  await worker.load(runId);
});
afterEach(async () => {
  for (const db of connections) db.close();
  await connections[0]?.delete();
});

/** Resolves once the follower's channel has had time to hear a message posted before. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('following the ticker worker from another window (the 参演人员 screen)', () => {
  it('follows while the worker is heard, takes its rows in, and reads again when it falls silent', async () => {
    const timer = steppedTimer();
    const stop = followRowBroadcasts(screen, name, runId, timer);
    const broadcast = openRowBroadcast(name);
    expect(screen.isFollowed(runId)).toBe(false);

    broadcast({ type: 'watching', runId });
    await delivered();
    expect(screen.isFollowed(runId)).toBe(true);

    // The worker delivers 暴雨红色预警 and broadcasts the row: the screen holds it without reading.
    worker.onRows((rows) => broadcast({ type: 'rows', rows }));
    await worker.deliverDue(runId, FLOOD_DRILL_START + 6_000, floodDirector);
    await delivered();
    expect(screen.peek(runId)?.snapshot.context.outcomes['i1']).toMatchObject({ kind: 'delivered' });

    // Another run's heartbeat does not renew this one's lease; silence for LEASE_MS ends it.
    timer.advance(LEASE_MS - 1);
    broadcast({ type: 'watching', runId: 'another-run' });
    await delivered();
    expect(screen.isFollowed(runId)).toBe(true);
    timer.advance(1);
    expect(screen.isFollowed(runId)).toBe(false);
    stop();
  });

  it('lets go when the screen closes, and hears nothing of other databases', async () => {
    const timer = steppedTimer();
    const stop = followRowBroadcasts(screen, name, runId, timer);
    const elsewhere = new BroadcastChannel(drillRowChannelName('another-database'));
    elsewhere.postMessage({ type: 'watching', runId } satisfies DrillRowMessage);
    await delivered();
    expect(screen.isFollowed(runId)).toBe(false);
    openRowBroadcast(name)({ type: 'watching', runId });
    await delivered();
    expect(screen.isFollowed(runId)).toBe(true);
    stop();
    expect(screen.isFollowed(runId)).toBe(false);
    elsewhere.close();
  });
});
