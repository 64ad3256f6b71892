import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { PlanCompileError } from '@shared/domain/plan/check-plan';
import { compilePlan, type PlanMachine } from '@shared/domain/plan/compile-plan';
import type { Plan } from '@shared/domain/plan/plan-schema';
import type { PlanRecord } from '../../db/records';
import { useServices } from '../../services/services';

/** The newest version of every plan, live. `undefined` while loading. */
export function useLatestPlans(): PlanRecord[] | undefined {
  const { plans } = useServices();
  return useLiveQuery(() => plans.listLatest(), [plans]);
}

/** One version; `null` when it does not exist, `undefined` while loading. */
export function usePlanVersion(id: string, version: number): PlanRecord | null | undefined {
  const { plans } = useServices();
  return useLiveQuery(async () => (await plans.get(id, version)) ?? null, [plans, id, version]);
}

export function usePlanVersions(id: string): PlanRecord[] {
  const { plans } = useServices();
  return useLiveQuery(() => plans.listVersions(id), [plans, id]) ?? [];
}

export type Compiled = { ok: true; machine: PlanMachine } | { ok: false; error: PlanCompileError };

/** Compiled once per plan version shown; a draft that does not compile says why instead. */
export function useCompiledPlan(plan: Plan | null | undefined): Compiled | null {
  return useMemo(() => {
    if (!plan) return null;
    try {
      return { ok: true, machine: compilePlan(plan) };
    } catch (error) {
      if (error instanceof PlanCompileError) return { ok: false, error };
      throw error;
    }
  }, [plan]);
}

export function roleNames(plan: Pick<Plan, 'roles'>, ids: readonly string[]): string {
  return ids.map((id) => plan.roles.find((r) => r.id === id)?.name ?? id).join('、');
}

export function groupOrRoleName(
  plan: Pick<Plan, 'roles' | 'groups'>,
  owner: { groupId: string | null; roleId: string | null },
): string {
  if (owner.groupId) return plan.groups.find((g) => g.id === owner.groupId)?.name ?? owner.groupId;
  if (owner.roleId) return plan.roles.find((r) => r.id === owner.roleId)?.name ?? owner.roleId;
  return '';
}
