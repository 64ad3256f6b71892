import { describe, expect, it } from 'vitest';
import { checkSheet, normaliseDate, sheetRows, suggestMapping, type SheetLookups } from './resource-sheet';

const lookups: SheetLookups = {
  warehouses: [
    { id: 'w1', name: '区级储备库' },
    { id: 'w2', name: '东湖储备点' },
  ],
  people: [
    { id: 'p1', name: '张伟' },
    { id: 'p2', name: '李强' },
    { id: 'p3', name: '李强' },
  ],
  units: [{ id: 'u1', name: '东湖街道办事处' }],
  existingCodes: ['2010101'],
};

const header = [
  '编码',
  '物资名称',
  '规格',
  '单位',
  '仓库',
  '最低库存',
  '来源',
  '期初数量',
  '批次号',
  '有效期至',
];

describe('resource sheets', () => {
  it('maps headers by name and alias, and reads a good material row with its opening stock', () => {
    const mapping = suggestMapping('material', header);
    expect(mapping).toMatchObject({
      code: 0,
      name: 1,
      spec: 2,
      unit: 3,
      warehouseId: 4,
      'opening.quantity': 7,
    });
    const { records, issues } = checkSheet(
      'material',
      [
        header,
        ['1010201', '瓶装水', '550ml×24', '箱', '东湖储备点', '100', '捐赠', '240', 'W1', '2027/6/30'],
      ],
      mapping,
      lookups,
    );
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      row: 2,
      input: { code: '1010201', warehouseId: 'w2', minimumStock: 100, source: 'donation' },
      opening: { quantity: 240, batchNo: 'W1', expiryDate: '2027-06-30' },
    });
  });

  it('names every bad row by row and column: bad code, unknown warehouse, duplicate and existing code, bad enum', () => {
    const rows = [
      header,
      ['201010', '编织袋', '', '条', '区级储备库', '', '', '', '', ''],
      ['2010102', '编织袋', '', '条', '西城储备点', '', '', '', '', ''],
      ['2010103', '麻袋', '', '条', '区级储备库', '', '采买', '', '', ''],
      ['2010103', '麻袋', '', '条', '区级储备库', '', '', '', '', ''],
      ['2010101', '沙袋', '', '条', '区级储备库', '', '', '', '', ''],
      ['2010104', '吨袋', '', '个', '区级储备库', 'x', '', '10', '', '2027-13-01'],
      ['2010105', '吸水袋', '', '个', '区级储备库', '', '', '', '', ''],
    ];
    const { records, issues } = checkSheet('material', rows, suggestMapping('material', header), lookups);
    expect(issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [2, '物资编码', 'materialCodeInvalid'],
      [3, '存放仓库', 'warehouseUnknown'],
      [4, '来源', 'enumUnknown'],
      [5, '物资编码', 'csvDuplicateId'],
      [6, '物资编码', 'codeExists'],
      [7, '最低库存', 'numberInvalid'],
      [7, '有效期至', 'dateInvalid'],
    ]);
    expect(records.map((r) => r.row)).toEqual([8]);
  });

  it('refuses a second row with the same code, a missing required column, and an ambiguous person', () => {
    const rows = [header, ['2010106', 'a', '', '条', '区级储备库'], ['2010106', 'b', '', '条', '区级储备库']];
    expect(checkSheet('material', rows, suggestMapping('material', header), lookups).issues).toEqual([
      { row: 3, column: '物资编码', message: 'csvDuplicateId', params: { other: 2 } },
    ]);
    expect(
      checkSheet('material', [['名称']], suggestMapping('material', ['名称']), lookups).issues[0],
    ).toMatchObject({
      row: 1,
      column: '物资编码',
      message: 'csvColumnMissing',
    });
    const teamHeader = ['队伍名称', '队伍类型', '人数', '负责人'];
    const team = checkSheet(
      'team',
      [teamHeader, ['抢险队', '专业队伍', '20', '李强']],
      suggestMapping('team', teamHeader),
      lookups,
    );
    expect(team.issues).toEqual([
      { row: 2, column: '负责人', message: 'personAmbiguous', params: { value: '李强' } },
    ]);
  });

  it('writes the sheet it reads: an exported team round-trips through checkSheet', () => {
    const team = {
      name: '东湖抢险队',
      type: 'professional',
      field: '防汛抢险',
      headcount: 20,
      leaderId: 'p1',
      contactIds: ['p1'],
      unitId: 'u1',
      base: '东湖',
      address: '',
      location: { lng: 114.3, lat: 30.6 },
      equipment: ['冲锋舟', '抽水泵'],
      readiness: 'resting',
      qualifications: [],
    };
    const rows = sheetRows('team', [team], lookups);
    const back = checkSheet('team', rows, suggestMapping('team', rows[0]!), lookups);
    expect(back.issues).toEqual([]);
    expect(back.records[0]!.input).toEqual(team);
    expect(sheetRows('expert', [{ name: '=cmd', fields: [] }], lookups)[1]![0]).toBe("'=cmd");
    expect(normaliseDate('2026年5月1日')).toBe('2026-05-01');
    expect(normaliseDate('2027-02-30')).toBeNull();
  });

  it('keeps the 存放地点 of equipment as the text it is (found by the import fuzz suite: every such row was refused)', () => {
    const rows = [
      ['装备名称', '装备类型', '存放仓库', '存放地点', '状态'],
      ['冲锋舟', '水上救援', '区级储备库', '2号库房东侧', '完好'],
    ];
    const check = checkSheet('equipment', rows, suggestMapping('equipment', rows[0]!), lookups);
    expect(check.issues).toEqual([]);
    expect(check.records[0]!.input).toMatchObject({ location: '2号库房东侧', warehouseId: 'w1' });
  });

  it('gives a too-long cell the limit its message states (the fuzz suite saw “不能超过 {{max}} 个字符”)', () => {
    const rows = [header, ['1010201', '瓶'.repeat(300), '', '箱', '区级储备库', '', '', '', '', '']];
    const { issues } = checkSheet('material', rows, suggestMapping('material', header), lookups);
    expect(issues).toEqual([
      { row: 2, column: '物资名称', message: 'tooLong', params: { max: expect.any(Number) } },
    ]);
  });
});
