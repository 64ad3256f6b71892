import { describe, expect, it } from 'vitest';
import {
  newlyOverdue,
  recipientState,
  recordContact,
  type IncidentNotification,
  type Recipient,
} from './notifications';

const MIN = 60_000;
const recipient = (patch: Partial<Recipient> = {}): Recipient => ({
  personId: 'p1',
  name: '黄欣刚',
  unitName: '区应急管理局',
  phone: '13900000000',
  notifiedAt: null,
  acknowledgedAt: null,
  flagged: false,
  ...patch,
});

describe('notifications with 叫应', () => {
  it('goes from to-call to awaiting to overdue, unless answered', () => {
    expect(recipientState(recipient(), 15, 0)).toBe('toCall');
    expect(recipientState(recipient({ notifiedAt: 0 }), 15, 15 * MIN)).toBe('awaiting');
    expect(recipientState(recipient({ notifiedAt: 0 }), 15, 15 * MIN + 1)).toBe('overdue');
    expect(recipientState(recipient({ notifiedAt: 0, acknowledgedAt: 20 * MIN }), 15, 60 * MIN)).toBe(
      'acknowledged',
    );
  });

  it('flags each unanswered recipient once', () => {
    const notification = {
      ackWithinMinutes: 10,
      recipients: [recipient({ notifiedAt: 0 }), recipient({ personId: 'p2', notifiedAt: 0, flagged: true })],
    } as IncidentNotification;
    expect(newlyOverdue(notification, 11 * MIN).map((r) => r.personId)).toEqual(['p1']);
  });

  it('counts an answer without a recorded call as both, and records each only once', () => {
    const answered = recordContact(recipient(), { kind: 'acknowledged' }, 5);
    expect(answered).toMatchObject({ notifiedAt: 5, acknowledgedAt: 5 });
    const called = recordContact(recipient(), { kind: 'notified' }, 3);
    expect(recordContact(called, { kind: 'notified' }, 9)).toBe(called);
  });
});
