import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CLOCK_WATCH, type ClockAnomaly } from '@shared/domain/clock/clock-jump';
import { openIncidentFixture } from '../../../test/support/incident-fixture';
import { as } from '../../../test/support/plan-driver';
import { RepositoryError } from '../../db/repositories/repository-error';
import type { Platform } from '../../platform/desktop';
import type { Services } from '../../services/services';
import { startClockWatch, type ClockWatchDeps } from './clock-watch';

const T0 = new Date(2026, 10, 23, 2, 15, 0).getTime();
const BEAT = DEFAULT_CLOCK_WATCH.intervalMs;

/** A laptop whose two clocks and one timer the test steps; nothing waits for real time. */
function simulatedMachine() {
  let wall = T0;
  let monotonic = 0;
  let timer: { fn: () => void; due: number } | null = null;
  const fireDue = () => {
    if (timer && timer.due <= monotonic) {
      const { fn } = timer;
      timer = null;
      fn();
    }
  };
  return {
    wallNow: () => wall,
    monotonicNow: () => monotonic,
    setTimer: (fn: () => void, ms: number) => (timer = { fn, due: monotonic + ms }),
    clearTimer: (handle: unknown) => {
      if (handle === timer) timer = null;
    },
    /** Time passes on both clocks; the timer fires once if it fell due (as after a sleep). */
    pass(ms: number) {
      wall += ms;
      monotonic += ms;
      fireDue();
    },
    /** Someone sets the system clock. */
    setWall(ms: number) {
      wall = ms;
    },
    hasTimer: () => timer !== null,
  };
}

type Notice = { anomaly: ClockAnomaly; outcome: { recorded: number } | { error: unknown } };

let services: Services;
let drop: () => Promise<void>;
let machine: ReturnType<typeof simulatedMachine>;
let notices: Notice[];
/** Anomalies handed to the recorder, synchronously at the beat that found them. */
let recorded: ClockAnomaly[];
let stop: () => void;

function start(record?: ClockWatchDeps['record']) {
  stop = startClockWatch({
    ...machine,
    record: (anomaly) => {
      recorded.push(anomaly);
      return record ? record(anomaly) : services.clock.recordAnomaly(anomaly);
    },
    notify: (anomaly, outcome) => notices.push({ anomaly, outcome }),
  });
}

beforeEach(async () => {
  machine = simulatedMachine();
  ({ services, drop } = await openIncidentFixture({
    platform: { isDesktop: false } as Platform,
    now: machine.wallNow,
  }));
  notices = [];
  recorded = [];
});
afterEach(async () => {
  stop();
  await drop();
});

const openIncident = () =>
  services.incidents.open(
    {
      title: '台风“海燕”影响我区',
      place: '滨江街道',
      category: 'natural',
      occurredAt: T0,
      planId: 'sample-typhoon',
    },
    as.dutyOfficer,
  );
const lastLine = async (id: string) => (await services.incidents.logRange(id, 1, 100)).at(-1);

describe('clock watch', () => {
  it('stays silent while time passes normally, for an hour of beats', async () => {
    start();
    for (let i = 0; i < 720; i++) machine.pass(BEAT);
    expect(recorded).toEqual([]);
    expect(await services.audit.latest(10)).toEqual([]);
  });

  it('writes the clock set back into the open incident and the audit trail, and tells the operator', async () => {
    const id = await openIncident();
    start();
    machine.pass(BEAT);
    machine.setWall(machine.wallNow() - 5 * 60_000);
    machine.pass(BEAT);
    // Written once the clock has run normally for a beat after the change.
    expect(recorded).toEqual([]);
    machine.pass(BEAT);
    await vi.waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toEqual({
      anomaly: { kind: 'jump', expected: T0 + 2 * BEAT, actual: T0 + 2 * BEAT - 300_000, skewMs: -300_000 },
      outcome: { recorded: 1 },
    });
    expect(await lastLine(id)).toMatchObject({
      author: null,
      at: T0 + 3 * BEAT - 300_000,
      text: '【系统】检测到系统时钟跳变：2026-11-23 02:15:10 → 2026-11-23 02:10:10，差 −300 秒（系统时间被调回）',
    });
    expect(await services.audit.forRecord('clock', String(T0 + 3 * BEAT - 300_000))).toHaveLength(1);
    // Reported once: the next beats compare with the new setting.
    machine.pass(BEAT);
    machine.pass(BEAT);
    expect(recorded).toHaveLength(1);
  });

  it('reports a sleep when the timer fires forty minutes late on both clocks', async () => {
    const id = await openIncident();
    start();
    machine.pass(40 * 60_000);
    await vi.waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]?.anomaly).toEqual({ kind: 'suspend', from: T0, to: T0 + 2_400_000, gapMs: 2_400_000 });
    expect((await lastLine(id))?.text).toBe(
      '【系统】检测到休眠恢复：2026-11-23 02:15:00 → 2026-11-23 02:55:00，约 40 分钟未运行',
    );
  });

  it('still tells the operator when the anomaly cannot be written, and why', async () => {
    const full = new RepositoryError('storageFull');
    start(() => Promise.reject(full));
    machine.pass(BEAT);
    machine.setWall(machine.wallNow() + 3_600_000);
    machine.pass(BEAT);
    machine.pass(BEAT);
    await vi.waitFor(() => expect(notices).toHaveLength(1));
    expect(notices[0]).toMatchObject({
      anomaly: { kind: 'jump', skewMs: 3_600_000 },
      outcome: { error: full },
    });
  });

  it('stops beating when stopped', () => {
    start();
    expect(machine.hasTimer()).toBe(true);
    stop();
    expect(machine.hasTimer()).toBe(false);
  });
});
