/**
 * The corrective-action forms validate with the domain's own schemas; a refusal lands on the field it names,
 * in the words of `errors.correctiveAction` (the same sentence the repository's refusal would give).
 */
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { EVIDENCE_MIN_LENGTH } from '@shared/domain/drill/corrective-action';
import type { z } from '@shared/validation/z';

export const actionErrorText = (t: TFunction, code: string): string =>
  t(`errors.correctiveAction.${code}`, { min: EVIDENCE_MIN_LENGTH });

/**
 * Parses `values`; on failure shows each issue on its form field (`rename` maps schema paths to field names),
 * clears the fields now correct, and returns null.
 */
export function parseActionForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
  form: FormInstance,
  t: TFunction,
  fields: readonly string[],
  rename: Record<string, string> = {},
): z.output<S> | null {
  const result = schema.safeParse(values);
  const issues = result.success ? [] : result.error.issues;
  const errors = new Map<string, string>();
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    const name = rename[path] ?? rename[String(issue.path[0])] ?? String(issue.path[0]);
    if (!errors.has(name)) errors.set(name, actionErrorText(t, issue.message));
  }
  form.setFields(fields.map((name) => ({ name, errors: errors.has(name) ? [errors.get(name)!] : [] })));
  return result.success ? result.data : null;
}
