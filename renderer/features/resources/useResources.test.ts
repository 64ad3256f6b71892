import { describe, expect, it } from 'vitest';
import type { MaterialsPage, MaterialWithStock } from '../../db/repositories/resource-repository';
import { withHeldRows } from './useResources';

const bags = {
  id: 'm1',
  code: '2010101',
  name: '编织沙袋',
  total: 500,
  minimumStock: 100,
} as MaterialWithStock;
const page = (rows: MaterialWithStock[], total: number): MaterialsPage => ({ rows, total, capped: false });

describe('a page of the materials registry read again', () => {
  it('keeps the rows it had when they are the same rows with the same values, and takes the new count', () => {
    const held = page([bags], 434);
    const next = withHeldRows(held, page([{ ...bags }], 100_434));
    expect(next.rows).toBe(held.rows);
    expect(next.total).toBe(100_434);
  });

  it('takes the new rows when one value, the order or the number of rows changed', () => {
    const held = page([bags, { ...bags, id: 'm2', code: '2010102' }], 2);
    for (const rows of [[{ ...bags, total: 480 }, held.rows[1]!], [held.rows[1]!, bags], [bags]]) {
      const next = page(
        rows.map((r) => ({ ...r })),
        2,
      );
      expect(withHeldRows(held, next).rows).toBe(next.rows);
    }
    expect(withHeldRows(undefined, held)).toBe(held);
  });
});
