/** What every repository write does first: check its input again, and stamp who wrote it and when. */
import type { Actor } from '@shared/domain/org/types';
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
