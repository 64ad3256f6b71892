import { describe, expect, it } from 'vitest';
import { samplePlan } from '../../../test/support/plan-driver';
import { checkPlanInput, formatPlanIssue, PlanCompileError } from './check-plan';
import { compilePlan } from './compile-plan';
import { actionsForLevel } from './plan-rules';

const clone = <T>(value: T): T => structuredClone(value);

describe('checking a plan before it compiles', () => {
  it('accepts the three sample plans', () => {
    for (const id of ['sample-flood', 'sample-typhoon', 'sample-hazmat'] as const) {
      expect(checkPlanInput(samplePlan(id))).toMatchObject({ ok: true });
    }
  });

  it('refuses a level without a signer, naming the level', () => {
    const plan = clone(samplePlan('sample-typhoon'));
    plan.levels[2]!.approval.roleIds = [];
    const result = checkPlanInput(plan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => formatPlanIssue(issue))).toEqual([
      'Ⅱ级响应 · 签发人：缺少签发人（批准启动的角色）',
    ]);
    expect(() => compilePlan(plan)).toThrow(PlanCompileError);
    expect(() => compilePlan(plan)).toThrow('Ⅱ级响应 · 签发人');
  });

  it('names the level, the trigger and the field of a trigger that points nowhere', () => {
    const plan = clone(samplePlan('sample-flood'));
    plan.levels[1]!.triggers[1] = { kind: 'threshold', observation: 'rainfall1h', atLeast: 50 };
    const result = checkPlanInput(plan);
    expect(result.ok || result.issues.map((issue) => formatPlanIssue(issue))).toEqual([
      'Ⅲ级响应 · 启动条件第2条 · 观测项：引用了未定义的观测项（rainfall1h）',
    ]);
  });

  it('refuses an inverted or empty range and a wrong observation kind', () => {
    const plan = clone(samplePlan('sample-hazmat'));
    plan.levels[0]!.triggers = [
      { kind: 'threshold', observation: 'deaths', atLeast: 10, below: 3 },
      { kind: 'threshold', observation: 'deaths' },
      { kind: 'flag', observation: 'deaths' },
    ];
    const result = checkPlanInput(plan);
    expect(result.ok || result.issues.map((i) => [i.level, i.trigger, i.code])).toEqual([
      ['IV', 1, 'invertedRange'],
      ['IV', 2, 'emptyRange'],
      ['IV', 3, 'wrongObservationKind'],
    ]);
  });

  it('locates schema errors inside a level by its level, not its index', () => {
    const plan = clone(samplePlan('sample-flood')) as unknown as { levels: { triggers: unknown[] }[] };
    plan.levels[3]!.triggers[0] = { kind: 'threshold', observation: 'deaths', atLeast: 'ten' };
    const result = checkPlanInput(plan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ level: 'I', trigger: 1, code: 'invalid' });
    expect(formatPlanIssue(result.issues[0]!)).toMatch(/^Ⅰ级响应 · 启动条件第1条/);
  });

  it('refuses a plan with no levels and unknown roles in actions', () => {
    const plan = clone(samplePlan('sample-flood'));
    plan.levels[0]!.actions[0]!.roleId = 'mayor';
    const noLevels = { ...plan, levels: [] };
    expect(checkPlanInput(noLevels)).toMatchObject({ ok: false, issues: [{ code: 'noLevels' }] });
    expect(checkPlanInput(plan)).toMatchObject({
      ok: false,
      issues: [{ code: 'unknownRole', level: 'IV', detail: 'mayor' }],
    });
  });
});

describe('actions accumulate upward unless a level says otherwise', () => {
  it('Ⅱ includes Ⅲ and Ⅳ, lowest first (防台风 5.2: 每级响应行动包含低级别应急响应的所有内容)', () => {
    const plan = samplePlan('sample-typhoon');
    const texts = (level: 'IV' | 'III' | 'II') => actionsForLevel(plan, level).map((a) => a.id);
    const iv = texts('IV');
    const iii = texts('III');
    expect(iii.slice(0, iv.length)).toEqual(iv);
    expect(texts('II').slice(0, iii.length)).toEqual(iii);
    expect(actionsForLevel(plan, 'II')[0]!.text).toMatch(/^防汛抗旱指挥机构秘书长主持会商/);
  });

  it('a level that does not include lower ones lists only its own', () => {
    const plan = clone(samplePlan('sample-typhoon'));
    plan.levels[1]!.includesLowerLevels = false;
    expect(actionsForLevel(plan, 'III')).toEqual(plan.levels[1]!.actions);
    // Ⅱ still includes Ⅲ, whose chain stops there.
    expect(actionsForLevel(plan, 'II')).toEqual([...plan.levels[1]!.actions, ...plan.levels[2]!.actions]);
  });
});

describe('plan issues in English', () => {
  it('name the same place in the plan', () => {
    const plan = clone(samplePlan('sample-typhoon'));
    plan.levels[2]!.approval.roleIds = [];
    const result = checkPlanInput(plan);
    expect(result.ok || result.issues.map((i) => formatPlanIssue(i, 'en'))).toEqual([
      'Level Ⅱ · signer: no signer (the role that approves starting it)',
    ]);
  });

  it('names the element of any list a problem in a file is in, and a plan that is not one at all (fuzz suite)', () => {
    const plan = clone(samplePlan('sample-hazmat')) as unknown as {
      groups: { memberUnitIds: unknown[] }[];
      levels: { actions: { deadlineMinutes: unknown }[] }[];
    };
    plan.groups[1]!.memberUnitIds[0] = 7;
    plan.levels[2]!.actions[0]!.deadlineMinutes = 'soon';
    const result = checkPlanInput(plan);
    expect(result.ok || result.issues.map((issue) => formatPlanIssue(issue))).toEqual([
      '工作组第2项 · memberUnitIds第1项：取值无效',
      'Ⅱ级响应 · 措施第1项 · deadlineMinutes：取值无效',
    ]);
    const roleless = checkPlanInput({ ...clone(samplePlan('sample-flood')), roles: [] });
    const texts = roleless.ok ? [] : roleless.issues.map((issue) => formatPlanIssue(issue));
    expect(texts).toContain('Ⅳ级响应 · 研判建议角色第1项：引用了不存在的角色（office）');
    expect(texts.filter((text) => text.startsWith('Ⅳ级响应 · 响应终止 · 角色第1项'))).toHaveLength(1);
    const none = checkPlanInput(undefined);
    expect(none.ok || none.issues.map((issue) => formatPlanIssue(issue))).toEqual(['预案内容：取值无效']);
  });
});
