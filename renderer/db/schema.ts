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

export const CURRENT_SCHEMA_VERSION = 1;

export type TableName = keyof typeof SCHEMA_V1;
export const TABLE_NAMES = Object.keys(SCHEMA_V1) as TableName[];
