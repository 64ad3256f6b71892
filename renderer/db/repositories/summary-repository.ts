/**
 * 报告 area reads: the rows of a day, week or month, handed to the pure brief and summary functions
 * (shared/domain/duty). Read-only, in one read transaction so the figures come from one moment. Ranges use
 * the indexes (接报 by receivedAt, incidents by occurredAt); reports and log lines, which are indexed only
 * by incident, are read for the incidents that were open at some point of the period.
 */
import { realIncidents } from '@shared/domain/incident/drill-incident';
import { dailyBrief, type DailyBrief, type OnDutyShift } from '@shared/domain/duty/daily-brief';
import { periodSummary, type PeriodSummary, type StreetUnit } from '@shared/domain/duty/duty-statistics';
import type { Period } from '@shared/domain/duty/periods';
import type { Incident } from '@shared/domain/incident/incident';
import type { LogEntry } from '@shared/domain/incident/log-chain';
import type { ReportRule } from '@shared/domain/incident/report-deadlines';
import type { EmergencyDeskDatabase } from '../database';
import { logRange } from './incident-log-writer';

type Rules = () => readonly ReportRule[] | Promise<readonly ReportRule[]>;

export function createSummaryRepository(
  db: EmergencyDeskDatabase,
  rules: Rules,
  now: () => number = Date.now,
) {
  /**
   * Incidents that may have been open during the period. An event happens before the desk opens it, so
   * everything opened before the end has occurredAt below it; a closed incident's row last changed when it
   * closed, so one closed before the start is left out here (the domain function decides exactly).
   */
  async function incidentsAround(period: Period): Promise<Incident[]> {
    const rows = await db.incidents.where('occurredAt').below(period.end).toArray();
    // A drill's incident is not part of what happened in the district.
    return realIncidents(rows).filter(
      (i) => i.createdAt < period.end && (i.status === 'open' || i.updatedAt >= period.start),
    );
  }

  const reportsOf = (incidents: readonly Incident[]) =>
    incidents.length === 0
      ? Promise.resolve([])
      : db.incidentReports
          .where('incidentId')
          .anyOf(incidents.map((i) => i.id))
          .toArray();

  /** An incident's lines from the end of its log back to the start of the period (lines are in time order). */
  const linesSince = (incidentId: string, start: number): Promise<LogEntry[]> =>
    logRange(db, incidentId)
      .reverse()
      .until((line) => line.at < start)
      .toArray();

  async function streets(): Promise<StreetUnit[]> {
    const units = await db.units.toArray();
    return units
      .filter((u) => u.kind === 'street')
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'))
      .map((u) => ({ id: u.id, name: u.name }));
  }

  return {
    streets,

    /** 每日简况 of one local day; `onDuty` comes from the roster when the caller has it. */
    async dailyBrief(day: Period, options: { onDuty?: readonly OnDutyShift[] } = {}): Promise<DailyBrief> {
      const ruleSet = await rules();
      const rows = await db.transaction(
        'r',
        [db.intakes, db.incidents, db.incidentReports, db.incidentLog],
        async () => {
          const incidents = await incidentsAround(day);
          const log = await Promise.all(incidents.map((i) => linesSince(i.id, day.start)));
          return {
            intakes: await db.intakes.where('receivedAt').between(day.start, day.end, true, false).toArray(),
            incidents,
            log: log.flat(),
            reports: await reportsOf(incidents),
          };
        },
      );
      return dailyBrief({ day, now: now(), rules: ruleSet, ...rows, ...options });
    },

    /** 周报 / 月报 of a week or month. */
    async periodSummary(period: Period): Promise<PeriodSummary> {
      const ruleSet = await rules();
      const rows = await db.transaction(
        'r',
        [db.intakes, db.incidents, db.incidentReports, db.units],
        async () => {
          const incidents = await incidentsAround(period);
          return {
            intakes: await db.intakes
              .where('receivedAt')
              .between(period.start, period.end, true, false)
              .toArray(),
            incidents,
            reports: await reportsOf(incidents),
            streets: await streets(),
          };
        },
      );
      return periodSummary({ period, now: now(), rules: ruleSet, ...rows });
    },
  };
}

export type SummaryRepository = ReturnType<typeof createSummaryRepository>;
