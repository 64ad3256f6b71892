import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createIntakeRepository, type IntakeRepository } from './intake-repository';

const officer: Actor = { personId: 'p1', name: '崔伟', positionId: 'pos1', positionName: '值班员' };
const leader: Actor = { personId: 'p2', name: '邵嘉蓉', positionId: 'pos2', positionName: '带班领导' };
let db: EmergencyDeskDatabase;
let repo: IntakeRepository;
let clock = Date.parse('2026-11-23T02:20:00+08:00');

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`intakes-${crypto.randomUUID()}`);
  await db.open();
  repo = createIntakeRepository(db, () => (clock += 1000));
});
afterEach(async () => {
  await db.delete();
});

const report = (receivedAt: string) => ({
  receivedAt: Date.parse(receivedAt),
  sourcePerson: '王建国',
  sourcePhone: '0999-2345678',
  place: '东湖街道滨江路',
  category: 'accident' as const,
  nature: '危化品运输车侧翻',
});

describe('intake repository', () => {
  it('numbers intakes by year of receipt, lists the newest first and keeps number and recorder on a correction', async () => {
    const first = await repo.save(report('2026-11-23T02:15:00+08:00'), null, officer);
    const second = await repo.save(report('2026-11-23T03:40:00+08:00'), null, officer);
    const nextYear = await repo.save(report('2027-01-01T12:00:00+08:00'), null, officer);
    expect([first.serial, second.serial, nextYear.serial]).toEqual(['2026-0001', '2026-0002', '2027-0001']);
    expect((await repo.list()).map((i) => i.serial)).toEqual(['2027-0001', '2026-0002', '2026-0001']);

    const corrected = await repo.save(
      { ...report('2026-11-23T02:15:00+08:00'), injured: 3 },
      first.id,
      leader,
    );
    expect(corrected).toMatchObject({
      serial: '2026-0001',
      injured: 3,
      createdBy: officer,
      updatedBy: leader,
    });
    const audit = await db.audit.where('[entity+entityId]').equals(['intake', first.id]).sortBy('at');
    expect(audit.map((a) => [a.action, a.actor?.name])).toEqual([
      ['create', '崔伟'],
      ['update', '邵嘉蓉'],
    ]);
  });

  it('refuses a report without a place, writing nothing', async () => {
    const refusal = await rejection(
      repo.save({ ...report('2026-11-23T02:15:00+08:00'), place: '' }, null, officer),
    );
    expect(refusal).toMatchObject({ code: 'invalidInput', params: { field: 'place', message: 'required' } });
    expect(await db.intakes.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });
});
