import type { Page } from 'playwright-core';
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
  type DeskClock,
  type ScriptInject,
} from './drill-drivers';
import { dialogSettled, label, openApp, signIn } from './drivers';
import { screenshot, type BrowserSession } from './harness';
import { latinWords } from './plan-drivers';

const baseUrl = inject('baseUrl');
/** 09:00 on a June morning, local time of the browser: the trainer writes the scenario. */
const START = new Date('2026-06-10T09:00:00');
/** The run is set up at 09:28 and, after two minutes of checking communications, starts at 09:30 sharp. */
const RUN_SETUP = new Date('2026-06-10T09:28:00');
const DIRECTOR = '彭新浩';

const MEETING = '召开防汛会商并启动Ⅳ级应急响应';
const EVACUATE = '组织滨江村危险区群众转移';
/** The script: two expected actions, and an inject behind each that comes only if its action is not seen. */
const SCRIPT = {
  warning: {
    offset: 'T+0',
    synopsis: '气象台发布台风橙色预警',
    text: '区气象台08:50发布台风橙色预警，“海燕”预计今夜在本区沿海登陆。',
    to: '区防指办公室',
    action: MEETING,
  },
  dyke: {
    offset: 'T+2m',
    synopsis: '滨江村海水漫堤',
    text: '滨江村村委会报告：海水漫过老堤约30米，村口积水没膝。',
    to: '区防指值班室',
    action: EVACUATE,
  },
  meetingChase: {
    offset: 'T+5m',
    synopsis: '市防指追问会商情况',
    text: '市防指来电：请报告会商情况和应急响应启动情况。',
    to: '区防指办公室',
    unlessObserved: `1 · ${MEETING}`,
  },
  villagersBack: {
    offset: 'T+10m',
    synopsis: '部分群众返回村内取物',
    text: '滨江村网格员报告：约20名群众冒雨返回村内取物。',
    to: '滨江街道',
    unlessObserved: `2 · ${EVACUATE}`,
  },
  piping: {
    offset: 'T+15m',
    synopsis: '江堤出现管涌险情',
    text: '巡堤人员发现江堤桩号K3+200处出现管涌，出水浑浊。',
    to: '区防指值班室',
  },
  taskForce: {
    offset: 'T+18m',
    synopsis: '市工作组即将抵达',
    text: '市防指工作组一行5人预计30分钟后抵达区防指。',
    to: '区防指办公室',
  },
  power: {
    offset: 'T+30m',
    synopsis: '滨江变电站停电',
    text: '供电公司报告：滨江变电站进水，滨江村全村停电。',
    to: '区防指值班室',
  },
} satisfies Record<string, ScriptInject>;

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

describe('演练', () => {
  it('writes a scenario and its script, runs it at ×60 with a pause, a participant screen, contingencies and an outage, and only the director ends it', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');

    // The trainer writes the scenario and its script through the editor.
    const editor = await createScenario(page, {
      title: '“海燕”台风防御桌面推演',
      hazard: '台风',
      form: '桌面推演',
      objectives: ['检验防台风预案Ⅳ级响应启动程序', '检验危险区群众转移组织'],
      units: ['区应急管理局', '滨江街道'],
    });
    await editor.getByText('“海燕”台风防御桌面推演').first().waitFor();
    for (const item of Object.values(SCRIPT)) await addInject(page, item);
    const script = editor.getByTestId('script-table').locator('.ant-table-row');
    await expect.poll(() => script.count()).toBe(7);
    await expect
      .poll(() => script.filter({ hasText: SCRIPT.villagersBack.synopsis }).innerText())
      .toMatch(/^4\s+T\+10m[\s\S]*未响应才发/);
    await editor.getByTestId('script-table').scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '110-drill-scenario-editor');

    // A run with its director: communications checked, ×60, started; T+0 goes out at once.
    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.root.getByText(`演练总指挥：${DIRECTOR}`).waitFor();
    await drill.status('草稿');
    await drill.idle('2m');
    await drill.commsChecked();
    await drill.setSpeed(60);
    await drill.start();
    await drill.clockReads(0);
    await drill.expectStatus(SCRIPT.warning.synopsis, '已下发');
    expect(await drill.injectStatus(SCRIPT.dyke.synopsis)).toBe('待下发');

    // The players' screen shows what has been delivered, and nothing of what has not.
    const screen = await openParticipantScreen(page, session.errors);
    const players = participant(screen, page);
    await players.card(SCRIPT.warning.synopsis).getByText(SCRIPT.warning.text).waitFor();
    expect(await players.text()).not.toContain(SCRIPT.dyke.text);
    expect(await players.text()).not.toContain(SCRIPT.dyke.synopsis);

    // A pause stops the scenario clock, on both screens, for as long as it lasts.
    await drill.advance('1m');
    await drill.pause();
    await drill.idle('7.3s');
    await drill.clockReads(60_000);
    await players.clockReads(60_000);
    await drill.resume();
    await drill.clockReads(60_000);

    // T+2m reaches the players' tab without a reload; their response reaches the 导调台.
    await drill.advance('1m');
    await drill.expectStatus(SCRIPT.dyke.synopsis, '已下发');
    await players.card(SCRIPT.dyke.synopsis).getByText(SCRIPT.dyke.text).waitFor();
    await players.respond(SCRIPT.dyke.synopsis, '通知滨江街道立即组织危险区群众转移', '值班长 崔伟');
    await drill.notes.getByText('通知滨江街道立即组织危险区群众转移').waitFor();
    expect(await drill.notes.locator('.ant-list-item').first().innerText()).toMatch(
      /^09:30:09 · T\+2m\s+参演人员响应\s*2\s*值班长 崔伟：通知滨江街道/,
    );

    // The meeting is seen before T+5m: its chaser is skipped. The evacuation is not: its chaser goes out.
    await drill.markAction(SCRIPT.warning.synopsis, MEETING, '已观察到');
    await drill.advance('3m');
    await drill.expectStatus(SCRIPT.meetingChase.synopsis, '已跳过·条件未满足');
    await drill.advance('5m');
    await drill.expectStatus(SCRIPT.villagersBack.synopsis, '已下发');
    await players.card(SCRIPT.villagersBack.synopsis).waitFor();
    expect(await players.text()).not.toContain(SCRIPT.meetingChase.text);
    await drill.clockReads(10 * 60_000);
    await screenAtRest(page);
    await screenshot(page, '111-drill-console-running');

    // The 导调台 is closed for 14 scenario minutes: T+15m and T+18m fall due with no ticker to deliver them.
    await drill.outage('14m');
    await drill.overdue.getByText('2 条情景已逾期未下发').waitFor();
    const piping = drill.overdueItem(SCRIPT.piping.synopsis);
    await piping.getByText('已晚 9.0 秒').waitFor();
    await drill.overdueItem(SCRIPT.taskForce.synopsis).getByText('已晚 6.0 秒').waitFor();
    for (const action of ['立即下发', '跳过', '改期']) {
      expect(await piping.getByRole('button', { name: label(action) }).isVisible()).toBe(true);
    }
    expect(await drill.injectStatus(SCRIPT.piping.synopsis)).toBe('逾期');
    expect(await drill.injectStatus(SCRIPT.power.synopsis)).toBe('待下发');
    expect(await players.text()).not.toContain(SCRIPT.piping.text);
    await screenAtRest(page);
    await screenshot(page, '112-drill-console-overdue');

    // The controller delivers one late and skips the other; the clock runs on from where it should be.
    await piping.getByRole('button', { name: label('立即下发') }).click();
    await drill.expectStatus(SCRIPT.piping.synopsis, '已下发');
    await drill
      .overdueItem(SCRIPT.taskForce.synopsis)
      .getByRole('button', { name: label('跳过') })
      .click();
    await drill.expectStatus(SCRIPT.taskForce.synopsis, '已跳过·导调跳过');
    await drill.overdue.waitFor({ state: 'hidden' });
    expect(await drill.injectRow(SCRIPT.piping.synopsis).innerText()).toContain('9.0 秒');
    await drill.clockReads(24 * 60_000);
    await drill.advance('1m');
    expect(await drill.injectStatus(SCRIPT.power.synopsis)).toBe('待下发');
    await players.card(SCRIPT.piping.synopsis).getByText(SCRIPT.piping.text).waitFor();
    await players.clockReads(25 * 60_000);
    const shown = await players.text();
    for (const hidden of [SCRIPT.taskForce, SCRIPT.power, SCRIPT.meetingChase]) {
      expect(shown).not.toContain(hidden.text);
    }
    await players.screenshot('113-drill-participant-screen');

    // An inject the controllers write on the spot goes to the players at once.
    await drill.root.getByRole('button', { name: '临时插入情景' }).click();
    const adHoc = page.getByRole('dialog').filter({ hasText: '临时插入情景' });
    await dialogSettled(adHoc);
    await adHoc.getByLabel('事件概要').fill('转移群众自行返回');
    await adHoc.getByLabel('情况内容（注入内容）').fill('网格员报告：已转移群众中有3人自行返回村内。');
    await adHoc.getByRole('button', { name: label('保存') }).click();
    await adHoc.waitFor({ state: 'hidden' });
    await drill.expectStatus('转移群众自行返回', '已下发');
    await players.card('转移群众自行返回').getByText('已转移群众中有3人自行返回村内').waitFor();

    // Only the director may declare ENDEX; then the run has ended, on both screens and after a reload.
    expect(await drill.endexButton().isDisabled()).toBe(true);
    await drill.endexButton().hover();
    await page
      .locator('.ant-tooltip:visible')
      .getByText(`只有演练总指挥 ${DIRECTOR} 可以宣布演练结束`)
      .waitFor();
    await signIn(page, DIRECTOR);
    await expect.poll(() => drill.endexButton().isEnabled()).toBe(true);
    await drill.endex();
    await drill.root.getByText('演练已于 2026-06-10 09:30:32 结束').waitFor();
    await screen.getByTestId('run-status').getByText('已结束').waitFor();
    await page.reload();
    await drill.status('已结束');
    await drill.clockReads(25 * 60_000);
    expect(await drill.injectStatus(SCRIPT.power.synopsis)).toBe('待下发');
    await screenAtRest(page);
    await screenshot(page, '114-drill-console-ended');
    expect((await latinWords(page)).filter((w) => !['DRILL', 'ENDEX'].includes(w))).toEqual([]);
  });
});
