import { describe, expect, it } from 'vitest';
import { checkScript, scriptToRows, suggestMapping } from './script-sheet';

const MIN = 60_000;
const HOUR = 60 * MIN;

const msel = [
  ['序号', '情景时间', '事件', '发送方', '接收方', '方式', '预期响应'],
  ['1', 'T+0', '某化工园区储罐区发生泄漏并起火，现场有浓烟', '园区企业', '区应急局值班室', '电话', ''],
  [
    '2',
    'T+1h20m',
    '现场报告2人受伤，已送医',
    '现场指挥部',
    '区应急局值班室',
    '短信',
    '30分钟内向市局电话报告（15分钟）；启动Ⅲ级响应\n通知卫健部门（1小时）',
  ],
  ['3', '0:20', '气象部门提示风向转为东南风', '区气象局', '总指挥', '', '研判疏散范围'],
];

describe('drill script sheets', () => {
  it('reads an MSEL sheet: offsets, methods, expected actions with their windows', () => {
    const { injects, issues, rowCount } = checkScript(msel[0]!, msel.slice(1));
    expect(issues).toEqual([]);
    expect(rowCount).toBe(3);
    expect(injects.map((i) => [i.no, i.offsetMs, i.method])).toEqual([
      ['1', 0, 'phone'],
      ['2', HOUR + 20 * MIN, 'sms'],
      ['3', 20 * MIN, 'phone'],
    ]);
    // Without a content column, 事件 is the content and the synopsis is its first 20 characters.
    expect(injects[0]!.text).toBe('某化工园区储罐区发生泄漏并起火，现场有浓烟');
    expect(injects[0]!.synopsis).toBe('某化工园区储罐区发生泄漏并起火，现场有浓…');
    expect(injects[1]!.expectedActions.map((a) => [a.text, a.windowMinutes])).toEqual([
      ['30分钟内向市局电话报告', 15],
      ['启动Ⅲ级响应', 30],
      ['通知卫健部门', 60],
    ]);
    expect(new Set(injects.flatMap((i) => [i.id, ...i.expectedActions.map((a) => a.id)])).size).toBe(7);
  });

  it('reads a 时间 | 角色 | 台词 | 场景 sheet, numbering rows and keeping the synopsis from 场景', () => {
    const rows = [
      ['时间', '角色', '台词', '场景'],
      ['T+5', '群众（模拟）', '喂，119吗？我们小区地下车库进水了，有车被困！', '车库进水'],
      ['T+10m', '社区书记', '我们已组织人员转移，请求派排涝车。', ''],
    ];
    expect(suggestMapping(rows[0]!)).toEqual(['offsetMs', 'from', 'text', 'synopsis']);
    const { injects, issues } = checkScript(rows[0]!, rows.slice(1));
    expect(issues).toEqual([]);
    expect(injects.map((i) => [i.no, i.offsetMs, i.from, i.synopsis])).toEqual([
      ['1', 5 * MIN, '群众（模拟）', '车库进水'],
      ['2', 10 * MIN, '社区书记', '我们已组织人员转移，请求派排涝车。'],
    ]);
  });

  it('reads clock times relative to the first row, keeping the clock time and rolling over midnight', () => {
    const rows = [
      ['时间', '台词'],
      ['09:40', '接到报警'],
      ['10:05', '现场反馈'],
      ['次日08:00', '次日复盘'],
      ['23:50', '夜间巡查'],
      ['00:10', '凌晨报告'],
    ];
    const { injects, issues } = checkScript(rows[0]!, rows.slice(1));
    expect(issues).toEqual([]);
    expect(injects.map((i) => [i.offsetMs / MIN, i.clockTime, i.scenarioLabel])).toEqual([
      [0, '09:40', ''],
      [25, '10:05', ''],
      [(24 * 60 - 100) as number, '08:00', '次日08:00'],
      [(24 * 60 + 14 * 60 + 10) as number, '23:50', ''],
      [(24 * 60 + 14 * 60 + 30) as number, '00:10', ''],
    ]);
  });

  it('keeps 0:20-style times as offsets', () => {
    const rows = [
      ['时间', '台词'],
      ['0:00', '开始'],
      ['1:20', '一小时二十分后'],
    ];
    const { injects } = checkScript(rows[0]!, rows.slice(1));
    expect(injects.map((i) => [i.offsetMs, i.clockTime])).toEqual([
      [0, ''],
      [HOUR + 20 * MIN, ''],
    ]);
  });

  it('names each bad row by spreadsheet row and column, and keeps the good rows', () => {
    const rows = [
      ['序号', '演练时间', '台词', '方式', '预期响应'],
      ['1', 'T+10', '正常', '电话', ''],
      ['2', '明天上午', '时间写错', '电话', ''],
      ['', '', '', '', ''],
      ['4', 'T+30', '', '短信', ''],
      ['5', 'T+40', '方式写错', '飞鸽传书', ''],
      ['6', 'T+50', '时限写错', '当面', '报告（0分钟）'],
    ];
    const { injects, issues, rowCount } = checkScript(rows[0]!, rows.slice(1));
    expect(rowCount).toBe(5);
    expect(injects.map((i) => i.no)).toEqual(['1']);
    expect(issues.map((i) => [i.row, i.column, i.columnIndex, i.field, i.message])).toEqual([
      [3, '演练时间', 1, 'offsetMs', 'offsetInvalid'],
      [5, '台词', 2, 'text', 'required'],
      [6, '方式', 3, 'method', 'methodUnknown'],
      [7, '预期响应', 4, 'expectedActions', 'windowInvalid'],
    ]);
    expect(issues[2]!.params).toMatchObject({ value: '飞鸽传书' });
  });

  it('refuses a sheet without a time or content column, and takes an explicit mapping', () => {
    const headers = ['A', 'B', 'C'];
    const rows = [['10', '现场报告', '电话']];
    const missing = checkScript(headers, rows);
    expect(missing.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [1, '情景时间', 'columnMissing'],
      [1, '情况内容', 'columnMissing'],
    ]);
    const mapped = checkScript(headers, rows, ['offsetMs', 'text', 'method']);
    expect(mapped.issues).toEqual([]);
    expect(mapped.injects[0]).toMatchObject({ offsetMs: 10 * MIN, text: '现场报告', method: 'phone' });
    const twice = checkScript(headers, rows, ['offsetMs', 'text', 'text']);
    expect(twice.issues.map((i) => i.message)).toEqual(['columnTwice']);
  });

  it('round-trips: export → import gives the same script', () => {
    const rows = [
      [
        '序号',
        '情景时间',
        '情景',
        '事件',
        '台词',
        '角色',
        '参演单位',
        '传递方式',
        '导调员',
        '预期行动',
        '目标',
        '预案条款',
        '评估要点',
      ],
      [
        '1',
        'T+0',
        '次日08:00',
        '泄漏',
        '=储罐泄漏，浓烟',
        '企业',
        '值班室',
        '传真',
        '王导',
        '上报（10分钟）；研判',
        '预警与信息报告',
        '4.2',
        '是否按时',
      ],
      ['2a', 'T+1h20m5s', '', '伤亡', '2人受伤', '', '', '视频', '', '', '', '', ''],
    ];
    const first = checkScript(rows[0]!, rows.slice(1));
    expect(first.issues).toEqual([]);
    const exported = scriptToRows(first.injects);
    expect(exported[1]![5]).toBe("'=储罐泄漏，浓烟");
    const second = checkScript(exported[0]!, exported.slice(1));
    expect(second.issues).toEqual([]);
    const strip = (injects: typeof first.injects) =>
      injects.map(({ id: _id, expectedActions, ...rest }) => ({
        ...rest,
        expectedActions: expectedActions.map(({ id: _a, ...a }) => a),
      }));
    expect(strip(second.injects)).toEqual(strip(first.injects));
    expect(first.injects[0]!.text).toBe('=储罐泄漏，浓烟');
  });
});
