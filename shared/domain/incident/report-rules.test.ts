import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../../validation/issues';
import { SAMPLE_REPORT_RULES, type ReportRule } from './report-deadlines';
import {
  reportRuleSchema,
  reportRulesSchema,
  rulesSummary,
  storedOrSampleRules,
  withRule,
} from './report-rules';

const phone: ReportRule = {
  id: 'phone-15',
  label: '电话初报',
  kind: 'initial',
  channel: 'phone',
  minGrade: 'larger',
  withinMinutes: 15,
  from: 'receipt',
};

const issuesOf = (value: unknown) => {
  const result = reportRuleSchema.safeParse(value);
  return result.success ? [] : toFieldIssues(result.error).map((i) => `${i.field}:${i.message}`);
};

describe('信息报送时限规则 schema', () => {
  it('takes a complete rule and trims its label', () => {
    expect(reportRuleSchema.parse({ ...phone, label: '  电话初报 ' })).toEqual(phone);
  });

  it('refuses a missing label, minutes outside 1–1440 or not whole, and an unknown kind, naming the field', () => {
    expect(issuesOf({ ...phone, label: ' ' })).toEqual(['label:required']);
    expect(issuesOf({ ...phone, withinMinutes: 0 })).toEqual(['withinMinutes:minutesRange']);
    expect(issuesOf({ ...phone, withinMinutes: 1441 })).toEqual(['withinMinutes:minutesRange']);
    expect(issuesOf({ ...phone, withinMinutes: 12.5 })).toEqual(['withinMinutes:minutesRange']);
    expect(issuesOf({ ...phone, withinMinutes: undefined })).toEqual(['withinMinutes:minutesRange']);
    expect(issuesOf({ ...phone, kind: 'daily' })).toEqual(['kind:required']);
    expect(issuesOf({ ...phone, from: 'report' })).toEqual(['from:required']);
    expect(issuesOf({ ...phone, withinMinutes: 1 })).toEqual([]);
    expect(issuesOf({ ...phone, withinMinutes: 1440 })).toEqual([]);
  });

  it('refuses a set with a repeated id or without any 初报 rule', () => {
    const follow: ReportRule = { ...phone, id: 'up', kind: 'followUp' };
    const duplicate = reportRulesSchema.safeParse([phone, { ...phone, label: '又一条' }]);
    expect(duplicate.success ? [] : toFieldIssues(duplicate.error)).toEqual([
      { field: '1.id', message: 'ruleIdDuplicate' },
    ]);
    const noInitial = reportRulesSchema.safeParse([follow]);
    expect(noInitial.success ? [] : toFieldIssues(noInitial.error)).toEqual([
      { field: '_', message: 'initialRuleRequired' },
    ]);
    expect(reportRulesSchema.safeParse([phone, follow]).success).toBe(true);
  });
});

describe('stored rules', () => {
  it('are the sample rules when nothing valid is stored, and the stored ones otherwise', () => {
    expect(storedOrSampleRules(undefined)).toEqual({ rules: [...SAMPLE_REPORT_RULES], isSample: true });
    expect(storedOrSampleRules([{ ...phone, withinMinutes: -1 }]).isSample).toBe(true);
    expect(storedOrSampleRules([phone])).toEqual({ rules: [phone], isSample: false });
  });

  it('adds a rule with a new id at the end and replaces one with the same id in place', () => {
    const written: ReportRule = { ...phone, id: 'written-30', channel: 'written', withinMinutes: 30 };
    expect(withRule([phone], written).map((r) => r.id)).toEqual(['phone-15', 'written-30']);
    expect(withRule([phone, written], { ...phone, withinMinutes: 10 })).toEqual([
      { ...phone, withinMinutes: 10 },
      written,
    ]);
  });

  it('summarises the set for the audit trail by its 初报 deadlines', () => {
    expect(rulesSummary([phone, { ...phone, id: 'up', kind: 'followUp', label: '逐级上报' }])).toBe(
      '信息报送时限规则2条：电话初报15分钟',
    );
  });
});
