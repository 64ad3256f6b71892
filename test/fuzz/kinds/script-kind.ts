/**
 * 演练脚本 XLSX/CSV (导入演练脚本): the dialog reads the sheet, recognises the columns by header, checks every
 * row, and appends the good injects to the scenario's script — all of them, or, when the person ticks
 * "skip the bad rows", those without a problem. The sample is a trainer's sheet of six injects.
 */
import { createDrillRepository } from '../../../renderer/db/repositories/drill-repository';
import { formatOf, readSheet } from '../../../renderer/files/spreadsheet-files';
import { injectSchema, scenarioInputSchema, type Scenario } from '../../../shared/domain/drill/scenario';
import { checkScript, SCRIPT_HEADERS, suggestMapping } from '../../../shared/domain/drill/script-sheet';
import { SCRIPT_SCENARIO } from '../fixture-db';
import { cellProblem, fileProblem, refusalOf, refused, type FuzzKind } from '../fuzz-kind';
import { sheetFile } from '../sheet-files';
import { oneAuditRow, onlyTables, writtenRows, byId } from '../write-checks';

const KNOWN = new Set<string>(Object.values(SCRIPT_HEADERS).flat());

const SAMPLE = [
  ['序号', '情景时间', '事件', '情况内容', '发送方', '接收方', '方式', '预期响应'],
  [
    '3',
    'T+30',
    '风向转变',
    '区气象局通报：风向转为东南风，风力 3 级。',
    '区气象局',
    '总指挥',
    '电话',
    '研判疏散范围（20分钟）',
  ],
  [
    '4',
    'T+45',
    '周边居民聚集',
    '园区东门有 30 余名居民聚集询问情况。',
    '园区管委会',
    '新闻发布组',
    '当面',
    '派员解释；发布信息（30分钟）',
  ],
  [
    '5',
    'T+1h',
    '环境监测超标',
    '下风向 500 米处检测到氯气浓度超标。',
    '区生态环境分局',
    '环境监测组',
    '短信',
    '扩大警戒范围',
  ],
  [
    '6',
    'T+1h20m',
    '请求物资支援',
    '现场需要防化服 20 套、空气呼吸器 10 具。',
    '现场指挥部',
    '物资保障组',
    '电话',
    '调拨物资（15分钟）',
  ],
  [
    '7',
    '1:40',
    '省厅电话询问',
    '省应急管理厅电话询问事故进展及伤亡情况。',
    '省应急管理厅',
    '值班室',
    '电话',
    '续报（30分钟）',
  ],
  [
    '8',
    'T+2h',
    '险情得到控制',
    '储罐泄漏点已封堵，明火扑灭。',
    '现场指挥部',
    '总指挥',
    '视频会议',
    '研判降级或终止响应',
  ],
];

const withoutAuthoring = (scenario: Scenario) => {
  const { id: _id, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...input } = scenario;
  return input;
};

export function scriptKind(): FuzzKind {
  let scenarioId = '';
  return {
    name: 'drill-script',
    isKnownField: (field, headers) =>
      KNOWN.has(field) || headers.some((h) => h.trim() === field) || /^#\d+$/.test(field),
    fileCodes: new Set(['unsupported', 'empty', 'sheetUnreadable']),
    wholeRowCodes: new Set(),

    async prepare({ db }) {
      scenarioId = (await db.drillScenarios.toCollection().first())!.id;
      const check = checkScript(SAMPLE[0]!, SAMPLE.slice(1));
      if (check.issues.length > 0 || check.injects.length !== SAMPLE.length - 1)
        throw new Error(`the script sample does not check: ${JSON.stringify(check.issues)}`);
    },

    generate: (rng, index) =>
      sheetFile(rng, `演练脚本-${index}`, SAMPLE, {
        required: ['情景时间', '情况内容', '事件', '方式', '预期响应'],
        aliases: ['时间', '台词', '内容', '传递方式', '预期行动'],
        maxRows: 2000,
      }),

    sampleCount: () => SAMPLE.length - 1,

    async importFile({ db, actor, now, t }, file) {
      const format = formatOf(file.name);
      if (!format)
        return refused([fileProblem(t('drills.script.unsupported', { name: file.name }), 'unsupported')]);
      let rows: string[][];
      try {
        rows = (await readSheet(file.bytes, format)).rows;
      } catch (error) {
        return refused([refusalOf(error, t)]);
      }
      const [headers = [], ...body] = rows;
      if (!body.some((r) => r.some((c) => c.trim() !== '')))
        return refused([fileProblem(t('drills.script.empty', { name: file.name }), 'empty')], headers);
      const check = checkScript(headers, body, suggestMapping(headers));
      const problems = check.issues.map((issue) =>
        cellProblem(
          t([`drills.script.issues.${issue.message}`, `validation.${issue.message}`], {
            ...issue.params,
            column: issue.column,
          }),
          issue.message,
          issue.row,
          issue.column,
        ),
      );
      const headerIssues = check.issues.filter((i) => i.row === 1);
      const skipsBadRows = file.choice < 0.5;
      if (headerIssues.length > 0 || check.injects.length === 0 || (problems.length > 0 && !skipsBadRows))
        return refused(problems, headers);
      const drills = createDrillRepository(db, now);
      const scenario = (await drills.getScenario(scenarioId))!;
      try {
        await drills.saveScenario(
          { ...withoutAuthoring(scenario), injects: [...scenario.injects, ...check.injects] },
          actor,
          scenario.id,
        );
        return { status: 'accepted', count: check.injects.length };
      } catch (error) {
        return refused([refusalOf(error, t)], headers);
      }
    },

    checkWrite(before, after, outcome) {
      const faults = [
        ...onlyTables(before, after, ['drillScenarios', 'audit']),
        ...oneAuditRow(before, after, 'update'),
      ];
      const written = writtenRows(before, after, 'drillScenarios', byId);
      const scenario = written[0] as Scenario | undefined;
      if (written.length !== 1 || !scenario) return [...faults, `${written.length} scenarios rewritten`];
      const old = before.rows.drillScenarios.find((s) => s['id'] === scenario.id) as unknown as Scenario;
      if (scenario.injects.length !== old.injects.length + outcome.count)
        faults.push(`${scenario.injects.length} injects, expected ${old.injects.length} + ${outcome.count}`);
      if (JSON.stringify(scenario.injects.slice(0, old.injects.length)) !== JSON.stringify(old.injects))
        faults.push('the injects already in the script changed');
      const bad = scenario.injects.filter((i) => !injectSchema.safeParse(i).success);
      if (bad.length > 0) faults.push(`${bad.length} injects are not valid`);
      if (!scenarioInputSchema.safeParse(withoutAuthoring(scenario)).success)
        faults.push('the scenario no longer validates');
      if (scenario.title !== SCRIPT_SCENARIO.title) faults.push('the scenario title changed');
      return faults;
    },
  };
}
