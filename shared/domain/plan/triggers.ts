/**
 * Evaluating 启动条件 against what is known. Pure and clock-free: the caller passes `now` (epoch ms) from its
 * injected clock, and elapsed-time conditions are computed from the absolute moment they count from, so a
 * late evaluation (after sleep or a restart) gives the same answer as a punctual one.
 */
import {
  WARNING_NAME,
  levelLabel,
  responseRank,
  warningRank,
  type ResponseLevel,
  type WarningLevel,
} from './levels';
import type { Plan, Trigger } from './plan-schema';

export interface ObservedValue {
  value: number | boolean;
  at: number;
}

export interface Facts {
  observations: Record<string, ObservedValue>;
  /** The current level of each active warning, by warning type (台风 → orange). */
  warnings: Record<string, WarningLevel>;
  /** An order from the upper level to respond at this level (上级指令). */
  upperOrder: ResponseLevel | null;
}

export const NO_FACTS: Facts = { observations: {}, warnings: {}, upperOrder: null };

export interface TriggerResult {
  met: boolean;
  /** A sentence a duty officer can read out: what held, with the numbers. */
  reason: string;
}

type Labels = Map<string, { label: string; unit: string }>;

export function observationLabels(plan: Pick<Plan, 'observations'>): Labels {
  return new Map(plan.observations.map((o) => [o.key, { label: o.label, unit: o.unit }]));
}

export function evaluateTrigger(
  trigger: Trigger,
  facts: Facts,
  now: number,
  level: ResponseLevel,
  labels: Labels,
): TriggerResult {
  const name = (key: string) => labels.get(key)?.label ?? key;
  const unit = (key: string) => labels.get(key)?.unit ?? '';
  switch (trigger.kind) {
    case 'threshold': {
      const observed = facts.observations[trigger.observation];
      const value = typeof observed?.value === 'number' ? observed.value : null;
      const met =
        value !== null &&
        (trigger.atLeast === undefined || value >= trigger.atLeast) &&
        (trigger.below === undefined || value < trigger.below);
      return {
        met,
        reason: `${name(trigger.observation)} ${value ?? '—'}${unit(trigger.observation)}（条件：${describeRange(trigger, unit(trigger.observation))}）`,
      };
    }
    case 'flag': {
      const met = facts.observations[trigger.observation]?.value === true;
      return { met, reason: `${name(trigger.observation)}：${met ? '是' : '否'}` };
    }
    case 'warning': {
      const current = facts.warnings[trigger.warningType];
      const met = current !== undefined && warningRank(current) >= warningRank(trigger.atLeast);
      return {
        met,
        reason: `${trigger.warningType}预警 ${current ? WARNING_NAME[current] : '未发布'}（条件：${WARNING_NAME[trigger.atLeast]}及以上）`,
      };
    }
    case 'elapsed': {
      const start = facts.observations[trigger.since];
      const stopped = facts.observations[trigger.unless]?.value === true;
      const alternative =
        trigger.alternative && facts.observations[trigger.alternative.when]?.value === true
          ? trigger.alternative
          : null;
      const limit = alternative ? alternative.minutes : trigger.minutes;
      const startedAt = typeof start?.value === 'number' ? start.value : null;
      const elapsed = startedAt === null ? null : Math.max(0, now - startedAt);
      const met = elapsed !== null && !stopped && elapsed >= limit * 60_000;
      const context = alternative ? `（${name(alternative.when)}）` : '';
      return {
        met,
        reason:
          elapsed === null
            ? `${name(trigger.since)}未记录`
            : `自${name(trigger.since)}起 ${formatMinutes(elapsed / 60_000)}，${stopped ? name(trigger.unless) : `仍未${name(trigger.unless)}`}（条件：${formatMinutes(limit)}内未${name(trigger.unless)}${context}）`,
      };
    }
    case 'upperOrder': {
      const met = facts.upperOrder !== null && responseRank(facts.upperOrder) >= responseRank(level);
      return {
        met,
        reason: facts.upperOrder ? `上级指令启动${levelLabel(facts.upperOrder)}响应` : '未收到上级指令',
      };
    }
    case 'all': {
      const parts = trigger.of.map((t) => evaluateTrigger(t, facts, now, level, labels));
      return { met: parts.every((p) => p.met), reason: parts.map((p) => p.reason).join('，且') };
    }
  }
}

/** "3以上10以下人" in the plan's own wording: 以上 includes the number, 以下 excludes it. */
export function describeRange(
  t: { atLeast?: number | undefined; below?: number | undefined },
  unit: string,
): string {
  const parts: string[] = [];
  if (t.atLeast !== undefined) parts.push(`${t.atLeast}${unit}以上`);
  if (t.below !== undefined) parts.push(`${t.below}${unit}以下`);
  return parts.join('、') || '任意值';
}

export function formatMinutes(minutes: number): string {
  const whole = Math.floor(minutes);
  const h = Math.floor(whole / 60);
  const m = whole % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`;
}

/** "Any one of": the level's conditions that hold now, each with its reason. */
export function metTriggers(
  triggers: readonly Trigger[],
  facts: Facts,
  now: number,
  level: ResponseLevel,
  labels: Labels,
): string[] {
  const reasons: string[] = [];
  for (const trigger of triggers) {
    const result = evaluateTrigger(trigger, facts, now, level, labels);
    if (result.met) reasons.push(result.reason);
  }
  return reasons;
}

/** Gate conditions (de-escalation, termination): all must hold. Returns the ones that do not. */
export function unmetConditions(
  conditions: readonly Trigger[],
  facts: Facts,
  now: number,
  level: ResponseLevel,
  labels: Labels,
): string[] {
  return conditions
    .map((c) => evaluateTrigger(c, facts, now, level, labels))
    .filter((r) => !r.met)
    .map((r) => r.reason);
}

/** The condition as a plan text writes it: "24小时降雨量 100毫米以上", "台风预警 橙色（二级）及以上". */
export function describeTrigger(trigger: Trigger, labels: Labels): string {
  const name = (key: string) => labels.get(key)?.label ?? key;
  switch (trigger.kind) {
    case 'threshold':
      return `${name(trigger.observation)} ${describeRange(trigger, labels.get(trigger.observation)?.unit ?? '')}`;
    case 'flag':
      return name(trigger.observation);
    case 'warning':
      return `${trigger.warningType}预警 ${WARNING_NAME[trigger.atLeast]}及以上`;
    case 'elapsed': {
      const alternative = trigger.alternative
        ? `（${name(trigger.alternative.when)}${formatMinutes(trigger.alternative.minutes)}）`
        : '';
      return `${name(trigger.since)}后${formatMinutes(trigger.minutes)}仍未${name(trigger.unless)}${alternative}`;
    }
    case 'upperOrder':
      return '上级指挥机构指令启动本级响应';
    case 'all':
      return `同时满足：${trigger.of.map((t) => describeTrigger(t, labels)).join('，且')}`;
  }
}
