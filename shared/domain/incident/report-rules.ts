/**
 * 信息报送时限规则 as the jurisdiction's configuration: what an operator may store under the settings key
 * `reportRules`. Each rule is checked field by field (messages are i18n keys under `validation.`); the set
 * must have unique ids and at least one 初报 rule, since an incident that owes no 初报 cannot be reported on
 * time. Nothing stored (or a stored set that no longer parses) means the sample rules.
 */
import { z } from '../../validation/z';
import { EVENT_GRADES, SAMPLE_REPORT_RULES, type ReportRule } from './report-deadlines';

export const REPORT_RULES_KEY = 'reportRules';
export const MAX_RULE_MINUTES = 1440;

export const reportRuleSchema = z.object({
  id: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(64, { error: 'tooLong' }),
  label: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(40, { error: 'tooLong' }),
  kind: z.enum(['initial', 'followUp', 'final'], { error: 'required' }),
  channel: z.enum(['phone', 'written'], { error: 'required' }),
  minGrade: z.enum(EVENT_GRADES, { error: 'required' }),
  withinMinutes: z
    .number({ error: 'minutesRange' })
    .int({ error: 'minutesRange' })
    .min(1, { error: 'minutesRange' })
    .max(MAX_RULE_MINUTES, { error: 'minutesRange' }),
  from: z.enum(['occurrence', 'receipt'], { error: 'required' }),
}) satisfies z.ZodType<ReportRule>;

export const reportRulesSchema = z.array(reportRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', message: 'ruleIdDuplicate', path: [index, 'id'] });
    seen.add(rule.id);
  });
  if (!rules.some((rule) => rule.kind === 'initial'))
    ctx.addIssue({ code: 'custom', message: 'initialRuleRequired', path: [] });
});

export type ReportRuleInput = z.input<typeof reportRuleSchema>;

/** The stored rules, or the sample set when nothing (or nothing valid) is stored. */
export function storedOrSampleRules(value: unknown): { rules: ReportRule[]; isSample: boolean } {
  const parsed = value === undefined ? null : reportRulesSchema.safeParse(value);
  return parsed?.success
    ? { rules: parsed.data, isSample: false }
    : { rules: SAMPLE_REPORT_RULES.map((rule) => ({ ...rule })), isSample: true };
}

/** The set after one rule is added (new id) or replaced (same id); order kept. */
export function withRule(rules: readonly ReportRule[], rule: ReportRule): ReportRule[] {
  return rules.some((r) => r.id === rule.id)
    ? rules.map((r) => (r.id === rule.id ? rule : r))
    : [...rules, rule];
}

/** One line for the audit trail: how many rules, and the 初报 deadlines in minutes. */
export function rulesSummary(rules: readonly ReportRule[]): string {
  const initial = rules
    .filter((r) => r.kind === 'initial')
    .map((r) => `${r.label}${r.withinMinutes}分钟`)
    .join('，');
  return `信息报送时限规则${rules.length}条：${initial}`;
}
