/**
 * Opening the database never resets anything. Each way it can fail is named, so the failure screen can say
 * what happened (another window holds an old version open, the data is from a newer app, the disk is full,
 * the files are damaged) and offer to export what can still be read.
 */
import Dexie from 'dexie';
import { settleEarlyDirectory } from './early-directory';
import { EmergencyDeskDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from './schema';

export type OpenFailureKind = 'blocked' | 'versionTooNew' | 'quota' | 'unavailable' | 'corrupt';

export interface OpenFailure {
  kind: OpenFailureKind;
  errorName: string;
  detail: string;
}

export type OpenResult = { ok: true; db: EmergencyDeskDatabase } | { ok: false; failure: OpenFailure };

export function classifyOpenError(error: unknown): OpenFailure {
  const errorName = error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error ? error.message : String(error);
  const inner = error instanceof Dexie.DexieError && error.inner instanceof Error ? error.inner.name : '';
  const names = [errorName, inner];
  if (names.includes('VersionError')) return { kind: 'versionTooNew', errorName, detail };
  if (names.includes('QuotaExceededError')) return { kind: 'quota', errorName, detail };
  if (names.includes('MissingAPIError') || names.includes('SecurityError'))
    return { kind: 'unavailable', errorName, detail };
  return { kind: 'corrupt', errorName, detail };
}

/** Dexie stores version N as IndexedDB version N × 10. */
const IDB_VERSION_FACTOR = 10;

declare global {
  interface Window {
    /** Started by public/early-probe.js while the page parses. */
    edDatabaseProbe?: Promise<IDBDatabaseInfo[]> | undefined;
  }
}

function takeEarlyProbe(): Promise<IDBDatabaseInfo[]> | undefined {
  if (typeof window === 'undefined') return undefined;
  const probe = window.edDatabaseProbe;
  window.edDatabaseProbe = undefined;
  return probe;
}

/**
 * The installed IndexedDB version, read without opening through Dexie: Dexie 4 "upgrades" a database made
 * by a newer app (adding the tables it misses) instead of failing, which would alter data we cannot read.
 */
async function installedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB.databases !== 'function') return null;
  const found = (await (takeEarlyProbe() ?? indexedDB.databases())).find((info) => info.name === name);
  return found?.version ?? null;
}

export async function openDatabase(name = DATABASE_NAME): Promise<OpenResult> {
  try {
    const version = await installedVersion(name);
    if (version !== null && version > CURRENT_SCHEMA_VERSION * IDB_VERSION_FACTOR) {
      const detail = `database version ${version / IDB_VERSION_FACTOR} > ${CURRENT_SCHEMA_VERSION}`;
      return { ok: false, failure: { kind: 'versionTooNew', errorName: 'VersionError', detail } };
    }
  } catch (error) {
    return { ok: false, failure: classifyOpenError(error) };
  }
  // The early read's connection must be closed first: it would block an upgrade. (Opening side by side was
  // measured slower: the two compete for the same disk and thread.)
  await settleEarlyDirectory();
  const db = new EmergencyDeskDatabase(name);
  const blocked = new Promise<OpenResult>((resolve) => {
    db.on('blocked', () =>
      resolve({
        ok: false,
        failure: { kind: 'blocked', errorName: 'Blocked', detail: 'another window holds the database' },
      }),
    );
  });
  // Another window upgrading the schema must not find this one holding the old version open.
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  const opened = db.open().then(
    (): OpenResult => ({ ok: true, db }),
    (error: unknown): OpenResult => ({ ok: false, failure: classifyOpenError(error) }),
  );
  return Promise.race([opened, blocked]);
}

/** Reads every table that still reads, whatever its schema version: the way out of a failed open. */
export async function readWhatCanBeRead(
  name = DATABASE_NAME,
): Promise<{ version: number; tables: Record<string, unknown[]>; unreadable: string[] }> {
  const raw = new Dexie(name);
  await raw.open();
  const tables: Record<string, unknown[]> = {};
  const unreadable: string[] = [];
  for (const table of raw.tables) {
    try {
      tables[table.name] = await table.toArray();
    } catch {
      unreadable.push(table.name);
    }
  }
  const version = raw.verno;
  raw.close();
  return { version, tables, unreadable };
}
