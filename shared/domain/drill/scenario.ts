/**
 * 演练方案与脚本: a scenario (what is exercised, by whom, against which plan version) and its script — the
 * master scenario events list (MSEL), one inject per row. A run copies the scenario when it starts, so editing
 * the scenario later never changes what a past run delivered.
 */
import { z } from '../../validation/z';
import type { Authored } from '../org/types';
import { CRITICAL_TASKS_PER_CAPABILITY, criticalTaskSchema, pruneCriticalTasks } from './critical-tasks';
import { AQT9009_CAPABILITIES, RATING_SCALES } from './evaluation';
import type { ScenarioSeal } from './scenario-seal';

export const DRILL_FORMS = ['tabletop', 'live'] as const;
export const DRILL_SCOPES = ['single', 'combined'] as const;
export const DRILL_PURPOSES = ['inspection', 'demonstration', 'research'] as const;
/** 公开 (players know the script's outline), 盲演, 双盲. */
export const BLIND_MODES = ['open', 'blind', 'doubleBlind'] as const;
export const DELIVERY_METHODS = ['phone', 'sms', 'fax', 'inPerson', 'paper', 'video', 'broadcast'] as const;

export type DrillForm = (typeof DRILL_FORMS)[number];
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export type BlindMode = (typeof BLIND_MODES)[number];

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');
const required = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });
const names = z.array(z.string().trim().min(1).max(60)).max(200).default([]);
const offset = z
  .number({ error: 'required' })
  .int({ error: 'integerRequired' })
  .min(0, { error: 'notNegative' })
  .max(30 * 24 * 3_600_000, { error: 'tooLong' });

/** An expected action: what the players should do once the inject lands, within `windowMinutes`. */
export const expectedActionSchema = z.object({
  id: z.string().min(1),
  text: required(200),
  windowMinutes: z
    .number({ error: 'required' })
    .int({ error: 'integerRequired' })
    .min(1, { error: 'notNegative' })
    .max(24 * 60, { error: 'tooLong' }),
});
export type ExpectedAction = z.output<typeof expectedActionSchema>;

/**
 * Contingency: `unlessObserved` fires only when the named expected action was not observed by the inject's own
 * time (otherwise it is skipped); `afterDelivered` fires only when the named inject was delivered.
 */
export const contingencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unlessObserved'), injectId: z.string().min(1), actionId: z.string().min(1) }),
  z.object({ kind: z.literal('afterDelivered'), injectId: z.string().min(1) }),
]);
export type Contingency = z.output<typeof contingencySchema>;

export const injectSchema = z.object({
  id: z.string().min(1),
  /** 序号 as the script numbers it. */
  no: required(10),
  offsetMs: offset,
  /** A planned clock time ("09:40") for live drills; shown, not used for scheduling. */
  clockTime: z
    .string()
    .trim()
    .regex(/^(?:|[01]\d:[0-5]\d|2[0-3]:[0-5]\d)$/, { error: 'timeInvalid' })
    .default(''),
  /** 情景时间 as the story tells it ("次日08:00"). */
  scenarioLabel: text(30),
  synopsis: required(100),
  text: required(2000),
  from: text(60),
  to: text(100),
  method: z.enum(DELIVERY_METHODS, { error: 'required' }).default('phone'),
  controller: text(30),
  expectedActions: z.array(expectedActionSchema).max(20).default([]),
  objective: text(100),
  planClause: text(100),
  evaluatorNotes: text(500),
  contingency: contingencySchema.nullable().default(null),
});
export type InjectInput = z.input<typeof injectSchema>;
export type Inject = z.output<typeof injectSchema>;

export const scenarioInputSchema = z
  .object({
    title: required(100),
    form: z.enum(DRILL_FORMS, { error: 'required' }),
    scope: z.enum(DRILL_SCOPES, { error: 'required' }),
    purpose: z.enum(DRILL_PURPOSES, { error: 'required' }),
    blind: z.enum(BLIND_MODES).default('open'),
    hazard: text(60),
    plans: z
      .array(z.object({ id: z.string().min(1), version: z.number().int().positive() }))
      .max(5)
      .default([]),
    objectives: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    units: names,
    positions: names,
    controllers: names,
    evaluators: names,
    observers: names,
    trustedAgents: names,
    /** What the evaluators rate (AQ/T 9009 unless the scenario says otherwise), and on which scale. */
    capabilities: z
      .array(z.string().trim().min(1).max(60))
      .max(50)
      .default([...AQT9009_CAPABILITIES]),
    /** 关键任务 by capability name; only listed capabilities keep theirs (see the transform below). */
    criticalTasks: z
      .record(
        z.string().trim().min(1).max(60),
        z.array(criticalTaskSchema).max(CRITICAL_TASKS_PER_CAPABILITY, { error: 'tooMany' }),
      )
      .default({}),
    ratingScale: z.enum(RATING_SCALES).default('psmu'),
    injects: z.array(injectSchema).max(2000).default([]),
  })
  .superRefine((scenario, ctx) => {
    const ids = new Set(scenario.injects.map((inject) => inject.id));
    scenario.injects.forEach((inject, index) => {
      const c = inject.contingency;
      if (!c) return;
      const target = scenario.injects.find((other) => other.id === c.injectId);
      const isBroken =
        !ids.has(c.injectId) ||
        c.injectId === inject.id ||
        (c.kind === 'unlessObserved' && !target?.expectedActions.some((a) => a.id === c.actionId));
      if (isBroken) {
        ctx.addIssue({
          code: 'custom',
          message: 'contingencyTarget',
          path: ['injects', index, 'contingency'],
        });
      } else if (waitsForItself(scenario.injects, inject.id)) {
        ctx.addIssue({
          code: 'custom',
          message: 'contingencyCycle',
          path: ['injects', index, 'contingency'],
        });
      }
    });
  })
  // A renamed or removed capability must not keep tasks nobody sees.
  .transform((scenario) => ({
    ...scenario,
    criticalTasks: pruneCriticalTasks(scenario.capabilities, scenario.criticalTasks),
  }));

/** Whether following `afterDelivered` from `id` comes back to it: such injects would wait for each other forever. */
export function waitsForItself(injects: readonly Inject[], id: string): boolean {
  const byId = new Map(injects.map((inject) => [inject.id, inject]));
  const seen = new Set<string>();
  let current = byId.get(id)?.contingency;
  while (current?.kind === 'afterDelivered') {
    if (current.injectId === id) return true;
    if (seen.has(current.injectId)) return false;
    seen.add(current.injectId);
    current = byId.get(current.injectId)?.contingency;
  }
  return false;
}

export type ScenarioInput = z.input<typeof scenarioInputSchema>;
export type ScenarioValues = z.output<typeof scenarioInputSchema>;

export interface Scenario extends ScenarioValues, Authored {
  id: string;
  /** Set while the scenario is sealed by a controller's passphrase (双盲): no screen shows its script. */
  seal?: ScenarioSeal;
}

/** The script in delivery order: by offset, then by 序号 as written (numerically where it is a number). */
export function scriptOrder(injects: readonly Inject[]): Inject[] {
  return [...injects].sort(
    (a, b) => a.offsetMs - b.offsetMs || a.no.localeCompare(b.no, 'zh-CN', { numeric: true }),
  );
}
