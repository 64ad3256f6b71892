/**
 * The emergency plan (应急预案) as data: what the editor writes, what a plan file carries, and what the compiler
 * turns into a statechart. Structure is checked here; cross-references (a trigger naming an observation, a
 * level naming its signer role) are checked by `checkPlan`, which can say which level and field is wrong.
 */
import { z } from '../../validation/z';
import { RESPONSE_LEVELS, WARNING_LEVELS } from './levels';

export const PLAN_TYPES = ['general', 'special', 'department', 'onsite'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export const HAZARD_CATEGORIES = ['natural', 'accident', 'publicHealth', 'socialSecurity'] as const;
export type HazardCategory = (typeof HAZARD_CATEGORIES)[number];

export const PLAN_STATUSES = ['draft', 'published', 'retired'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const FILING_STATUSES = ['notFiled', 'submitted', 'filed'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** Bases the law and the hazmat plan text give for a discretionary raise (提级). */
export const RAISE_BASES = ['sensitive', 'publicAttention', 'keyArea', 'majorEvent', 'other'] as const;
export type RaiseBasis = (typeof RAISE_BASES)[number];

export const OBSERVATION_KINDS = ['number', 'flag', 'moment'] as const;
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' });
const requiredText = (max: number) => text(max).min(1, { error: 'required' });
const id = z.string().trim().min(1, { error: 'required' }).max(64, { error: 'tooLong' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'dateInvalid' });

export const observationSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, { error: 'keyInvalid' }),
  label: requiredText(40),
  kind: z.enum(OBSERVATION_KINDS),
  /** 人, 公顷, 毫米, 米, 万元, 级 … shown after the number. */
  unit: text(10).default(''),
});
export type Observation = z.output<typeof observationSchema>;

/**
 * A 启动条件. Thresholds use the legal reading of the text: `atLeast` is "N以上" (includes N), `below` is
 * "N以下" (excludes N), so "3人以上10人以下" is `{ atLeast: 3, below: 10 }`.
 */
export type Trigger =
  | { kind: 'threshold'; observation: string; atLeast?: number | undefined; below?: number | undefined }
  | { kind: 'flag'; observation: string }
  | { kind: 'warning'; warningType: string; atLeast: (typeof WARNING_LEVELS)[number] }
  | {
      kind: 'elapsed';
      /** A `moment` observation: when the clock started (起火, 泄漏开始 …). */
      since: string;
      /** A `flag` observation that stops the clock once true (已得到控制). */
      unless: string;
      minutes: number;
      /** A shorter (or longer) limit while a flag holds, e.g. 敏感时期 2 h instead of 4 h. */
      alternative?: { when: string; minutes: number } | undefined;
    }
  | { kind: 'upperOrder' }
  | { kind: 'all'; of: Trigger[] };

export const triggerSchema: z.ZodType<Trigger> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('threshold'),
      observation: id,
      atLeast: z.number().finite().optional(),
      below: z.number().finite().optional(),
    }),
    z.object({ kind: z.literal('flag'), observation: id }),
    z.object({ kind: z.literal('warning'), warningType: requiredText(20), atLeast: z.enum(WARNING_LEVELS) }),
    z.object({
      kind: z.literal('elapsed'),
      since: id,
      unless: id,
      minutes: z.number().int().positive(),
      alternative: z.object({ when: id, minutes: z.number().int().positive() }).optional(),
    }),
    z.object({ kind: z.literal('upperOrder') }),
    z.object({ kind: z.literal('all'), of: z.array(triggerSchema).min(1, { error: 'required' }) }),
  ]),
);

/** Who decides: one role, or several roles that must all sign (联合签发). */
export const approvalSchema = z.object({
  roleIds: z.array(id).default([]),
  mode: z.enum(['any', 'all']).default('any'),
});
export type Approval = z.output<typeof approvalSchema>;

export const actionSchema = z.object({
  id,
  text: requiredText(300),
  /** A working group or a command role; one of the two. */
  groupId: id.nullable().default(null),
  roleId: id.nullable().default(null),
  /** Minutes after activation; 0 = immediately. */
  deadlineMinutes: z.number().int().min(0).default(60),
});
export type PlanAction = z.output<typeof actionSchema>;

export const gateSchema = z.object({
  approval: approvalSchema,
  /** All must hold; none means the approver judges alone. */
  conditions: z.array(triggerSchema).default([]),
});
export type Gate = z.output<typeof gateSchema>;

export const levelSchema = z.object({
  level: z.enum(RESPONSE_LEVELS),
  triggers: z.array(triggerSchema).default([]),
  /** Who assesses and recommends (e.g. 办公室); empty = no recommendation step. */
  recommenderRoleIds: z.array(id).default([]),
  approval: approvalSchema,
  /** 响应事项 written into the activation notice unless the signer words it otherwise. */
  matter: text(200).default(''),
  expectedDurationHours: z.number().positive().default(24),
  actions: z.array(actionSchema).default([]),
  /** "每级响应行动包含低级别应急响应的所有内容" unless the plan says otherwise. */
  includesLowerLevels: z.boolean().default(true),
  deescalation: gateSchema.nullable().default(null),
  termination: gateSchema.nullable().default(null),
});
export type PlanLevel = z.output<typeof levelSchema>;

export const roleSchema = z.object({
  id,
  name: requiredText(30),
  /** Anyone signed in to one of these directory positions holds the role … */
  positionIds: z.array(id).default([]),
  /** … and so do these people, whatever position they signed in to. */
  personIds: z.array(id).default([]),
});
export type PlanRole = z.output<typeof roleSchema>;

export const groupSchema = z.object({
  id,
  name: requiredText(30),
  leadUnitId: id.nullable().default(null),
  memberUnitIds: z.array(id).default([]),
  leaderRoleId: id.nullable().default(null),
  duties: text(500).default(''),
});
export type PlanGroup = z.output<typeof groupSchema>;

export const warningLevelSchema = z.object({
  level: z.enum(WARNING_LEVELS),
  meaning: text(200).default(''),
  measures: z.array(requiredText(300)).default([]),
});
export type PlanWarningLevel = z.output<typeof warningLevelSchema>;

export const planMetaSchema = z.object({
  title: requiredText(80),
  planType: z.enum(PLAN_TYPES),
  hazardCategory: z.enum(HAZARD_CATEGORIES),
  hazardType: requiredText(20),
  issuingUnitId: id.nullable().default(null),
  /** 2024版 … as printed on the cover; `Plan.version` counts saved versions. */
  edition: text(30).default(''),
  effectiveDate: isoDate.nullable().default(null),
  nextReviewDate: isoDate.nullable().default(null),
  lastDrillDate: isoDate.nullable().default(null),
  /** 应急条例 Art. 8: governments and street offices at least every 24 months, high-risk units every 6. */
  drillIntervalMonths: z.number().int().min(1).max(60).default(24),
  filing: z
    .object({
      status: z.enum(FILING_STATUSES).default('notFiled'),
      withUnit: text(60).default(''),
      date: isoDate.nullable().default(null),
    })
    .default({ status: 'notFiled', withUnit: '', date: null }),
  parentPlanId: id.nullable().default(null),
  /** Events that oblige a revision before the 3-year review (法规、机构、风险、资源变化; 演练/处置发现重大问题). */
  revisionTriggers: z.array(requiredText(200)).default([]),
  summary: text(2000).default(''),
});
export type PlanMeta = z.output<typeof planMetaSchema>;

export const planSchema = z.object({
  id,
  version: z.number().int().positive(),
  status: z.enum(PLAN_STATUSES),
  meta: planMetaSchema,
  commandBody: requiredText(60),
  roles: z.array(roleSchema).default([]),
  groups: z.array(groupSchema).default([]),
  observations: z.array(observationSchema).default([]),
  /** 台风, 暴雨 … the warning categories this plan listens to. */
  warningTypes: z.array(requiredText(20)).default([]),
  warningLevels: z.array(warningLevelSchema).default([]),
  /** 预警 state: preparations before a response (会商, 队伍待命). */
  preResponseActions: z.array(actionSchema).default([]),
  levels: z.array(levelSchema).min(1, { error: 'noLevels' }),
  /** 提级: a higher level than the triggers give, proposed with a reason and signed by that level's signer. */
  discretionaryRaise: z.boolean().default(false),
});
export type Plan = z.output<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;

export const PLAN_FILE_FORMAT = 'emergency-desk/plan';
export const PLAN_FILE_VERSION = 1;

export const planFileSchema = z.object({
  format: z.literal(PLAN_FILE_FORMAT),
  formatVersion: z.literal(PLAN_FILE_VERSION),
  exportedAt: z.number().optional(),
  plan: planSchema,
});
export type PlanFile = z.output<typeof planFileSchema>;
