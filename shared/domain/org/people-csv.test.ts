import { describe, expect, it } from 'vitest';
import { parsePeopleCsv, peopleToCsv } from './people-csv';
import type { Person, Position, Unit } from './types';

const audit = { createdAt: 0, createdBy: null, updatedAt: 0, updatedBy: null };
const unit = (id: string, name: string, parentId: string | null): Unit => ({
  id,
  name,
  parentId,
  kind: 'department',
  phone: '',
  address: '',
  sortOrder: 0,
  ...audit,
});
const units = [
  unit('gov', '示范区人民政府', null),
  unit('ema', '区应急管理局', 'gov'),
  unit('ema-office', '办公室', 'ema'),
  unit('water', '水务局', 'gov'),
  unit('water-office', '办公室', 'water'),
];
const positions: Position[] = [
  { id: 'p-duty', name: '值班员', category: 'duty', description: '', sortOrder: 1, ...audit },
  { id: 'p-lead', name: '带班领导', category: 'duty', description: '', sortOrder: 2, ...audit },
];
const person = (over: Partial<Person>): Person => ({
  id: 'id-1',
  name: '张晓明',
  unitId: 'ema-office',
  title: '科员',
  mobile: '13800138000',
  officePhone: '0999-2345678',
  positionIds: ['p-duty', 'p-lead'],
  pin: null,
  note: '',
  searchText: '',
  ...audit,
  ...over,
});
const ctx = { units, positions };

describe('people CSV', () => {
  it('round-trips people, naming ambiguous units by path', () => {
    const people = [
      person({}),
      person({ id: 'id-2', name: '=HYPERLINK("x")', unitId: 'water', positionIds: [] }),
    ];
    const csv = peopleToCsv(people, ctx);
    expect(csv.startsWith('\uFEFF编号,姓名,所属单位')).toBe(true);
    expect(csv).toContain('示范区人民政府/区应急管理局/办公室');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const result = parsePeopleCsv(csv, ctx);
    expect(result).toEqual({
      ok: true,
      people: [
        {
          id: 'id-1',
          name: '张晓明',
          unitId: 'ema-office',
          title: '科员',
          mobile: '13800138000',
          officePhone: '0999-2345678',
          positionIds: ['p-duty', 'p-lead'],
          note: '',
        },
        {
          id: 'id-2',
          name: '=HYPERLINK("x")',
          unitId: 'water',
          title: '科员',
          mobile: '13800138000',
          officePhone: '0999-2345678',
          positionIds: [],
          note: '',
        },
      ],
    });
  });

  it('accepts a hand-written sheet with alias headers, a partial path and no id column', () => {
    const csv =
      '名字,单位,手机号,岗位\n李四,区应急管理局/办公室,13912345678,值班员；带班领导\n王五,水务局,,\n';
    const result = parsePeopleCsv(csv, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // 王五 has neither mobile nor office phone.
    expect(result.issues).toEqual([{ row: 3, column: '手机号', message: 'phoneRequired' }]);
  });

  it('reports every bad row by row number and column, and returns no people', () => {
    const csv = [
      '姓名,所属单位,手机,担任岗位',
      '李四,区应急管理局,13912345678,值班员',
      ',不存在的单位,12345,值班员',
      '赵六,办公室,13912345679,司机',
    ].join('\n');
    const result = parsePeopleCsv(csv, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { row: 3, column: '所属单位', message: 'unitUnknown', params: { value: '不存在的单位' } },
      { row: 3, column: '姓名', message: 'required' },
      { row: 3, column: '手机', message: 'mobileInvalid' },
      { row: 4, column: '所属单位', message: 'unitAmbiguous', params: { value: '办公室' } },
      { row: 4, column: '担任岗位', message: 'positionUnknown', params: { value: '司机' } },
    ]);
  });

  it('names a missing required column on the header row', () => {
    const result = parsePeopleCsv('姓名,手机\n李四,13912345678\n', ctx);
    expect(result).toEqual({
      ok: false,
      issues: [{ row: 1, column: '所属单位', message: 'csvColumnMissing' }],
    });
  });

  it('rejects an empty file and duplicate ids', () => {
    expect(parsePeopleCsv('', ctx)).toEqual({
      ok: false,
      issues: [{ row: 1, column: '', message: 'csvEmpty' }],
    });
    const dup = '编号,姓名,所属单位,手机\na,李四,水务局,13912345678\na,王五,水务局,13912345670\n';
    expect(parsePeopleCsv(dup, ctx)).toEqual({
      ok: false,
      issues: [{ row: 3, column: '编号', message: 'csvDuplicateId', params: { other: 2 } }],
    });
  });

  it('flags a huge cell as too long instead of storing it', () => {
    const csv = `姓名,所属单位,手机\n${'名'.repeat(5000)},水务局,13912345678\n`;
    const result = parsePeopleCsv(csv, ctx);
    expect(result).toEqual({
      ok: false,
      issues: [{ row: 2, column: '姓名', message: 'tooLong', params: { max: 30 } }],
    });
  });
});
