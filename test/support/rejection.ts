import { expect } from 'vitest';
import { RepositoryError } from '../../renderer/db/repositories/repository-error';

/** Awaits a write that must be refused, and returns the refusal to check its code and parameters. */
export async function rejection(promise: Promise<unknown>): Promise<RepositoryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RepositoryError);
  return error as RepositoryError;
}
