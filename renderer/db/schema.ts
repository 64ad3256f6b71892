/**
 * Dexie schema versions, append-only: a new version spreads the previous one and adds its delta, and any
 * data change is a named upgrade function with a test that opens an old database at the new version.
 * Primary keys are UUIDs (not auto-increment) so bundles from another machine merge without collisions.
 */
export const DATABASE_NAME = 'emergency-desk';

export const SCHEMA_V1 = {
  units: 'id, parentId, name',
  positions: 'id, name',
  people: 'id, unitId, *positionIds, name',
  settings: 'key',
  audit: 'id, at, [entity+entityId]',
} as const;

/**
 * v2 — emergency plans: every saved version is its own row ([id+version]), so incidents and drills keep the
 * version they ran; plan simulations are stored as the list of events a trainer sent (replayed on load).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  plans: '[id+version], id, status',
  planSimulations: 'id, [planId+planVersion], updatedAt',
} as const;

/**
 * v3 — emergency resources: six registries, the stock ledger (append-only entries; `stockBalances` is a
 * cache of their sum, rebuilt and checked by `verifyBalances`) and one search index over all of them.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  warehouses: 'id, name',
  materials: 'id, &code, warehouseId, name',
  stockEntries: 'id, [materialId+at], [kind+at]',
  stockBalances: '[materialId+warehouseId+batchNo], materialId, warehouseId',
  teams: 'id, name',
  equipment: 'id, name',
  experts: 'id, name',
  shelters: 'id, name',
  resourceIndex: 'id, kind, *keys',
  // 接报 records of the duty desk, newest first by the time they were received.
  intakes: 'id, receivedAt, &serial',
  // 拉动 of rescue teams: one row per test, each team's checkpoints inside it (a test notifies a handful).
  pullTests: 'id, startedAt',
} as const;

/**
 * v4 — incidents: the incident row (with a summary for lists), the events sent to its plan's chart (replayed
 * to rebuild it), the hash-chained log and the state of its tasks. Events and log lines are append-only
 * rows numbered per incident, so an append never rewrites what is already on disk. Reports (信息报送) are rows
 * of their own: a sent one is frozen.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  incidents: 'id, occurredAt, status, &serial',
  incidentEvents: 'id, [incidentId+seq]',
  incidentLog: 'id, [incidentId+seq]',
  incidentTasks: 'id, incidentId',
  incidentReports: 'id, incidentId',
  incidentDispatches: 'id, incidentId, resourceId',
  incidentNotifications: 'id, incidentId',
} as const;

/**
 * v5 — duty: the roster (one row per date and shift, keyed `${date}:${shiftKey}` so a shift written twice is
 * replaced, not doubled) and the handover sheets, newest first by when they were handed over.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  dutyRoster: 'id, date',
  handovers: 'id, handedAt',
} as const;

/**
 * v6 — drills: scenarios with their scripts, runs (each freezing its scenario at the start, so reruns never
 * touch earlier runs) and each run's journal, append-only rows numbered per run like the incident events.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  drillScenarios: 'id, updatedAt',
  drillRuns: 'id, scenarioId, createdAt',
  // Each run's frozen copy of its scenario, apart from the run row the ticker rewrites at every delivery.
  drillRunScenarios: 'runId',
  drillJournal: 'id, [runId+seq]',
} as const;

/**
 * v7 — 以评促改: the 整改台账 (corrective actions, found by run, by status and deadline for the overdue alarm,
 * and by the plans the drill tested so the next drill of a plan shows what is still open) and the 预案修订建议
 * a run's findings send to a plan's next version.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  correctiveActions: 'id, runId, status, deadline, *planIds',
  planRevisions: 'id, runId, planId, status',
} as const;

export const CURRENT_SCHEMA_VERSION = 7;

export type TableName = keyof typeof SCHEMA_V7;
export const TABLE_NAMES = Object.keys(SCHEMA_V7) as TableName[];
