/**
 * 桌面推演 on the real plan: a run opens its 演练事件 on the typhoon plan the scenario tests, players work it in
 * the incident console by the plan (Ⅳ proposed and approved, 四个一, 通知叫应), and the 导调台 and the
 * participant screen follow it — while the desk's duty state, as every screen's header shows it, stays 日常值守.
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
import { animationsSettled, dialogSettled, label, openApp, signIn } from './drivers';
import { screenshot, type BrowserSession } from './harness';
import { incidentConsole, pick, pickPerson, TYPHOON } from './incident-drivers';
import { latinWords, LEVEL_BACKGROUND, simulator } from './plan-drivers';

const baseUrl = inject('baseUrl');
/** 09:00 on a June morning, local time of the browser: the trainer writes the scenario. */
const START = new Date('2026-06-10T09:00:00');
/** The run is set up at 09:28 and starts at 09:30 sharp, once communications are checked. */
const RUN_SETUP = new Date('2026-06-10T09:28:00');
const DIRECTOR = '彭新浩';
const SCENARIO = '“海燕”台风防御桌面推演（预案检验）';
/** The sample typhoon plan's one published version, as the scenario form lists it. */
const TESTED_VERSION = `${TYPHOON}（v1）`;
const LEADER = '邵嘉蓉（示范区应急管理局）';
const NOTICE = '启动Ⅳ级应急响应，请立即到区防指会商';
const WARNING = {
  offset: 'T+0',
  synopsis: '气象台发布台风橙色预警',
  text: '区气象台09:20发布台风橙色预警，“海燕”中心附近最大风力9级，预计今夜在本区沿海登陆。',
  to: '区防指办公室',
  action: '研判并启动Ⅳ级应急响应',
};
/** Falls due long after the players are done: nothing is due while the 导调台 is not on screen. */
const LANDFALL = {
  offset: 'T+1h',
  synopsis: '台风在本区沿海登陆',
  text: '“海燕”于今夜在滨江街道沿海登陆，登陆时中心附近最大风力12级。',
  to: '区防指值班室',
};

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

/** The computed background of the level tag inside `within`, to check the legal colour. */
const levelBackground = (within: Locator) =>
  within.locator('[data-level]').evaluate((tag) => getComputedStyle(tag).backgroundColor);

describe('桌面推演 · 演练事件', () => {
  it('opens the run’s 演练事件 on the tested typhoon plan, works it to Ⅳ with a leader and a notice, and the 导调台 and participant screen follow while the duty state stays 日常值守', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await page.getByTestId('duty-state').getByText('日常值守', { exact: true }).waitFor();

    // The trainer writes a scenario that tests the typhoon plan, with a short script.
    const editor = await createScenario(page, {
      title: SCENARIO,
      hazard: '台风',
      form: '桌面推演',
      objectives: ['检验防台风预案Ⅳ级响应启动程序', '检验“四个一”落实'],
      units: ['区应急管理局', '滨江街道'],
    });
    await testPlanVersion(page, editor, TESTED_VERSION);
    for (const item of [WARNING, LANDFALL]) await addInject(page, item);

    // A run: communications checked at 09:30, started; T+0 goes out.
    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.status('草稿');
    await drill.idle('2m');
    await drill.commsChecked();
    await drill.start();
    await drill.expectStatus(WARNING.synopsis, '已下发');

    // The 导调台 offers the 演练事件 on the plan version the scenario tests.
    const card = drill.root.getByTestId('drill-incident');
    await card.getByText(/^尚未开设演练事件/).waitFor();
    await card.getByRole('button', { name: label('开设演练事件') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '开设演练事件' });
    await dialogSettled(dialog);
    expect(await dialog.getByLabel('事件名称').inputValue()).toBe(SCENARIO);
    expect(await dialog.getByLabel('事发时间').inputValue()).toBe('2026-06-10 09:30');
    await dialog.getByText(`${TYPHOON}（第1版）`, { exact: true }).waitFor();
    await dialog.getByText(/列出本演练方案检验的预案版本/).waitFor();
    await dialog.getByLabel('事发地点').fill('滨江街道沿海一线');
    await pick(page, dialog.getByLabel('事件类别'), '自然灾害');
    await animationsSettled(page);
    await screenshot(page, '130-drill-incident-open-dialog');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The console stays where it is; the card now names the incident in the drill series.
    await card.getByText('演练-2026-0001', { exact: true }).waitFor();
    await card.getByTestId('drill-incident-level').getByText('未启动响应').waitFor();
    await card.getByTestId('drill-four-ones-leader').getByText('未落实').waitFor();
    expect(page.url()).toMatch(new RegExp(`#/drills/runs/${runId}$`));

    // The players' screen shows the incident too, with no way to open another.
    const screen = await openParticipantScreen(page, session.errors);
    const players = participant(screen, page);
    await screen.bringToFront();
    const playersCard = screen.getByTestId('drill-incident');
    await playersCard.getByText('演练-2026-0001', { exact: true }).waitFor();
    await playersCard.getByTestId('drill-incident-level').getByText('未启动响应').waitFor();
    expect(await playersCard.getByRole('button', { name: label('开设演练事件') }).count()).toBe(0);
    await page.bringToFront();

    // A player at the desk goes to 事件指挥 (the card's 进入事件指挥 opens a window of its own, so the
    // 导调台 keeps ticking; the participant screen's is followed below). The plan's real chart, marked 演练.
    await page.keyboard.press('Alt+2');
    await page.getByTestId('incident-list').locator('.ant-table-row').filter({ hasText: SCENARIO }).click();
    const c = incidentConsole(page);
    await c.header.getByText(SCENARIO, { exact: true }).waitFor();
    await c.header.getByText('事件编号 演练-2026-0001').waitFor();
    await c.root.getByTestId('drill-watermark').waitFor({ state: 'attached' });
    const drillLink = c.header.getByTestId('incident-drill');
    expect(await drillLink.innerText()).toBe(`演练 DRILL · ${SCENARIO}`);
    await c.level.getByText('未启动响应', { exact: true }).waitFor();
    await c.logRow(`【演练】演练「${SCENARIO}」立案：${SCENARIO}（滨江街道沿海一线`).waitFor();
    await c.logRow('启用预案：示范区防台风应急预案（第1版）').waitFor();

    // The warning and the wind reading, a minute apart: the plan proposes Ⅳ.
    const sim = simulator(page, '.incident-console');
    await drill.idle('1m');
    await sim.issueWarning('台风', '橙色');
    await drill.idle('1m');
    await sim.record('台风中心附近最大风力', 9);
    await expect(sim.proposedLevel()).resolves.toBe('Ⅳ级响应');
    await c.header.getByTestId('incident-proposal').getByText('建议启动Ⅳ级响应').waitFor();
    await c.header.getByTestId('incident-warnings').getByText('台风橙色（二级）预警').waitFor();
    await c.logRow('系统', '建议启动Ⅳ级响应').waitFor();
    // A drill does not put the desk in 预警状态.
    expect(await page.getByTestId('duty-state').innerText()).toBe('日常值守');

    // As in a real incident, the duty officer may not approve; the secretary-general does.
    const why = await sim.explainDisabled('批准启动');
    await expect(why.textContent()).resolves.toBe('不能执行：崔伟（值班员）无权签发Ⅳ级响应');
    await sim.dismissTooltip();
    await drill.idle('1m');
    await signIn(page, '邵嘉蓉');
    await expect(sim.approve()).resolves.toBe('Ⅳ级响应');
    await c.level.getByText('Ⅳ级响应', { exact: true }).waitFor();
    await c.logRow('邵嘉蓉（秘书长）', '批准启动Ⅳ级响应').waitFor();
    await c.taskRow('防汛抗旱指挥机构秘书长主持会商').waitFor();

    // 四个一: the leader.
    const four = c.root.getByTestId('four-ones');
    await pickPerson(page, four.getByLabel('一位领导和部门牵头'), '邵嘉蓉');
    await four
      .getByRole('button', { name: label('确定') })
      .nth(0)
      .click();
    await four.getByText(/一位领导和部门牵头：邵嘉蓉/).waitFor();

    // 通知叫应: what is read out on the phone says 演练 first.
    await drill.idle('1m');
    const notify = c.root.getByTestId('incident-notifications');
    await notify.getByRole('button', { name: label('发起通知') }).click();
    const notice = page.getByRole('dialog').filter({ hasText: '发起通知' });
    await dialogSettled(notice);
    await notice.getByLabel('通知内容').fill(NOTICE);
    await pickPerson(page, notice.getByLabel('通知对象'), '黄欣刚');
    await pickPerson(page, notice.getByLabel('通知对象'), '刘志蓉');
    await notice.getByLabel('须在多少分钟内回复').fill('10');
    await notice.getByRole('button', { name: label('保存') }).click();
    await notice.waitFor({ state: 'hidden' });
    const block = notify.getByTestId('notification');
    await block.getByText(`【演练】${NOTICE}`, { exact: true }).waitFor();
    expect(await block.locator('strong').innerText()).toMatch(/^【演练】/);
    await c.logRow(`通知叫应：【演练】${NOTICE}（黄欣刚、刘志蓉，10分钟内回复）`).waitFor();

    // The header of every screen still says 日常值守; the console shows the watermark and the way back.
    expect(await page.getByTestId('duty-state').innerText()).toBe('日常值守');
    await expect(drillLink.isVisible()).resolves.toBe(true);
    await expect(levelBackground(c.level)).resolves.toBe(LEVEL_BACKGROUND.Ⅳ);

    // A reload continues where it was (and the header's elapsed time, read on the console's 30-second beat,
    // is read afresh for the screenshots).
    await drill.idle('5s');
    await page.reload();
    await c.level.getByText('Ⅳ级响应', { exact: true }).waitFor();
    await c.header.getByText('事发已 4分钟').waitFor();
    await c.root
      .getByTestId('four-ones')
      .getByText(/一位领导和部门牵头：邵嘉蓉/)
      .waitFor();
    await block.getByText(`【演练】${NOTICE}`, { exact: true }).waitFor();
    await c.root.getByTestId('drill-watermark').waitFor({ state: 'attached' });
    await drillLink.waitFor();
    await page.getByTestId('duty-state').waitFor();
    expect(await page.getByTestId('duty-state').innerText()).toBe('日常值守');
    await c.header.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '131-drill-incident-console');
    await notify.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '132-drill-incident-notice');
    expect((await latinWords(page)).filter((w) => w !== 'DRILL')).toEqual([]);

    // The hall screen says 演练 too: the watermark, and the title prefixed.
    const [hall] = await Promise.all([
      page.context().waitForEvent('page'),
      c.header.getByRole('button', { name: label('大屏显示') }).click(),
    ]);
    await hall.getByTestId('big-screen-level').getByText('Ⅳ级响应').waitFor();
    await hall.getByRole('heading', { name: `【演练】${SCENARIO}`, exact: true }).waitFor();
    await hall.getByTestId('drill-watermark').waitFor({ state: 'attached' });
    await animationsSettled(hall);
    await screenshot(hall, '133-drill-incident-hall-screen');
    await hall.close();
    await page.bringToFront();

    // The incidents list: the row is marked 演练 and numbered in the drill series; once it shows Ⅳ, the
    // duty state beside it, read from the same table, has not moved.
    await page.keyboard.press('Alt+2');
    const row = page.getByTestId('incident-list').locator('.ant-table-row').filter({ hasText: SCENARIO });
    await row.getByText('Ⅳ级响应', { exact: true }).waitFor();
    expect(await row.locator('td').first().innerText()).toBe('演练-2026-0001');
    await row.locator('.ant-tag').getByText('演练 DRILL', { exact: true }).waitFor();
    expect(await page.getByTestId('duty-state').innerText()).toBe('日常值守');
    await screenAtRest(page);
    await screenshot(page, '134-drill-incident-list');

    // The 演练 button in the header leads back to the 导调台: its card shows Ⅳ and the leader, and the
    // drill clock ran on while the players worked.
    await row.click();
    await drillLink.click();
    await drill.root.waitFor();
    await drill.clockReads(4 * 60_000 + 5000);
    await card.getByText('演练-2026-0001', { exact: true }).waitFor();
    const cardLevel = card.getByTestId('drill-incident-level');
    await cardLevel.getByText('Ⅳ级响应', { exact: true }).waitFor();
    await expect(levelBackground(cardLevel)).resolves.toBe(LEVEL_BACKGROUND.Ⅳ);
    await card.getByTestId('drill-four-ones-leader').getByText(LEADER).waitFor();
    await card.getByTestId('drill-four-ones-taskForce').getByText('未落实').waitFor();
    await card.getByText('应急响应', { exact: true }).waitFor();
    expect(await drill.injectStatus(LANDFALL.synopsis)).toBe('待下发');
    expect(await page.getByTestId('duty-state').innerText()).toBe('日常值守');
    await card.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '135-drill-console-incident-card');

    // The participant screen followed without a reload; its button opens the console in a window of its own.
    await screen.bringToFront();
    const playersLevel = playersCard.getByTestId('drill-incident-level');
    await playersLevel.getByText('Ⅳ级响应', { exact: true }).waitFor();
    await expect(levelBackground(playersLevel)).resolves.toBe(LEVEL_BACKGROUND.Ⅳ);
    await playersCard.getByTestId('drill-four-ones-leader').getByText(LEADER).waitFor();
    const [popup] = await Promise.all([
      screen.context().waitForEvent('page'),
      playersCard.getByRole('button', { name: label('进入事件指挥') }).click(),
    ]);
    await incidentConsole(popup).level.getByText('Ⅳ级响应', { exact: true }).waitFor();
    await popup.getByTestId('drill-watermark').first().waitFor({ state: 'attached' });
    await popup.close();
    await players.screenshot('136-drill-participant-incident');
    expect((await latinWords(screen)).filter((w) => w !== 'DRILL')).toEqual([]);

    // ENDEX: the 导调台 shows what the 演练事件 measured, read from its own records — Ⅳ proposed at the
    // wind reading and signed a minute later, the 四个一 not complete, the 书面初报 not yet due at the end.
    await page.bringToFront();
    await signIn(page, DIRECTOR);
    await drill.endex();
    const figures = page.getByTestId('drill-incident-metrics');
    await figures.scrollIntoViewIfNeeded();
    const levelRow = figures.locator('.ant-table-row').filter({ hasText: 'Ⅳ级响应' });
    await levelRow.getByText('达到启动条件', { exact: true }).waitFor();
    await levelRow.getByText('1分钟', { exact: true }).waitFor();
    await figures.getByText('未落实：一个工作专班、一个工作方案、一个口径报送发布').waitFor();
    const initialReport = figures.locator('.ant-table-row').filter({ hasText: '书面初报' });
    await initialReport.getByText('未到时限').waitFor();
    // The desk clock is the page's fake one: the sign-in toast goes once it moves on.
    await drill.idle('5s');
    await screenAtRest(page);
    await screenshot(page, '137-drill-incident-metrics');

    // The 评估报告's 演练数据 carries the same figures on paper.
    await page.getByRole('button', { name: label('评估报告') }).click();
    const onPaper = page.getByTestId('report-incident-metrics');
    await onPaper.scrollIntoViewIfNeeded();
    const paperLevel = onPaper.locator('tr').filter({ hasText: 'Ⅳ级响应' });
    await paperLevel.getByText('达到启动条件', { exact: true }).waitFor();
    await paperLevel.getByText('1分钟', { exact: true }).waitFor();
    await onPaper.getByText('按时 0/2 项').waitFor();
    await screenAtRest(page);
    await screenshot(page, '138-drill-report-incident-metrics');
  }, 240_000);
});
