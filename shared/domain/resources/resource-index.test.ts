import { describe, expect, it } from 'vitest';
import { hasStoredIndexRow, materialSearchEntries, toIndexRow, type IndexContext } from './resource-index';
import { RESOURCE_KINDS, type Material } from './resource-types';
import type { StockBalance } from './stock-ledger';

const authored = { createdAt: 0, createdBy: null, updatedAt: 0, updatedBy: null };
const material = (id: string, name: string, minimumStock: number): Material => ({
  id,
  code: '2010101',
  name,
  spec: '50×80cm',
  unit: '条',
  warehouseId: 'w1',
  minimumStock,
  source: 'purchase',
  note: '',
  ...authored,
});
const balance = (materialId: string, warehouseId: string, quantity: number): StockBalance => ({
  materialId,
  warehouseId,
  batchNo: warehouseId,
  expiryDate: null,
  quantity,
});
const pinyin = (name: string) => (name === '编织袋' ? ['bianzhidai', 'bzd'] : []);

describe('the search entries of materials', () => {
  it('shows the stock summed over warehouses, the home warehouse by name, and finds the pinyin', () => {
    const names = new Map([['w1', '区级应急物资储备库']]);
    const [bags, beds] = materialSearchEntries(
      [material('m1', '编织袋', 1000), material('m2', '折叠床', 0)],
      [balance('m1', 'w1', 600), balance('m1', 'w2', 300), balance('m2', 'w1', 0)],
      names,
      pinyin,
    );
    expect(bags).toMatchObject({
      id: 'm1',
      kind: 'material',
      quantity: 900,
      availability: 'limited',
      status: 'inStock',
      detail: '50×80cm · 区级应急物资储备库',
    });
    expect(bags!.text).toContain('bzd');
    expect(bags!.text).toContain('区级应急物资储备库');
    expect(beds).toMatchObject({ id: 'm2', quantity: 0, availability: 'unavailable', status: 'outOfStock' });
  });

  it('is the stored row without its keys, so the catalogue and the index agree', () => {
    const record = material('m1', '编织袋', 10);
    const ctx: IndexContext = {
      warehouseName: () => '区级应急物资储备库',
      unitName: () => '',
      pinyin,
      perPersonAreaM2: 1.5,
    };
    const { keys, ...row } = toIndexRow({ kind: 'material', record, total: 20 }, ctx);
    expect(keys.length).toBeGreaterThan(0);
    const [entry] = materialSearchEntries(
      [record],
      [balance('m1', 'w1', 20)],
      new Map([['w1', '区级应急物资储备库']]),
      pinyin,
    );
    expect(entry).toEqual(row);
  });

  it('is the only kind without a stored row', () => {
    expect(RESOURCE_KINDS.filter((kind) => !hasStoredIndexRow(kind))).toEqual(['material']);
  });
});
