import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  chooseScriptFile,
  openScriptImport,
  retime,
  scriptImport,
  scriptWorkbook,
  sheetRow,
  type SheetRow,
} from './drill-import-drivers';
import {
  createScenario,
  closeDrillDesk,
  openDrillDesk,
  drillConsole,
  openParticipantScreen,
  participant,
  screenAtRest,
  startRun,
  type DeskClock,
} from './drill-drivers';
import { label, openApp, signIn } from './drivers';
import { screenshot, type BrowserSession } from './harness';
import { latinWords } from './plan-drivers';
import { messageShown } from './settings-drivers';

const baseUrl = inject('baseUrl');
/** 14:00 on a July afternoon, local time of the browser: the trainer prepares the drill. */
const START = new Date('2026-07-20T14:00:00');
/** The run is set up at 14:28 and, after two minutes of checking communications, starts at 14:30 sharp. */
const RUN_SETUP = new Date('2026-07-20T14:28:00');
const TRAINER = '崔伟';
const DIRECTOR = '彭新浩';
const MINUTE = 60_000;

/**
 * The trainer's sheet: twenty rows, as an office keeps them in Excel (序号 | 情景时间 | 事件 | 情况说明 | 发送方 |
 * 接收方 | 方式 | 预期响应). Row 6 has a time nobody can schedule (约莫十分钟后); 16 writes its time as 0:45 and 17
 * as a bare number of minutes, which Excel keeps as a number.
 */
const SHEET: SheetRow[] = [
  '1 | T+0 | 气象台发布暴雨红色预警 | 区气象台发布暴雨红色预警：未来3小时累计降雨量将达100毫米以上。 | 区气象台 | 区防指办公室 | 传真 | 启动防汛Ⅳ级应急响应（30分钟）',
  '2 | T+2m | 老城区道路积水 | 城管部门报告：解放路与人民路交叉口积水深约40厘米，车辆通行困难。 | 区城管局 | 区防指值班室 | 电话 | 组织交警实施交通管制（15分钟）',
  '3 | T+4m | 地下车库进水 | 阳光花园小区物业报告：地下车库入口进水，约30辆车被困。 | 阳光花园物业 | 城东街道 | 电话 | 调派排涝抽水车',
  '4 | T+6m | 下穿隧道积水 | 交警大队报告：火车站下穿隧道积水超过1米，一辆公交车熄火滞留。 | 区交警大队 | 区防指值班室 | 电话 | 疏散车内乘客；封闭隧道',
  '5 | T+8m | 网传视频引发关注 | 网络舆情监测发现：“公交车被困隧道”视频转发量快速上升。 | 区委网信办 | 区防指办公室 | 短信 | 发布权威信息（60分钟）',
  '6 | 约莫十分钟后 | 医院地下室进水 | 区人民医院报告：地下室配电房开始进水。 | 区人民医院 | 区卫健局 | 电话 | ',
  '7 | T+10m | 城东变电站告急 | 供电公司报告：城东变电站站内积水距设备不足20厘米。 | 供电公司 | 区防指值班室 | 电话 | 调派沙袋封堵；准备应急电源',
  '8 | T+20m | 低洼平房群众被困 | 城东街道报告：河沿村低洼平房区有12户群众被困。 | 城东街道 | 区消防救援大队 | 电话 | 出动冲锋舟转移被困群众（20分钟）',
  '9 | T+22m | 护城河水位超警 | 水文站报告：护城河水位超警戒0.5米，仍在上涨。 | 区水文站 | 区防指办公室 | 传真 | 会商研判是否提升响应级别',
  '10 | T+24m | 养老院请求转移 | 福寿养老院报告：院内积水，58名老人需要转移。 | 福寿养老院 | 区民政局 | 电话 | 调派车辆转移老人',
  '11 | T+26m | 燃气管道泄漏 | 燃气公司报告：建设路一处燃气管道因路面塌陷泄漏。 | 燃气公司 | 区应急管理局 | 电话 | 划定警戒区并疏散周边群众',
  '12 | T+28m | 记者到场采访 | 三名记者到达区防指，要求采访救援进展。 | 区委宣传部 | 区防指办公室 | 当面 | 安排新闻发言人统一发布',
  '13 | T+30m | 市防指工作组抵达 | 市防指工作组一行5人抵达，听取情况汇报。 | 市防指 | 区防指总指挥 | 当面 | 汇报灾情和处置进展',
  '14 | T+35m | 排涝泵站停电 | 西郊排涝泵站因停电停止运行。 | 区水务局 | 供电公司 | 电话 | 调集移动发电车',
  '15 | T+40m | 救援人员受伤 | 一名消防员在转移群众时被漂浮物划伤。 | 区消防救援大队 | 区卫健局 | 视频 | 安排医疗救治',
  '16 | 0:45 | 救生衣沙袋告急 | 城东街道报告：救生衣和沙袋库存告急。 | 城东街道 | 区应急管理局 | 短信 | 调拨区级储备物资',
  '17 | 50 | 降雨强度减弱 | 区气象台报告：降雨强度减弱，预计1小时后停止。 | 区气象台 | 区防指办公室 | 传真 | 研判调整响应措施',
  '18 | T+55m | 安置点物资需求 | 各安置点共安置转移群众320人，需要食品和饮用水。 | 区民政局 | 区防指办公室 | 纸质 | 保障安置点生活物资',
  '19 | T+1h | 积水基本退去 | 各点积水基本退去，道路逐步恢复通行。 | 区城管局 | 区防指总指挥 | 电话 | ',
  '20 | T+1h10m | 上报灾情统计 | 市防指要求2小时内上报灾情统计。 | 市防指 | 区防指办公室 | 传真 | 按时限报送灾情统计（120分钟）',
].map(sheetRow);
const at = (no: number) => SHEET[no - 1]!;
/** The row with the time nobody can schedule: spreadsheet row 7 (the header is row 1). */
const BAD = at(6);

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

describe('演练脚本 from Excel', () => {
  it('imports a 20-row XLSX with a bad row skipped, runs it at ×60 through a pause and the 导调台 closed and opened again mid-run, and the director ends it', async () => {
    await openApp(page, baseUrl);
    await signIn(page, TRAINER);
    const editor = await createScenario(page, {
      title: '“7·20”城区暴雨内涝桌面推演',
      hazard: '城市内涝',
      form: '桌面推演',
      objectives: ['检验防汛Ⅳ级应急响应启动程序', '检验下穿隧道和低洼地区群众转移'],
      units: ['区应急管理局', '城东街道'],
    });

    // The trainer chooses the sheet; the dialog recognises the columns it knows and leaves 情况说明 unmapped.
    const dialog = await openScriptImport(page);
    await chooseScriptFile(page, dialog, {
      name: '城区暴雨内涝演练脚本.xlsx',
      buffer: await scriptWorkbook(SHEET),
    });
    await dialog.getByText('城区暴雨内涝演练脚本.xlsx：20 行数据（xlsx）').waitFor();
    const sheet = scriptImport(page, dialog);
    for (const [header, field] of [
      ['序号', '序号'],
      ['情景时间', '情景时间'],
      ['事件', '事件概要'],
      ['发送方', '发送方'],
      ['接收方', '接收方'],
      ['方式', '方式'],
      ['预期响应', '预期响应'],
    ] as const) {
      expect(await sheet.mappingRow(header).innerText()).toMatch(new RegExp(`${field}\\s*$`));
    }
    expect(await sheet.mappingRow('情况说明').innerText()).toMatch(/（不导入）\s*$/);
    expect(await sheet.previewHeaders()).not.toContainEqual(expect.stringContaining('情况说明'));

    // 情况说明 is what the players are to read: the trainer maps it to 情况内容, and the preview shows it.
    await sheet.mapColumn('情况说明', '情况内容');
    await expect.poll(() => sheet.mappingRow('情况说明').innerText()).toMatch(/情况内容\s*$/);
    await expect
      .poll(() => sheet.previewHeaders())
      .toContainEqual(expect.stringMatching(/^情况说明\s+情况内容$/));

    // Row by row: nineteen can be imported, row 7's time cannot be read, and nothing is imported while it stands.
    expect(await sheet.summary.innerText()).toBe('共 20 行：可导入 19 行，1 行有误（1 处）');
    await expect.poll(() => sheet.previewRows.count()).toBe(20);
    await expect.poll(() => sheet.previewRows.filter({ hasText: '可导入' }).count()).toBe(19);
    const badRow = sheet.previewRow(7);
    expect(await badRow.locator('.ant-tag').innerText()).toBe('有误');
    const badCell = badRow.locator('td.script-cell-bad');
    expect(await badCell.count()).toBe(1);
    expect(await badCell.innerText()).toBe(
      `${BAD.time}\n无法识别的时间，请写成 T+1h20m、0:20、20（分钟）或 09:40 这样的钟点`,
    );
    expect(await sheet.previewRow(8).innerText()).toContain(at(7).details);
    expect(await sheet.previewRow(18).innerText()).toMatch(/^第18行\s+可导入\s+17\s+50\s+降雨强度减弱/);
    expect(await sheet.importButton.innerText()).toBe('导入 19 条');
    expect(await sheet.importButton.isDisabled()).toBe(true);
    await sheet.onlyBad.check();
    await expect.poll(() => sheet.previewRows.count()).toBe(1);
    await expect
      .poll(() => sheet.previewRows.first().innerText())
      .toMatch(/^第7行\s+有误\s+6\s+约莫十分钟后/);
    await sheet.onlyBad.uncheck();
    await expect.poll(() => sheet.previewRows.count()).toBe(20);
    // The summary at the top of the screen, the bad row below it.
    await sheet.summary.evaluate((summary) => summary.scrollIntoView({ block: 'start' }));
    expect(await badRow.isVisible()).toBe(true);
    await screenAtRest(page);
    await screenshot(page, '120-drill-import-preview');

    // Skipping the bad row lets the other nineteen in; the script shows them in order, read from the right cells.
    await sheet.skipBad(1).check();
    await sheet.importButton.click();
    await dialog.waitFor({ state: 'hidden' });
    await messageShown(page, '已导入 19 条情景事件');
    const script = editor.getByTestId('script-table').locator('.ant-table-row');
    await expect.poll(() => script.count()).toBe(19);
    const imported = SHEET.filter((r) => r !== BAD);
    await expect
      .poll(() => script.evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent)))
      .toEqual(imported.map((r) => r.no));
    await expect
      .poll(() => script.filter({ hasText: at(16).event }).innerText())
      .toMatch(
        /^16\s+T\+45m\s+救生衣沙袋告急\s+城东街道报告：救生衣和沙袋库存告急。\s+城东街道 → 区应急管理局\s+短信\s+调拨区级储备物资（30分钟）/,
      );
    expect(await script.filter({ hasText: at(17).event }).innerText()).toMatch(/^17\s+T\+50m\s/);
    expect(await script.filter({ hasText: at(1).event }).innerText()).toContain(
      '启动防汛Ⅳ级应急响应（30分钟）',
    );
    expect(await editor.getByTestId('script-table').innerText()).not.toContain(BAD.event);
    await screenAtRest(page);
    await editor.getByTestId('script-table').scrollIntoViewIfNeeded();
    await screenshot(page, '121-drill-import-script');
    // It was saved, not only shown.
    await page.reload();
    await expect.poll(() => script.count(), { timeout: 15_000 }).toBe(19);

    // A run with its director, at ×60: T+0 goes out at once.
    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.status('草稿');
    await drill.idle('2m');
    await drill.commsChecked();
    await drill.setSpeed(60);
    await drill.start();
    await drill.clockReads(0);
    await drill.expectStatus(at(1).event, '已下发');
    expect(await drill.injectStatus(at(2).event)).toBe('待下发');
    const screen = await openParticipantScreen(page, session.errors);
    const players = participant(screen, page);
    await players.card(at(1).event).getByText(at(1).details).waitFor();

    // T+2m goes out; then a pause of 7.3 seconds stops the scenario clock on both screens, and play resumes.
    await drill.advance('3m');
    await drill.expectStatus(at(2).event, '已下发');
    await drill.pause();
    await drill.idle('7.3s');
    await drill.clockReads(3 * MINUTE);
    await players.clockReads(3 * MINUTE);
    expect(await drill.injectStatus(at(3).event)).toBe('待下发');
    await screenAtRest(page);
    await screenshot(page, '122-drill-import-console-paused');
    await drill.resume();
    await drill.clockReads(3 * MINUTE);
    await drill.advance('2m');
    await drill.expectStatus(at(3).event, '已下发');
    expect(await drill.injectStatus(at(4).event)).toBe('待下发');

    // The players see what has gone out, newest first, and nothing else of the script.
    await players.card(at(3).event).getByText(at(3).details).waitFor();
    await players.clockReads(5 * MINUTE);
    expect(await screen.getByTestId('participant-inject').allInnerTexts()).toEqual([
      expect.stringMatching(/^【演练】\s*3 · 地下车库进水/),
      expect.stringMatching(/^【演练】\s*2 · 老城区道路积水/),
      expect.stringMatching(/^【演练】\s*1 · 气象台发布暴雨红色预警/),
    ]);
    let shown = await players.text();
    for (const hidden of SHEET.slice(3)) {
      expect(shown).not.toContain(hidden.details);
      expect(shown).not.toContain(hidden.event);
    }
    await players.screenshot('123-drill-import-participant-running');

    // The 导调台 is gone at T+5m (its window closed, or reloading) and opened again 12 seconds (12 scenario
    // minutes) later, so T+6m, T+8m and T+10m fall due with no ticker to deliver them, and T+20m is still ahead.
    await drill.outage('12m');
    await drill.status('进行中');
    await drill.clockReads(17 * MINUTE);
    await players.clockReads(17 * MINUTE);
    await drill.overdue.getByText('3 条情景已逾期未下发').waitFor();
    for (const [no, late] of [
      [4, '11.0'],
      [5, '9.0'],
      [7, '7.0'],
    ] as const) {
      const item = drill.overdueItem(at(no).event);
      await item.getByText(`已晚 ${late} 秒`).waitFor();
      for (const action of ['立即下发', '跳过', '改期']) {
        expect(await item.getByRole('button', { name: label(action) }).isVisible()).toBe(true);
      }
      expect(await drill.injectStatus(at(no).event)).toBe('逾期');
    }
    expect(await drill.injectStatus(at(8).event)).toBe('待下发');
    shown = await players.text();
    for (const held of [at(4), at(5), at(7)]) expect(shown).not.toContain(held.details);
    await screenAtRest(page);
    await screenshot(page, '124-drill-import-console-overdue');

    // The controller delivers 4 late, skips 5, and re-times 7 to T+19m; the clock has not moved meanwhile.
    await drill
      .overdueItem(at(4).event)
      .getByRole('button', { name: label('立即下发') })
      .click();
    await drill.expectStatus(at(4).event, '已下发');
    expect(await drill.injectRow(at(4).event).innerText()).toContain('11.0 秒');
    await drill
      .overdueItem(at(5).event)
      .getByRole('button', { name: label('跳过') })
      .click();
    await drill.expectStatus(at(5).event, '已跳过·导调跳过');
    await retime(page, drill.overdueItem(at(7).event), `改期：7 ${at(7).event}`, 'T+19m');
    await drill.expectStatus(at(7).event, '待下发');
    expect(await drill.injectRow(at(7).event).innerText()).toMatch(
      /^\s*7\s+T\+19m\s+城东变电站告急\s+区防指值班室\s+待下发\s+14:30:26\s/,
    );
    await drill.overdue.waitFor({ state: 'hidden' });
    await drill.clockReads(17 * MINUTE);
    await players.card(at(4).event).getByText(at(4).details).waitFor();

    // Play goes on: 7 goes out at its new time, then T+20m and T+22m, each on time.
    await drill.advance('2m');
    await drill.expectStatus(at(7).event, '已下发');
    expect(await drill.injectStatus(at(8).event)).toBe('待下发');
    await drill.advance('3m');
    await drill.expectStatus(at(8).event, '已下发');
    await drill.expectStatus(at(9).event, '已下发');
    expect(await drill.injectStatus(at(10).event)).toBe('待下发');
    await players.card(at(9).event).getByText(at(9).details).waitFor();
    await players.clockReads(22 * MINUTE);
    expect(await screen.getByTestId('participant-inject').count()).toBe(7);
    shown = await players.text();
    for (const delivered of [1, 2, 3, 4, 7, 8, 9]) expect(shown).toContain(at(delivered).details);
    for (const hidden of [at(5), ...SHEET.slice(9)]) expect(shown).not.toContain(hidden.details);
    await players.screenshot('125-drill-import-participant-after-reload');
    await screenAtRest(page);
    await screenshot(page, '126-drill-import-console-after-reload');

    // Only the director ends it: signed in, ENDEX; both screens show the run ended, at T+22m.
    expect(await drill.endexButton().isDisabled()).toBe(true);
    await signIn(page, DIRECTOR);
    await expect.poll(() => drill.endexButton().isEnabled()).toBe(true);
    await drill.endex();
    await drill.root.getByText('演练已于 2026-07-20 14:30:29 结束').waitFor();
    await screen.getByTestId('run-status').getByText('已结束').waitFor();
    // The desk's time goes on (and the toasts with it); the ended run's clock does not.
    await drill.idle('4s');
    await drill.clockReads(22 * MINUTE);
    await players.clockReads(22 * MINUTE);
    expect(await drill.injectStatus(at(10).event)).toBe('待下发');
    await screenAtRest(page);
    await screenshot(page, '127-drill-import-console-ended');
    await players.screenshot('128-drill-import-participant-ended');
    expect((await latinWords(page)).filter((w) => !['DRILL', 'ENDEX'].includes(w))).toEqual([]);
  });
});
