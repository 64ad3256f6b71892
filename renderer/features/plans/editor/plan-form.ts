/**
 * The editor's form values and the plan they stand for. The form differs from the plan in three places only:
 * a level can be switched off (a plan need not use all four), an action's owner is one choice over groups
 * and roles, and ids are made here so a planner never types one.
 */
import { RESPONSE_LEVELS, type ResponseLevel } from '@shared/domain/plan/levels';
import type { Plan, PlanAction, PlanInput, PlanLevel, Trigger } from '@shared/domain/plan/plan-schema';
import type { Position } from '@shared/domain/org/types';

export interface ActionValues {
  id: string;
  text: string;
  /** `g:<groupId>` or `r:<roleId>`. */
  owner: string | undefined;
  deadlineMinutes: number;
}

export interface LevelValues extends Omit<PlanLevel, 'actions'> {
  enabled: boolean;
  actions: ActionValues[];
}

export interface PlanFormValues extends Omit<Plan, 'levels' | 'preResponseActions'> {
  levels: LevelValues[];
  preResponseActions: ActionValues[];
}

export function newId(prefix: string): string {
  return `${prefix}${Math.random().toString(36).slice(2, 8)}`;
}

function toActionValues(a: PlanAction): ActionValues {
  return {
    id: a.id,
    text: a.text,
    owner: a.groupId ? `g:${a.groupId}` : a.roleId ? `r:${a.roleId}` : undefined,
    deadlineMinutes: a.deadlineMinutes,
  };
}

function fromActionValues(a: ActionValues): PlanAction {
  const [kind, id] = a.owner ? [a.owner.slice(0, 1), a.owner.slice(2)] : ['', ''];
  return {
    id: a.id || newId('a'),
    text: a.text ?? '',
    groupId: kind === 'g' ? id : null,
    roleId: kind === 'r' ? id : null,
    deadlineMinutes: a.deadlineMinutes ?? 60,
  };
}

/** Every response level is in the form, highest first, as the level table reads; unused ones are off. */
export function toFormValues(plan: Plan): PlanFormValues {
  const levels = [...RESPONSE_LEVELS].reverse().map((level): LevelValues => {
    const def = plan.levels.find((l) => l.level === level);
    return def
      ? { ...def, enabled: true, actions: def.actions.map(toActionValues) }
      : { ...emptyLevel(level), enabled: false };
  });
  return { ...plan, levels, preResponseActions: plan.preResponseActions.map(toActionValues) };
}

/** The plan input the form stands for; the schema and `checkPlan` then say what is still wrong. */
export function fromFormValues(values: PlanFormValues): PlanInput {
  const levels = [...values.levels]
    .filter((l) => l.enabled)
    .sort((a, b) => RESPONSE_LEVELS.indexOf(a.level) - RESPONSE_LEVELS.indexOf(b.level))
    .map(({ enabled: _enabled, actions, ...level }) => ({
      ...level,
      triggers: (level.triggers ?? []).map(cleanTrigger),
      actions: (actions ?? []).map(fromActionValues),
      deescalation:
        level.deescalation?.approval?.roleIds?.length || level.deescalation?.conditions?.length
          ? level.deescalation
          : null,
      termination:
        level.termination?.approval?.roleIds?.length || level.termination?.conditions?.length
          ? level.termination
          : null,
    }));
  return {
    ...values,
    levels,
    preResponseActions: (values.preResponseActions ?? []).map(fromActionValues),
  };
}

/** Form fields left empty come back as null or undefined; a trigger keeps only the fields of its kind. */
function cleanTrigger(t: Trigger): Trigger {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  switch (t.kind) {
    case 'threshold':
      return { kind: 'threshold', observation: t.observation, atLeast: num(t.atLeast), below: num(t.below) };
    case 'flag':
      return { kind: 'flag', observation: t.observation };
    case 'warning':
      return { kind: 'warning', warningType: t.warningType, atLeast: t.atLeast };
    case 'elapsed':
      return {
        kind: 'elapsed',
        since: t.since,
        unless: t.unless,
        minutes: t.minutes,
        alternative:
          t.alternative?.when && t.alternative.minutes
            ? { when: t.alternative.when, minutes: t.alternative.minutes }
            : undefined,
      };
    case 'upperOrder':
      return { kind: 'upperOrder' };
    case 'all':
      return { kind: 'all', of: (t.of ?? []).map(cleanTrigger) };
  }
}

function emptyLevel(level: ResponseLevel): Omit<LevelValues, 'enabled'> {
  return {
    level,
    triggers: [],
    recommenderRoleIds: [],
    approval: { roleIds: [], mode: 'any' },
    matter: '',
    expectedDurationHours: 24,
    actions: [],
    includesLowerLevels: true,
    deescalation: null,
    termination: null,
  };
}

/**
 * A new plan starts as a government special plan would: the usual 指挥部 roles bound to the directory's
 * positions of the same name, the usual working groups, casualty and time observations, and all four
 * levels switched on with nothing decided yet (no signer, no trigger): the checks list what to fill in.
 */
export function newPlanValues(positions: readonly Position[], today: string): PlanFormValues {
  const position = (name: string) => positions.filter((p) => p.name === name).map((p) => p.id);
  const role = (id: string, name: string, positionName = name) => ({
    id,
    name,
    positionIds: position(positionName),
    personIds: [],
  });
  return {
    id: newId('plan-'),
    version: 1,
    status: 'draft',
    meta: {
      title: '',
      planType: 'special',
      hazardCategory: 'accident',
      hazardType: '',
      issuingUnitId: null,
      edition: '',
      effectiveDate: today,
      nextReviewDate: null,
      lastDrillDate: null,
      drillIntervalMonths: 24,
      filing: { status: 'notFiled', withUnit: '', date: null },
      parentPlanId: null,
      revisionTriggers: [],
      summary: '',
    },
    commandBody: '',
    roles: [
      role('commander', '总指挥'),
      role('deputy', '副总指挥'),
      role('secretary', '秘书长'),
      role('office', '指挥部办公室', '办公室主任'),
    ],
    groups: ['综合协调组', '抢险救援组', '医疗救治组', '治安警戒组', '新闻宣传组', '后勤保障组'].map(
      (name, i) => ({
        id: `g${i + 1}`,
        name,
        leadUnitId: null,
        memberUnitIds: [],
        leaderRoleId: null,
        duties: '',
      }),
    ),
    observations: [
      { key: 'deaths', label: '死亡人数', kind: 'number', unit: '人' },
      { key: 'seriousInjuries', label: '重伤人数', kind: 'number', unit: '人' },
      { key: 'startedAt', label: '事件发生', kind: 'moment', unit: '' },
      { key: 'controlled', label: '得到有效控制', kind: 'flag', unit: '' },
      { key: 'sensitivePeriod', label: '敏感时期', kind: 'flag', unit: '' },
    ],
    warningTypes: [],
    warningLevels: [],
    preResponseActions: [],
    levels: [...RESPONSE_LEVELS].reverse().map((level) => ({ ...emptyLevel(level), enabled: true })),
    discretionaryRaise: false,
  };
}
