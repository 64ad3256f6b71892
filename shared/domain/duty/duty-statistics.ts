/**
 * 周报 / 月报 figures: 接报 by the four categories, by street and by day; how long reports took to reach the
 * desk (事发 → 接报, 接报时长) and to leave it (接报 → first report sent, 报送时长), as median and maximum;
 * and the reporting deadlines that fell due in the period, by outcome. Pure: the caller passes the rows
 * around the period, everything is filtered and counted here.
 */
import type { Incident } from '../incident/incident';
import type { ReportKind, ReportRule } from '../incident/report-deadlines';
import { REPORT_KINDS, type IncidentReport } from '../incident/reports';
import { closedAtOf } from './daily-brief';
import { EVENT_CATEGORIES, type EventCategory, type Intake } from './intake';
import { asOfTime, daysOf, isWithin, type Period } from './periods';
import { deadlinesAsOf, groupByIncident, reportTiming } from './report-timing';

export interface StreetUnit {
  id: string;
  name: string;
}

export interface PeriodSummaryInput {
  period: Period;
  now: number;
  rules: readonly ReportRule[];
  intakes: readonly Intake[];
  incidents: readonly Incident[];
  reports: readonly IncidentReport[];
  /** Street units of the directory, in the directory's order. */
  streets: readonly StreetUnit[];
}

/** Minutes; null when nothing was measured. */
export interface Spread {
  count: number;
  medianMinutes: number | null;
  maxMinutes: number | null;
}

export interface DeadlineOutcome {
  kind: ReportKind;
  met: number;
  late: number;
  overdue: number;
  pending: number;
}

export interface PeriodSummary {
  period: Period;
  asOf: number;
  totals: {
    intakes: number;
    intakesToIncidents: number;
    dead: number;
    injured: number;
    missing: number;
    incidentsOpened: number;
    reportsSent: number;
    reportsLate: number;
    deadlinesOverdue: number;
  };
  byCategory: { category: EventCategory; count: number }[];
  /** Every street of the directory, then the 接报 no street name was found in (streetId null). */
  byStreet: { streetId: string | null; name: string | null; count: number }[];
  byDay: { day: number; count: number }[];
  intakeDelay: Spread;
  reportDelay: Spread & { withoutReport: number };
  /** Deadlines that fell due in the period, by report kind, as they stood at the end (or now). */
  deadlines: DeadlineOutcome[];
}

/** How an address names a street unit: 东湖街道办事处 is written 东湖街道 in a place. */
export function streetNames(name: string): string[] {
  const short = name.replace(/(办事处|办)$/, '');
  return short.length >= 2 && short !== name ? [name, short] : [name];
}

/** The street whose name appears first in the place text (the longer name on a tie), or null. */
export function streetOf(place: string, streets: readonly StreetUnit[]): StreetUnit | null {
  let best: { street: StreetUnit; index: number; length: number } | null = null;
  for (const street of streets) {
    for (const name of streetNames(street.name)) {
      const index = place.indexOf(name);
      if (index < 0) continue;
      if (!best || index < best.index || (index === best.index && name.length > best.length))
        best = { street, index, length: name.length };
    }
  }
  return best?.street ?? null;
}

export function spread(minutes: readonly number[]): Spread {
  if (minutes.length === 0) return { count: 0, medianMinutes: null, maxMinutes: null };
  const sorted = [...minutes].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: sorted.length, medianMinutes: median, maxMinutes: sorted.at(-1) as number };
}

/** Whole clock minutes, as a reader of the brief reckons from the HH:mm times it shows (10:15 − 10:00 = 15). */
const minutesBetween = (from: number, to: number) => Math.floor(to / 60_000) - Math.floor(from / 60_000);

export function periodSummary(input: PeriodSummaryInput): PeriodSummary {
  const { period } = input;
  const asOf = asOfTime(period, input.now);
  const incidents = input.incidents.filter((incident) => {
    const closedAt = closedAtOf(incident, []);
    return incident.createdAt < period.end && (closedAt === null || closedAt >= period.start);
  });
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const intakes = input.intakes.filter((i) => isWithin(i.receivedAt, period));
  const reports = input.reports.filter((r) => incidentById.has(r.incidentId));
  const deadlines = deadlinesAsOf(input.rules, incidents, reports, asOf);

  const byStreet = new Map<string | null, number>();
  for (const intake of intakes) {
    const id = streetOf(intake.place, input.streets)?.id ?? null;
    byStreet.set(id, (byStreet.get(id) ?? 0) + 1);
  }

  const days = daysOf(period);
  const byDay = days.map((day, n) => ({
    day,
    count: intakes.filter((i) => i.receivedAt >= day && i.receivedAt < (days[n + 1] ?? period.end)).length,
  }));

  const sentByIncident = groupByIncident(reports.filter((r) => r.sentAt !== null && r.sentAt <= asOf));
  const received = incidents.filter((i) => isWithin(i.receivedAt, period) && i.createdAt <= asOf);
  const firstSent = received.map((incident) => {
    const times = (sentByIncident.get(incident.id) ?? []).map((r) => r.sentAt as number);
    return times.length > 0 ? minutesBetween(incident.receivedAt, Math.min(...times)) : null;
  });

  const sentInPeriod = reports.filter((r) => r.sentAt !== null && isWithin(r.sentAt, period));
  const due = [...deadlines.values()].flat().filter((view) => isWithin(view.deadline.dueAt, period));
  const outcome = (kind: ReportKind): DeadlineOutcome => {
    const ofKind = due.filter((view) => view.deadline.kind === kind);
    const count = (states: string[]) => ofKind.filter((view) => states.includes(view.state.state)).length;
    return {
      kind,
      met: count(['met']),
      late: count(['late']),
      overdue: count(['overdue']),
      pending: count(['pending', 'dueSoon']),
    };
  };
  const sum = (key: 'dead' | 'injured' | 'missing') => intakes.reduce((n, row) => n + row[key], 0);

  return {
    period,
    asOf,
    totals: {
      intakes: intakes.length,
      intakesToIncidents: intakes.filter((i) => {
        const incident = i.incidentId ? incidentById.get(i.incidentId) : undefined;
        return incident !== undefined && incident.createdAt < period.end;
      }).length,
      dead: sum('dead'),
      injured: sum('injured'),
      missing: sum('missing'),
      incidentsOpened: incidents.filter((i) => isWithin(i.createdAt, period)).length,
      reportsSent: sentInPeriod.length,
      reportsLate: sentInPeriod.filter(
        (r) => reportTiming(r.id, deadlines.get(r.incidentId) ?? []).timing === 'late',
      ).length,
      deadlinesOverdue: due.filter((view) => view.state.state === 'overdue').length,
    },
    byCategory: EVENT_CATEGORIES.map((category) => ({
      category,
      count: intakes.filter((i) => i.category === category).length,
    })),
    byStreet: [
      ...input.streets.map((s) => ({ streetId: s.id, name: s.name, count: byStreet.get(s.id) ?? 0 })),
      { streetId: null, name: null, count: byStreet.get(null) ?? 0 },
    ],
    byDay,
    intakeDelay: spread(
      intakes.flatMap((i) => (i.occurredAt === null ? [] : [minutesBetween(i.occurredAt, i.receivedAt)])),
    ),
    reportDelay: {
      ...spread(firstSent.filter((m): m is number => m !== null)),
      withoutReport: firstSent.filter((m) => m === null).length,
    },
    deadlines: REPORT_KINDS.map(outcome),
  };
}
