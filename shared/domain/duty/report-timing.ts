/**
 * Where each incident's reporting deadlines stood at a moment in the past or now: reports sent after that
 * moment did not exist yet, so a brief for last Tuesday says what was 可能迟报 on Tuesday evening, not what
 * is known today. Shared by the daily brief and the weekly / monthly summaries.
 */
import type { Incident } from '../incident/incident';
import type { ReportRule } from '../incident/report-deadlines';
import { deadlinesOf, type DeadlineView, type IncidentReport } from '../incident/reports';

export type TimedIncident = Pick<Incident, 'id' | 'grade' | 'occurredAt' | 'receivedAt'>;
export type TimedReport = Pick<IncidentReport, 'id' | 'incidentId' | 'kind' | 'channel' | 'sentAt'>;

export function groupByIncident<T extends { incidentId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.incidentId);
    if (group) group.push(row);
    else groups.set(row.incidentId, [row]);
  }
  return groups;
}

/** Each incident's deadlines as they stood at `asOf` (reports sent later are left out). */
export function deadlinesAsOf(
  rules: readonly ReportRule[],
  incidents: readonly TimedIncident[],
  reports: readonly TimedReport[],
  asOf: number,
): Map<string, DeadlineView[]> {
  const sent = groupByIncident(reports.filter((r) => r.sentAt !== null && r.sentAt <= asOf));
  return new Map(
    incidents.map((incident) => [
      incident.id,
      deadlinesOf(rules, incident, sent.get(incident.id) ?? [], asOf),
    ]),
  );
}

/** How a sent report answered its deadlines: late when it missed any of them, by the most it missed. */
export function reportTiming(
  reportId: string,
  deadlines: readonly DeadlineView[],
): { timing: 'onTime' | 'late' | 'noDeadline'; lateByMs: number } {
  const answered = deadlines.filter((d) => d.reportId === reportId);
  if (answered.length === 0) return { timing: 'noDeadline', lateByMs: 0 };
  const lateBy = Math.max(0, ...answered.map((d) => (d.state.state === 'late' ? d.state.lateByMs : 0)));
  return lateBy > 0 ? { timing: 'late', lateByMs: lateBy } : { timing: 'onTime', lateByMs: 0 };
}
