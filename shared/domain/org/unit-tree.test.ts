import { describe, expect, it } from 'vitest';
import { buildUnitTree, descendantIds, unitPath, wouldCreateCycle } from './unit-tree';
import type { Unit } from './types';

function unit(id: string, parentId: string | null, sortOrder = 0, name = id): Unit {
  return {
    id,
    name,
    parentId,
    sortOrder,
    kind: 'department',
    phone: '',
    address: '',
    createdAt: 0,
    createdBy: null,
    updatedAt: 0,
    updatedBy: null,
  };
}

const units = [
  unit('gov', null),
  unit('ema', 'gov', 1),
  unit('office', 'ema'),
  unit('street', 'gov', 2),
  unit('lost', 'gone'),
];

describe('unit tree', () => {
  it('nests units under their parents in sortOrder and keeps orphans at the top', () => {
    const tree = buildUnitTree(units);
    expect(tree.map((n) => n.unit.id).sort()).toEqual(['gov', 'lost']);
    const gov = tree.find((n) => n.unit.id === 'gov');
    expect(gov?.children.map((n) => n.unit.id)).toEqual(['ema', 'street']);
    expect(gov?.children[0]?.children.map((n) => n.unit.id)).toEqual(['office']);
  });

  it('lists a unit and all its descendants', () => {
    expect([...descendantIds(units, 'gov')].sort()).toEqual(['ema', 'gov', 'office', 'street']);
  });

  it('refuses to move a unit under its own descendant', () => {
    expect(wouldCreateCycle(units, 'gov', 'office')).toBe(true);
    expect(wouldCreateCycle(units, 'office', 'street')).toBe(false);
    expect(wouldCreateCycle(units, 'ema', null)).toBe(false);
  });

  it('gives the path from the top and survives a cycle in stored data', () => {
    expect(unitPath(units, 'office')).toEqual(['gov', 'ema', 'office']);
    const looped = [unit('a', 'b'), unit('b', 'a')];
    expect(unitPath(looped, 'a')).toEqual(['b', 'a']);
  });
});
