/**
 * Bridges our zod schemas to Ant Design forms: a field validates with the same schema the repository
 * enforces, and cross-field problems found on submit land on the field they name. Messages are i18n keys.
 */
import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from '@shared/validation/z';

function issueText(t: TFunction, issue: z.core.$ZodIssue): string {
  const max = issue.code === 'too_big' && typeof issue.maximum === 'number' ? { max: issue.maximum } : {};
  return /^[a-zA-Z]+$/.test(issue.message) ? t(`validation.${issue.message}`, max) : t('validation.invalid');
}

export function schemaRule(schema: z.ZodType, t: TFunction, opts: { required?: boolean } = {}): Rule {
  return {
    required: opts.required ?? false,
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value ?? (opts.required ? undefined : ''));
      const issue = result.success ? undefined : result.error.issues[0];
      if (issue) throw new Error(issueText(t, issue));
    },
  };
}

/** Parses the whole form; on failure puts every issue on its field (clearing corrected ones) and returns null. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
  form: FormInstance,
  t: TFunction,
): z.output<S> | null {
  const result = schema.safeParse(values);
  // Problems found by an earlier submit and since corrected must not linger on their fields.
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0);
  const current = result.success ? [] : result.error.issues;
  const named = new Set(current.map((issue) => issue.path.map(String).join('.')));
  form.setFields([
    ...stale
      .filter((f) => !named.has(f.name.map(String).join('.')))
      .map((f) => ({ name: f.name, errors: [] })),
    ...current.map((issue) => ({ name: issue.path.map(String), errors: [issueText(t, issue)] })),
  ]);
  const first = current[0];
  // The first problem may be above the part of a long form the person is looking at.
  if (first) form.scrollToField(first.path.map(String), { block: 'center' });
  return result.success ? result.data : null;
}
