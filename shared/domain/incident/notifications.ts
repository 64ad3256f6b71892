/**
 * 通知与叫应: a notice relayed to a list of people (chosen by command role or by hand). With no network the
 * operator makes the calls; the desk keeps when each was notified and when they answered (叫应), and flags
 * those who have not answered N minutes after being notified, once each.
 */
import { z } from '../../validation/z';
import type { Authored } from '../org/types';

export interface Recipient {
  personId: string;
  name: string;
  unitName: string;
  phone: string;
  notifiedAt: number | null;
  acknowledgedAt: number | null;
  /** Logged as unanswered already. */
  flagged: boolean;
}

export interface IncidentNotification extends Authored {
  id: string;
  incidentId: string;
  subject: string;
  ackWithinMinutes: number;
  recipients: Recipient[];
}

export const notificationInputSchema = z.object({
  subject: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(300, { error: 'tooLong' }),
  ackWithinMinutes: z
    .number({ error: 'required' })
    .int({ error: 'integerRequired' })
    .min(1, { error: 'positiveRequired' })
    .max(1440, { error: 'tooLarge' }),
  personIds: z.array(z.string()).min(1, { error: 'recipientsRequired' }),
});
export type NotificationInput = z.input<typeof notificationInputSchema>;

export type RecipientState = 'toCall' | 'awaiting' | 'overdue' | 'acknowledged';

export function recipientState(recipient: Recipient, ackWithinMinutes: number, now: number): RecipientState {
  if (recipient.acknowledgedAt !== null) return 'acknowledged';
  if (recipient.notifiedAt === null) return 'toCall';
  return now - recipient.notifiedAt > ackWithinMinutes * 60_000 ? 'overdue' : 'awaiting';
}

/** The recipients newly past their answer time: to be highlighted and logged once. */
export function newlyOverdue(notification: IncidentNotification, now: number): Recipient[] {
  return notification.recipients.filter(
    (r) => !r.flagged && recipientState(r, notification.ackWithinMinutes, now) === 'overdue',
  );
}

export type RecipientAction = { kind: 'notified' } | { kind: 'acknowledged' };

/** Records a call or an answer; an answer without a recorded call counts as both at once. */
export function recordContact(recipient: Recipient, action: RecipientAction, at: number): Recipient {
  if (action.kind === 'notified')
    return recipient.notifiedAt === null ? { ...recipient, notifiedAt: at } : recipient;
  return recipient.acknowledgedAt === null
    ? { ...recipient, notifiedAt: recipient.notifiedAt ?? at, acknowledgedAt: at }
    : recipient;
}

export function contactLine(recipient: Recipient, action: RecipientAction): string {
  return action.kind === 'notified'
    ? `已通知${recipient.name}（${recipient.unitName}）`
    : `${recipient.name}已回复叫应`;
}
