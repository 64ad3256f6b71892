/**
 * Export every table to one checksummed file, and restore such a file. Restore replaces the whole database
 * in one transaction: it either completes or leaves the current data untouched. (Merging a bundle from
 * another machine record by record belongs to the reliability work and is not done here.)
 */
import { createBackupBundle, type BackupBundle } from '@shared/domain/backup/backup-bundle';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../schema';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';

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
