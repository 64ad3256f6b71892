/**
 * 交接班: the outgoing shift hands the incoming one a sheet of what is still open — incidents in progress,
 * reports that are due, tasks not done, people who have not answered a notice — plus the items written by
 * hand. The open items are read from the desk at the moment of handover and frozen on the sheet; the
 * hand-written ones carry from shift to shift until someone marks them 已办结. The receiver confirms 接班.
 */
import { z } from '../../validation/z';
import type { Incident } from '../incident/incident';
import type { BoardTask } from '../incident/incident-tasks';
import type { IncidentNotification } from '../incident/notifications';
import { recipientState } from '../incident/notifications';
import type { DeadlineView } from '../incident/reports';
import { durationText } from '../incident/reports';
import { LEVEL_NUMERAL } from '../plan/levels';
import type { Actor, Authored } from '../org/types';
import type { ShiftSlot } from './shifts';

export const HANDOVER_ITEM_KINDS = ['incident', 'report', 'task', 'notice', 'note'] as const;
export type HandoverItemKind = (typeof HANDOVER_ITEM_KINDS)[number];

export interface HandoverItem {
  id: string;
  kind: HandoverItemKind;
  /** The incident an item is about, to open it from the sheet. */
  incidentId: string | null;
  text: string;
  /** A hand-written item first written on an earlier shift's sheet. */
  carriedFrom: string | null;
}

export interface Handover extends Authored {
  id: string;
  from: ShiftSlot;
  to: ShiftSlot;
  handedAt: number;
  handedBy: Actor;
  receiverId: string;
  receiverName: string;
  receivedAt: number | null;
  receivedBy: Actor | null;
  items: HandoverItem[];
  /** Hand-written items of the previous sheet marked 已办结 at this handover (their text, for the record). */
  closedItems: string[];
  /** 接报 received during the outgoing shift. */
  intakeCount: number;
  notes: string;
}

const line = z.string().trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' });

export const handoverInputSchema = z.object({
  receiverId: z.string({ error: 'receiverRequired' }).min(1, { error: 'receiverRequired' }),
  /** Ids of the previous sheet's hand-written items that are done. */
  closedIds: z.array(z.string()).default([]),
  newItems: z.array(line).max(50, { error: 'tooMany' }).default([]),
  notes: z.string().trim().max(1000, { error: 'tooLong' }).default(''),
});
export type HandoverInput = z.input<typeof handoverInputSchema>;

/** One incident's state as the handover reads it. */
export interface OpenIncidentState {
  incident: Pick<Incident, 'id' | 'serial' | 'title' | 'level' | 'phase'>;
  tasks: readonly Pick<BoardTask, 'text' | 'status' | 'overdue' | 'dueAt'>[];
  deadlines: readonly DeadlineView[];
  notifications: readonly Pick<IncidentNotification, 'subject' | 'ackWithinMinutes' | 'recipients'>[];
}

const PHASE_TEXT: Record<string, string> = {
  monitoring: '监测',
  warning: '预警',
  response: '应急响应',
  terminated: '响应已终止',
  aftermath: '善后处置',
};

function incidentLine(incident: OpenIncidentState['incident']): string {
  const phase = PHASE_TEXT[incident.phase] ?? incident.phase;
  const level =
    incident.phase === 'response' && incident.level ? `（${LEVEL_NUMERAL[incident.level]}级）` : '';
  return `${incident.serial} ${incident.title}：${phase}${level}`;
}

function hhmm(at: number): string {
  const d = new Date(at);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The open items of the desk at `now`, incident by incident, in the words a duty officer hands over. */
export function openItems(states: readonly OpenIncidentState[], now: number): Omit<HandoverItem, 'id'>[] {
  return states.flatMap(({ incident, tasks, deadlines, notifications }) => {
    const about = { incidentId: incident.id, carriedFrom: null };
    const items: Omit<HandoverItem, 'id'>[] = [{ ...about, kind: 'incident', text: incidentLine(incident) }];
    for (const view of deadlines) {
      if (view.state.state === 'overdue')
        items.push({
          ...about,
          kind: 'report',
          text: `${incident.serial} ${view.deadline.label}：应于${hhmm(view.deadline.dueAt)}前报送，已超时${durationText(view.state.lateByMs)}（可能迟报）`,
        });
      else if (view.state.state === 'pending' || view.state.state === 'dueSoon')
        items.push({
          ...about,
          kind: 'report',
          text: `${incident.serial} ${view.deadline.label}：应于${hhmm(view.deadline.dueAt)}前报送，剩余${durationText(view.state.remainingMs)}`,
        });
    }
    const notDone = tasks.filter((task) => task.status !== 'done');
    if (notDone.length > 0) {
      const overdue = notDone.filter((task) => task.overdue);
      items.push({
        ...about,
        kind: 'task',
        text:
          `${incident.serial} 未完成任务${notDone.length}项` +
          (overdue.length > 0
            ? `，其中逾期${overdue.length}项：${overdue.map((task) => task.text).join('；')}`
            : ''),
      });
    }
    for (const notice of notifications) {
      const waiting = notice.recipients.filter(
        (r) => recipientState(r, notice.ackWithinMinutes, now) !== 'acknowledged',
      );
      if (waiting.length > 0)
        items.push({
          ...about,
          kind: 'notice',
          text: `${incident.serial} 通知“${notice.subject}”：${waiting.map((r) => r.name).join('、')}未叫应`,
        });
    }
    return items;
  });
}

/** The hand-written items of the last sheet that are still open: they go onto the next one. */
export function itemsToCarry(previous: Pick<Handover, 'id' | 'items'> | undefined): HandoverItem[] {
  return previous ? previous.items.filter((item) => item.kind === 'note') : [];
}

export type HandoverRefusal = 'alreadyReceived' | 'selfReceipt' | 'notReceiver';

/** Why `actor` may not confirm 接班 of this sheet, or null when they may. */
export function whyCannotReceive(
  handover: Pick<Handover, 'receivedAt' | 'handedBy' | 'receiverId'>,
  actor: Pick<Actor, 'personId'>,
): HandoverRefusal | null {
  if (handover.receivedAt !== null) return 'alreadyReceived';
  if (handover.handedBy.personId === actor.personId) return 'selfReceipt';
  if (handover.receiverId !== actor.personId) return 'notReceiver';
  return null;
}
