/**
 * 值班排班 and 交接班. The shifts are a setting (the sample office's 白班/夜班 until changed); the roster is one
 * row per date and shift; a handover sheet freezes the desk's open items as they were read when the outgoing
 * officer handed over, carries the hand-written items not yet 已办结, and is confirmed by the named receiver.
 */
import { realIncidents } from '@shared/domain/incident/drill-incident';
import type { OnDutyShift } from '@shared/domain/duty/daily-brief';
import {
  handoverInputSchema,
  itemsToCarry,
  openItems,
  whyCannotReceive,
  type Handover,
  type HandoverInput,
  type HandoverItem,
  type OpenIncidentState,
} from '@shared/domain/duty/handover';
import {
  copiedWeek,
  rosterId,
  rosterInputSchema,
  type RosterEntry,
  type RosterInput,
} from '@shared/domain/duty/roster';
import {
  addDays,
  nextSlot,
  SAMPLE_SHIFTS,
  sameSlot,
  shiftsSchema,
  slotAt,
  slotText,
  slotWindow,
  weekDates,
  type ShiftDefinition,
  type ShiftSlot,
} from '@shared/domain/duty/shifts';
import { taskBoard } from '@shared/domain/incident/incident-tasks';
import { deadlinesOf } from '@shared/domain/incident/reports';
import type { Actor } from '@shared/domain/org/types';
import { phaseOf } from '@shared/domain/plan/replay';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import type { IncidentRepository } from './incident-repository';
import type { NotificationRepository } from './notification-repository';
import type { ReportRepository } from './report-repository';
import { RepositoryError } from './repository-error';
import { parseOrThrow, stamp } from './write-helpers';

const SHIFTS_KEY = 'dutyShifts';
const RUNNING_PHASES = ['monitoring', 'warning', 'response'];

export interface HandoverDraft {
  from: ShiftSlot;
  to: ShiftSlot;
  openItems: Omit<HandoverItem, 'id'>[];
  carried: HandoverItem[];
  intakeCount: number;
  /** The first person rostered on the next shift (its first 值班员, else its 带班领导). */
  suggestedReceiverId: string | null;
  /** A sheet handed over and not yet confirmed: the next one waits for it. */
  pending: Handover | null;
}

export function createDutyRepository(
  db: EmergencyDeskDatabase,
  desk: { incidents: IncidentRepository; reports: ReportRepository; notifications: NotificationRepository },
  now: () => number = Date.now,
) {
  async function shifts(): Promise<ShiftDefinition[]> {
    const row = await db.settings.get(SHIFTS_KEY);
    const parsed = shiftsSchema.safeParse(row?.value);
    return parsed.success ? parsed.data : [...SAMPLE_SHIFTS];
  }

  async function checkPeople(ids: readonly string[]): Promise<void> {
    const people = await db.people.bulkGet([...ids]);
    if (people.some((p) => !p)) throw new RepositoryError('notFound');
  }

  async function stateOf(incidentId: string, at: number): Promise<OpenIncidentState | null> {
    const incident = await db.incidents.get(incidentId);
    if (!incident) return null;
    const [snapshot, taskStates, reports, rules, notifications] = await Promise.all([
      desk.incidents.snapshot(incidentId),
      desk.incidents.tasks(incidentId),
      desk.reports.list(incidentId),
      desk.reports.rules(),
      desk.notifications.list(incidentId),
    ]);
    const running = snapshot ? RUNNING_PHASES.includes(phaseOf(snapshot)) : true;
    return {
      incident,
      tasks: taskBoard(snapshot?.context.tasks ?? [], taskStates, at, running),
      deadlines: deadlinesOf(rules, incident, reports, at),
      notifications,
    };
  }

  const latestHandover = () => db.handovers.orderBy('handedAt').last();

  /** What a handover made now would say: the desk read now, the items carried from the last sheet. */
  async function draftHandover(): Promise<HandoverDraft> {
    const at = now();
    const known = await shifts();
    const from = slotAt(known, at);
    const to = nextSlot(known, from);
    const window = slotWindow(known, from);
    const [open, previous, nextRoster, intakeCount] = await Promise.all([
      db.incidents.where('status').equals('open').toArray().then(realIncidents),
      latestHandover(),
      db.dutyRoster.get(rosterId(to)),
      db.intakes.where('receivedAt').between(window.start, window.end, true, false).count(),
    ]);
    const states = (await Promise.all(open.map((i) => stateOf(i.id, at)))).filter(
      (s): s is OpenIncidentState => s !== null,
    );
    return {
      from,
      to,
      openItems: openItems(
        states.sort((a, b) => a.incident.serial.localeCompare(b.incident.serial)),
        at,
      ),
      carried: itemsToCarry(previous),
      intakeCount,
      suggestedReceiverId: nextRoster?.officerIds[0] ?? nextRoster?.leaderId ?? null,
      pending: previous && previous.receivedAt === null ? previous : null,
    };
  }

  return {
    shifts,

    async saveShifts(input: readonly ShiftDefinition[], actor: Actor): Promise<void> {
      const values = parseOrThrow(shiftsSchema.safeParse(input));
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.put({ key: SHIFTS_KEY, value: values });
        await db.audit.add(
          auditEntry(now(), actor, 'update', 'settings', SHIFTS_KEY, values.map((s) => s.name).join('/')),
        );
      });
    },

    /** The rows of the given dates (a week of the roster). */
    rosterOf: (dates: readonly string[]) =>
      db.dutyRoster
        .where('date')
        .anyOf([...dates])
        .toArray(),
    rosterAt: (slot: ShiftSlot) => db.dutyRoster.get(rosterId(slot)),

    async saveRoster(slot: ShiftSlot, input: RosterInput, actor: Actor): Promise<void> {
      const values = parseOrThrow(rosterInputSchema.safeParse(input));
      const known = await shifts();
      if (!known.some((s) => s.key === slot.shiftKey)) throw new RepositoryError('notFound');
      await db.transaction('rw', db.dutyRoster, db.people, db.audit, async () => {
        await checkPeople([values.leaderId, ...values.officerIds]);
        const id = rosterId(slot);
        const existing = await db.dutyRoster.get(id);
        const entry: RosterEntry = {
          ...values,
          date: slot.date,
          shiftKey: slot.shiftKey,
          id,
          ...stamp(now(), actor, existing),
        };
        await db.dutyRoster.put(entry);
        await db.audit.add(
          auditEntry(now(), actor, existing ? 'update' : 'create', 'dutyRoster', id, slotText(known, slot)),
        );
      });
    },

    async clearRoster(slot: ShiftSlot, actor: Actor): Promise<void> {
      const known = await shifts();
      await db.transaction('rw', db.dutyRoster, db.audit, async () => {
        const id = rosterId(slot);
        if (!(await db.dutyRoster.get(id))) return;
        await db.dutyRoster.delete(id);
        await db.audit.add(auditEntry(now(), actor, 'delete', 'dutyRoster', id, slotText(known, slot)));
      });
    },

    /** 复制上周: the week before `monday`'s onto its shifts that have no row yet. Returns how many were made. */
    async copyPreviousWeek(monday: string, actor: Actor): Promise<number> {
      const target = weekDates(monday);
      const source = weekDates(addDays(target[0]!, -7));
      return db.transaction('rw', db.dutyRoster, db.audit, async () => {
        const [from, existing] = await Promise.all([
          db.dutyRoster.where('date').anyOf(source).toArray(),
          db.dutyRoster.where('date').anyOf(target).primaryKeys(),
        ]);
        const copies = copiedWeek(from, (date) => addDays(date, 7), new Set(existing));
        const at = now();
        await db.dutyRoster.bulkPut(
          copies.map(({ slot, values }) => ({ ...values, ...slot, id: rosterId(slot), ...stamp(at, actor) })),
        );
        if (copies.length > 0)
          await db.audit.add(
            auditEntry(at, actor, 'create', 'dutyRoster', target[0]!, `复制上周排班 ${copies.length} 班次`),
          );
        return copies.length;
      });
    },

    /** Who stood each rostered shift of a date, by name, in shift order: the 每日简况's 值班人员. */
    async onDutyOf(date: string): Promise<OnDutyShift[]> {
      const [known, rows] = await Promise.all([shifts(), db.dutyRoster.where('date').equals(date).toArray()]);
      const people = await db.people.bulkGet([
        ...new Set(rows.flatMap((r) => [r.leaderId, ...r.officerIds])),
      ]);
      const nameOf = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
      const name = (id: string) => nameOf.get(id) ?? '（已删除人员）';
      return known.flatMap((shift) => {
        const row = rows.find((r) => r.shiftKey === shift.key);
        return row
          ? [
              {
                shift: slotText(known, row).split(' ')[1]!,
                leader: name(row.leaderId),
                officers: row.officerIds.map(name),
              },
            ]
          : [];
      });
    },

    listHandovers: (limit = 100) => db.handovers.orderBy('handedAt').reverse().limit(limit).toArray(),
    getHandover: (id: string) => db.handovers.get(id),

    draftHandover,

    /**
     * 交班: writes the sheet. The open items are read again here, so the sheet says what was open at the
     * moment it was handed over, not when the form was opened.
     */
    async handOver(input: HandoverInput, actor: Actor): Promise<Handover> {
      const values = parseOrThrow(handoverInputSchema.safeParse(input));
      const draft = await draftHandover();
      const known = await shifts();
      return db.transaction('rw', db.handovers, db.people, db.audit, async () => {
        const previous = await latestHandover();
        if (previous && previous.receivedAt === null) throw new RepositoryError('handoverPending');
        if (previous && sameSlot(previous.from, draft.from)) throw new RepositoryError('alreadyHandedOver');
        const receiver = await db.people.get(values.receiverId);
        if (!receiver) throw new RepositoryError('notFound');
        if (receiver.id === actor.personId) throw new RepositoryError('selfReceipt');
        const closed = new Set(values.closedIds);
        const fromText = slotText(known, draft.from);
        const items: HandoverItem[] = [
          ...draft.openItems.map((item) => ({ ...item, id: crypto.randomUUID() })),
          ...itemsToCarry(previous)
            .filter((item) => !closed.has(item.id))
            .map((item) => ({ ...item, carriedFrom: item.carriedFrom ?? slotText(known, previous!.from) })),
          ...values.newItems.map((text) => ({
            id: crypto.randomUUID(),
            kind: 'note' as const,
            incidentId: null,
            text,
            carriedFrom: null,
          })),
        ];
        const at = now();
        const handover: Handover = {
          id: crypto.randomUUID(),
          from: draft.from,
          to: draft.to,
          handedAt: at,
          handedBy: actor,
          receiverId: receiver.id,
          receiverName: receiver.name,
          receivedAt: null,
          receivedBy: null,
          items,
          closedItems: itemsToCarry(previous)
            .filter((item) => closed.has(item.id))
            .map((item) => item.text),
          intakeCount: draft.intakeCount,
          notes: values.notes,
          ...stamp(at, actor),
        };
        await db.handovers.add(handover);
        await db.audit.add(
          auditEntry(at, actor, 'create', 'handover', handover.id, `${fromText} 交班给 ${receiver.name}`),
        );
        return handover;
      });
    },

    /** 接班: the named receiver confirms the sheet. */
    async receive(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', db.handovers, db.audit, async () => {
        const handover = await db.handovers.get(id);
        if (!handover) throw new RepositoryError('notFound');
        const refusal = whyCannotReceive(handover, actor);
        if (refusal) throw new RepositoryError(refusal, { name: handover.receiverName });
        const at = now();
        await db.handovers.put({
          ...handover,
          receivedAt: at,
          receivedBy: actor,
          updatedAt: at,
          updatedBy: actor,
        });
        await db.audit.add(auditEntry(at, actor, 'update', 'handover', id, `${actor.name} 接班`));
      });
    },
  };
}

export type DutyRepository = ReturnType<typeof createDutyRepository>;
