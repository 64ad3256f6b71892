import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';
import { createNotificationRepository, type NotificationRepository } from './notification-repository';

const MIN = 60_000;
const T0 = Date.parse('2026-11-23T02:00:00+08:00');
let db: EmergencyDeskDatabase;
let incidents: IncidentRepository;
let notifications: NotificationRepository;
let clock = T0;

beforeEach(async () => {
  clock = T0;
  db = new EmergencyDeskDatabase(`notify-${crypto.randomUUID()}`);
  await db.open();
  const stamp = { createdAt: 0, createdBy: null, updatedAt: 0, updatedBy: null };
  await db.units.add({
    id: 'u1',
    name: '区应急管理局',
    kind: 'department',
    parentId: null,
    order: 0,
    ...stamp,
  } as never);
  for (const [id, name] of [
    ['p1', '黄欣刚'],
    ['p2', '刘志蓉'],
  ] as const)
    await db.people.add({
      id,
      name,
      unitId: 'u1',
      title: '',
      mobile: '13900000000',
      officePhone: '',
      positionIds: [],
      pin: null,
      note: '',
      searchText: name,
      ...stamp,
    });
  incidents = createIncidentRepository(db, () => clock);
  notifications = createNotificationRepository(db, () => clock);
});
afterEach(async () => {
  await db.delete();
});

describe('notification repository', () => {
  it('keeps when each person was called and answered, and logs an unanswered call once', async () => {
    const incidentId = await incidents.open(
      { title: '台风影响', place: '滨江村', category: 'natural', occurredAt: T0 - MIN },
      as.dutyOfficer,
    );
    expect(
      (
        await rejection(
          notifications.create(
            incidentId,
            { subject: '到岗', ackWithinMinutes: 10, personIds: [] },
            as.dutyOfficer,
          ),
        )
      ).params,
    ).toEqual({ field: 'personIds', message: 'recipientsRequired' });
    const id = await notifications.create(
      incidentId,
      { subject: '启动Ⅳ级响应，请立即到岗', ackWithinMinutes: 10, personIds: ['p1', 'p2'] },
      as.dutyOfficer,
    );
    clock += MIN;
    await notifications.record(id, 'p1', { kind: 'notified' }, as.dutyOfficer);
    await notifications.record(id, 'p2', { kind: 'notified' }, as.dutyOfficer);
    clock += 5 * MIN;
    await notifications.record(id, 'p2', { kind: 'acknowledged' }, as.dutyOfficer);
    clock += 6 * MIN;
    expect(await notifications.flagOverdue(incidentId)).toBe(1);
    expect(await notifications.flagOverdue(incidentId)).toBe(0);
    const [notification] = await notifications.list(incidentId);
    expect(notification?.recipients.map((r) => [r.name, r.notifiedAt, r.acknowledgedAt])).toEqual([
      ['黄欣刚', T0 + MIN, null],
      ['刘志蓉', T0 + MIN, T0 + 6 * MIN],
    ]);
    const incident = (await incidents.get(incidentId))!;
    const log = await incidents.logRange(incidentId, 1, incident.logCount);
    expect(log.filter((e) => e.category === 'notice').map((e) => e.text)).toEqual([
      '通知叫应：启动Ⅳ级响应，请立即到岗（黄欣刚、刘志蓉，10分钟内回复）',
      '已通知黄欣刚（区应急管理局）',
      '已通知刘志蓉（区应急管理局）',
      '刘志蓉已回复叫应',
      '叫应超时：黄欣刚（区应急管理局）通知后10分钟未回复（启动Ⅳ级响应，请立即到岗）',
    ]);
  });
});
