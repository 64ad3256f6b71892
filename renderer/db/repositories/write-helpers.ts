/**
 * What every repository write does first: check its input again, stamp who wrote it and when — and, once the
 * disk is full, be refused before anything reaches IndexedDB.
 */
import Dexie, { type Transaction } from 'dexie';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';

type ParseResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } };

/** The last gate before IndexedDB: a refusal names the field (dotted path) and the message key. */
export function parseOrThrow<T>(result: ParseResult<T>): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RepositoryError('invalidInput', {
    field: issue?.path.map(String).join('.') ?? '',
    message: issue?.message ?? '',
  });
}

/** Created-by stays with the first author; updated-by is whoever writes now. */
export function stamp(now: number, actor: Actor, existing?: { createdAt: number; createdBy: Actor | null }) {
  return {
    createdAt: existing?.createdAt ?? now,
    createdBy: existing ? existing.createdBy : actor,
    updatedAt: now,
    updatedBy: actor,
  };
}

/** Whether an error is the browser saying the disk or the quota is full (Dexie wraps it in an AbortError). */
export function isQuotaError(error: unknown): boolean {
  const named = (e: unknown) => (e as { name?: unknown } | null)?.name === 'QuotaExceededError';
  return named(error) || named((error as { inner?: unknown } | null)?.inner);
}

export interface StorageGuard {
  isReadOnly(): boolean;
  subscribe(listener: () => void): () => void;
  /** Stores one small audit row; leaves read-only mode when it is stored. Resolves to whether it was. */
  recheck(): Promise<boolean>;
}

const HOOKS = ['creating', 'updating', 'deleting'] as const;

/**
 * Read-only mode after a full disk. A write that fails for lack of space aborts its transaction, which
 * IndexedDB announces on the connection: listening there (in the capture phase, before Dexie handles it)
 * catches every write of this connection, whichever screen or background job made it. From then on Dexie's
 * table hooks refuse every write at its first row with `storageFull`, so the transaction aborts before it
 * writes anything and the screen keeps what was typed. The hooks are subscribed only while read-only: a
 * subscribed hook makes Dexie read each row before a put or delete.
 */
export function createStorageGuard(db: EmergencyDeskDatabase, now: () => number = Date.now): StorageGuard {
  let isReadOnly = false;
  let probe: Transaction | null = null;
  const listeners = new Set<() => void>();

  function refuse(...args: unknown[]): void {
    // Every hook gets the transaction last; the probe's own write must pass.
    if (probe !== null && args.at(-1) === probe) return;
    throw new RepositoryError('storageFull');
  }

  function setReadOnly(next: boolean): void {
    if (next === isReadOnly) return;
    isReadOnly = next;
    for (const table of db.tables) {
      if (next) {
        table.hook('creating', refuse);
        table.hook('updating', refuse);
        table.hook('deleting', refuse);
      } else {
        for (const hook of HOOKS) table.hook(hook).unsubscribe(refuse);
      }
    }
    listeners.forEach((listener) => listener());
  }

  const onFailure = (event: Event) => {
    if (isQuotaError((event.target as { error?: unknown } | null)?.error)) setReadOnly(true);
  };
  // Sticky: also after the connection is reopened, which gives a new IDBDatabase.
  db.on(
    'ready',
    () => {
      const connection = db.backendDB();
      connection.addEventListener('abort', onFailure, true);
      connection.addEventListener('error', onFailure, true);
    },
    true,
  );

  return {
    isReadOnly: () => isReadOnly,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async recheck() {
      if (!isReadOnly) return true;
      try {
        await db.transaction('rw', db.audit, async () => {
          probe = Dexie.currentTransaction;
          await db.audit.add(auditEntry(now(), null, 'storage.writable', 'storage', '*', '存储空间恢复可写'));
        });
      } catch (error) {
        if (isQuotaError(error)) return false;
        throw error;
      } finally {
        probe = null;
      }
      setReadOnly(false);
      return true;
    },
  };
}
