/**
 * 信息报送 of incidents. Drafting, 签发 and sending each write the report and a log line in one transaction.
 * 签发 is checked against the incident's chart (who the 四个一 names for the channel) at the moment of
 * signing; a sent report is frozen; a deadline that passes unsent is logged once as 可能迟报.
 */
import { casualtyText } from '@shared/domain/duty/intake';
import type { Incident } from '@shared/domain/incident/incident';
import type { LogEntryInput } from '@shared/domain/incident/log-chain';
import { GRADE_NAME, type EventGrade, type ReportKind } from '@shared/domain/incident/report-deadlines';
import {
  deadlinesOf,
  durationText,
  nextReportKinds,
  reportDraftSchema,
  reportTitle,
  templateFor,
  templateById,
  whyCannotApproveReport,
  whyCannotSend,
  type IncidentReport,
  type ReportDraft,
} from '@shared/domain/incident/reports';
import type { Actor } from '@shared/domain/org/types';
import { formatLocalTime } from '@shared/domain/plan/plan-step';
import type { EmergencyDeskDatabase } from '../database';
import { actTables, requireAct } from './act-guard';
import { appendLog } from './incident-log-writer';
import type { IncidentRepository } from './incident-repository';
import { RepositoryError } from './repository-error';
import { readReportRules } from './settings-repository';
import { parseOrThrow, stamp } from './write-helpers';

const CHANNEL_TEXT = { phone: '电话', written: '书面' } as const;

export function createReportRepository(
  db: EmergencyDeskDatabase,
  incidents: IncidentRepository,
  now: () => number = Date.now,
) {
  // The jurisdiction's rules as stored in 设置 (the sample set until an office stores its own), read at
  // each computation so a changed rule applies to the next one.
  const rules = async () => (await readReportRules(db)).rules;
  const tables = [
    db.incidents,
    db.incidentReports,
    db.incidentLog,
    db.incidentEvents,
    db.plans,
    db.intakes,
    db.settings,
  ];

  async function requireIncident(id: string): Promise<Incident> {
    const incident = await db.incidents.get(id);
    if (!incident) throw new RepositoryError('notFound');
    return incident;
  }

  async function requireReport(id: string): Promise<IncidentReport> {
    const report = await db.incidentReports.get(id);
    if (!report) throw new RepositoryError('notFound');
    return report;
  }

  const line = (at: number, author: Actor | null, text: string, reportId: string): LogEntryInput => ({
    at,
    author,
    category: 'report',
    text,
    links: [{ kind: 'report', id: reportId }],
    corrects: null,
  });

  /** The person the 四个一 names to sign outbound information, as the chart says now. */
  const channelOf = async (incidentId: string) =>
    (await incidents.snapshot(incidentId))?.context.fourOnes.channel ?? null;

  async function firstContent(incident: Incident, templateId: string): Promise<Record<string, string>> {
    const intake = incident.intakeId ? await db.intakes.get(incident.intakeId) : undefined;
    const when = `${formatLocalTime(incident.occurredAt)}，${incident.place}`;
    const casualties = intake
      ? [casualtyText(intake), intake.losses].filter((s) => s.trim() !== '').join('；')
      : '';
    const course = intake ? intake.nature : incident.title;
    const measures = intake?.measuresTaken ?? '';
    return templateId === 'production-safety'
      ? {
          timePlaceScene: `${when}。${intake?.scope ?? ''}`.trim(),
          course,
          casualtiesAndLoss: casualties,
          measuresTaken: measures,
        }
      : {
          timePlace: when,
          course,
          casualtiesAndLoss: casualties,
          scopeAndTrend: [intake?.scope ?? '', intake?.trend ?? ''].filter(Boolean).join('；'),
          measuresTaken: measures,
        };
  }

  return {
    rules,
    list: (incidentId: string) =>
      db.incidentReports.where('incidentId').equals(incidentId).sortBy('createdAt'),
    get: (id: string) => db.incidentReports.get(id),
    channelOf,

    /** A new draft: the 初报 filled from the 接报, a 续报 or 终报 from the last report sent. */
    async create(incidentId: string, kind: ReportKind, actor: Actor): Promise<string> {
      return db.transaction('rw', tables, async () => {
        const incident = await requireIncident(incidentId);
        if (incident.status === 'closed') throw new RepositoryError('incidentClosed');
        const reports = await db.incidentReports.where('incidentId').equals(incidentId).sortBy('createdAt');
        if (!nextReportKinds(reports).includes(kind)) throw new RepositoryError('reportKindNotNow');
        const template = templateFor(incident.category);
        const previous = reports.filter((r) => r.status === 'sent').at(-1);
        const at = now();
        const report: IncidentReport = {
          id: crypto.randomUUID(),
          incidentId,
          kind,
          number: kind === 'followUp' ? reports.filter((r) => r.kind === 'followUp').length + 1 : 0,
          channel: previous?.channel ?? 'written',
          recipient: previous?.recipient ?? '',
          templateId: previous?.templateId ?? template.id,
          content: previous ? { ...previous.content } : await firstContent(incident, template.id),
          status: 'draft',
          approval: null,
          sentAt: null,
          sentBy: null,
          ...stamp(at, actor),
        };
        await db.incidentReports.add(report);
        await appendLog(db, incidentId, [line(at, actor, `起草${reportTitle(report)}`, report.id)]);
        return report.id;
      });
    },

    /** Saves a draft. Changing a signed report voids its 签发; a sent report is frozen. */
    async save(id: string, draft: ReportDraft, actor: Actor): Promise<void> {
      const values = parseOrThrow(reportDraftSchema.safeParse(draft));
      await db.transaction('rw', tables, async () => {
        const report = await requireReport(id);
        if (report.status === 'sent') throw new RepositoryError('reportFrozen');
        const template = templateById(report.templateId);
        const content = Object.fromEntries(template.fields.map((f) => [f.key, values.content[f.key] ?? '']));
        const at = now();
        await db.incidentReports.put({
          ...report,
          ...values,
          content,
          status: 'draft',
          approval: null,
          ...stamp(at, actor, report),
        });
        if (report.status === 'approved')
          await appendLog(db, report.incidentId, [
            line(at, actor, `修改已签发的${reportTitle(report)}，原签发作废，须重新签发`, id),
          ]);
      });
    },

    /**
     * 签发 by the channel's approver: refused with the reason (not the approver, required content missing, no
     * role to sign, or a PIN not confirmed).
     */
    async approve(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', [...tables, ...actTables(db)], async () => {
        const report = await requireReport(id);
        const why = whyCannotApproveReport(report, await channelOf(report.incidentId), actor);
        if (why) throw new RepositoryError('reportRefused', { why });
        const at = now();
        await requireAct(db, 'report.approve', actor, at);
        await db.incidentReports.put({ ...report, status: 'approved', approval: { actor, at } });
        await appendLog(db, report.incidentId, [line(at, actor, `签发${reportTitle(report)}`, id)]);
      });
    },

    /** Marks a signed report sent; it is frozen from then on and answers its deadline. */
    async send(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const report = await requireReport(id);
        const why = whyCannotSend(report);
        if (why) throw new RepositoryError('reportRefused', { why });
        const incident = await requireIncident(report.incidentId);
        const at = now();
        const sent: IncidentReport = { ...report, status: 'sent', sentAt: at, sentBy: actor };
        const others = (
          await db.incidentReports.where('incidentId').equals(report.incidentId).toArray()
        ).filter((r) => r.id !== id);
        const answered = deadlinesOf(await rules(), incident, [...others, sent], at).filter(
          (d) => d.reportId === id,
        );
        // The deadlines it answered are kept with it, as the rules stood now.
        await db.incidentReports.put({ ...sent, answered: answered.map((d) => d.deadline) });
        const timing = answered
          .map((d) =>
            d.state.state === 'late'
              ? `${d.deadline.label}迟报${durationText(d.state.lateByMs)}`
              : `${d.deadline.label}按时`,
          )
          .join('；');
        await appendLog(db, report.incidentId, [
          line(
            at,
            actor,
            `报送${reportTitle(report)}（${CHANNEL_TEXT[report.channel]}）至${report.recipient}${timing ? `：${timing}` : ''}`,
            id,
          ),
        ]);
      });
    },

    async setGrade(incidentId: string, grade: EventGrade, actor: Actor): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const incident = await requireIncident(incidentId);
        if (incident.grade === grade) return;
        const at = now();
        await db.incidents.update(incidentId, { grade, updatedAt: at, updatedBy: actor });
        await appendLog(db, incidentId, [
          {
            at,
            author: actor,
            category: 'decision',
            text: `事件分级由${GRADE_NAME[incident.grade]}调整为${GRADE_NAME[grade]}（报送时限随之调整）`,
            links: [],
            corrects: null,
          },
        ]);
      });
    },

    /** Logs each deadline that has passed unsent, once (可能迟报). Returns how many it logged. */
    async flagOverdue(incidentId: string): Promise<number> {
      return db.transaction('rw', tables, async () => {
        const incident = await db.incidents.get(incidentId);
        if (!incident || incident.status === 'closed') return 0;
        const at = now();
        const reports = await db.incidentReports.where('incidentId').equals(incidentId).toArray();
        const fresh = deadlinesOf(await rules(), incident, reports, at).filter(
          (d) => d.state.state === 'overdue' && !incident.flaggedDeadlines.includes(d.deadline.ruleId),
        );
        if (fresh.length === 0) return 0;
        await db.incidents.update(incidentId, {
          flaggedDeadlines: [...incident.flaggedDeadlines, ...fresh.map((d) => d.deadline.ruleId)],
        });
        await appendLog(
          db,
          incidentId,
          fresh.map((d) => ({
            at,
            author: null,
            category: 'report' as const,
            text: `可能迟报：${d.deadline.label}时限${formatLocalTime(d.deadline.dueAt)}已过，尚未报送`,
            links: [],
            corrects: null,
          })),
        );
        return fresh.length;
      });
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
