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

export const CURRENT_SCHEMA_VERSION = 2;

export type TableName = keyof typeof SCHEMA_V2;
export const TABLE_NAMES = Object.keys(SCHEMA_V2) as TableName[];
