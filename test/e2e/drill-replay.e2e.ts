/**
 * 复盘 and 多次演练对比: a typhoon tabletop on the desk's clock — four injects, a player's response, the 演练事件
 * worked to Ⅳ in 事件指挥, a controller's note, ENDEX — is played back at ×10 while the test moves the clock
 * step by step: every record appears in the journal's order and never before its moment, a pause holds, the
 * slider and the arrow keys jump. A second, faster run of the same scenario is then compared with the first.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  addInject,
  createScenario,
  closeDrillDesk,
  openDrillDesk,
  drillConsole,
  openParticipantScreen,
  participant,
  screenAtRest,
  startRun,
  testPlanVersion,
  type DeskClock,
} from './drill-drivers';
import { dialogSettled, label, openApp, signIn } from './drivers';
import { screenshot, type BrowserSession } from './harness';
import { incidentConsole, pick, TYPHOON } from './incident-drivers';
import { latinWords, LEVEL_BACKGROUND, simulator } from './plan-drivers';

const baseUrl = inject('baseUrl');
const START = new Date('2026-06-10T09:00:00');
/** The first run is set up at 09:28 and starts at 09:30 sharp. */
const RUN_SETUP = new Date('2026-06-10T09:28:00');
const CONTROLLER = '李雨平';
const DIRECTOR = '李伟涛';
const EVALUATOR = '胡雪军';
const SIGNER = '邵嘉蓉';
const SCENARIO = '“海燕”台风防御桌面推演（复盘）';
const WARNING_CAPABILITY = '预警与信息报告';
const ACTION = '研判并启动Ⅳ级应急响应';

const SCRIPT = {
  warning: {
    offset: 'T+0',
    synopsis: '气象台发布台风橙色预警',
    text: '区气象台发布台风橙色预警，“海燕”预计今夜在本区沿海登陆。',
    to: '区防指办公室',
    action: ACTION,
  },
  seawall: {
    offset: 'T+1m',
    synopsis: '滨江街道报告海堤渗水',
    text: '滨江街道报告：东段海堤出现渗水，巡查人员已到场。',
    to: '滨江街道',
  },
  press: {
    offset: 'T+4m',
    synopsis: '媒体询问转移安置情况',
    text: '本地新闻客户端来电询问沿海群众转移安置进展。',
    to: '区委宣传部',
  },
  landfall: {
    offset: 'T+5m',
    synopsis: '台风在本区沿海登陆',
    text: '“海燕”在滨江街道沿海登陆，中心附近最大风力12级。',
    to: '区防指值班室',
  },
};

/** The first run as its journal and 演练事件 recorded it: [kind, real time]. */
const RECORDED: [string, string][] = [
  ['clock.start', '09:30:00'],
  ['inject.deliver', '09:30:00'],
  ['incident.open', '09:30:00'],
  ['inject.deliver', '09:31:00'],
  ['response', '09:31:30'],
  ['warning.issue', '09:32:00'],
  ['tasks.issue', '09:32:00'],
  ['level.propose', '09:32:30'],
  ['level.approve', '09:33:00'],
  ['tasks.issue', '09:33:00'],
  ['note', '09:33:30'],
  ['inject.deliver', '09:34:00'],
  ['inject.deliver', '09:35:00'],
  ['run.endex', '09:36:00'],
];

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

/** A capability rated by the signed-in evaluator on the 导调台 of a run that is over. */
async function rate(root: Locator, grade: string): Promise<void> {
  const card = root.getByTestId('evaluation');
  await pick(page, card.getByLabel(`我的评定 ${WARNING_CAPABILITY}`, { exact: true }), grade);
  await card.locator('.ant-tag').getByText(`${EVALUATOR}：${grade}`, { exact: true }).waitFor();
}

/** The 复盘 screen: its clocks, its records newest first (as [kind, time]), its controls. */
function replay() {
  const root = page.getByTestId('drill-replay');
  const controls = root.getByTestId('replay-controls');
  return {
    root,
    controls,
    realClock: () => root.getByTestId('replay-real-clock').innerText(),
    scenarioClock: () => root.getByTestId('replay-scenario-clock').innerText(),
    level: root.getByTestId('replay-level'),
    /** The records shown, oldest first. */
    items: async (): Promise<[string, string][]> =>
      (
        await root
          .getByTestId('replay-item')
          .evaluateAll((rows) =>
            rows.map((r) => [
              r.getAttribute('data-kind') ?? '',
              (r.querySelector('.replay-item-time')?.textContent ?? '').slice(0, 8),
            ]),
          )
      ).reverse() as [string, string][],
    newest: () => root.locator('.replay-item-newest'),
    button: (name: string) => controls.getByRole('button', { name: label(name) }),
    async speed(to: number) {
      await controls
        .locator('.ant-segmented-item')
        .filter({ hasText: `×${to}` })
        .click();
      await controls
        .locator('.ant-segmented-item-selected')
        .filter({ hasText: `×${to}` })
        .waitFor();
    },
    /** Waits until the replay stands at `time` (HH:mm:ss of the run) showing exactly what was recorded by then. */
    async standsAt(time: string) {
      await expect.poll(() => root.getByTestId('replay-real-clock').innerText()).toBe(`2026-06-10 ${time}`);
      const due = RECORDED.filter(([, at]) => at <= time);
      await expect.poll(() => this.items()).toEqual(due);
    },
  };
}

describe('演练复盘', () => {
  it('plays a finished run back at ×10 in the journal’s order, never early; pauses, jumps and steps; then compares two runs of the scenario', async () => {
    await openApp(page, baseUrl);
    await signIn(page, CONTROLLER);
    const editor = await createScenario(page, {
      title: SCENARIO,
      hazard: '台风',
      form: '桌面推演',
      objectives: ['检验防台风预案Ⅳ级响应启动程序'],
      units: ['区应急管理局', '滨江街道'],
    });
    const scenarioUrl = page.url();
    await testPlanVersion(page, editor, `${TYPHOON}（v1）`);
    for (const item of Object.values(SCRIPT)) await addInject(page, item);

    // The first run, at ×1: started at 09:30, the first inject goes out and the 演练事件 is opened.
    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.idle('2m');
    await drill.commsChecked();
    await drill.start();
    await drill.expectStatus(SCRIPT.warning.synopsis, '已下发');
    const card = drill.root.getByTestId('drill-incident');
    await card.getByRole('button', { name: label('开设演练事件') }).click();
    const opening = page.getByRole('dialog').filter({ hasText: '开设演练事件' });
    await dialogSettled(opening);
    await opening.getByLabel('事发地点').fill('滨江街道沿海一线');
    await pick(page, opening.getByLabel('事件类别'), '自然灾害');
    await opening.getByRole('button', { name: label('保存') }).click();
    await opening.waitFor({ state: 'hidden' });
    await card.getByText('演练-2026-0001', { exact: true }).waitFor();
    // Nothing to replay while the run is under way.
    expect(await drill.root.getByRole('button', { name: label('复盘') }).count()).toBe(0);

    // T+1m the seawall inject; at 09:31:30 the street answers it from the players' screen.
    await drill.advance('1m');
    await drill.expectStatus(SCRIPT.seawall.synopsis, '已下发');
    const screen = await openParticipantScreen(page, session.errors);
    const players = participant(screen, page);
    await drill.idle('30s');
    await players.respond(SCRIPT.seawall.synopsis, '组织抢险队加固东段海堤', '滨江街道 陈主任');

    // The players work the 演练事件: the orange warning at 09:32, the wind at 09:32:30 (Ⅳ proposed),
    // the secretary-general approves Ⅳ at 09:33.
    await page.keyboard.press('Alt+2');
    await page.getByTestId('incident-list').locator('.ant-table-row').filter({ hasText: SCENARIO }).click();
    const c = incidentConsole(page);
    await c.header.getByText('事件编号 演练-2026-0001').waitFor();
    const sim = simulator(page, '.incident-console');
    await drill.idle('30s');
    await sim.issueWarning('台风', '橙色');
    await drill.idle('30s');
    await sim.record('台风中心附近最大风力', 9);
    await expect(sim.proposedLevel()).resolves.toBe('Ⅳ级响应');
    await drill.idle('30s');
    await signIn(page, SIGNER);
    await expect(sim.approve()).resolves.toBe('Ⅳ级响应');
    await c.level.getByText('Ⅳ级响应', { exact: true }).waitFor();

    // Back on the 导调台: a note at 09:33:30, the press inject at T+4m, landfall at T+5m, ENDEX at T+6m.
    await c.header.getByTestId('incident-drill').click();
    await drill.root.waitFor();
    await signIn(page, CONTROLLER);
    await drill.idle('30s');
    const noteBox = drill.notes.getByLabel('导调记录');
    await noteBox.fill('海堤渗水处置到位，提示关注转移安置口径');
    await noteBox.press('Enter');
    await drill.notes.getByText('海堤渗水处置到位').waitFor();
    await drill.idle('30s');
    await drill.expectStatus(SCRIPT.press.synopsis, '已下发');
    await drill.idle('1m');
    await drill.expectStatus(SCRIPT.landfall.synopsis, '已下发');
    await drill.idle('1m');
    await signIn(page, DIRECTOR);
    await drill.endex();
    await drill.root.getByText('演练已于 2026-06-10 09:36:00 结束').waitFor();
    await signIn(page, EVALUATOR);
    await rate(drill.root, 'M 勉强完成');

    // 复盘 is offered now.
    const replayButton = drill.root
      .getByTestId('drill-clock-bar')
      .getByRole('button', { name: label('复盘') });
    await drill.idle('5s');
    await drill.root.getByTestId('drill-clock-bar').scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '180-drill-replay-button');
    await replayButton.click();
    const r = replay();
    await r.root.waitFor();
    expect(page.url()).toMatch(new RegExp(`#/drills/runs/${runId}/replay$`));

    // At the start: T+0, what happened at 09:30:00, nothing later.
    await r.standsAt('09:30:00');
    expect(await r.scenarioClock()).toBe('T+00:00:00');
    await r.level.getByText('未启动响应', { exact: true }).waitFor();
    await r.button('播放').waitFor();
    await screenAtRest(page);
    await screenshot(page, '181-drill-replay-start');

    // ×10: three seconds on the desk are thirty seconds of the run. Each step shows exactly what had been
    // recorded by then, in order; a pause holds.
    await r.speed(10);
    await r.button('播放').click();
    await r.button('暂停').waitFor();
    const stepTimes = ['09:30:30', '09:31:00', '09:31:30', '09:32:00'];
    for (const time of stepTimes) {
      await clock.pass(3000);
      await r.standsAt(time);
    }
    expect(await r.scenarioClock()).toBe('T+00:02:00');
    await r.button('暂停').click();
    await r.button('播放').waitFor();
    await clock.pass(5000);
    await r.standsAt('09:32:00');
    await r.button('播放').click();
    for (const time of ['09:32:30', '09:33:00', '09:33:30']) {
      await clock.pass(3000);
      await r.standsAt(time);
    }
    // The level in force then, in its legal colour, and the newest record standing out.
    const badge = r.level.locator('[data-level]');
    await badge.getByText('Ⅳ级响应', { exact: true }).waitFor();
    expect(await badge.evaluate((tag) => getComputedStyle(tag).backgroundColor)).toBe(LEVEL_BACKGROUND.Ⅳ);
    expect(await r.newest().getAttribute('data-kind')).toBe('note');
    await r.button('暂停').click();
    await r.button('播放').waitFor();
    await screenAtRest(page);
    await screenshot(page, '182-drill-replay-level');

    // Played on to the end, it stops there however long the desk waits.
    await r.button('播放').click();
    for (const time of ['09:34:00', '09:34:30', '09:35:00', '09:35:30', '09:36:00']) {
      await clock.pass(3000);
      await r.standsAt(time);
    }
    await r.button('从头播放').waitFor();
    await clock.pass(30_000);
    await r.standsAt('09:36:00');
    expect(await r.scenarioClock()).toBe('T+00:06:00');
    await expect
      .poll(() => r.root.getByTestId('replay-counters').innerText())
      .toMatch(/已下发情景\s*4\s*\/ 4[\s\S]*参演人员响应\s*1[\s\S]*导调记录\s*1/);
    await screenAtRest(page);
    await screenshot(page, '183-drill-replay-end');

    // The slider: a click at 40% of the run (2 min 24 s in) shows what had happened by then.
    const rail = r.controls.locator('.ant-slider');
    const box = (await rail.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height / 2);
    await expect.poll(() => r.realClock()).toMatch(/^2026-06-10 09:32:2\d$/);
    await expect.poll(() => r.items()).toEqual(RECORDED.slice(0, 7));
    await r.level.getByText('建议启动Ⅳ级响应', { exact: false }).waitFor({ state: 'detached' });

    // The arrow keys step between moments: → to the proposal at 09:32:30, ← back to 09:32:00.
    await page.keyboard.press('ArrowRight');
    await r.standsAt('09:32:30');
    await r.level.getByText('建议启动Ⅳ级响应').waitFor();
    await screenAtRest(page);
    await screenshot(page, '184-drill-replay-proposal');
    await page.keyboard.press('ArrowLeft');
    await r.standsAt('09:32:00');
    // Space plays at the speed chosen, and pauses.
    await page.keyboard.press(' ');
    await r.button('暂停').waitFor();
    await clock.pass(1000);
    await expect.poll(() => r.realClock()).toBe('2026-06-10 09:32:10');
    await page.keyboard.press(' ');
    await r.button('播放').waitFor();
    await clock.pass(3000);
    expect(await r.realClock()).toBe('2026-06-10 09:32:10');
    expect((await latinWords(page)).filter((w) => !['DRILL', 'ENDEX'].includes(w))).toEqual([]);

    // A second run of the same scenario, at ×60 and with the first inject's action seen at T+2m.
    await signIn(page, CONTROLLER);
    await page.goto(scenarioUrl);
    await page.getByTestId('scenario-editor').waitFor();
    const secondId = await startRun(page, DIRECTOR);
    const second = drillConsole(page, clock, secondId, baseUrl);
    await second.commsChecked();
    await second.setSpeed(60);
    await second.start();
    await second.expectStatus(SCRIPT.warning.synopsis, '已下发');
    await second.advance('2m');
    await second.markAction(SCRIPT.warning.synopsis, ACTION, '已观察到');
    await second.advance('4m');
    await second.expectStatus(SCRIPT.landfall.synopsis, '已下发');
    await signIn(page, DIRECTOR);
    await second.endex();
    await signIn(page, EVALUATOR);
    await rate(second.root, 'P 顺利完成');

    // The scenario compares the two: one column per run, oldest first, and the trend.
    await page.goto(scenarioUrl);
    const comparison = page.getByTestId('run-comparison');
    const table = comparison.getByTestId('run-comparison-table');
    await table.waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual(['指标', '第1次 · 06-10', '第2次 · 06-10']);
    const row = async (name: string) =>
      (
        await table
          .locator('.ant-table-row')
          .filter({ has: page.getByText(name, { exact: true }) })
          .locator('td')
          .allInnerTexts()
      ).map((cell) => cell.trim());
    expect(await row('情景下发 / 跳过')).toEqual(['情景下发 / 跳过', '4 / 0', '4 / 0']);
    expect(await row('首次响应用时中位（情景）')).toEqual([
      '首次响应用时中位（情景）',
      '30.0 秒',
      '2 分 0 秒',
    ]);
    expect(await row('预期行动 达成 / 超时 / 未达成')).toEqual([
      '预期行动 达成 / 超时 / 未达成',
      '0 / 0 / 0（共 1）',
      '1 / 0 / 0（共 1）',
    ]);
    expect(await row('预期行动评估覆盖率')).toEqual(['预期行动评估覆盖率', '0%', '100%']);
    expect(await row('评估平均分')).toEqual(['评估平均分', '60', '100']);
    expect(await row('评估项目覆盖率')).toEqual(['评估项目覆盖率', '8%（1/12 项）', '8%（1/12 项）']);
    await comparison.getByTestId('run-trend-chart').locator('svg').waitFor();
    // Toasts count their seconds on the desk clock, which stands still unless moved.
    await clock.pass(5000);
    await comparison.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '185-drill-run-comparison');
    expect((await latinWords(page)).filter((w) => !['DRILL'].includes(w))).toEqual([]);
  }, 240_000);
});
