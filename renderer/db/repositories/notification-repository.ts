/**
 * 通知与叫应 of incidents: who was to be told what, when each was notified and when they answered. Every
 * call and answer is a log line; an answer overdue is logged once (可能未叫应).
 */
import { incidentMessage } from '@shared/domain/incident/drill-incident';
import {
  contactLine,
  newlyOverdue,
  notificationInputSchema,
  recordContact,
  type IncidentNotification,
  type NotificationInput,
  type RecipientAction,
} from '@shared/domain/incident/notifications';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { appendLog } from './incident-log-writer';
import { RepositoryError } from './repository-error';
import { parseOrThrow, stamp } from './write-helpers';

export function createNotificationRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  const tables = [db.incidents, db.incidentNotifications, db.incidentLog, db.people, db.units];
  const link = (id: string) => [{ kind: 'notice' as const, id }];

  async function requireOpen(incidentId: string) {
    const incident = await db.incidents.get(incidentId);
    if (!incident) throw new RepositoryError('notFound');
    if (incident.status === 'closed') throw new RepositoryError('incidentClosed');
    return incident;
  }

  return {
    list: (incidentId: string) =>
      db.incidentNotifications.where('incidentId').equals(incidentId).sortBy('createdAt'),

    async create(incidentId: string, input: NotificationInput, actor: Actor): Promise<string> {
      const values = parseOrThrow(notificationInputSchema.safeParse(input));
      return db.transaction('rw', tables, async () => {
        const incident = await requireOpen(incidentId);
        const people = await db.people.bulkGet([...new Set(values.personIds)]);
        if (people.some((p) => !p)) throw new RepositoryError('notFound');
        const units = new Map((await db.units.toArray()).map((u) => [u.id, u.name]));
        const at = now();
        const notification: IncidentNotification = {
          id: crypto.randomUUID(),
          incidentId,
          // What is read out on the phone: a drill notice says so first.
          subject: incidentMessage(incident, values.subject),
          ackWithinMinutes: values.ackWithinMinutes,
          recipients: people.flatMap((p) =>
            p
              ? [
                  {
                    personId: p.id,
                    name: p.name,
                    unitName: units.get(p.unitId) ?? '',
                    phone: p.mobile || p.officePhone,
                    notifiedAt: null,
                    acknowledgedAt: null,
                    flagged: false,
                  },
                ]
              : [],
          ),
          ...stamp(at, actor),
        };
        await db.incidentNotifications.add(notification);
        await appendLog(db, incidentId, [
          {
            at,
            author: actor,
            category: 'notice',
            text: `通知叫应：${notification.subject}（${notification.recipients.map((r) => r.name).join('、')}，${values.ackWithinMinutes}分钟内回复）`,
            links: link(notification.id),
            corrects: null,
          },
        ]);
        return notification.id;
      });
    },

    async record(id: string, personId: string, action: RecipientAction, actor: Actor): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const notification = await db.incidentNotifications.get(id);
        if (!notification) throw new RepositoryError('notFound');
        await requireOpen(notification.incidentId);
        const at = now();
        const recipient = notification.recipients.find((r) => r.personId === personId);
        if (!recipient) throw new RepositoryError('notFound');
        const updated = recordContact(recipient, action, at);
        if (updated === recipient) return;
        await db.incidentNotifications.put({
          ...notification,
          recipients: notification.recipients.map((r) => (r.personId === personId ? updated : r)),
          ...stamp(at, actor, notification),
        });
        await appendLog(db, notification.incidentId, [
          {
            at,
            author: actor,
            category: 'notice',
            text: contactLine(recipient, action),
            links: link(id),
            corrects: null,
          },
        ]);
      });
    },

    /** Logs each recipient newly past the answer time, once. Returns how many. */
    async flagOverdue(incidentId: string): Promise<number> {
      return db.transaction('rw', tables, async () => {
        const at = now();
        let count = 0;
        const notifications = await db.incidentNotifications.where('incidentId').equals(incidentId).toArray();
        for (const notification of notifications) {
          const late = newlyOverdue(notification, at);
          if (late.length === 0) continue;
          count += late.length;
          const ids = new Set(late.map((r) => r.personId));
          await db.incidentNotifications.put({
            ...notification,
            recipients: notification.recipients.map((r) =>
              ids.has(r.personId) ? { ...r, flagged: true } : r,
            ),
          });
          await appendLog(
            db,
            incidentId,
            late.map((r) => ({
              at,
              author: null,
              category: 'notice' as const,
              text: `叫应超时：${r.name}（${r.unitName}）通知后${notification.ackWithinMinutes}分钟未回复（${notification.subject}）`,
              links: link(notification.id),
              corrects: null,
            })),
          );
        }
        return count;
      });
    },
  };
}

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
