/**
 * The running plan's memory and the pure rules that change it. The statechart (compile-plan.ts) decides
 * *which* transition happens; these functions compute *what* it records, so each rule can be tested alone
 * and the UI can ask the same questions the guards ask.
 */
import type { Actor } from '../org/types';
import { isHigher, levelLabel, responseRank, type ResponseLevel, type WarningLevel } from './levels';
import { actionsForLevel, gateApproval, levelOf, planLevels, rolesOf, signingRoles } from './plan-rules';
import type { Plan, PlanAction, RaiseBasis } from './plan-schema';
import { metTriggers, NO_FACTS, observationLabels, unmetConditions, type Facts } from './triggers';

/** What a warning notice states (突发事件应对法 Art. 64), beyond its category and level. */
export interface WarningNotice {
  area: string;
  issuer: string;
  /** When the warning period starts (epoch ms). */
  startsAt: number;
  /** 警示事项. */
  content: string;
  /** 应当采取的措施. */
  measures: string[];
}

export interface Signature {
  roleId: string;
  actor: Actor;
  at: number;
}

export interface Proposal {
  level: ResponseLevel;
  reasons: string[];
  source: 'triggers' | 'discretionary';
  basis: RaiseBasis | null;
  at: number;
  /** Who asked for a discretionary raise; null when the triggers proposed it. */
  by: Actor | null;
  recommendation: Signature | null;
  signatures: Signature[];
}

/** What Art. 72 requires a response start to state: 响应事项, level, expected duration, measures. */
export interface Activation {
  level: ResponseLevel;
  matter: string;
  expectedDurationHours: number;
  measures: string[];
  reasons: string[];
  /**
   * When the proposal that was signed arose (the triggers being met, or a discretionary raise asked for);
   * null for a level ordered from above. The evaluation measures trigger-to-approval from it.
   */
  proposedAt?: number | null;
  proposalSource?: Proposal['source'] | null;
  recommendation: Signature | null;
  signatures: Signature[];
  at: number;
}

export interface PlanTask {
  actionId: string;
  /** null for a 预警 preparation. */
  level: ResponseLevel | null;
  text: string;
  groupId: string | null;
  roleId: string | null;
  issuedAt: number;
  dueAt: number;
}

export interface FourOnes {
  leader: { personId: string; name: string; unitId: string; unitName: string } | null;
  taskForce: { members: { personId: string; name: string }[] } | null;
  specialPlan: { title: string } | null;
  channel: { personId: string; name: string } | null;
}

export interface JournalEntry {
  seq: number;
  at: number;
  by: Actor | null;
  event: string;
  from: string;
  to: string;
  why: string;
}

export interface PlanContext {
  planId: string;
  planVersion: number;
  now: number;
  facts: Facts;
  level: ResponseLevel | null;
  proposal: Proposal | null;
  /** After a signer declines, the triggers do not propose this level (or lower) again until new facts arrive. */
  declined: ResponseLevel | null;
  activations: Activation[];
  /** The notice of each warning in force, by warning type (Art. 64). */
  warningNotices: Record<string, WarningNotice & { level: WarningLevel; issuedAt: number; issuedBy: Actor }>;
  tasks: PlanTask[];
  fourOnes: FourOnes;
  isClosed: boolean;
  journal: JournalEntry[];
}

export function initialContext(plan: Plan, now: number): PlanContext {
  return {
    planId: plan.id,
    planVersion: plan.version,
    now,
    facts: NO_FACTS,
    level: null,
    proposal: null,
    declined: null,
    activations: [],
    warningNotices: {},
    tasks: [],
    fourOnes: { leader: null, taskForce: null, specialPlan: null, channel: null },
    isClosed: false,
    journal: [],
  };
}

/** The highest level whose triggers hold now, with the reasons, if it is above the current level. */
export function triggeredLevel(
  plan: Plan,
  context: Pick<PlanContext, 'facts' | 'level'>,
  now: number,
): { level: ResponseLevel; reasons: string[] } | null {
  const labels = observationLabels(plan);
  for (const level of [...planLevels(plan)].reverse()) {
    if (!isHigher(level, context.level)) return null;
    const reasons = metTriggers(levelOf(plan, level)?.triggers ?? [], context.facts, now, level, labels);
    if (reasons.length > 0) return { level, reasons };
  }
  return null;
}

/**
 * Re-evaluates the proposal after new facts or time. A discretionary raise stands until decided; a
 * triggered proposal follows the facts, and keeps its signatures only while its level stays the same.
 */
export function reevaluate(
  plan: Plan,
  context: PlanContext,
  now: number,
  isNewFact: boolean,
): Proposal | null {
  const current = context.proposal;
  if (current?.source === 'discretionary') {
    const triggered = triggeredLevel(plan, context, now);
    return triggered && isHigher(triggered.level, current.level) ? fresh(triggered, now) : current;
  }
  const triggered = triggeredLevel(plan, context, now);
  if (!triggered) return null;
  const declined = isNewFact ? null : context.declined;
  if (declined && !isHigher(triggered.level, declined)) return null;
  if (current && current.level === triggered.level) return { ...current, reasons: triggered.reasons };
  return fresh(triggered, now);
}

function fresh(triggered: { level: ResponseLevel; reasons: string[] }, now: number): Proposal {
  return {
    ...triggered,
    source: 'triggers',
    basis: null,
    at: now,
    by: null,
    recommendation: null,
    signatures: [],
  };
}

export function recordObservation(facts: Facts, key: string, value: number | boolean, at: number): Facts {
  return { ...facts, observations: { ...facts.observations, [key]: { value, at } } };
}

export function issueWarning(facts: Facts, warningType: string, level: WarningLevel): Facts {
  return { ...facts, warnings: { ...facts.warnings, [warningType]: level } };
}

export function liftWarning(facts: Facts, warningType: string): Facts {
  const warnings = { ...facts.warnings };
  delete warnings[warningType];
  return { ...facts, warnings };
}

// ------------------------------------------------------------------------------------------------------
// Decisions. Each returns why not (a sentence) or null when allowed: guards test for null, screens show it.

export function whyCannotRecommend(
  plan: Plan,
  context: PlanContext,
  level: ResponseLevel,
  actor: Actor,
): string | null {
  const proposal = context.proposal;
  if (!proposal || proposal.level !== level) return `当前没有${levelLabel(level)}响应的建议`;
  const def = levelOf(plan, level);
  const held = new Set(rolesOf(plan, actor));
  if (!def || !def.recommenderRoleIds.some((r) => held.has(r)))
    return `${actor.name}（${actor.positionName}）不是${levelLabel(level)}响应的研判建议角色`;
  return null;
}

export function whyCannotApprove(
  plan: Plan,
  context: PlanContext,
  level: ResponseLevel,
  actor: Actor,
): string | null {
  const proposal = context.proposal;
  if (!proposal || proposal.level !== level) return `当前没有待批准的${levelLabel(level)}响应`;
  const def = levelOf(plan, level);
  if (!def) return `本预案未设${levelLabel(level)}响应`;
  if (def.recommenderRoleIds.length > 0 && !proposal.recommendation)
    return `${levelLabel(level)}响应须先经研判建议`;
  const roles = signingRoles(plan, def.approval, actor).filter(
    (r) => !proposal.signatures.some((s) => s.roleId === r),
  );
  if (roles.length === 0) {
    const signed = proposal.signatures.some((s) => s.actor.personId === actor.personId);
    return signed
      ? `${actor.name}已签批，等待其他签发人`
      : `${actor.name}（${actor.positionName}）无权签发${levelLabel(level)}响应`;
  }
  return null;
}

/** True when this signature is the last one the level needs (one signer, or all roles of a joint decision). */
export function completesApproval(
  plan: Plan,
  context: PlanContext,
  level: ResponseLevel,
  actor: Actor,
): boolean {
  const def = levelOf(plan, level);
  if (!def || !context.proposal) return false;
  if (def.approval.mode === 'any') return true;
  const signed = new Set([
    ...context.proposal.signatures.map((s) => s.roleId),
    ...signingRoles(plan, def.approval, actor),
  ]);
  return def.approval.roleIds.every((r) => signed.has(r));
}

/** One signature per role the signer fills: for "any one of" that is one, however many roles they hold. */
export function signaturesOf(plan: Plan, level: ResponseLevel, actor: Actor, at: number): Signature[] {
  const def = levelOf(plan, level);
  if (!def) return [];
  const roles = signingRoles(plan, def.approval, actor);
  return (def.approval.mode === 'any' ? roles.slice(0, 1) : roles).map((roleId) => ({ roleId, actor, at }));
}

export function whyCannotRaise(
  plan: Plan,
  context: PlanContext,
  level: ResponseLevel,
  reason: string,
  actor: Actor,
): string | null {
  if (!plan.discretionaryRaise) return '本预案不允许提级启动';
  if (!levelOf(plan, level)) return `本预案未设${levelLabel(level)}响应`;
  if (reason.trim() === '') return '提级必须写明理由';
  if (!isHigher(level, context.level))
    return `提级的级别必须高于当前${context.level ? levelLabel(context.level) : ''}响应`;
  if (context.proposal && !isHigher(level, context.proposal.level))
    return `已有${levelLabel(context.proposal.level)}响应的建议`;
  if (rolesOf(plan, actor).length === 0)
    return `${actor.name}（${actor.positionName}）在本预案指挥体系中无角色`;
  return null;
}

export function whyCannotStepDown(
  plan: Plan,
  context: PlanContext,
  to: ResponseLevel,
  reason: string,
  actor: Actor,
): string | null {
  const from = context.level;
  if (!from) return '尚未启动响应';
  if (!levelOf(plan, to) || responseRank(to) >= responseRank(from))
    return `只能调整为低于${levelLabel(from)}的级别`;
  if (reason.trim() === '') return '调整级别必须写明理由';
  const def = levelOf(plan, from);
  if (!def) return `本预案未设${levelLabel(from)}响应`;
  if (signingRoles(plan, gateApproval(def, 'deescalation'), actor).length === 0)
    return `${actor.name}（${actor.positionName}）无权调整${levelLabel(from)}响应`;
  const unmet = unmetConditions(
    def.deescalation?.conditions ?? [],
    context.facts,
    context.now,
    from,
    observationLabels(plan),
  );
  return unmet.length ? `降级条件未满足：${unmet.join('；')}` : null;
}

export function whyCannotTerminate(
  plan: Plan,
  context: PlanContext,
  reason: string,
  actor: Actor,
): string | null {
  const level = context.level;
  if (!level) return '尚未启动响应';
  if (reason.trim() === '') return '终止响应必须写明理由';
  const def = levelOf(plan, level);
  if (!def) return `本预案未设${levelLabel(level)}响应`;
  if (signingRoles(plan, gateApproval(def, 'termination'), actor).length === 0)
    return `${actor.name}（${actor.positionName}）无权宣布${levelLabel(level)}响应终止`;
  const unmet = unmetConditions(
    def.termination?.conditions ?? [],
    context.facts,
    context.now,
    level,
    observationLabels(plan),
  );
  return unmet.length ? `终止条件未满足：${unmet.join('；')}` : null;
}

/** The activation record and the tasks it issues (only actions not issued at a lower level already). */
export function activate(
  plan: Plan,
  context: PlanContext,
  level: ResponseLevel,
  signatures: Signature[],
  at: number,
  wording: { matter?: string | undefined; expectedDurationHours?: number | undefined },
): Pick<PlanContext, 'activations' | 'tasks' | 'level' | 'proposal' | 'declined'> {
  const def = levelOf(plan, level);
  const actions = actionsForLevel(plan, level);
  const activation: Activation = {
    level,
    matter: wording.matter?.trim() || def?.matter || `${plan.meta.title} ${levelLabel(level)}响应`,
    expectedDurationHours: wording.expectedDurationHours ?? def?.expectedDurationHours ?? 24,
    measures: actions.map((a) => a.text),
    reasons: context.proposal?.reasons ?? [],
    proposedAt: context.proposal?.at ?? null,
    proposalSource: context.proposal?.source ?? null,
    recommendation: context.proposal?.recommendation ?? null,
    signatures,
    at,
  };
  return {
    level,
    proposal: null,
    declined: null,
    activations: [...context.activations, activation],
    tasks: [...context.tasks, ...newTasks(context.tasks, actions, level, at)],
  };
}

export function newTasks(
  existing: readonly PlanTask[],
  actions: readonly PlanAction[],
  level: ResponseLevel | null,
  at: number,
): PlanTask[] {
  const issued = new Set(existing.map((t) => t.actionId));
  return actions
    .filter((a) => !issued.has(a.id))
    .map((a) => ({
      actionId: a.id,
      level,
      text: a.text,
      groupId: a.groupId,
      roleId: a.roleId,
      issuedAt: at,
      dueAt: at + a.deadlineMinutes * 60_000,
    }));
}

export const FOUR_ONES = [
  'leader',
  'taskForce',
  'specialPlan',
  'channel',
] as const satisfies readonly (keyof FourOnes)[];
export type FourOnesItem = (typeof FOUR_ONES)[number];

export function missingFourOnes(fourOnes: FourOnes): FourOnesItem[] {
  return FOUR_ONES.filter((k) => !fourOnes[k]);
}

/** Who or what fills one of the 四个一, as a line of text; null while it is not in place. */
export function fourOnesHolder(fourOnes: FourOnes, item: FourOnesItem): string | null {
  switch (item) {
    case 'leader':
      return fourOnes.leader ? `${fourOnes.leader.name}（${fourOnes.leader.unitName}）` : null;
    case 'taskForce':
      return fourOnes.taskForce ? fourOnes.taskForce.members.map((m) => m.name).join('、') : null;
    case 'specialPlan':
      return fourOnes.specialPlan?.title ?? null;
    case 'channel':
      return fourOnes.channel?.name ?? null;
  }
}

export function isMobilised(fourOnes: FourOnes): boolean {
  return missingFourOnes(fourOnes).length === 0;
}
