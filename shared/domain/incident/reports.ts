/**
 * 信息报送 of an incident: 初报, 续报一/二/…, 终报. A report is drafted, signed (签发) by the one person the
 * 四个一 names for the information channel (一个口径), then sent; once sent it is frozen. Required content
 * per template guards against 漏报; deadlines come from the jurisdiction's rules (report-deadlines.ts) and are
 * met by the first report of their kind and channel that was sent.
 */
import { z } from '../../validation/z';
import type { EventCategory } from '../duty/intake';
import type { Actor, Authored } from '../org/types';
import {
  deadlineState,
  reportDeadlines,
  type Deadline,
  type DeadlineState,
  type EventGrade,
  type ReportChannel,
  type ReportKind,
  type ReportRule,
} from './report-deadlines';
import { missingFields, PRODUCTION_SAFETY_REPORT, type ReportTemplate } from './report-content';

export const REPORT_KINDS = ['initial', 'followUp', 'final'] as const satisfies readonly ReportKind[];
export const REPORT_CHANNELS = ['phone', 'written'] as const satisfies readonly ReportChannel[];
export type ReportStatus = 'draft' | 'approved' | 'sent';

/** Events that are not production-safety accidents: what a 突发事件信息报告 says (configurable per kind). */
export const GENERAL_REPORT: ReportTemplate = {
  id: 'general',
  name: '突发事件信息报告',
  fields: [
    { key: 'timePlace', label: '事件发生的时间、地点', required: true },
    { key: 'course', label: '事件的基本情况和简要经过', required: true },
    { key: 'casualtiesAndLoss', label: '人员伤亡、失联和财产损失情况', required: true },
    { key: 'scopeAndTrend', label: '影响范围和发展趋势', required: false },
    { key: 'measuresTaken', label: '已经采取的措施', required: true },
    { key: 'nextSteps', label: '下一步工作及需要协调解决的问题', required: false },
  ],
};

export const REPORT_TEMPLATES: readonly ReportTemplate[] = [PRODUCTION_SAFETY_REPORT, GENERAL_REPORT];

export function templateFor(category: EventCategory): ReportTemplate {
  return category === 'accident' ? PRODUCTION_SAFETY_REPORT : GENERAL_REPORT;
}

export function templateById(id: string): ReportTemplate {
  return REPORT_TEMPLATES.find((t) => t.id === id) ?? GENERAL_REPORT;
}

export interface IncidentReport extends Authored {
  id: string;
  incidentId: string;
  kind: ReportKind;
  /** 续报 number (1 for 续报一); 0 for 初报 and 终报. */
  number: number;
  channel: ReportChannel;
  /** 报送对象, e.g. 区委区政府总值班室. */
  recipient: string;
  templateId: string;
  content: Record<string, string>;
  status: ReportStatus;
  approval: { actor: Actor; at: number } | null;
  sentAt: number | null;
  sentBy: Actor | null;
  /**
   * The deadlines this report answered, as the rules stood when it was sent: a later change of the rules
   * does not turn a report sent on time into a late one. Absent on reports sent before it was recorded.
   */
  answered?: Deadline[];
}

export const reportDraftSchema = z.object({
  channel: z.enum(REPORT_CHANNELS, { error: 'required' }),
  recipient: z
    .string({ error: 'required' })
    .trim()
    .min(1, { error: 'required' })
    .max(100, { error: 'tooLong' }),
  content: z.record(z.string(), z.string().trim().max(4000, { error: 'tooLong' })),
});
export type ReportDraft = z.input<typeof reportDraftSchema>;

const CHINESE_NUMBERS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 初报, 续报一 … 续报十, 续报11 …, 终报. */
export function reportTitle(report: Pick<IncidentReport, 'kind' | 'number'>): string {
  if (report.kind === 'initial') return '初报';
  if (report.kind === 'final') return '终报';
  return `续报${CHINESE_NUMBERS[report.number] ?? String(report.number)}`;
}

/** The kinds a new report may be: one 初报 first; 续报 and 终报 once it was sent; nothing after the 终报. */
export function nextReportKinds(reports: readonly Pick<IncidentReport, 'kind' | 'status'>[]): ReportKind[] {
  if (reports.some((r) => r.kind === 'final')) return [];
  if (!reports.some((r) => r.kind === 'initial')) return ['initial'];
  if (!reports.some((r) => r.kind === 'initial' && r.status === 'sent')) return [];
  return ['followUp', 'final'];
}

/** Why this person may not sign the report now, or null. The approver is the 四个一's channel. */
export function whyCannotApproveReport(
  report: Pick<IncidentReport, 'status' | 'content' | 'templateId'>,
  approver: { personId: string; name: string } | null,
  actor: Actor,
): string | null {
  if (report.status === 'sent') return '报告已报送，不能再签发';
  if (report.status === 'approved') return '报告已签发';
  if (!approver) return '尚未指定信息口径签发人（四个一：一个口径报送发布）';
  if (approver.personId !== actor.personId) return `报告须由信息口径签发人${approver.name}签发`;
  const missing = missingFields(templateById(report.templateId), report.content);
  return missing.length ? `必填内容未填写：${missing.map((f) => f.label).join('；')}` : null;
}

export function whyCannotSend(
  report: Pick<IncidentReport, 'status' | 'content' | 'templateId'>,
): string | null {
  if (report.status === 'sent') return '报告已报送';
  const missing = missingFields(templateById(report.templateId), report.content);
  if (missing.length) return `必填内容未填写：${missing.map((f) => f.label).join('；')}`;
  return report.status === 'approved' ? null : '报告尚未签发';
}

export interface DeadlineView {
  deadline: Deadline;
  state: DeadlineState;
  /** The sent report that met (or missed) it. */
  reportId: string | null;
}

/**
 * Every deadline this incident owes, with where it stands at `now` and the report that answered it. A
 * deadline already answered keeps the form it had when its report was sent (the report's `answered`).
 */
export function deadlinesOf(
  rules: readonly ReportRule[],
  event: { grade: EventGrade; occurredAt: number; receivedAt: number },
  reports: readonly Pick<IncidentReport, 'id' | 'kind' | 'channel' | 'sentAt' | 'answered'>[],
  now: number,
): DeadlineView[] {
  const views = reportDeadlines(rules, event).map((current) => {
    const answer = reports
      .filter((r) => r.sentAt !== null && r.kind === current.kind && r.channel === current.channel)
      .sort((a, b) => (a.sentAt ?? 0) - (b.sentAt ?? 0))[0];
    const deadline =
      answer?.answered?.find((d) => d.kind === current.kind && d.channel === current.channel) ?? current;
    return {
      deadline,
      state: deadlineState(deadline.dueAt, now, answer?.sentAt ?? null),
      reportId: answer?.id ?? null,
    };
  });
  return views.sort((a, b) => a.deadline.dueAt - b.deadline.dueAt);
}

/** "1小时05分" / "12分钟" for a countdown or a lateness. */
export function durationText(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours}小时${String(minutes % 60).padStart(2, '0')}分` : `${minutes}分钟`;
}
