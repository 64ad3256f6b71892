/**
 * 整改台账 (以评促改): a problem a finished tabletop drill found becomes a corrective action on its 导调台, with a
 * responsible person from the directory and a deadline. When the desk's clock passes the end of the deadline
 * day the header of every screen (home included) alarms in red, and the next drill of the same plan shows the
 * open action while it is prepared. Closing without evidence is refused with the rule's words; closing with
 * evidence makes it 已完成, the alarm goes, and a reload keeps it closed with its history.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  addInject,
  createScenario,
  closeDrillDesk,
  openDrillDesk,
  drillConsole,
  screenAtRest,
  startRun,
  testPlanVersion,
  type DeskClock,
} from './drill-drivers';
import { actAgainIfNotTaken, animationsSettled, dialogSettled, label, openApp, signIn } from './drivers';
import { screenshot, type BrowserSession } from './harness';
import { TYPHOON } from './incident-drivers';
import { latinWords } from './plan-drivers';

const baseUrl = inject('baseUrl');
/** 09:00 on a June morning, local time of the browser: the trainer writes the scenarios. */
const START = new Date('2026-06-10T09:00:00');
/** The run is set up at 09:28 and starts at 09:30 sharp, once communications are checked. */
const RUN_SETUP = new Date('2026-06-10T09:28:00');
/** From the sample directory: the 导调组组长, a vice-mayor who holds 演练总指挥, and the 科长 of monitoring. */
const CONTROLLER = '李雨平';
const DIRECTOR = '李伟涛';
const RESPONSIBLE = '胡雪军';
const RESPONSIBLE_UNIT = '风险监测和综合减灾科';
const TESTED_VERSION = `${TYPHOON}（v1）`;
const FIRST = '“海燕”台风防御桌面推演（上半年）';
const NEXT = '“海燕”台风防御桌面推演（下半年）';
const WARNING = {
  offset: 'T+0',
  synopsis: '气象台发布台风橙色预警',
  text: '区气象台09:20发布台风橙色预警，“海燕”预计今夜在本区沿海登陆。',
  to: '区防指办公室',
};
const ISSUE = '台风橙色预警转发至街道用时42分钟，超过30分钟时限';
const MEASURE = '修订《预警信息发布与转发工作规程》，明确值班员收到预警后30分钟内转发至各街道并电话确认';
const EVIDENCE =
  '已印发修订后的《预警信息发布与转发工作规程》（示应急〔2026〕15号），6月22日组织值班员培训并复查落实到位';
const FILE = '预警信息发布与转发工作规程（2026修订）.pdf';

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

/** A scenario testing the typhoon plan; resolves with its id once saved. */
async function scenarioTestingTyphoon(title: string): Promise<string> {
  const editor = await createScenario(page, {
    title,
    hazard: '台风',
    form: '桌面推演',
    objectives: ['检验台风预警信息转发时效'],
    units: ['区应急管理局', '东湖街道办事处'],
  });
  await testPlanVersion(page, editor, TESTED_VERSION);
  return /#\/drills\/scenarios\/([\w-]+)$/.exec(page.url())![1]!;
}

/** Lets toasts shown on the standing clock time out (they count their seconds on the desk clock). */
async function settle(): Promise<void> {
  // A toast under the pointer never times out; the pointer rests off the page's content.
  await page.mouse.move(1430, 890);
  await clock.pass(5000);
  await screenAtRest(page);
}

const alarm = () => page.getByTestId('corrective-actions-tag');
const ledgerRow = () =>
  page.getByTestId('corrective-actions').locator('.ant-table-row').filter({ hasText: ISSUE });
const statusOf = (row: Locator) => row.getByTestId('action-status').innerText();

/**
 * 开始整改 on the ledger just opened. Seen once in CI under load: the click was not taken and the row stayed
 * 待整改. A person clicks again; a button that really does nothing still fails all three times.
 */
async function startRemediation(): Promise<void> {
  await actAgainIfNotTaken({
    act: async () => {
      await animationsSettled(page);
      await ledgerRow().getByRole('button', { name: '开始整改' }).click({ timeout: 5_000 });
    },
    took: () => expect.poll(() => statusOf(ledgerRow()), { timeout: 5_000 }).toBe('整改中'),
    landed: async () => (await statusOf(ledgerRow())) === '整改中',
  });
}

describe('整改台账', () => {
  it('turns a drill’s problem into a corrective action that alarms once overdue, is shown to the next drill of the plan, and closes only with evidence', async () => {
    await openApp(page, baseUrl);
    await signIn(page, CONTROLLER);

    // Two drills of the typhoon plan are written: the first half-year's, with a script, and the next one.
    const firstId = await scenarioTestingTyphoon(FIRST);
    await addInject(page, WARNING);
    const nextId = await scenarioTestingTyphoon(NEXT);
    await page.goto(`${baseUrl}#/drills/scenarios/${firstId}`);
    await page.getByTestId('scenario-editor').getByText(FIRST).first().waitFor();

    // The first drill runs and the director ends it.
    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.idle('2m');
    await drill.commsChecked();
    await drill.start();
    await drill.expectStatus(WARNING.synopsis, '已下发');
    await drill.advance('1m');
    await signIn(page, DIRECTOR);
    await drill.endex();
    // The ledger is kept by the 预案管理科, whose 科长 is the 导调组组长.
    await signIn(page, CONTROLLER);

    // On the finished run's 导调台 the problem goes on the ledger, owned by a person from the directory.
    const card = drill.root.getByTestId('run-corrective-actions');
    await card.getByText('本次演练尚无整改事项。').waitFor();
    await card.getByRole('button', { name: '列入整改台账' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新增整改事项' });
    await dialogSettled(dialog);
    await dialog.getByText(`问题来源：${FIRST}`).waitFor();
    await dialog.getByLabel('存在问题').fill(ISSUE);
    await dialog.getByLabel('整改措施').fill(MEASURE);
    await dialog.getByLabel('责任人').fill(RESPONSIBLE);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: `${RESPONSIBLE}（${RESPONSIBLE_UNIT}）` })
      .click();
    await expect.poll(() => dialog.getByLabel('责任单位').inputValue()).toBe(RESPONSIBLE_UNIT);
    await dialog.getByLabel('整改期限').fill('2026-06-20');
    await dialog.getByLabel('整改期限').press('Enter');
    await animationsSettled(page);
    await screenshot(page, '168-corrective-action-create-dialog');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const cardRow = card.locator('.ant-table-row').filter({ hasText: ISSUE });
    await cardRow.waitFor();
    expect(await statusOf(cardRow)).toBe('待整改');
    expect(await cardRow.innerText()).toContain(`${RESPONSIBLE_UNIT} / ${RESPONSIBLE}`);
    expect(await cardRow.innerText()).toContain('2026-06-20');
    await card.scrollIntoViewIfNeeded();
    await settle();
    await screenshot(page, '160-corrective-action-console');

    // The last minute of the deadline day: not overdue yet.
    await clock.freeze(new Date('2026-06-20T23:59:00'));
    await page.goto(`${baseUrl}#/drills/actions`);
    await page.getByTestId('action-filter').getByText('逾期（0）').waitFor();
    await page.getByTestId('action-filter').getByText('待整改（1）').waitFor();
    expect(await alarm().count()).toBe(0);

    // Half a minute after midnight it is overdue: the home screen's header alarms in red.
    await clock.pass(90_000);
    await openApp(page, baseUrl);
    await alarm().getByText('整改逾期 1 项').waitFor();
    expect(await alarm().evaluate((tag) => tag.className)).toContain('ant-tag-error');
    await settle();
    await screenshot(page, '161-corrective-action-home-alarm');

    // The alarm opens the ledger on 逾期: the row in red, one day overdue.
    await alarm().click();
    await expect.poll(() => page.url()).toMatch(/#\/drills\/actions\?filter=overdue$/);
    await ledgerRow().getByTestId('action-overdue').getByText('逾期 1 天').waitFor();
    expect(await ledgerRow().evaluate((row) => row.className)).toContain('corrective-action-overdue');
    expect(await page.getByTestId('corrective-actions').locator('.ant-table-row').count()).toBe(1);
    await settle();
    await screenshot(page, '162-corrective-action-ledger-overdue');

    // The next drill of the typhoon plan is prepared: its editor and its start dialog list the open action.
    await page.goto(`${baseUrl}#/drills/scenarios/${nextId}`);
    const editorAlert = page.getByTestId('scenario-editor').getByTestId('open-actions-alert');
    await editorAlert.getByText('该预案尚有 1 项整改未完成').waitFor();
    expect(await editorAlert.getByTestId('open-action').innerText()).toBe(
      `${ISSUE} — ${RESPONSIBLE_UNIT}，期限 2026-06-20逾期 1 天`,
    );
    await screenAtRest(page);
    await screenshot(page, '163-corrective-action-next-drill-editor');
    await page.getByRole('button', { name: '开始新演练' }).click();
    const start = page.getByRole('dialog').filter({ hasText: '演练总指挥' });
    await dialogSettled(start);
    await start.getByTestId('open-actions-alert').getByText('该预案尚有 1 项整改未完成').waitFor();
    await start.getByTestId('open-action').getByText(ISSUE, { exact: false }).waitFor();
    await screenshot(page, '164-corrective-action-start-dialog');
    await start.getByRole('button', { name: label('取消') }).click();
    await start.waitFor({ state: 'hidden' });

    // On the ledger: 开始整改, then 完成整改 without evidence is refused and changes nothing.
    await page.goto(`${baseUrl}#/drills/actions`);
    await startRemediation();
    await ledgerRow().getByRole('button', { name: '完成整改' }).click();
    const closing = page.getByRole('dialog').filter({ hasText: '完成整改 · 提交整改佐证' });
    await dialogSettled(closing);
    await closing.getByRole('button', { name: '确认完成' }).click();
    await closing.getByText('完成整改须提交整改佐证：请写明已采取的措施及可查的记录').waitFor();
    await closing.getByLabel('整改佐证').fill('已整改');
    await closing.getByRole('button', { name: '确认完成' }).click();
    await closing.getByText('整改佐证过于简略（不少于 10 个字），请写明做了什么、凭什么记录可查').waitFor();
    expect(await statusOf(ledgerRow())).toBe('整改中');
    await settle();
    await screenshot(page, '165-corrective-action-close-refused');

    // With evidence it closes: 已完成, and the alarm goes.
    await closing.getByLabel('整改佐证').fill(EVIDENCE);
    await closing.getByLabel('佐证材料（文件名）').fill(FILE);
    await closing.getByLabel('佐证材料（文件名）').press('Enter');
    await closing.getByRole('button', { name: '确认完成' }).click();
    await closing.waitFor({ state: 'hidden' });
    await expect.poll(() => statusOf(ledgerRow())).toBe('已完成');
    await alarm().waitFor({ state: 'detached' });
    expect(await ledgerRow().getByTestId('action-overdue').count()).toBe(0);
    await settle();
    await screenshot(page, '166-corrective-action-closed');

    // A reload keeps it closed, with who did what and when; the next drill no longer lists it.
    await page.reload();
    await expect.poll(() => statusOf(ledgerRow())).toBe('已完成');
    expect(await alarm().count()).toBe(0);
    expect(await ledgerRow().getByRole('button', { name: '完成整改' }).count()).toBe(0);
    expect(await ledgerRow().getByRole('button', { name: '编辑' }).count()).toBe(0);
    await ledgerRow().getByRole('button', { name: '整改记录' }).click();
    const history = page.getByRole('dialog').filter({ hasText: '整改记录' });
    await history.getByText(EVIDENCE).first().waitFor();
    const entries = await history
      .getByTestId('action-history-entry')
      .evaluateAll((items) => items.map((item) => (item.textContent ?? '').trim()));
    expect(entries).toEqual([
      `完成整改 · 2026-06-21 00:00 · ${CONTROLLER}${EVIDENCE}佐证材料：${FILE}`,
      `开始整改 · 2026-06-21 00:00 · ${CONTROLLER}`,
      `登记 · 2026-06-10 09:31 · ${CONTROLLER}`,
    ]);
    await history.getByText(`佐证材料：${FILE}`).first().waitFor();
    await screenAtRest(page);
    await screenshot(page, '167-corrective-action-history');
    // The file's name is data: its extension is the one Latin word allowed.
    expect(await latinWords(page)).toEqual(['pdf']);
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });

    await page.goto(`${baseUrl}#/drills/scenarios/${nextId}`);
    await page.getByTestId('scenario-form').getByText(TESTED_VERSION).waitFor();
    expect(await page.getByTestId('open-actions-alert').count()).toBe(0);
  });
});
