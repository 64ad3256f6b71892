import { describe, expect, it } from 'vitest';
import { classTree, className, codePath, nextFreeCode, parseMaterialCode } from './material-code';
import { countAlerts, daysBetween, resourceAlerts } from './resource-alerts';
import { toIndexRow, type IndexContext } from './resource-index';
import { distanceKm, indexProbe, matchesTerms, queryTerms, rankResults } from './resource-search';
import { shelterCapacity } from './shelter-capacity';

describe('GB/T 38565 material codes', () => {
  it('accepts seven digits under the three top classes, 01–99 per level', () => {
    expect(parseMaterialCode('2010203')).toEqual({ top: '2', middle: '01', minor: '02', fine: '03' });
    expect(parseMaterialCode('1999999')).not.toBeNull();
    for (const bad of ['4010101', '2000101', '201010', '20101011', '2o10101'])
      expect(parseMaterialCode(bad)).toBeNull();
    expect(codePath('2010203')).toEqual(['2', '201', '20102', '2010203']);
  });

  it('gives the first free code under a class picked from the tree, through 99 above 小类', () => {
    expect(nextFreeCode('20101', ['2010101', '2010102', '2010104'])).toBe('2010103');
    expect(nextFreeCode('201', [])).toBe('2019901');
    expect(nextFreeCode('3', ['3999901'])).toBe('3999902');
    const full = Array.from({ length: 99 }, (_, i) => `20101${String(i + 1).padStart(2, '0')}`);
    expect(nextFreeCode('20101', full)).toBeNull();
    expect(nextFreeCode('2010101', [])).toBeNull();
  });

  it('hangs an office class under its nearest present ancestor and names a code by its nearest class', () => {
    const rows = [
      { code: '201', name: '防汛抢险器材' },
      { code: '20101', name: '编织袋类' },
      { code: '30299', name: '其他机械' },
    ];
    const tree = classTree(rows);
    expect(tree.map((n) => n.value)).toEqual(['1', '2', '3']);
    expect(tree[1]!.children[0]!.children[0]!.value).toBe('20101');
    expect(tree[2]!.children[0]!.value).toBe('30299');
    expect(className('2010105', rows)).toBe('编织袋类');
    expect(className('1050101', rows)).toBe('基本生活保障物资');
  });
});

describe('shelter capacity', () => {
  it('divides the effective area by the per-person area, and says when a capacity was set by hand', () => {
    const base = { effectiveAreaM2: 1500, perPersonAreaM2: null, capacityOverride: null, occupancy: 100 };
    expect(shelterCapacity(base)).toMatchObject({ capacity: 1000, overridden: false, free: 900 });
    expect(shelterCapacity({ ...base, perPersonAreaM2: 2 })).toMatchObject({ capacity: 750 });
    expect(shelterCapacity(base, 3)).toMatchObject({ capacity: 500, perPersonAreaM2: 3 });
    expect(
      shelterCapacity({ ...base, capacityOverride: { value: 600, reason: '按消防疏散核定' } }),
    ).toMatchObject({ capacity: 600, computed: 1000, overridden: true, free: 500 });
  });
});

describe('resource alerts', () => {
  const today = '2026-11-23';
  const now = Date.parse('2026-11-23T10:00:00+08:00');
  it('names low stock, expiring and expired batches, inspections due and overdue stocktakes', () => {
    const alerts = resourceAlerts(
      {
        materials: [
          { id: 'bags', name: '编织沙袋', unit: '条', minimumStock: 1000 },
          { id: 'water', name: '瓶装饮用水', unit: '箱', minimumStock: 0 },
        ],
        balances: [
          { materialId: 'bags', warehouseId: 'w1', batchNo: '', expiryDate: null, quantity: 600 },
          { materialId: 'bags', warehouseId: 'w1', batchNo: 'OLD', expiryDate: '2026-01-01', quantity: 500 },
          { materialId: 'water', warehouseId: 'w1', batchNo: 'W1', expiryDate: '2026-12-10', quantity: 50 },
          { materialId: 'water', warehouseId: 'w1', batchNo: 'W0', expiryDate: '2026-11-20', quantity: 5 },
          { materialId: 'water', warehouseId: 'w2', batchNo: 'W2', expiryDate: '2027-12-10', quantity: 50 },
        ],
        equipment: [
          { id: 'pump', name: '抽水泵', inspectionDue: '2026-11-30', status: 'ready' },
          { id: 'boat', name: '冲锋舟', inspectionDue: '2026-10-01', status: 'ready' },
          { id: 'old', name: '旧发电机', inspectionDue: '2026-10-01', status: 'retired' },
        ],
        warehouses: [
          { id: 'w1', name: '区级储备库', stocktakeIntervalDays: 90 },
          { id: 'w2', name: '东湖储备点', stocktakeIntervalDays: 90 },
        ],
        lastStocktakes: new Map([['w1', now - 10 * 86_400_000]]),
      },
      today,
      now,
    );
    expect(countAlerts(alerts)).toEqual({
      lowStock: 1,
      expiring: 1,
      expired: 2,
      inspectionDue: 1,
      inspectionOverdue: 1,
      stocktakeOverdue: 1,
    });
    // Each alert names what it is about, so a screen lists them without reading the registries again.
    expect(alerts.find((a) => a.kind === 'expiring')).toMatchObject({
      batchNo: 'W1',
      daysLeft: 17,
      name: '瓶装饮用水',
      unit: '箱',
      warehouseName: '区级储备库',
    });
    // 1,100 on the shelf, but the 500 expired do not count toward the minimum of 1,000.
    expect(alerts.find((a) => a.kind === 'lowStock')).toMatchObject({
      materialId: 'bags',
      name: '编织沙袋',
      unit: '条',
      total: 600,
    });
    expect(alerts.find((a) => a.kind === 'inspectionOverdue')).toMatchObject({ name: '冲锋舟' });
    expect(alerts.find((a) => a.kind === 'stocktakeOverdue')).toMatchObject({ name: '东湖储备点' });
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });
});

describe('一键检索', () => {
  const ctx: IndexContext = {
    warehouseName: (id) => (id === 'w1' ? '区级储备库' : ''),
    unitName: () => '',
    pinyin: (name) => (name === '编织沙袋' ? ['bianzhishadai', 'bzsd'] : []),
    perPersonAreaM2: 1.5,
  };
  const material = (id: string, name: string, code: string, total: number) =>
    toIndexRow(
      {
        kind: 'material',
        total,
        record: {
          id,
          name,
          code,
          spec: '50×80cm',
          unit: '条',
          warehouseId: 'w1',
          minimumStock: 500,
          source: 'purchase',
          note: '',
          createdAt: 0,
          createdBy: null,
          updatedAt: 0,
          updatedBy: null,
        },
      },
      ctx,
    );

  it('finds a material by the middle of its name, its code, its pinyin initials and its warehouse', () => {
    const row = material('m1', '编织沙袋', '2010101', 300);
    for (const query of ['沙袋', '2010101', '20101', 'bzsd', '区级']) {
      const terms = queryTerms(query);
      const probe = indexProbe(terms)!;
      expect(row.keys.some((k) => k.startsWith(probe))).toBe(true);
      expect(matchesTerms(row, terms)).toBe(true);
    }
    expect(matchesTerms(row, queryTerms('沙袋 救生衣'))).toBe(false);
    expect(row).toMatchObject({ availability: 'limited', quantity: 300, unit: '条' });
  });

  it('ranks an exact name first, then usable before unusable, then the nearest', () => {
    const rows = [
      material('a', '沙袋', '2010101', 0),
      material('b', '编织沙袋', '2010102', 900),
      material('c', '沙袋', '2010103', 10),
    ];
    expect(rankResults(rows, ['沙袋']).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(distanceKm({ lng: 114.3, lat: 30.6 }, { lng: 114.3, lat: 30.7 })).toBeCloseTo(11.1, 1);
  });
});
