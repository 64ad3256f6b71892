/**
 * Export every table to one checksummed file, restore such a file, and merge one from another machine.
 * Restore replaces the whole database and merge adds to it (shared/domain/backup/merge-plan.ts decides
 * what), each in one transaction: it either completes or leaves the current data untouched.
 */
import type { IndexSpec } from 'dexie';
import { createBackupBundle, type BackupBundle, type TableRows } from '@shared/domain/backup/backup-bundle';
import {
  planMerge,
  resolveMerge,
  type MergePlan,
  type Resolutions,
  type Row,
  type SchemaInfo,
} from '@shared/domain/backup/merge-plan';
import { hasStoredIndexRow } from '@shared/domain/resources/resource-index';
import type { ResourceKind } from '@shared/domain/resources/resource-types';
import { deriveBalances } from '@shared/domain/resources/stock-ledger';
import { effectiveRoles, rolesText } from '@shared/domain/org/roles';
import type { Actor, Person } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../schema';
import { auditEntry } from './audit-trail';
import { requireAct, requireRole } from './act-guard';
import { RepositoryError } from './repository-error';

/**
 * What IndexedDB takes as a key: a number (not NaN), a string, or an array of keys — here at most a few levels
 * deep, as the app's compound keys are (a hostile file may nest thousands of levels).
 */
function isKey(value: unknown, depth = 0): boolean {
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value === 'string') return true;
  return Array.isArray(value) && depth < 4 && value.every((item) => isKey(item, depth + 1));
}

const keyAt = (row: Record<string, unknown>, keyPath: string | string[]): unknown =>
  Array.isArray(keyPath) ? keyPath.map((path) => row[path]) : row[keyPath];

/**
 * Every row's primary key present and valid, and every primary and unique key used once, checked before the
 * transaction: IndexedDB would abort the restore too (so nothing is written either way), but with a message
 * naming neither the table nor the row. The bundle's schema and checksum passed, so this is a bundle from a
 * faulty exporter or edited by hand and signed again.
 */
function checkKeys(db: EmergencyDeskDatabase, bundle: BackupBundle): void {
  for (const name of TABLE_NAMES) {
    const { primKey, indexes } = db.table(name).schema;
    const keys = [primKey, ...indexes.filter((index) => index.unique)];
    const seen = keys.map(() => new Map<string, number>());
    ((bundle.tables[name] ?? []) as Record<string, unknown>[]).forEach((row, i) => {
      keys.forEach((index: IndexSpec, k) => {
        const field = ([] as string[]).concat(index.keyPath ?? []).join('+');
        const key = keyAt(row, index.keyPath ?? '');
        if (!isKey(key)) {
          // A row without a unique index's value is simply not in that index; without a primary key it cannot be stored.
          if (index === primKey)
            throw new RepositoryError('backupRowInvalid', { table: name, row: i + 1, field });
          return;
        }
        const text = JSON.stringify(key);
        const first = seen[k]!.get(text);
        if (first !== undefined)
          throw new RepositoryError('backupRowDuplicate', { table: name, row: i + 1, field, other: first });
        seen[k]!.set(text, i + 1);
      });
    });
  }
}

/** How far a restore or a merge has written: rows so far of all rows, and the table being written. */
export interface BackupProgress {
  done: number;
  total: number;
  table: TableName;
}

export interface MergeResult {
  added: number;
  replaced: number;
  byTable: Partial<Record<TableName, number>>;
}

/** Rows per write, so the progress bar moves on a large bundle; all of them in the one transaction. */
const CHUNK = 500;

/** A bundle from before materials lost their stored search row (RESOURCE_INDEX_VERSION 3) still has them. */
function storedRows(table: string, rows: readonly Row[]): readonly Row[] {
  return table === 'resourceIndex'
    ? rows.filter((row) => hasStoredIndexRow(row['kind'] as ResourceKind))
    : rows;
}

function checkTables(bundle: BackupBundle): void {
  const unknown = Object.keys(bundle.tables).filter((name) => !TABLE_NAMES.includes(name as TableName));
  if (unknown.length > 0) throw new RepositoryError('backupUnknownTables', { tables: unknown.join(', ') });
}

export function createBackupRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  /**
   * Roles come in with a person from the other machine (a new person, or 采用导入 on a conflict): giving
   * them is the same act as in the person drawer. So it is refused unless the one merging may change roles
   * — checked against the directory as it was before the merge, which the merge itself must not decide —
   * and each change is audited as 角色变更. Returns the audit step, to run once the rows are written.
   */
  async function requireRoleChanges(
    local: TableRows,
    people: readonly Row[],
    actor: Actor,
  ): Promise<() => Promise<void>> {
    const before = new Map((local['people'] as Person[] | undefined)?.map((p) => [p.id, p]) ?? []);
    const changed = (people as unknown as Person[]).filter(
      (p) => (before.get(p.id)?.roles ?? null)?.join('|') !== (p.roles ?? null)?.join('|'),
    );
    if (changed.length > 0) await requireRole(db, 'roles.change', actor);
    return async () => {
      const positions = await db.positions.toArray();
      for (const person of changed) {
        const was = before.get(person.id);
        const after = effectiveRoles(person, positions);
        const summary = `角色变更（合并导入）：${person.name} ${rolesText(was ? effectiveRoles(was, positions).roles : [])} → ${rolesText(after.roles)}${after.isDerived ? '（按岗位）' : ''}`;
        await db.audit.add(auditEntry(now(), actor, 'roles.change', 'person', person.id, summary));
      }
    };
  }

  const tables = () => TABLE_NAMES.map((name) => db.table(name));

  const schemaInfo = (): SchemaInfo =>
    Object.fromEntries(
      TABLE_NAMES.map((name) => {
        const { primKey, indexes } = db.table(name).schema;
        const unique = indexes
          .filter((index) => index.unique && typeof index.keyPath === 'string')
          .map((index) => index.keyPath as string);
        return [name, { primKey: primKey.keyPath ?? '', unique }];
      }),
    );

  /** Every table, inside the caller's transaction. */
  async function readAll(): Promise<TableRows> {
    const entries = await Promise.all(
      TABLE_NAMES.map(async (name) => [name, await db.table(name).toArray()] as const),
    );
    return Object.fromEntries(entries);
  }

  return {
    async counts(): Promise<Record<TableName, number>> {
      const entries = await Promise.all(
        TABLE_NAMES.map(async (name) => [name, await db.table(name).count()] as const),
      );
      return Object.fromEntries(entries) as Record<TableName, number>;
    },

    async exportAll(actor: Actor | null, jurisdiction: string): Promise<BackupBundle> {
      const rows = await db.transaction('r', tables(), async () => {
        const entries = await Promise.all(
          TABLE_NAMES.map(async (name) => [name, await db.table(name).toArray()] as const),
        );
        return Object.fromEntries(entries);
      });
      // The session says who sat at this laptop; it means nothing on the machine that restores the file.
      rows['settings'] = (rows['settings'] ?? []).filter((row: { key: string }) => row.key !== 'session');
      return createBackupBundle({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        exportedAt: now(),
        exportedBy: actor ? `${actor.name}（${actor.positionName}）` : '',
        jurisdiction,
        tables: rows,
      });
    },

    async restoreAll(
      bundle: BackupBundle,
      actor: Actor,
      onProgress?: (progress: BackupProgress) => void,
    ): Promise<Record<TableName, number>> {
      checkTables(bundle);
      checkKeys(db, bundle);
      const counts = {} as Record<TableName, number>;
      const total = TABLE_NAMES.reduce((sum, name) => sum + (bundle.tables[name]?.length ?? 0), 0);
      let done = 0;
      await db.transaction('rw', tables(), async () => {
        // Checked against the directory as it stands before the restore: the file's people cannot authorise
        // the restore that brings them in.
        await requireAct(db, 'data.restore', actor, now());
        const session = await db.settings.get('session');
        for (const name of TABLE_NAMES) {
          const rows = (bundle.tables[name] ?? []) as object[];
          await db.table(name).clear();
          for (let i = 0; i < rows.length; i += CHUNK) {
            await db.table(name).bulkAdd(rows.slice(i, i + CHUNK));
            done += Math.min(CHUNK, rows.length - i);
            onProgress?.({ done, total, table: name });
          }
          counts[name] = rows.length;
        }
        // Whoever restores stays signed in.
        if (session) await db.settings.put(session);
        const summary = `${bundle.jurisdiction} ${new Date(bundle.exportedAt).toISOString()}`;
        await db.audit.add(auditEntry(now(), actor, 'restore', 'database', '*', summary));
      });
      return counts;
    },

    /** What merging the bundle would do now: counts per table, the conflicts and what blocks the merge. */
    async previewMerge(bundle: BackupBundle): Promise<MergePlan> {
      checkTables(bundle);
      checkKeys(db, bundle);
      const local = await db.transaction('r', tables(), readAll);
      return planMerge(local, bundle.tables, schemaInfo());
    },

    /**
     * Merges the bundle with a side chosen for every conflict. The plan is made again inside the write
     * transaction, from the rows as they are then, so a change made since the preview is never overwritten
     * unseen: a conflict without a choice refuses the whole merge. Stock balances are rebuilt from the merged
     * ledger in the same transaction; the audit row records the counts.
     */
    async mergeAll(
      bundle: BackupBundle,
      resolutions: Resolutions,
      actor: Actor,
      onProgress?: (progress: BackupProgress) => void,
    ): Promise<MergeResult> {
      checkTables(bundle);
      checkKeys(db, bundle);
      return db.transaction('rw', tables(), async () => {
        const local = await readAll();
        const plan = planMerge(local, bundle.tables, schemaInfo());
        const resolved = resolveMerge(plan, resolutions);
        if (!resolved.ok)
          throw new RepositoryError('backupMergeUnresolved', { count: resolved.unresolved.length });
        const auditRoleChanges = await requireRoleChanges(local, resolved.writes.get('people') ?? [], actor);
        const total = [...resolved.writes.values()].reduce((sum, rows) => sum + rows.length, 0);
        const result: MergeResult = { added: 0, replaced: 0, byTable: {} };
        let done = 0;
        for (const name of TABLE_NAMES) {
          const rows = storedRows(name, resolved.writes.get(name) ?? []);
          for (let i = 0; i < rows.length; i += CHUNK) {
            await db.table(name).bulkPut(rows.slice(i, i + CHUNK));
            done += Math.min(CHUNK, rows.length - i);
            onProgress?.({ done, total, table: name });
          }
          if (rows.length > 0) result.byTable[name] = rows.length;
          const added = plan.counts[name]?.added ?? 0;
          result.added += added;
          result.replaced += rows.length - Math.min(added, rows.length);
        }
        if (resolved.writes.has('stockEntries')) {
          const balances = deriveBalances(await db.stockEntries.orderBy('[materialId+at]').toArray());
          await db.stockBalances.clear();
          await db.stockBalances.bulkPut(balances);
        }
        await auditRoleChanges();
        const summary = `${bundle.jurisdiction} ${new Date(bundle.exportedAt).toISOString()}（${
          bundle.exportedBy || '—'
        }）：新增${result.added}条，更新${result.replaced}条，冲突${plan.conflicts.length}处，未合并${plan.blockers.length}处`;
        await db.audit.add(auditEntry(now(), actor, 'merge', 'database', '*', summary));
        return result;
      });
    },
  };
}

export type BackupRepository = ReturnType<typeof createBackupRepository>;
