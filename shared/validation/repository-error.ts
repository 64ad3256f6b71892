import type { PlanIssue } from '../domain/plan/check-plan';

/**
 * A refusal the user must read: `code` is an i18n key under `errors.`, params fill it in. A plan that does
 * not check also carries its issues, so the message can name each place in the reader's language.
 */
export class RepositoryError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly planIssues: readonly PlanIssue[] = [],
  ) {
    super(code);
    this.name = 'RepositoryError';
  }
}

/** A refusal as plain data: errors do not cross a worker boundary with their class. */
export interface RefusalData {
  code: string;
  params: Record<string, string | number>;
}

export function toRefusalData(error: unknown): RefusalData {
  if (error instanceof RepositoryError) return { code: error.code, params: error.params };
  return { code: 'unexpected', params: { message: error instanceof Error ? error.message : String(error) } };
}
