import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '@shared/domain/org/types';
import { nextSlot, SAMPLE_SHIFTS, slotAt } from '@shared/domain/duty/shifts';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createDutyRepository, type DutyRepository } from './duty-repository';
import { createIncidentRepository } from './incident-repository';
import { createNotificationRepository } from './notification-repository';
import { createReportRepository } from './report-repository';

const T0 = Date.parse('2026-11-23T02:00:00+08:00');
const incoming = {
  personId: 'p-in',
  name: '赵敏',
  positionId: as.dutyOfficer.positionId,
  positionName: '值班员',
};
let db: EmergencyDeskDatabase;
let duty: DutyRepository;
let clock = T0;

const person = (id: string, name: string): Person => ({
  id,
  name,
  unitId: 'u1',
  title: '',
  mobile: '',
  officePhone: '',
  positionIds: [],
  pin: null,
  note: '',
  searchText: name,
  createdAt: 0,
  createdBy: null,
  updatedAt: 0,
  updatedBy: null,
});

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`duty-${crypto.randomUUID()}`);
  await db.open();
  await db.people.bulkAdd([
    person(as.dutyOfficer.personId, as.dutyOfficer.name),
    person(as.secretary.personId, as.secretary.name),
    person(incoming.personId, incoming.name),
  ]);
  const now = () => clock;
  const incidents = createIncidentRepository(db, now);
  duty = createDutyRepository(
    db,
    {
      incidents,
      reports: createReportRepository(db, incidents, now),
      notifications: createNotificationRepository(db, now),
    },
    now,
  );
});
afterEach(async () => {
  await db.delete();
});

describe('duty roster', () => {
  const day = { date: '2026-11-16', shiftKey: 'day' };

  it('keeps one row per shift, replaced when written again, and audited', async () => {
    await duty.saveRoster(
      day,
      { leaderId: as.secretary.personId, officerIds: [as.dutyOfficer.personId] },
      as.dutyOfficer,
    );
    clock += 60_000;
    await duty.saveRoster(
      day,
      { leaderId: as.secretary.personId, officerIds: [as.dutyOfficer.personId, incoming.personId] },
      as.secretary,
    );
    const rows = await duty.rosterOf(['2026-11-16']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: '2026-11-16:day',
      officerIds: [as.dutyOfficer.personId, incoming.personId],
      createdBy: as.dutyOfficer,
      updatedBy: as.secretary,
    });
    const audit = await db.audit
      .where('[entity+entityId]')
      .equals(['dutyRoster', '2026-11-16:day'])
      .sortBy('at');
    expect(audit.map((a) => [a.action, a.summary])).toEqual([
      ['create', '11月16日 白班'],
      ['update', '11月16日 白班'],
    ]);
  });

  it('refuses a leader who is also an officer, or a person not in the directory, writing nothing', async () => {
    const twice = await rejection(
      duty.saveRoster(day, { leaderId: incoming.personId, officerIds: [incoming.personId] }, as.dutyOfficer),
    );
    expect(twice).toMatchObject({
      code: 'invalidInput',
      params: { field: 'officerIds', message: 'leaderIsOfficer' },
    });
    const unknown = await rejection(
      duty.saveRoster(day, { leaderId: 'nobody', officerIds: [incoming.personId] }, as.dutyOfficer),
    );
    expect(unknown).toMatchObject({ code: 'notFound' });
    expect(await db.dutyRoster.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('copies the previous week onto the shifts that have no row yet', async () => {
    const roster = { leaderId: as.secretary.personId, officerIds: [as.dutyOfficer.personId] };
    await duty.saveRoster({ date: '2026-11-16', shiftKey: 'day' }, roster, as.dutyOfficer);
    await duty.saveRoster({ date: '2026-11-18', shiftKey: 'night' }, roster, as.dutyOfficer);
    const handMade = { leaderId: as.secretary.personId, officerIds: [incoming.personId] };
    await duty.saveRoster({ date: '2026-11-25', shiftKey: 'night' }, handMade, as.dutyOfficer);

    expect(await duty.copyPreviousWeek('2026-11-25', as.dutyOfficer)).toBe(1);
    const week = await duty.rosterOf(['2026-11-23', '2026-11-25']);
    expect(week.map((r) => [r.id, r.officerIds])).toEqual([
      ['2026-11-23:day', [as.dutyOfficer.personId]],
      ['2026-11-25:night', [incoming.personId]],
    ]);
    expect(await duty.copyPreviousWeek('2026-11-23', as.dutyOfficer)).toBe(0);
  });

  it('names who stood each shift of a date for the daily brief, in shift order', async () => {
    await duty.saveRoster(
      { date: '2026-11-16', shiftKey: 'night' },
      { leaderId: as.secretary.personId, officerIds: [incoming.personId, as.dutyOfficer.personId] },
      as.dutyOfficer,
    );
    await duty.saveRoster(
      day,
      { leaderId: as.secretary.personId, officerIds: [incoming.personId] },
      as.dutyOfficer,
    );
    expect(await duty.onDutyOf('2026-11-16')).toEqual([
      { shift: '白班', leader: '邵嘉蓉', officers: ['赵敏'] },
      { shift: '夜班', leader: '邵嘉蓉', officers: ['赵敏', '崔伟'] },
    ]);
    expect(await duty.onDutyOf('2026-11-17')).toEqual([]);
  });

  it('keeps the shifts an office sets and refuses them out of order', async () => {
    const three = [
      { key: 'a', name: '早班', startMinute: 8 * 60 },
      { key: 'b', name: '中班', startMinute: 16 * 60 },
      { key: 'c', name: '夜班', startMinute: 24 * 60 - 1 },
    ];
    await duty.saveShifts(three, as.secretary);
    expect(await duty.shifts()).toEqual(three);
    const refusal = await rejection(duty.saveShifts([...three].reverse(), as.secretary));
    expect(refusal).toMatchObject({ code: 'invalidInput', params: { message: 'shiftsOutOfOrder' } });
    expect(await duty.shifts()).toEqual(three);
  });
});

describe('shift handover', () => {
  async function openTyphoon() {
    await publishSamplePlan(db);
    const incidents = createIncidentRepository(db, () => clock);
    const id = await incidents.open(
      {
        title: '台风“海燕”影响我区',
        place: '滨江街道沿海一线',
        category: 'natural',
        occurredAt: T0 - 90 * 60_000,
        planId: 'sample-typhoon',
      },
      as.dutyOfficer,
    );
    return (await incidents.get(id))!;
  }

  it('freezes the open items, carries the hand-written ones until done, and is confirmed by the receiver', async () => {
    const incident = await openTyphoon();
    const draft = await duty.draftHandover();
    expect(draft.from).toEqual(slotAt(SAMPLE_SHIFTS, T0));
    expect(draft.to).toEqual(nextSlot(SAMPLE_SHIFTS, draft.from));
    expect(draft.openItems[0]).toMatchObject({ kind: 'incident', incidentId: incident.id });
    expect(draft.openItems[0]!.text).toBe(`${incident.serial} 台风“海燕”影响我区：监测`);
    // 书面初报 is due an hour after the event, which was ninety minutes ago.
    expect(draft.openItems.some((i) => i.kind === 'report' && i.text.includes('可能迟报'))).toBe(true);

    const sheet = await duty.handOver(
      { receiverId: incoming.personId, newItems: ['回电区水务局确认泵站情况'], notes: '夜间风力加大' },
      as.dutyOfficer,
    );
    expect(sheet).toMatchObject({ receiverName: '赵敏', receivedAt: null, handedBy: as.dutyOfficer });
    expect(sheet.items.map((i) => i.kind)).toEqual([...draft.openItems.map((i) => i.kind), 'note']);

    // The next sheet (the day shift, fifteen hours on) waits for this one to be confirmed, by the named
    // receiver only.
    clock += 15 * 3_600_000;
    expect(await rejection(duty.handOver({ receiverId: as.dutyOfficer.personId }, incoming))).toMatchObject({
      code: 'handoverPending',
    });
    expect(await rejection(duty.receive(sheet.id, as.dutyOfficer))).toMatchObject({ code: 'selfReceipt' });
    expect(await rejection(duty.receive(sheet.id, as.secretary))).toMatchObject({
      code: 'notReceiver',
      params: { name: '赵敏' },
    });
    await duty.receive(sheet.id, incoming);
    expect(await rejection(duty.receive(sheet.id, incoming))).toMatchObject({ code: 'alreadyReceived' });

    const note = sheet.items.find((i) => i.kind === 'note')!;
    const next = await duty.draftHandover();
    expect(next.carried.map((i) => i.text)).toEqual(['回电区水务局确认泵站情况']);
    const kept = await duty.handOver({ receiverId: as.dutyOfficer.personId }, incoming);
    expect(kept.items.filter((i) => i.kind === 'note')).toEqual([
      { ...note, carriedFrom: expect.stringMatching(/^\d+月\d+日 (白班|夜班)$/) },
    ]);
    await duty.receive(kept.id, as.dutyOfficer);

    clock += 9 * 3_600_000;
    const done = await duty.handOver({ receiverId: incoming.personId, closedIds: [note.id] }, as.dutyOfficer);
    expect(done.items.filter((i) => i.kind === 'note')).toEqual([]);
    expect(done.closedItems).toEqual(['回电区水务局确认泵站情况']);
    expect((await duty.listHandovers()).map((h) => h.id)).toEqual([done.id, kept.id, sheet.id]);
  });

  it('refuses a second sheet for the same shift and a handover to oneself', async () => {
    expect(
      await rejection(duty.handOver({ receiverId: as.dutyOfficer.personId }, as.dutyOfficer)),
    ).toMatchObject({
      code: 'selfReceipt',
    });
    const sheet = await duty.handOver({ receiverId: incoming.personId }, as.dutyOfficer);
    await duty.receive(sheet.id, incoming);
    expect(await rejection(duty.handOver({ receiverId: as.dutyOfficer.personId }, incoming))).toMatchObject({
      code: 'alreadyHandedOver',
    });
    expect(await db.handovers.count()).toBe(1);
  });
});
