/** Row types of the tables that are not directory records (those live in shared/domain/org/types.ts). */
import type { Actor, Authored } from '@shared/domain/org/types';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import type { Plan } from '@shared/domain/plan/plan-schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Append-only trail of who changed what; never updated or deleted by the app. */
export interface AuditEntry {
  id: string;
  at: number;
  actor: Actor | null;
  action: string;
  entity: string;
  entityId: string;
  summary: string;
}

/** One saved version of a plan. A published version is never edited: saving it creates the next version. */
export type PlanRecord = Plan & Authored;

/** A trainer's sandbox run of one plan version: the events sent, replayed through the compiled chart on load. */
export interface PlanSimulationRecord extends Authored {
  id: string;
  planId: string;
  planVersion: number;
  name: string;
  startedAt: number;
  events: PlanEvent[];
}

/** One event sent to an incident's plan chart, numbered per incident; replayed in order to rebuild the chart. */
export interface IncidentEventRow {
  id: string;
  incidentId: string;
  seq: number;
  event: PlanEvent;
}
