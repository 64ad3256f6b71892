/**
 * What a plan says about people and actions: which command roles the person at the keyboard holds, whether
 * they may sign a decision, and which actions a level requires (Ⅱ includes Ⅲ and Ⅳ unless the plan says not).
 */
import type { Actor } from '../org/types';
import { RESPONSE_LEVELS, responseRank, type ResponseLevel } from './levels';
import type { Approval, Plan, PlanAction, PlanLevel } from './plan-schema';

export function rolesOf(plan: Pick<Plan, 'roles'>, actor: Actor): string[] {
  return plan.roles
    .filter((r) => r.positionIds.includes(actor.positionId) || r.personIds.includes(actor.personId))
    .map((r) => r.id);
}

/** The approval roles this actor could sign for under `approval` (empty: they may not sign). */
export function signingRoles(plan: Pick<Plan, 'roles'>, approval: Approval, actor: Actor): string[] {
  const held = new Set(rolesOf(plan, actor));
  return approval.roleIds.filter((id) => held.has(id));
}

/** Whether the actor holds a role that may sign (approve or decline) this level. */
export function holdsSigningRole(
  plan: Pick<Plan, 'roles' | 'levels'>,
  level: ResponseLevel,
  actor: Actor,
): boolean {
  const def = levelOf(plan, level);
  return def !== undefined && signingRoles(plan, def.approval, actor).length > 0;
}

export function levelOf(plan: Pick<Plan, 'levels'>, level: ResponseLevel): PlanLevel | undefined {
  return plan.levels.find((l) => l.level === level);
}

/** Levels the plan defines, lowest first. */
export function planLevels(plan: Pick<Plan, 'levels'>): ResponseLevel[] {
  return RESPONSE_LEVELS.filter((l) => plan.levels.some((d) => d.level === l));
}

/**
 * Actions required at `level`: its own, plus those of every lower level while each level in the chain
 * says it includes the lower ones. Ordered from the lowest level up, as a notice lists them.
 */
export function actionsForLevel(plan: Pick<Plan, 'levels'>, level: ResponseLevel): PlanAction[] {
  const chain: PlanLevel[] = [];
  for (const l of [...planLevels(plan)].reverse()) {
    if (responseRank(l) > responseRank(level)) continue;
    const def = levelOf(plan, l);
    if (!def) continue;
    chain.unshift(def);
    if (!def.includesLowerLevels) break;
  }
  return chain.flatMap((d) => d.actions);
}

/** Who terminates or steps down a level: the plan's gate, else the signer of that level (Art. 86). */
export function gateApproval(def: PlanLevel, gate: 'deescalation' | 'termination'): Approval {
  const own = def[gate]?.approval;
  return own && own.roleIds.length > 0 ? own : def.approval;
}
