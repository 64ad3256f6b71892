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

/** Parses the whole form; on failure puts every issue on its field and returns null. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  values: unknown,
  form: FormInstance,
  t: TFunction,
): z.output<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  form.setFields(
    result.error.issues.map((issue) => ({ name: issue.path.map(String), errors: [issueText(t, issue)] })),
  );
  return null;
}
