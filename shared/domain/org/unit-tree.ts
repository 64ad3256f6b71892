/**
 * The unit hierarchy as a tree. Sorting is by `sortOrder` then name, so the directory reads the way the
 * office lists itself (government first, then departments, then streets), not alphabetically.
 */
import type { Unit } from './types';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

function byOrder(a: Unit, b: Unit): number {
  return a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN');
}

export function buildUnitTree(units: readonly Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string | null, Unit[]>();
  for (const unit of units) {
    // An orphan (parent deleted or never imported) is shown at the top rather than hidden.
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), unit]);
  }
  const build = (parent: string | null, seen: Set<string>): UnitNode[] =>
    (childrenOf.get(parent) ?? [])
      .filter((u) => !seen.has(u.id))
      .sort(byOrder)
      .map((unit) => ({ unit, children: build(unit.id, new Set([...seen, unit.id])) }));
  return build(null, new Set());
}

/** The unit and everything below it: selecting 应急管理局 in the tree lists its offices' people too. */
export function descendantIds(units: readonly Unit[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== null && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}

/** A unit may not move under itself or one of its descendants. */
export function wouldCreateCycle(
  units: readonly Unit[],
  unitId: string,
  newParentId: string | null,
): boolean {
  return newParentId !== null && descendantIds(units, unitId).has(newParentId);
}

export function unitPath(units: readonly Unit[], unitId: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(unitId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    path.unshift(current.name);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return path;
}
