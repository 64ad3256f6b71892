/**
 * The one Dexie database. Only repositories import this module (enforced by lint). It is opened with strict
 * durability: the directory writes rarely, and the evidence tables that later areas add (logs, journals,
 * ledger) must be on disk when the screen says "saved".
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Handover } from '@shared/domain/duty/handover';
import type { Intake } from '@shared/domain/duty/intake';
import type { CorrectiveAction } from '@shared/domain/drill/corrective-action';
import type { DrillJournalRow, DrillRun, DrillRunScenario } from '@shared/domain/drill/drill-run';
import type { PlanRevision } from '@shared/domain/drill/plan-revision';
import type { Scenario } from '@shared/domain/drill/scenario';
import type { RosterEntry } from '@shared/domain/duty/roster';
import type { Dispatch } from '@shared/domain/incident/dispatch';
import type { Incident } from '@shared/domain/incident/incident';
import type { TaskState } from '@shared/domain/incident/incident-tasks';
import type { LogEntry } from '@shared/domain/incident/log-chain';
import type { IncidentNotification } from '@shared/domain/incident/notifications';
import type { IncidentReport } from '@shared/domain/incident/reports';
import type { Person, Position, Unit } from '@shared/domain/org/types';
import type { PullTest } from '@shared/domain/resources/pull-test';
import type { ResourceIndexRow } from '@shared/domain/resources/resource-search';
import type {
  Equipment,
  Expert,
  Material,
  Shelter,
  Team,
  Warehouse,
} from '@shared/domain/resources/resource-types';
import type { StockBalance, StockEntry } from '@shared/domain/resources/stock-ledger';
import type { AuditEntry, IncidentEventRow, PlanRecord, PlanSimulationRecord, SettingRow } from './records';
import {
  DATABASE_NAME,
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
} from './schema';

export class EmergencyDeskDatabase extends Dexie {
  units!: EntityTable<Unit, 'id'>;
  positions!: EntityTable<Position, 'id'>;
  people!: EntityTable<Person, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  plans!: Table<PlanRecord, [string, number]>;
  planSimulations!: EntityTable<PlanSimulationRecord, 'id'>;
  warehouses!: EntityTable<Warehouse, 'id'>;
  materials!: EntityTable<Material, 'id'>;
  stockEntries!: EntityTable<StockEntry, 'id'>;
  stockBalances!: Table<StockBalance, [string, string, string]>;
  teams!: EntityTable<Team, 'id'>;
  equipment!: EntityTable<Equipment, 'id'>;
  experts!: EntityTable<Expert, 'id'>;
  shelters!: EntityTable<Shelter, 'id'>;
  resourceIndex!: EntityTable<ResourceIndexRow, 'id'>;
  intakes!: EntityTable<Intake, 'id'>;
  pullTests!: EntityTable<PullTest, 'id'>;
  incidents!: EntityTable<Incident, 'id'>;
  incidentEvents!: EntityTable<IncidentEventRow, 'id'>;
  incidentLog!: EntityTable<LogEntry, 'id'>;
  incidentTasks!: EntityTable<TaskState, 'id'>;
  incidentReports!: EntityTable<IncidentReport, 'id'>;
  incidentDispatches!: EntityTable<Dispatch, 'id'>;
  incidentNotifications!: EntityTable<IncidentNotification, 'id'>;
  dutyRoster!: EntityTable<RosterEntry, 'id'>;
  handovers!: EntityTable<Handover, 'id'>;
  drillScenarios!: EntityTable<Scenario, 'id'>;
  drillRuns!: EntityTable<DrillRun, 'id'>;
  drillRunScenarios!: EntityTable<DrillRunScenario, 'runId'>;
  drillJournal!: EntityTable<DrillJournalRow, 'id'>;
  correctiveActions!: EntityTable<CorrectiveAction, 'id'>;
  planRevisions!: EntityTable<PlanRevision, 'id'>;

  constructor(name = DATABASE_NAME) {
    // 'immutable': live-query results are shared, not deep-cloned per reader (10,000 people cloned cost
    // ~25 ms at every start). Nothing in the app mutates a query result; repositories copy before writing.
    super(name, { chromeTransactionDurability: 'strict', cache: 'immutable' });
    this.version(1).stores(SCHEMA_V1);
    // v2 only adds tables; the sample plans are seeded at start-up for new and upgraded databases alike.
    this.version(2).stores(SCHEMA_V2);
    // v3 only adds tables; the sample resources are seeded at start-up like the plans.
    this.version(3).stores(SCHEMA_V3);
    // v4 only adds tables (incidents).
    this.version(4).stores(SCHEMA_V4);
    // v5 only adds tables (duty roster and handovers).
    this.version(5).stores(SCHEMA_V5);
    // v6 only adds tables (drills).
    this.version(6).stores(SCHEMA_V6);
    // v7 only adds tables (整改台账 and 预案修订建议).
    this.version(7).stores(SCHEMA_V7);
  }
}
