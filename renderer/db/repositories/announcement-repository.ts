/**
 * 终止公告 of incidents (Art. 86). The text is generated from the incident and its chart until someone saves
 * a draft; the draft lives on the incident row; 签发 checks the signer against the chart at that moment,
 * freezes the text and seals a log line naming it, in one transaction.
 */
import { incidentMessage } from '@shared/domain/incident/drill-incident';
import type { Incident } from '@shared/domain/incident/incident';
import { splitBoard, taskBoard } from '@shared/domain/incident/incident-tasks';
import type { LogEntryInput } from '@shared/domain/incident/log-chain';
import {
  announcementDraftSchema,
  terminationAnnouncement,
  terminationOf,
  whyCannotIssueAnnouncement,
  type AnnouncementDraft,
  type AnnouncementText,
  type TerminationAnnouncement,
} from '@shared/domain/incident/termination-announcement';
import type { Actor } from '@shared/domain/org/types';
import type { ResponseLevel } from '@shared/domain/plan/levels';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { phaseOf } from '@shared/domain/plan/replay';
import type { EmergencyDeskDatabase } from '../database';
import { actTables, requireAct } from './act-guard';
import { appendLog } from './incident-log-writer';
import type { IncidentRepository } from './incident-repository';
import { RepositoryError } from './repository-error';
import { parseOrThrow } from './write-helpers';

const ENDED = ['terminated', 'aftermath', 'closed'];

export interface AnnouncementView {
  incident: Incident;
  plan: Plan;
  /** The stored draft or issued text; null while only the generated one exists. */
  stored: TerminationAnnouncement | null;
  /** What is shown: the stored text, else the text generated from the chart now. */
  text: AnnouncementText;
  level: ResponseLevel;
  terminatedAt: number;
  channel: { personId: string; name: string } | null;
}

export function createAnnouncementRepository(
  db: EmergencyDeskDatabase,
  incidents: IncidentRepository,
  now: () => number = Date.now,
) {
  const tables = [db.incidents, db.incidentLog, db.incidentEvents, db.incidentTasks, db.plans];

  /** The announcement of an incident whose response has ended; null before that (or without a plan). */
  async function view(incidentId: string): Promise<AnnouncementView | null> {
    const incident = await db.incidents.get(incidentId);
    if (!incident?.plan) return null;
    const plan = await db.plans.get([incident.plan.id, incident.plan.version]);
    const snapshot = await incidents.snapshot(incidentId);
    const ended = snapshot ? terminationOf(await incidents.events(incidentId)) : null;
    const level = snapshot?.context.level;
    if (!plan || !snapshot || !ended || !level || !ENDED.includes(phaseOf(snapshot))) return null;
    const states = await db.incidentTasks.where('incidentId').equals(incidentId).toArray();
    const { aftermath } = splitBoard(taskBoard(snapshot.context.tasks, states, ended.at, false));
    const stored = incident.announcement ?? null;
    const text =
      stored ??
      terminationAnnouncement({
        incidentTitle: incident.title,
        place: incident.place,
        occurredAt: incident.occurredAt,
        commandBody: plan.commandBody,
        planTitle: plan.meta.title,
        activations: snapshot.context.activations,
        level,
        terminatedAt: ended.at,
        reason: ended.reason,
        aftermath: aftermath.map((task) => task.text),
      });
    return {
      incident,
      plan,
      stored,
      text: { title: incidentMessage(incident, text.title), body: text.body },
      level,
      terminatedAt: ended.at,
      channel: snapshot.context.fourOnes.channel,
    };
  }

  async function requireView(incidentId: string): Promise<AnnouncementView> {
    const found = await view(incidentId);
    if (!found) throw new RepositoryError('announcementNotNow');
    if (found.incident.status === 'closed') throw new RepositoryError('incidentClosed');
    return found;
  }

  const line = (at: number, actor: Actor, text: string, incidentId: string): LogEntryInput => ({
    at,
    author: actor,
    category: 'decision',
    text,
    links: [{ kind: 'announcement', id: incidentId }],
    corrects: null,
  });

  return {
    view,

    /** Saves the edited text as a draft; the first draft is logged. A signed announcement is frozen. */
    async save(incidentId: string, draft: AnnouncementDraft, actor: Actor): Promise<void> {
      const values = parseOrThrow(announcementDraftSchema.safeParse(draft));
      await db.transaction('rw', tables, async () => {
        const { stored } = await requireView(incidentId);
        if (stored?.status === 'issued') throw new RepositoryError('announcementFrozen');
        const at = now();
        const announcement: TerminationAnnouncement = {
          ...values,
          status: 'draft',
          updatedAt: at,
          updatedBy: actor,
          issued: null,
        };
        await db.incidents.update(incidentId, { announcement, updatedAt: at, updatedBy: actor });
        if (!stored)
          await appendLog(db, incidentId, [line(at, actor, `起草终止公告《${values.title}》`, incidentId)]);
      });
    },

    /**
     * 签发: refused with the reason (not a signer, already signed, no role to sign, a PIN not confirmed);
     * freezes the text shown now and logs it.
     */
    async issue(incidentId: string, actor: Actor): Promise<void> {
      await db.transaction('rw', [...tables, ...actTables(db)], async () => {
        const found = await requireView(incidentId);
        const current = { status: found.stored?.status ?? ('draft' as const), ...found.text };
        const why = whyCannotIssueAnnouncement(current, found, actor);
        if (why) throw new RepositoryError('reportRefused', { why });
        const at = now();
        await requireAct(db, 'report.approve', actor, at);
        const announcement: TerminationAnnouncement = {
          ...found.text,
          status: 'issued',
          updatedAt: at,
          updatedBy: actor,
          issued: { actor, at },
        };
        await db.incidents.update(incidentId, { announcement, updatedAt: at, updatedBy: actor });
        await appendLog(db, incidentId, [line(at, actor, `签发终止公告《${found.text.title}》`, incidentId)]);
      });
    },
  };
}

export type AnnouncementRepository = ReturnType<typeof createAnnouncementRepository>;
