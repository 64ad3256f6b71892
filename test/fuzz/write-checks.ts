/** What an accepted import may have written, told apart from what it must not have touched. */
import type { TableName } from '../../renderer/db/schema';
import { changedTables, type Dump } from './fixture-db';

type Row = Record<string, unknown>;

/** Faults for every table changed outside `allowed`. */
export function onlyTables(before: Dump, after: Dump, allowed: readonly TableName[]): string[] {
  return changedTables(before, after)
    .filter((name) => !allowed.includes(name))
    .map((name) => `wrote to ${name}, which this import never touches`);
}

/** Rows of `table` that are new or different after the import, by primary key. */
export function writtenRows(before: Dump, after: Dump, table: TableName, key: (row: Row) => string): Row[] {
  const old = new Map(before.rows[table].map((row) => [key(row), JSON.stringify(row)]));
  return after.rows[table].filter((row) => old.get(key(row)) !== JSON.stringify(row));
}

/** Rows of `table` that the import removed. */
export function removedRows(before: Dump, after: Dump, table: TableName, key: (row: Row) => string): Row[] {
  const now = new Set(after.rows[table].map(key));
  return before.rows[table].filter((row) => !now.has(key(row)));
}

/** One audit row per import: the import's own, naming what it did. */
export function oneAuditRow(before: Dump, after: Dump, action: string): string[] {
  const added = after.rows.audit.length - before.rows.audit.length;
  const last = after.rows.audit.find((row) => !before.rows.audit.some((old) => old['id'] === row['id']));
  if (added !== 1) return [`${added} audit rows instead of 1`];
  return last?.['action'] === action ? [] : [`audit row says ${String(last?.['action'])}, not ${action}`];
}

export const byId = (row: Row) => String(row['id']);
