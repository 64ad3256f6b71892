import type { Unit } from '@shared/domain/org/types';
import { buildUnitTree, type UnitNode } from '@shared/domain/org/unit-tree';

export interface UnitTreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: UnitTreeSelectNode[];
}

/** Options for a unit picker; `excludeBelow` hides a unit and its subtree (a unit cannot be its own parent). */
export function unitTreeSelectData(units: readonly Unit[], excludeBelow?: string): UnitTreeSelectNode[] {
  const toNode = (node: UnitNode): UnitTreeSelectNode[] =>
    node.unit.id === excludeBelow
      ? []
      : [{ value: node.unit.id, title: node.unit.name, children: node.children.flatMap(toNode) }];
  return buildUnitTree(units).flatMap(toNode);
}
