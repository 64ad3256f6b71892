/**
 * 备份恢复 (设置 → 数据库 → 恢复): the panel decodes the file, reads the bundle (format, schema version,
 * SHA-256 over header and tables) and, once confirmed, replaces every table in one transaction. Most damage
 * is caught by the checksum, so most changed files here are signed again after the change — as a bundle from
 * a faulty exporter, or edited by hand and re-signed, would be — to reach the restore itself.
 */
import { createBackupRepository } from '../../../renderer/db/repositories/backup-repository';
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '../../../renderer/db/schema';
import {
  canonicalJson,
  readBackupBundle,
  sha256Hex,
  type BackupBundle,
} from '../../../shared/domain/backup/backup-bundle';
import { decodeText } from '../../../shared/files/decode-text';
import { fileProblem, refusalOf, refused, type FuzzKind } from '../fuzz-kind';
import { expandDeepNesting, jsonFile, mutateJson } from '../json-files';
import type { Rng } from '../fuzz-random';
import { oneAuditRow } from '../write-checks';

/** backupUnknownTables names the tables, which is where the problem is. */
const FILE_CODES = [
  'backupNotJson',
  'backupNotOurs',
  'backupChecksum',
  'backupTooNew',
  'backupUnknownTables',
];

/** The checksum as the app computes it (backup-bundle.ts `checksummed`), over whatever the file now holds. */
async function resign(document: unknown): Promise<void> {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return;
  const bundle = document as Record<string, unknown>;
  const { formatVersion, schemaVersion, exportedAt, exportedBy, jurisdiction, tables } = bundle;
  const covered =
    typeof formatVersion === 'number' && formatVersion < 2
      ? tables
      : { formatVersion, schemaVersion, exportedAt, exportedBy, jurisdiction, tables };
  bundle['checksum'] = await sha256Hex(expandDeepNesting(canonicalJson(covered)));
}

/** Mutations aimed at what a restore must survive: rows without keys, doubled keys, unknown tables. */
function mutateTables(rng: Rng, bundle: Record<string, unknown>): string {
  const tables = bundle['tables'] as Record<string, Record<string, unknown>[]>;
  if (tables === null || typeof tables !== 'object') return 'tables-gone:none';
  const isRow = (row: unknown) => row !== null && typeof row === 'object' && !Array.isArray(row);
  const filled = Object.keys(tables).filter((name) => {
    const rows = tables[name];
    return Array.isArray(rows) && rows.length > 0 && rows.every(isRow);
  });
  if (filled.length === 0) return 'no-rows:none';
  const name = rng.pick(filled);
  const rows = tables[name]!;
  const row = rows[rng.int(rows.length)]!;
  switch (rng.int(6)) {
    case 0:
      delete row['id'];
      delete row['key'];
      delete row['version'];
      return `row-without-key:${name}`;
    case 1:
      rows.push(structuredClone(row));
      return `duplicate-key:${name}`;
    case 2: {
      const key = 'id' in row ? 'id' : 'key' in row ? 'key' : 'version';
      row[key] = rng.pick<unknown>([null, true, { nested: 1 }, Number.NaN, [], [[1, {}]]]);
      return `bad-key:${name}.${key}`;
    }
    case 3:
      tables[`fuzz${rng.int(100)}`] = [{ id: 'x' }];
      return 'unknown-table';
    case 4:
      delete tables[name];
      return `missing-table:${name}`;
    default: {
      const materials = tables['materials'] ?? [];
      if (materials.length < 2) return 'duplicate-code:none';
      materials[1]!['code'] = materials[0]!['code'];
      return 'duplicate-unique-index:materials.code';
    }
  }
}

const keyOf = (table: TableName) => (row: Record<string, unknown>) =>
  table === 'plans'
    ? `${String(row['id'])}@${String(row['version'])}`
    : table === 'stockBalances'
      ? `${String(row['materialId'])}|${String(row['warehouseId'])}|${String(row['batchNo'])}`
      : table === 'settings'
        ? String(row['key'])
        : table === 'drillRunScenarios'
          ? String(row['runId'])
          : String(row['id']);

export function backupKind(): FuzzKind {
  let sample = '';
  let sampleRows = 0;
  let restored: BackupBundle | null = null;
  return {
    name: 'backup-bundle',
    // The restore names the table and the row's field; the reader names the JSON path.
    isKnownField: (field) => field.trim() !== '',
    fileCodes: new Set(FILE_CODES),
    wholeRowCodes: new Set(),

    async prepare({ db, actor }) {
      const bundle = await createBackupRepository(db).exportAll(actor, '示范区');
      sample = JSON.stringify(bundle);
      sampleRows = Object.values(bundle.tables).reduce((n, rows) => n + rows.length, 0);
    },

    async generate(rng, index) {
      let document: unknown = JSON.parse(sample);
      const mutations: string[] = [];
      const pristine = rng.chance(0.1);
      if (!pristine) {
        const count = 1 + rng.int(2);
        for (let i = 0; i < count; i += 1) {
          if (rng.chance(0.5) && document && typeof document === 'object' && 'tables' in document) {
            mutations.push(mutateTables(rng, document as Record<string, unknown>));
          } else {
            const next = mutateJson(rng, document, ['tables']);
            document = next.root;
            mutations.push(next.label);
          }
        }
        if (rng.chance(0.75)) {
          await resign(document);
          mutations.push('re-signed');
        }
      }
      return jsonFile(rng, `备份-${index}.json`, document, mutations, { pristine, damage: 0.15 });
    },

    sampleCount: () => sampleRows,

    async importFile({ db, actor, now, t }, file) {
      restored = null;
      const read = await readBackupBundle(decodeText(file.bytes).text, CURRENT_SCHEMA_VERSION);
      if (!read.ok) {
        const text = t(`errors.${read.message}`, { detail: read.detail ?? '' });
        return refused([
          read.message === 'backupInvalid'
            ? { text, code: read.message, where: { row: null, field: read.detail ?? '' } }
            : fileProblem(text, read.message),
        ]);
      }
      try {
        const counts = await createBackupRepository(db, now).restoreAll(read.bundle, actor);
        restored = read.bundle;
        return { status: 'accepted', count: Object.values(counts).reduce((n, c) => n + c, 0) };
      } catch (error) {
        return refused([refusalOf(error, t)]);
      }
    },

    checkWrite(before, after) {
      const bundle = restored;
      if (!bundle) return ['accepted without a bundle'];
      const faults = oneAuditRow(
        {
          ...before,
          rows: { ...before.rows, audit: (bundle.tables['audit'] ?? []) as Record<string, unknown>[] },
        },
        after,
        'restore',
      );
      for (const table of TABLE_NAMES) {
        if (table === 'audit') continue;
        const key = keyOf(table);
        const expected = ((bundle.tables[table] ?? []) as Record<string, unknown>[]).filter(
          (row) => !(table === 'settings' && row['key'] === 'session'),
        );
        const stored = after.rows[table].filter((row) => !(table === 'settings' && row['key'] === 'session'));
        const want = new Map(expected.map((row) => [key(row), canonicalJson(row)]));
        const missing =
          stored.length !== expected.length ||
          stored.some((row) => want.get(key(row)) !== canonicalJson(row));
        if (missing)
          faults.push(`${table}: ${stored.length} rows stored, not the bundle's ${expected.length}`);
      }
      const session = before.rows.settings.find((row) => row['key'] === 'session');
      if (
        JSON.stringify(after.rows.settings.find((row) => row['key'] === 'session')) !==
        JSON.stringify(session)
      )
        faults.push('the session of whoever restored was not kept');
      return faults;
    },
  };
}
