/**
 * One file holding every table: what a field vehicle carries back to headquarters and what restores a
 * laptop. The bundle names its format, its schema version and a SHA-256 over its tables, so a truncated or
 * edited file is refused before anything is written.
 */
import { canonicalJson, sha256Hex } from '../../integrity/hash';
import { z } from '../../validation/z';

export { canonicalJson, sha256Hex };

export const BACKUP_FORMAT = 'emergency-desk-backup';
/** 2: the checksum covers the header (who, when, which jurisdiction, schema) as well as the tables. */
export const BACKUP_FORMAT_VERSION = 2;

export type TableRows = Record<string, unknown[]>;

export interface BackupBundle {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  exportedAt: number;
  exportedBy: string;
  jurisdiction: string;
  checksum: string;
  tables: TableRows;
}

const bundleSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'backupNotOurs' }),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.number(),
  exportedBy: z.string(),
  jurisdiction: z.string(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

/**
 * What the checksum covers. Version 1 files covered only the tables, so an edited jurisdiction, author or
 * export time passed; they are still read, the way they were written.
 */
function checksummed(bundle: Omit<BackupBundle, 'checksum' | 'format'>): unknown {
  if (bundle.formatVersion < 2) return bundle.tables;
  const { schemaVersion, exportedAt, exportedBy, jurisdiction, tables, formatVersion } = bundle;
  return { formatVersion, schemaVersion, exportedAt, exportedBy, jurisdiction, tables };
}

export async function createBackupBundle(
  input: Omit<BackupBundle, 'format' | 'formatVersion' | 'checksum'>,
): Promise<BackupBundle> {
  const body = { formatVersion: BACKUP_FORMAT_VERSION, ...input };
  return {
    format: BACKUP_FORMAT,
    ...body,
    checksum: await sha256Hex(canonicalJson(checksummed(body))),
  };
}

/** Real rows nest a few levels (a plan's levels → triggers → conditions); the checksum's walk is recursive. */
const MAX_DEPTH = 64;

/** Where the first value nested deeper than MAX_DEPTH is, found without recursion; null when none is. */
function tooDeep(root: unknown): string | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) return path.slice(0, 6).join('.');
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
  }
  return null;
}

export type BackupReadResult =
  | { ok: true; bundle: BackupBundle }
  | {
      ok: false;
      message: 'backupNotJson' | 'backupNotOurs' | 'backupChecksum' | 'backupTooNew' | 'backupInvalid';
      detail?: string;
    };

export async function readBackupBundle(
  text: string,
  currentSchemaVersion: number,
): Promise<BackupReadResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: 'backupNotJson', detail: String(error) };
  }
  const parsed = bundleSchema.safeParse(json);
  if (!parsed.success) {
    const notOurs = parsed.error.issues.some((i) => i.path[0] === 'format');
    const first = parsed.error.issues[0];
    return notOurs
      ? { ok: false, message: 'backupNotOurs' }
      : {
          ok: false,
          message: 'backupInvalid',
          detail: first ? `${first.path.join('.')}: ${first.message}` : '',
        };
  }
  const bundle = parsed.data as BackupBundle;
  const deep = tooDeep(bundle.tables);
  if (deep !== null) {
    return {
      ok: false,
      message: 'backupInvalid',
      detail: `tables.${deep}…: nested more than ${MAX_DEPTH} levels deep`,
    };
  }
  if (bundle.formatVersion > BACKUP_FORMAT_VERSION || bundle.schemaVersion > currentSchemaVersion) {
    return { ok: false, message: 'backupTooNew', detail: `schema ${bundle.schemaVersion}` };
  }
  if ((await sha256Hex(canonicalJson(checksummed(bundle)))) !== bundle.checksum) {
    return { ok: false, message: 'backupChecksum' };
  }
  return { ok: true, bundle };
}
