/**
 * 每日简况: what the duty desk received and did on one local day — 接报, incidents opened, closed and still
 * in hand, their log, reports sent and reports late — counted from rows, never from screens. The caller
 * passes the rows of the day and around it; everything outside the day is filtered here, so the function
 * is the one place that decides what "that day" means. A day still running is seen as of `now`.
 */
import type { Incident } from '../incident/incident';
import type { LogEntry } from '../incident/log-chain';
import type { EventGrade, ReportChannel, ReportKind, ReportRule } from '../incident/report-deadlines';
import { reportTitle, type IncidentReport } from '../incident/reports';
import type { ResponseLevel } from '../plan/levels';
import type { EventCategory, Intake } from './intake';
import { highlightKind, isClosingLine, type HighlightKind } from './log-highlights';
import { asOfTime, isWithin, type Period } from './periods';
import { deadlinesAsOf, groupByIncident, reportTiming } from './report-timing';

/** 值班人员 of the day, when a roster provides them; a brief without them shows no such section. */
export interface OnDutyShift {
  shift: string;
  leader: string;
  officers: string[];
}

export type BriefLogLine = Pick<LogEntry, 'incidentId' | 'at' | 'category' | 'text'>;

export interface DailyBriefInput {
  day: Period;
  now: number;
  rules: readonly ReportRule[];
  intakes: readonly Intake[];
  incidents: readonly Incident[];
  /** Log lines of the incidents; lines outside the day are ignored. */
  log: readonly BriefLogLine[];
  reports: readonly IncidentReport[];
  onDuty?: readonly OnDutyShift[];
}

export interface BriefIntakeRow {
  id: string;
  serial: string;
  receivedAt: number;
  occurredAt: number | null;
  category: EventCategory;
  place: string;
  nature: string;
  dead: number;
  injured: number;
  missing: number;
  /** The incident it became by the end of the day, if any. */
  incidentSerial: string | null;
}

export type IncidentMovement = 'opened' | 'closed' | 'openedAndClosed' | 'continuing';

export interface BriefIncidentRow {
  id: string;
  serial: string;
  title: string;
  place: string;
  grade: EventGrade;
  level: ResponseLevel | null;
  openedAt: number;
  closedAt: number | null;
  movement: IncidentMovement;
  /** Log lines written that day. */
  logLines: number;
}

export interface BriefHighlight {
  incidentId: string;
  incidentSerial: string;
  at: number;
  kind: HighlightKind;
  text: string;
}

export interface BriefReportRow {
  id: string;
  incidentSerial: string;
  incidentTitle: string;
  title: string;
  kind: ReportKind;
  channel: ReportChannel;
  recipient: string;
  sentAt: number;
  timing: 'onTime' | 'late' | 'noDeadline';
  lateByMs: number;
}

export interface BriefLateRow {
  incidentId: string;
  incidentSerial: string;
  incidentTitle: string;
  ruleId: string;
  label: string;
  dueAt: number;
  /** 迟报: sent that day after its deadline; 可能迟报: still unsent when the day ended (or now). */
  state: 'late' | 'overdue';
  lateByMs: number;
  sentAt: number | null;
  /** Already logged as 可能迟报 on the incident. */
  isFlagged: boolean;
}

export interface DailyBriefTotals {
  intakes: number;
  intakesToIncidents: number;
  dead: number;
  injured: number;
  missing: number;
  incidentsOpened: number;
  incidentsClosed: number;
  /** 在办事件 when the day ended (or now). */
  incidentsInHand: number;
  logLines: number;
  reportsSent: number;
  reportsLate: number;
  deadlinesOverdue: number;
}

export interface DailyBrief {
  day: Period;
  asOf: number;
  totals: DailyBriefTotals;
  intakes: BriefIntakeRow[];
  incidents: BriefIncidentRow[];
  highlights: BriefHighlight[];
  reports: BriefReportRow[];
  late: BriefLateRow[];
  /** Present only when a roster gave at least one shift. */
  onDuty?: OnDutyShift[];
}

/**
 * When an incident was closed: its chart's 关闭 line when the log given has it, otherwise the row's last
 * change — nothing writes a closed incident's row after closing except the personal-data purge, which
 * leaves `updatedAt` alone.
 */
export function closedAtOf(incident: Pick<Incident, 'status' | 'updatedAt'>, lines: readonly BriefLogLine[]) {
  if (incident.status !== 'closed') return null;
  return lines.find(isClosingLine)?.at ?? incident.updatedAt;
}

export function dailyBrief(input: DailyBriefInput): DailyBrief {
  const { day } = input;
  const asOf = asOfTime(day, input.now);
  const logByIncident = groupByIncident(input.log);

  const incidents = input.incidents
    .map((incident) => ({ incident, closedAt: closedAtOf(incident, logByIncident.get(incident.id) ?? []) }))
    .filter(
      ({ incident, closedAt }) =>
        incident.createdAt < day.end && (closedAt === null || closedAt >= day.start),
    )
    .sort((a, b) => a.incident.createdAt - b.incident.createdAt);
  const incidentById = new Map(incidents.map(({ incident }) => [incident.id, incident]));

  const dayLines = input.log
    .filter((line) => isWithin(line.at, day) && incidentById.has(line.incidentId))
    .sort((a, b) => a.at - b.at);

  const intakes: BriefIntakeRow[] = input.intakes
    .filter((intake) => isWithin(intake.receivedAt, day))
    .sort((a, b) => a.receivedAt - b.receivedAt)
    .map((intake) => {
      const incident = intake.incidentId ? incidentById.get(intake.incidentId) : undefined;
      return {
        id: intake.id,
        serial: intake.serial,
        receivedAt: intake.receivedAt,
        occurredAt: intake.occurredAt,
        category: intake.category,
        place: intake.place,
        nature: intake.nature,
        dead: intake.dead,
        injured: intake.injured,
        missing: intake.missing,
        incidentSerial: incident && incident.createdAt < day.end ? incident.serial : null,
      };
    });

  const incidentRows: BriefIncidentRow[] = incidents.map(({ incident, closedAt }) => {
    const opened = isWithin(incident.createdAt, day);
    const closed = closedAt !== null && isWithin(closedAt, day);
    return {
      id: incident.id,
      serial: incident.serial,
      title: incident.title,
      place: incident.place,
      grade: incident.grade,
      level: incident.level,
      openedAt: incident.createdAt,
      closedAt: closed ? closedAt : null,
      movement: opened && closed ? 'openedAndClosed' : opened ? 'opened' : closed ? 'closed' : 'continuing',
      logLines: dayLines.filter((line) => line.incidentId === incident.id).length,
    };
  });

  const highlights: BriefHighlight[] = dayLines.flatMap((line) => {
    const kind = highlightKind(line);
    const incident = incidentById.get(line.incidentId);
    return kind && incident
      ? [{ incidentId: incident.id, incidentSerial: incident.serial, at: line.at, kind, text: line.text }]
      : [];
  });

  const deadlines = deadlinesAsOf(
    input.rules,
    incidents.map(({ incident }) => incident),
    input.reports,
    asOf,
  );
  const reports: BriefReportRow[] = input.reports
    .filter((r): r is IncidentReport & { sentAt: number } => r.sentAt !== null && isWithin(r.sentAt, day))
    .flatMap((report) => {
      const incident = incidentById.get(report.incidentId);
      if (!incident) return [];
      return [
        {
          id: report.id,
          incidentSerial: incident.serial,
          incidentTitle: incident.title,
          title: reportTitle(report),
          kind: report.kind,
          channel: report.channel,
          recipient: report.recipient,
          sentAt: report.sentAt,
          ...reportTiming(report.id, deadlines.get(incident.id) ?? []),
        },
      ];
    })
    .sort((a, b) => a.sentAt - b.sentAt);

  const late: BriefLateRow[] = incidents
    .flatMap(({ incident }) =>
      (deadlines.get(incident.id) ?? []).flatMap((view): BriefLateRow[] => {
        const { state } = view;
        const sentAt = reports.find((r) => r.id === view.reportId)?.sentAt ?? null;
        const isLateToday = state.state === 'late' && sentAt !== null;
        const isOverdue = state.state === 'overdue' && incident.createdAt <= asOf;
        if (!isLateToday && !isOverdue) return [];
        return [
          {
            incidentId: incident.id,
            incidentSerial: incident.serial,
            incidentTitle: incident.title,
            ruleId: view.deadline.ruleId,
            label: view.deadline.label,
            dueAt: view.deadline.dueAt,
            state: isLateToday ? 'late' : 'overdue',
            lateByMs: state.state === 'late' || state.state === 'overdue' ? state.lateByMs : 0,
            sentAt,
            isFlagged: incident.flaggedDeadlines.includes(view.deadline.ruleId),
          },
        ];
      }),
    )
    .sort((a, b) => a.dueAt - b.dueAt);

  const inHand = incidents.filter(
    ({ incident, closedAt }) => incident.createdAt <= asOf && (closedAt === null || closedAt > asOf),
  );
  const sum = (key: 'dead' | 'injured' | 'missing') => intakes.reduce((n, row) => n + row[key], 0);
  const onDuty = input.onDuty ?? [];

  return {
    day,
    asOf,
    totals: {
      intakes: intakes.length,
      intakesToIncidents: intakes.filter((row) => row.incidentSerial !== null).length,
      dead: sum('dead'),
      injured: sum('injured'),
      missing: sum('missing'),
      incidentsOpened: incidentRows.filter((r) => r.movement === 'opened' || r.movement === 'openedAndClosed')
        .length,
      incidentsClosed: incidentRows.filter((r) => r.closedAt !== null).length,
      incidentsInHand: inHand.length,
      logLines: dayLines.length,
      reportsSent: reports.length,
      reportsLate: reports.filter((r) => r.timing === 'late').length,
      deadlinesOverdue: late.filter((r) => r.state === 'overdue').length,
    },
    intakes,
    incidents: incidentRows,
    highlights,
    reports,
    late,
    ...(onDuty.length > 0 ? { onDuty: [...onDuty] } : {}),
  };
}
