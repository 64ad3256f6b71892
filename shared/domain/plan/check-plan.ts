/**
 * Everything that stops a plan from compiling, each issue located the way a planner thinks of it: which
 * level, which trigger (1-based, as in 启动条件第2条), which field. Used by the compiler, the editor and plan
 * import, so all three refuse the same things with the same words.
 */
import type { z } from '../../validation/z';
import { LEVEL_NUMERAL, RESPONSE_LEVELS, type ResponseLevel } from './levels';
import { planSchema, type ObservationKind, type Plan, type PlanAction, type Trigger } from './plan-schema';

export type PlanIssueCode =
  | 'invalid'
  | 'required'
  | 'noLevels'
  | 'duplicateLevel'
  | 'noSigner'
  | 'unknownRole'
  | 'roleUnbound'
  | 'noTriggers'
  | 'unknownObservation'
  | 'wrongObservationKind'
  | 'emptyRange'
  | 'invertedRange'
  | 'unknownWarningType'
  | 'unknownGroup'
  | 'noOwner'
  | 'duplicateId';

export interface PlanIssue {
  code: PlanIssueCode;
  /** Where, as a path into the plan (`levels.2.triggers.0.observation`). */
  path: (string | number)[];
  level?: ResponseLevel;
  /** 1-based, as a person counts. */
  trigger?: number;
  field: string;
  detail?: string;
}

export type PlanCheck = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

/** Parse unknown input (a form, a file) into a plan and check it; never throws. */
export function checkPlanInput(input: unknown): PlanCheck {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => fromZod(i, input)) };
  const issues = checkPlan(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, plan: parsed.data };
}

export function checkPlan(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const roleIds = new Set(plan.roles.map((r) => r.id));
  const groupIds = new Set(plan.groups.map((g) => g.id));
  const kinds = new Map(plan.observations.map((o) => [o.key, o.kind]));
  const warningTypes = new Set(plan.warningTypes);

  duplicates(plan.roles.map((r) => r.id)).forEach((d) =>
    issues.push({ code: 'duplicateId', path: ['roles'], field: 'id', detail: d }),
  );
  duplicates(plan.groups.map((g) => g.id)).forEach((d) =>
    issues.push({ code: 'duplicateId', path: ['groups'], field: 'id', detail: d }),
  );
  duplicates(plan.observations.map((o) => o.key)).forEach((d) =>
    issues.push({ code: 'duplicateId', path: ['observations'], field: 'key', detail: d }),
  );
  plan.roles.forEach((r, i) => {
    if (r.positionIds.length === 0 && r.personIds.length === 0)
      issues.push({ code: 'roleUnbound', path: ['roles', i], field: 'positionIds', detail: r.name });
  });

  const checkRoles = (
    ids: readonly string[],
    path: (string | number)[],
    level: ResponseLevel | undefined,
  ) => {
    ids.forEach((id, k) => {
      if (!roleIds.has(id))
        issues.push({
          code: 'unknownRole',
          path: [...path, k],
          field: 'roleIds',
          detail: id,
          ...(level ? { level } : {}),
        });
    });
  };

  const checkActions = (
    actions: readonly PlanAction[],
    path: (string | number)[],
    level: ResponseLevel | undefined,
  ) => {
    actions.forEach((a, k) => {
      const at = { path: [...path, k], ...(level ? { level } : {}) };
      if (a.groupId === null && a.roleId === null)
        issues.push({ code: 'noOwner', ...at, field: 'groupId', detail: a.text });
      if (a.groupId !== null && !groupIds.has(a.groupId))
        issues.push({ code: 'unknownGroup', ...at, field: 'groupId', detail: a.groupId });
      if (a.roleId !== null && !roleIds.has(a.roleId))
        issues.push({ code: 'unknownRole', ...at, field: 'roleId', detail: a.roleId });
    });
  };

  const checkTrigger = (t: Trigger, path: (string | number)[], level: ResponseLevel, trigger: number) => {
    const at = { path, level, trigger };
    const needs = (key: string, field: string, kind: ObservationKind) => {
      const actual = kinds.get(key);
      if (actual === undefined)
        issues.push({ code: 'unknownObservation', ...at, path: [...path, field], field, detail: key });
      else if (actual !== kind)
        issues.push({
          code: 'wrongObservationKind',
          ...at,
          path: [...path, field],
          field,
          detail: `${key}:${kind}`,
        });
    };
    switch (t.kind) {
      case 'threshold':
        needs(t.observation, 'observation', 'number');
        if (t.atLeast === undefined && t.below === undefined)
          issues.push({ code: 'emptyRange', ...at, field: 'atLeast' });
        if (t.atLeast !== undefined && t.below !== undefined && t.atLeast >= t.below)
          issues.push({ code: 'invertedRange', ...at, field: 'below', detail: `${t.atLeast}–${t.below}` });
        break;
      case 'flag':
        needs(t.observation, 'observation', 'flag');
        break;
      case 'warning':
        if (!warningTypes.has(t.warningType))
          issues.push({
            code: 'unknownWarningType',
            ...at,
            path: [...path, 'warningType'],
            field: 'warningType',
            detail: t.warningType,
          });
        break;
      case 'elapsed':
        needs(t.since, 'since', 'moment');
        needs(t.unless, 'unless', 'flag');
        if (t.alternative) needs(t.alternative.when, 'alternative', 'flag');
        break;
      case 'upperOrder':
        break;
      case 'all':
        t.of.forEach((part, k) => checkTrigger(part, [...path, 'of', k], level, trigger));
        break;
    }
  };

  const seen = new Set<ResponseLevel>();
  plan.levels.forEach((def, i) => {
    const level = def.level;
    const base = ['levels', i];
    if (seen.has(level))
      issues.push({ code: 'duplicateLevel', path: [...base, 'level'], level, field: 'level' });
    seen.add(level);
    if (def.approval.roleIds.length === 0)
      issues.push({ code: 'noSigner', path: [...base, 'approval'], level, field: 'approval' });
    checkRoles(def.approval.roleIds, [...base, 'approval', 'roleIds'], level);
    checkRoles(def.recommenderRoleIds, [...base, 'recommenderRoleIds'], level);
    if (def.triggers.length === 0)
      issues.push({ code: 'noTriggers', path: [...base, 'triggers'], level, field: 'triggers' });
    def.triggers.forEach((t, k) => checkTrigger(t, [...base, 'triggers', k], level, k + 1));
    checkActions(def.actions, [...base, 'actions'], level);
    for (const gate of ['deescalation', 'termination'] as const) {
      const g = def[gate];
      if (!g) continue;
      checkRoles(g.approval.roleIds, [...base, gate, 'approval', 'roleIds'], level);
      g.conditions.forEach((c, k) => checkTrigger(c, [...base, gate, 'conditions', k], level, k + 1));
    }
  });
  checkActions(plan.preResponseActions, ['preResponseActions'], undefined);
  duplicates(
    plan.levels.flatMap((l) => l.actions.map((a) => a.id)).concat(plan.preResponseActions.map((a) => a.id)),
  ).forEach((d) => issues.push({ code: 'duplicateId', path: ['levels'], field: 'actions', detail: d }));
  return issues;
}

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

/** A schema issue, located by level and trigger when its path runs through them. */
function fromZod(issue: z.core.$ZodIssue, input: unknown): PlanIssue {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const located: PlanIssue = {
    code: issue.message === 'required' || issue.message === 'noLevels' ? issue.message : 'invalid',
    path,
    // A plan that is not an object at all (a file without `plan`) is wrong as a whole.
    field: String([...path].reverse().find((p) => typeof p === 'string') ?? 'plan'),
  };
  if (path[0] === 'levels' && typeof path[1] === 'number') {
    const raw = (input as { levels?: { level?: unknown }[] } | null)?.levels?.[path[1]]?.level;
    if (typeof raw === 'string' && (RESPONSE_LEVELS as readonly string[]).includes(raw))
      located.level = raw as ResponseLevel;
    const t = path.indexOf('triggers');
    if (t >= 0 && typeof path[t + 1] === 'number') located.trigger = (path[t + 1] as number) + 1;
  }
  return located;
}

export type IssueLanguage = 'zh-CN' | 'en';

const FIELD_NAMES: Record<IssueLanguage, Record<string, string>> = {
  'zh-CN': {
    approval: '签发人',
    roleIds: '角色',
    recommenderRoleIds: '研判建议角色',
    roleId: '负责角色',
    groupId: '负责工作组',
    triggers: '启动条件',
    observation: '观测项',
    since: '起算时刻',
    unless: '控制标志',
    alternative: '特殊时段',
    atLeast: '阈值（以上）',
    below: '阈值（以下）',
    warningType: '预警类别',
    level: '响应级别',
    positionIds: '岗位绑定',
    title: '预案名称',
    commandBody: '指挥机构',
    hazardType: '灾种',
    text: '措施内容',
    id: '编号',
    key: '观测项编号',
    actions: '措施编号',
    plan: '预案内容',
  },
  en: {
    approval: 'signer',
    roleIds: 'role',
    recommenderRoleIds: 'recommending role',
    roleId: 'owner role',
    groupId: 'owner group',
    triggers: 'triggers',
    observation: 'observation',
    since: 'counted from',
    unless: 'control flag',
    alternative: 'special period',
    atLeast: 'threshold (at least)',
    below: 'threshold (below)',
    warningType: 'warning category',
    level: 'response level',
    positionIds: 'positions',
    title: 'title',
    commandBody: 'command body',
    hazardType: 'hazard',
    text: 'measure',
    id: 'id',
    key: 'observation id',
    actions: 'measure id',
    plan: 'plan',
  },
};

const CODE_TEXT: Record<IssueLanguage, Record<PlanIssueCode, string>> = {
  'zh-CN': {
    invalid: '取值无效',
    required: '必填',
    noLevels: '至少需要一个响应级别',
    duplicateLevel: '响应级别重复',
    noSigner: '缺少签发人（批准启动的角色）',
    unknownRole: '引用了不存在的角色',
    roleUnbound: '角色未绑定任何岗位或人员',
    noTriggers: '至少需要一个启动条件',
    unknownObservation: '引用了未定义的观测项',
    wrongObservationKind: '观测项类型不符',
    emptyRange: '阈值至少填写“以上”或“以下”之一',
    invertedRange: '“以上”的数值必须小于“以下”的数值',
    unknownWarningType: '预警类别未在本预案中定义',
    unknownGroup: '引用了不存在的工作组',
    noOwner: '措施必须指定负责工作组或角色',
    duplicateId: '编号重复',
  },
  en: {
    invalid: 'invalid value',
    required: 'required',
    noLevels: 'at least one response level is needed',
    duplicateLevel: 'the response level appears twice',
    noSigner: 'no signer (the role that approves starting it)',
    unknownRole: 'refers to a role that does not exist',
    roleUnbound: 'the role is bound to no position or person',
    noTriggers: 'at least one trigger is needed',
    unknownObservation: 'refers to an observation that is not defined',
    wrongObservationKind: 'the observation is of the wrong kind',
    emptyRange: 'fill in “at least” or “below”',
    invertedRange: '“at least” must be smaller than “below”',
    unknownWarningType: 'the warning category is not defined in this plan',
    unknownGroup: 'refers to a working group that does not exist',
    noOwner: 'a measure needs an owner group or role',
    duplicateId: 'duplicate id',
  },
};

/** Lists whose elements a planner counts; a level and its triggers are named by level and trigger instead. */
const ITEM_NAMES: Record<IssueLanguage, Record<string, string>> = {
  'zh-CN': {
    levels: '响应级别',
    triggers: '启动条件',
    roles: '角色',
    groups: '工作组',
    observations: '观测项',
    warningLevels: '预警级别',
    preResponseActions: '预警行动',
    actions: '措施',
    conditions: '条件',
    of: '组合条件',
  },
  en: {
    levels: 'level',
    triggers: 'trigger',
    roles: 'role',
    groups: 'group',
    observations: 'observation',
    warningLevels: 'warning level',
    preResponseActions: 'pre-response action',
    actions: 'measure',
    conditions: 'condition',
    of: 'combined condition',
  },
};

const GATE_NAMES: Record<IssueLanguage, Record<string, string>> = {
  'zh-CN': { deescalation: '降级', termination: '响应终止' },
  en: { deescalation: 'step-down', termination: 'termination' },
};

/**
 * The elements of lists on the issue's path that level and trigger do not already name (第3个工作组, a
 * termination condition), and the field — with the position in its list when the value is one of a list of
 * ids (the 2nd 研判建议角色) — so a file's problem can be found outside the levels too.
 */
function placeOf(issue: PlanIssue, language: IssueLanguage): string[] {
  const zh = language === 'zh-CN';
  const nth = (name: string, index: number) => (zh ? `${name}第${index + 1}项` : `${name} ${index + 1}`);
  const where: string[] = [];
  let namedTrigger = false;
  const { path } = issue;
  for (let i = 0; i + 1 < path.length; i += 1) {
    const [key, index] = [path[i], path[i + 1]];
    if (typeof key !== 'string' || typeof index !== 'number') continue;
    if (key === 'levels' && issue.level) continue;
    if (key === 'triggers' && issue.trigger && !namedTrigger) {
      namedTrigger = true;
      continue;
    }
    const name = ITEM_NAMES[language][key];
    if (name) where.push(nth(name, index));
  }
  // A level's own sign-off and its termination's look alike but for the gate they sit in.
  for (const key of path) {
    const gate = typeof key === 'string' ? GATE_NAMES[language][key] : undefined;
    if (gate) where.push(gate);
  }
  const names = FIELD_NAMES[language];
  const [last, list] = [path.at(-1), path.at(-2)];
  if (typeof last === 'number' && typeof list === 'string' && !ITEM_NAMES[language][list])
    where.push(nth(names[list] ?? names[issue.field] ?? list, last));
  else where.push(names[issue.field] ?? issue.field);
  return where;
}

/** "Ⅲ级响应 · 启动条件第2条 · 观测项：引用了未定义的观测项（rainfall）" (or the same in English). */
export function formatPlanIssue(issue: PlanIssue, language: IssueLanguage = 'zh-CN'): string {
  const where: string[] = [];
  const zh = language === 'zh-CN';
  if (issue.level)
    where.push(zh ? `${LEVEL_NUMERAL[issue.level]}级响应` : `Level ${LEVEL_NUMERAL[issue.level]}`);
  if (issue.trigger) where.push(zh ? `启动条件第${issue.trigger}条` : `trigger ${issue.trigger}`);
  where.push(...placeOf(issue, language));
  const detail = issue.detail ? (zh ? `（${issue.detail}）` : ` (${issue.detail})`) : '';
  return `${where.join(' · ')}${zh ? '：' : ': '}${CODE_TEXT[language][issue.code]}${detail}`;
}

export class PlanCompileError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super(issues.map((issue) => formatPlanIssue(issue)).join('；'));
    this.name = 'PlanCompileError';
  }
}
