/**
 * An incident (事件): what happened, where and when, and the plan version whose statechart runs its response.
 * It may be opened from a 接报 in one step, or ad hoc with a plan attached later. The events sent to the plan
 * and the log are separate append-only tables; the row here carries a summary (level, phase, counts) so a
 * list of incidents never replays a chart.
 */
import { z } from '../../validation/z';
import { EVENT_CATEGORIES, type Intake } from '../duty/intake';
import type { Authored } from '../org/types';
import type { ResponseLevel } from '../plan/levels';
import type { LifecyclePhase } from '../plan/replay';
import { EVENT_GRADES, type EventGrade } from './report-deadlines';
import type { TerminationAnnouncement } from './termination-announcement';

const required = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

export const incidentInputSchema = z.object({
  title: required(100),
  place: required(200),
  category: z.enum(EVENT_CATEGORIES, { error: 'required' }),
  occurredAt: z.number({ error: 'required' }).int().positive({ error: 'required' }),
  /** 一般 / 较大 / 重大 / 特别重大 as first judged; it sets the reporting deadlines and can be changed. */
  grade: z.enum(EVENT_GRADES, { error: 'required' }).default('general'),
  /** The plan to run; its newest published version is taken. Null for an ad-hoc incident. */
  planId: z.string().nullable().default(null),
  intakeId: z.string().nullable().default(null),
});

export type IncidentInput = z.input<typeof incidentInputSchema>;
export type IncidentValues = z.output<typeof incidentInputSchema>;

export interface IncidentPlanRef {
  id: string;
  version: number;
  title: string;
  /** When the plan began to run for this incident: the replay starts its chart here. */
  startedAt: number;
}

/** The drill run that opened a 演练事件, and its scenario's title for lists. */
export interface IncidentDrillRef {
  runId: string;
  scenarioTitle: string;
}

export interface Incident extends Authored {
  id: string;
  /** 事件编号, e.g. 2026-0003: the year it was opened and its order in that year. */
  serial: string;
  title: string;
  place: string;
  category: IncidentValues['category'];
  occurredAt: number;
  /** When the desk learned of it (the 接报's time, or when it was opened): report deadlines count from here. */
  receivedAt: number;
  grade: EventGrade;
  /** Deadlines already logged as 可能迟报, so each is logged once. */
  flaggedDeadlines: string[];
  intakeId: string | null;
  plan: IncidentPlanRef | null;
  status: 'open' | 'closed';
  level: ResponseLevel | null;
  phase: LifecyclePhase;
  eventCount: number;
  logCount: number;
  /** When personal data of the people involved was cleared after the incident closed (counts stay). */
  personalDataPurgedAt?: number;
  /** 终止公告 once drafted after the response ended (Art. 86); frozen once signed. */
  announcement?: TerminationAnnouncement;
  /** Set when a drill run opened it (演练事件): the run, and the scenario's title for lists. */
  drill?: IncidentDrillRef;
}

/** The form of a new incident, filled from a 接报: one step from the call to the response. */
export function incidentFromIntake(intake: Intake): IncidentInput {
  const nature = intake.nature.length > 40 ? `${intake.nature.slice(0, 40)}…` : intake.nature;
  return {
    title: nature,
    place: intake.place,
    category: intake.category,
    occurredAt: intake.occurredAt ?? intake.receivedAt,
    grade: 'general',
    planId: null,
    intakeId: intake.id,
  };
}

/** "2小时05分" since the event happened; minutes are what a duty officer reports. */
export function elapsedText(from: number, now: number): string {
  const minutes = Math.max(0, Math.floor((now - from) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = String(minutes % 60).padStart(2, '0');
  if (days > 0) return `${days}天${hours}小时${rest}分`;
  return hours > 0 ? `${hours}小时${rest}分` : `${minutes}分钟`;
}
