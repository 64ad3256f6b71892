/**
 * Export every table to one checksummed file, and restore such a file. Restore replaces the whole database
 * in one transaction: it either completes or leaves the current data untouched. (Merging a bundle from
 * another machine record by record belongs to the reliability work and is not done here.)
 */
import type { IndexSpec } from 'dexie';
import { createBackupBundle, type BackupBundle } from '@shared/domain/backup/backup-bundle';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../schema';
import { auditEntry } from './audit-trail';
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

export function createBackupRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  const tables = () => TABLE_NAMES.map((name) => db.table(name));

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

    async restoreAll(bundle: BackupBundle, actor: Actor): Promise<Record<TableName, number>> {
      const unknown = Object.keys(bundle.tables).filter((name) => !TABLE_NAMES.includes(name as TableName));
      if (unknown.length > 0)
        throw new RepositoryError('backupUnknownTables', { tables: unknown.join(', ') });
      checkKeys(db, bundle);
      const counts = {} as Record<TableName, number>;
      await db.transaction('rw', tables(), async () => {
        const session = await db.settings.get('session');
        for (const name of TABLE_NAMES) {
          const rows = (bundle.tables[name] ?? []) as object[];
          await db.table(name).clear();
          await db.table(name).bulkAdd(rows);
          counts[name] = rows.length;
        }
        // Whoever restores stays signed in.
        if (session) await db.settings.put(session);
        const summary = `${bundle.jurisdiction} ${new Date(bundle.exportedAt).toISOString()}`;
        await db.audit.add(auditEntry(now(), actor, 'restore', 'database', '*', summary));
      });
      return counts;
    },
  };
}

export type BackupRepository = ReturnType<typeof createBackupRepository>;
