/**
 * What the 演练事件 of a tabletop measured, from the incident's own records (no typing): whether each report
 * the reporting rules demand was sent in time (初报 within its limit), how long each response level took from
 * its proposal — the triggers being met, or a discretionary raise — to its approval, and when the 四个一 were
 * complete. The players work the incident in real time, so these are real durations (the drill clock's speed
 * only moves the script). A deadline still running at the end of the drill is shown as such, not as met.
 */
import type { IncidentReport } from '../incident/reports';
import { deadlinesOf } from '../incident/reports';
import type { EventGrade, ReportRule } from '../incident/report-deadlines';
import type { PlanEvent } from '../plan/plan-events';
import type { Activation } from '../plan/plan-context';
import type { ResponseLevel } from '../plan/levels';

export const FOUR_ONES_PARTS = ['leader', 'taskForce', 'specialPlan', 'channel'] as const;
export type FourOnesPart = (typeof FOUR_ONES_PARTS)[number];

export interface ReportDeadlineMetric {
  label: string;
  kind: IncidentReport['kind'];
  channel: IncidentReport['channel'];
  dueAt: number;
  sentAt: number | null;
  /** met / late: sent before or after its deadline; overdue: unsent and past it; open: unsent, still running. */
  outcome: 'met' | 'late' | 'overdue' | 'open';
  /** How late it was sent, or has been unsent past its deadline. */
  lateByMs: number | null;
}

export interface ActivationMetric {
  level: ResponseLevel;
  source: 'triggers' | 'discretionary' | null;
  proposedAt: number | null;
  approvedAt: number;
  /** Proposal to approval; null for a level ordered from above (no proposal here). */
  proposalToApprovalMs: number | null;
}

export interface FourOnesMetric {
  /** When each part was first settled; null while it is not. */
  parts: Record<FourOnesPart, number | null>;
  /** When the last of the four was settled; null while any is missing. */
  completedAt: number | null;
  /** From the desk learning of the incident to the 四个一 being complete. */
  completionMs: number | null;
}

export interface DrillIncidentMetrics {
  receivedAt: number;
  reports: ReportDeadlineMetric[];
  reportsMet: number;
  activations: ActivationMetric[];
  fourOnes: FourOnesMetric;
  tasks: { issued: number; done: number };
}

export interface DrillIncidentMaterial {
  incident: { grade: EventGrade; occurredAt: number; receivedAt: number };
  rules: readonly ReportRule[];
  reports: readonly Pick<IncidentReport, 'id' | 'kind' | 'channel' | 'sentAt' | 'answered'>[];
  events: readonly PlanEvent[];
  activations: readonly Activation[];
  tasks: { issued: number; done: number };
}

const FOUR_ONES_EVENT: Record<FourOnesPart, PlanEvent['type']> = {
  leader: 'fourOnes.leader',
  taskForce: 'fourOnes.taskForce',
  specialPlan: 'fourOnes.specialPlan',
  channel: 'fourOnes.channel',
};

export function drillIncidentMetrics(material: DrillIncidentMaterial, at: number): DrillIncidentMetrics {
  const { incident } = material;
  const reports = deadlinesOf(material.rules, incident, material.reports, at).map(
    ({ deadline, state, reportId }): ReportDeadlineMetric => {
      const sentAt = material.reports.find((r) => r.id === reportId)?.sentAt ?? null;
      const base = {
        label: deadline.label,
        kind: deadline.kind,
        channel: deadline.channel,
        dueAt: deadline.dueAt,
      };
      switch (state.state) {
        case 'met':
          return { ...base, sentAt, outcome: 'met', lateByMs: null };
        case 'late':
          return { ...base, sentAt, outcome: 'late', lateByMs: state.lateByMs };
        case 'overdue':
          return { ...base, sentAt: null, outcome: 'overdue', lateByMs: state.lateByMs };
        default:
          return { ...base, sentAt: null, outcome: 'open', lateByMs: null };
      }
    },
  );
  const parts = Object.fromEntries(
    FOUR_ONES_PARTS.map((part) => [part, firstAt(material.events, FOUR_ONES_EVENT[part])]),
  ) as Record<FourOnesPart, number | null>;
  const settled = Object.values(parts);
  const completedAt = settled.every((t) => t !== null) ? Math.max(...(settled as number[])) : null;
  return {
    receivedAt: incident.receivedAt,
    reports,
    reportsMet: reports.filter((r) => r.outcome === 'met').length,
    activations: material.activations.map((a) => ({
      level: a.level,
      source: a.proposalSource ?? null,
      proposedAt: a.proposedAt ?? null,
      approvedAt: a.at,
      proposalToApprovalMs: a.proposedAt == null ? null : Math.max(0, a.at - a.proposedAt),
    })),
    fourOnes: {
      parts,
      completedAt,
      completionMs: completedAt === null ? null : Math.max(0, completedAt - incident.receivedAt),
    },
    tasks: material.tasks,
  };
}

function firstAt(events: readonly PlanEvent[], type: PlanEvent['type']): number | null {
  const found = events.find((e) => e.type === type);
  return found ? found.at : null;
}
