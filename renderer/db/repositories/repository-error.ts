/** A refusal the user must read: `code` is an i18n key under `errors.`, params fill it in. */
export class RepositoryError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'RepositoryError';
  }
}
