import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClockAnomaly } from '@shared/domain/clock/clock-jump';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { EmergencyDeskDatabase } from '../database';
import { createClockRepository } from './clock-repository';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';

const T0 = new Date(2026, 10, 23, 2, 15, 0).getTime();
let db: EmergencyDeskDatabase;
let incidents: IncidentRepository;
let clock = T0;

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`clock-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  incidents = createIncidentRepository(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

const open = (title: string) =>
  incidents.open(
    { title, place: '滨江街道', category: 'natural', occurredAt: T0 - 60_000, planId: 'sample-typhoon' },
    as.dutyOfficer,
  );

const setBack: ClockAnomaly = { kind: 'jump', expected: T0, actual: T0 - 300_000, skewMs: -300_000 };

describe('clock repository', () => {
  it('writes one system line into the log of every open incident, sealed in its chain, and one audit row', async () => {
    const first = await open('台风“海燕”影响我区');
    const second = await open('滨江村内涝');
    const closed = await open('已结案事件');
    await db.incidents.update(closed, { status: 'closed' });
    clock = T0 - 300_000;

    await expect(createClockRepository(db, () => clock).recordAnomaly(setBack)).resolves.toBe(2);

    const text =
      '【系统】检测到系统时钟跳变：2026-11-23 02:15:00 → 2026-11-23 02:10:00，差 −300 秒（系统时间被调回）';
    for (const id of [first, second]) {
      const last = (await incidents.logRange(id, 1, 100)).at(-1);
      expect(last).toMatchObject({ seq: 3, at: T0 - 300_000, author: null, category: 'note', text });
      await expect(incidents.verifyLog(id)).resolves.toEqual({ ok: true, count: 3 });
    }
    expect((await incidents.logRange(closed, 1, 100)).map((e) => e.text)).not.toContain(text);
    expect(await db.audit.filter((a) => a.entity === 'clock').toArray()).toEqual([
      expect.objectContaining({ action: 'clock.jump', actor: null, at: T0 - 300_000, summary: text }),
    ]);
  });

  it('still leaves an audit row when no incident is open', async () => {
    const sleep: ClockAnomaly = { kind: 'suspend', from: T0, to: T0 + 600_000, gapMs: 600_000 };
    await expect(createClockRepository(db, () => clock).recordAnomaly(sleep)).resolves.toBe(0);
    expect(await db.audit.filter((a) => a.action === 'clock.suspend').count()).toBe(1);
  });
});
