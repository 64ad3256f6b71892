/**
 * Validation results in a language-neutral form. Domain code reports *what* is wrong as a message key and
 * *where* (row, column/field); the renderer turns the key into Chinese or English.
 */
import type { z } from './z';

export interface FieldIssue {
  /** The form field or CSV column id. */
  field: string;
  /** Key under `validation.` in the i18n resources, e.g. `required`, `mobileInvalid`. */
  message: string;
  params?: Record<string, string | number>;
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '_',
    message: isMessageKey(issue.message) ? issue.message : 'invalid',
    ...(issue.code === 'too_big' && typeof issue.maximum === 'number'
      ? { params: { max: issue.maximum } }
      : {}),
  }));
}

function isMessageKey(message: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9]*$/.test(message);
}
