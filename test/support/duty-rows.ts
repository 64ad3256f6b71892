/**
 * Rows as the desk stores them, for the daily brief and the period summaries: a 接报, an incident, a sent
 * report and a log line, each with what a test does not care about filled in plainly. Times are local
 * (`at(2026, 11, 23, 23, 59)`), so the tests mean the same in any time zone.
 */
import type { Intake } from '../../shared/domain/duty/intake';
import type { Incident } from '../../shared/domain/incident/incident';
import type { LogEntry } from '../../shared/domain/incident/log-chain';
import type { IncidentReport } from '../../shared/domain/incident/reports';
import type { Actor } from '../../shared/domain/org/types';

export const officer: Actor = { personId: 'p1', name: '崔伟', positionId: 'pos1', positionName: '值班员' };

/** Local time; month is 1-based as people write it. */
export function at(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return new Date(year, month - 1, day, hour, minute, second).getTime();
}

const authored = (time: number) => ({
  createdAt: time,
  createdBy: officer,
  updatedAt: time,
  updatedBy: officer,
});

export function intakeRow(values: Partial<Intake> & Pick<Intake, 'id' | 'receivedAt'>): Intake {
  return {
    serial: `2026-${values.id}`,
    sourceUnit: '',
    sourcePerson: '王建国',
    sourcePhone: '13912345678',
    occurredAt: null,
    place: '东湖街道滨江路',
    category: 'accident',
    nature: '危化品运输车侧翻',
    scope: '',
    dead: 0,
    injured: 0,
    missing: 0,
    losses: '',
    trend: '',
    leadersOnScene: '',
    measuresTaken: '',
    ...authored(values.receivedAt),
    ...values,
  };
}

export function incidentRow(
  values: Partial<Incident> & Pick<Incident, 'id' | 'occurredAt' | 'receivedAt' | 'createdAt'>,
): Incident {
  return {
    serial: `2026-${values.id}`,
    title: `事件${values.id}`,
    place: '东湖街道滨江路',
    category: 'accident',
    grade: 'general',
    flaggedDeadlines: [],
    intakeId: null,
    plan: null,
    status: 'open',
    level: null,
    phase: 'monitoring',
    eventCount: 0,
    logCount: 0,
    createdBy: officer,
    updatedAt: values.createdAt,
    updatedBy: officer,
    ...values,
  };
}

export function sentReport(
  values: Partial<IncidentReport> & Pick<IncidentReport, 'id' | 'incidentId' | 'sentAt'>,
): IncidentReport {
  return {
    kind: 'initial',
    number: 0,
    channel: 'written',
    recipient: '区委区政府总值班室',
    templateId: 'general',
    content: {},
    status: values.sentAt === null ? 'draft' : 'sent',
    approval: null,
    sentBy: values.sentAt === null ? null : officer,
    ...authored(values.sentAt ?? 0),
    ...values,
  };
}

let seq = 0;
export function logLine(values: Partial<LogEntry> & Pick<LogEntry, 'incidentId' | 'at' | 'text'>): LogEntry {
  seq += 1;
  return {
    id: `log-${seq}`,
    seq,
    author: officer,
    category: 'note',
    links: [],
    corrects: null,
    prevHash: '',
    hash: '',
    ...values,
  };
}
