/**
 * 双盲演练: a trainer writes a double-blind 拉动 drill and seals it with a passphrase; the editor and the 导调台
 * ask for it after every reload. The run is armed to start at a secret moment inside a window (kept off the
 * screen; the test reads it from the journal only to step the desk clock there), starts by itself, and the
 * controllers keep the 拉动 list of who was called, who answered and who arrived, with the slowest marked.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { DATABASE } from '../bench/raw-idb';
import {
  addInject,
  createScenario,
  closeDrillDesk,
  openDrillDesk,
  drillConsole,
  startRun,
  type DeskClock,
  type ScriptInject,
} from './drill-drivers';
import { animationsSettled, dialogSettled, label, openApp, signIn } from './drivers';
import { screenshot, type BrowserSession } from './harness';
import { pick } from './incident-drivers';
import { latinWords, messageGone } from './plan-drivers';

const baseUrl = inject('baseUrl');
/** 09:00 on a June morning, local time of the browser: the trainer writes the scenario. */
const START = new Date('2026-06-10T09:00:00');
/** The run is set up at 09:28; communications are checked by 09:30. */
const RUN_SETUP = new Date('2026-06-10T09:28:00');
/** The window the start is drawn in: from three minutes after the check to a quarter to ten. */
const WINDOW = { from: '2026-06-10 09:33', to: '2026-06-10 09:45', shown: '06-10 09:33 至 06-10 09:45' };
const MINUTE = 60_000;
const TRAINER = '崔伟';
const DIRECTOR = '彭新浩';
const PASSPHRASE = '海燕-0917';
const TITLE = '“海燕”台风防御双盲拉动演练';
const FIRE = '区消防救援大队';
const HOSPITAL = '区人民医院';
const UNITS = [FIRE, HOSPITAL, '蓝天救援队'];

const SCRIPT = {
  alarm: {
    offset: 'T+0',
    synopsis: '滨江村海水漫堤',
    text: '滨江村村委会报告：海水漫过老堤约30米，村口积水没膝，约40户群众被困。',
    to: '区防指值班室',
    action: '调派救援力量赶赴滨江村',
  },
  trapped: {
    offset: 'T+20m',
    synopsis: '老人被困平房',
    text: '网格员报告：滨江村东头平房内有2名行动不便老人被困，水位仍在上涨。',
    to: '区消防救援大队',
  },
  blackout: {
    offset: 'T+40m',
    synopsis: '滨江变电站停电',
    text: '供电公司报告：滨江变电站进水，滨江村全村停电。',
    to: '区防指值班室',
  },
} satisfies Record<string, ScriptInject>;
const SECRETS = Object.values(SCRIPT).flatMap((i) => [i.synopsis, i.text]);

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

const two = (n: number) => String(n).padStart(2, '0');
/** A moment as the screens write it (the browser runs in this process's time zone). */
const hms = (ms: number) => {
  const d = new Date(ms);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
};
const mdhms = (ms: number) => {
  const d = new Date(ms);
  return `${two(d.getMonth() + 1)}-${two(d.getDate())} ${hms(ms)}`;
};

/** The passphrase prompt that stands in for a sealed scenario's script. */
const sealGate = () => page.getByTestId('seal-gate');

/** Gives the passphrase at the prompt; resolves once the prompt has gone. */
async function unlock(passphrase: string): Promise<void> {
  await sealGate().getByLabel('导调口令').fill(passphrase);
  await sealGate()
    .getByRole('button', { name: label('解锁查看') })
    .click();
  await sealGate().waitFor({ state: 'detached' });
}

/** The error antd shows under a form field. */
const fieldError = (within: Locator, text: string) =>
  within.locator('.ant-form-item-explain-error').filter({ hasText: text });

/** The seal dialog (封存方案 / 解除封存) with its passphrase fields. */
const sealDialog = (title: string) =>
  page
    .getByRole('dialog')
    .filter({ has: page.locator('.ant-modal-title', { hasText: title }) })
    .filter({ hasText: '导调口令' });

/** Everything on the screen a person could read, and everything in the page's markup. */
const pageText = async () => `${await page.locator('body').innerText()}\n${await page.content()}`;

/**
 * The armed start as the run's journal keeps it, read straight from IndexedDB (the screen never shows the drawn
 * moment): the test needs it only to know how far to step the desk clock.
 */
async function armedWindow(runId: string): Promise<{ from: number; to: number; fireAt: number }> {
  const json = await page.evaluate(
    ({ name, runId }) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('drillJournal').objectStore('drillJournal').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            const rows = request.result as { runId: string; seq: number; event: { type: string } }[];
            const arm = rows
              .filter((r) => r.runId === runId && r.event.type === 'start.arm')
              .sort((a, b) => b.seq - a.seq)[0];
            resolve(JSON.stringify(arm?.event ?? null));
          };
        };
      }),
    { name: DATABASE, runId },
  );
  const event = JSON.parse(json) as { from: number; to: number; fireAt: number } | null;
  if (!event) throw new Error('no start.arm in the journal');
  return event;
}

/** The 拉动 list: a unit's row and its buttons. */
function calloutList(page: Page) {
  const root = page.getByTestId('callout-panel');
  const row = (unit: string) =>
    root.locator('.ant-table-row').filter({ has: page.getByText(unit, { exact: true }) });
  return {
    root,
    row,
    /** The row's cells as they read, from 单位 to 已等待 (the buttons left out). */
    cells: (unit: string) =>
      row(unit)
        .locator('td')
        .evaluateAll((tds) => tds.slice(0, 6).map((td) => (td.textContent ?? '').trim())),
    async press(unit: string, button: '通知' | '已响应' | '已到达') {
      await row(unit)
        .getByRole('button', { name: label(button) })
        .click();
    },
    isSlowest: (unit: string) => row(unit).getByText('最慢', { exact: true }).isVisible(),
    async addUnit(name: string) {
      await root.getByLabel('增加单位').fill(name);
      await root.getByRole('button', { name: label('增加单位') }).click();
    },
  };
}

/**
 * Waits until no toast can be seen and nothing moves, for a screenshot. antd sometimes never removes a toast
 * whose fade-out has run its course (its leave motion never hears the end, and it sits at opacity 0 for
 * good), so a toast counts as gone once it is leaving and fully faded.
 */
async function screenQuiet(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .locator('.ant-message-notice')
          .evaluateAll(
            (notices) =>
              notices.filter(
                (n) => !n.classList.contains('ant-message-fade-leave') || getComputedStyle(n).opacity !== '0',
              ).length,
          ),
      { timeout: 10_000 },
    )
    .toBe(0);
  await animationsSettled(page);
}

/** A toast with this text is on screen. */
const toast = (text: string) =>
  page.locator('.ant-message-notice').filter({ hasText: text }).last().waitFor();

describe('双盲演练', () => {
  it('seals the scenario behind a passphrase, starts the run at a secret moment inside a window, and keeps the 拉动 list — all still there after a reload, behind the passphrase again', async () => {
    await openApp(page, baseUrl);
    await signIn(page, TRAINER);

    // The trainer writes the scenario; only once it is 双盲演练 may it be sealed.
    const editor = await createScenario(page, {
      title: TITLE,
      hazard: '台风风暴潮',
      form: '实战演练',
      objectives: ['检验应急救援队伍接到突发警情后的响应速度', '检验现场集结与指挥协同'],
      units: UNITS,
    });
    const sealButton = editor.getByRole('button', { name: '封存方案' });
    expect(await sealButton.count()).toBe(0);
    const form = editor.getByTestId('scenario-form');
    await messageGone(page, '演练方案已保存');
    await pick(page, form.getByLabel('组织方式'), '双盲演练');
    await form.getByRole('button', { name: label('保存') }).click();
    await sealButton.waitFor();
    for (const item of Object.values(SCRIPT)) await addInject(page, item);
    const script = editor.getByTestId('script-table').locator('.ant-table-row');
    await expect.poll(() => script.count()).toBe(3);

    // Sealing asks for the passphrase twice: a short one and a mismatched repeat are refused in the dialog.
    await sealButton.click();
    const seal = sealDialog('封存方案');
    await dialogSettled(seal);
    await seal.getByLabel('导调口令').fill('12345');
    await seal.getByLabel('再次输入口令').fill('12345');
    await seal.getByRole('button', { name: label('封存方案') }).click();
    await fieldError(seal, '口令至少 6 个字符').waitFor();
    await seal.getByLabel('导调口令').fill(PASSPHRASE);
    await seal.getByLabel('再次输入口令').fill('海燕-0918');
    await seal.getByRole('button', { name: label('封存方案') }).click();
    await fieldError(seal, '两次输入的口令不一致').waitFor();
    // Only the repeat is wrong now (the first field's old message may still be fading out).
    await expect.poll(() => seal.locator('.ant-form-item-has-error').count()).toBe(1);
    await seal.getByLabel('再次输入口令').fill(PASSPHRASE);
    await seal.getByRole('button', { name: label('封存方案') }).click();
    await seal.waitFor({ state: 'hidden' });
    await toast('方案已封存');

    // Sealed, the script goes out of sight at once; the passphrase opens it on this screen, 重新锁定 closes it.
    await sealGate().getByText('本方案已封存（双盲演练）').waitFor();
    await sealGate().getByText(`由 ${TRAINER} 封存`, { exact: false }).waitFor();
    expect(await editor.getByTestId('script-table').count()).toBe(0);
    await unlock(PASSPHRASE);
    await editor.getByTestId('scenario-sealed').getByText('已封存').waitFor();
    await expect.poll(() => script.count()).toBe(3);
    await editor.getByRole('button', { name: label('重新锁定') }).click();
    await sealGate().waitFor();
    expect(await editor.getByTestId('script-table').count()).toBe(0);

    // The scenario list says it is sealed, and not even how long its script is.
    await page.keyboard.press('Alt+4');
    const listRow = page.getByTestId('drills-page').locator('.ant-table-row').filter({ hasText: TITLE });
    await expect
      .poll(async () =>
        (await listRow.locator('td').allInnerTexts()).map((t) => t.trim().replace(/\s+/g, ' ')),
      )
      .toEqual([
        TITLE,
        '实战演练',
        '综合演练',
        '双盲演练已封存',
        '台风风暴潮',
        '—',
        expect.stringMatching(/^2026-06-10 09:\d\d$/),
      ]);
    await listRow.click();
    await sealGate().waitFor();

    // A reload finds the editor locked: nothing of the script on the page, a wrong passphrase refused.
    await page.reload();
    await sealGate().waitFor();
    const locked = await pageText();
    for (const secret of SECRETS) expect(locked).not.toContain(secret);
    await sealGate().getByLabel('导调口令').fill('海燕-0918');
    await sealGate()
      .getByRole('button', { name: label('解锁查看') })
      .click();
    await fieldError(sealGate(), '口令不正确').waitFor();
    await screenQuiet(page);
    await screenshot(page, '140-drill-double-blind-editor-locked');
    await unlock(PASSPHRASE);
    await expect.poll(() => script.count()).toBe(3);
    await editor.getByTestId('scenario-sealed').waitFor();

    // Removing the seal for good needs the passphrase too: a wrong one leaves it sealed.
    await editor.getByRole('button', { name: label('解除封存') }).click();
    const unseal = sealDialog('解除封存');
    await dialogSettled(unseal);
    await unseal.getByLabel('导调口令').fill('wrong-guess');
    await unseal.getByRole('button', { name: label('解除封存') }).click();
    await toast('口令不正确');
    await unseal.getByRole('button', { name: label('取消') }).click();
    await unseal.waitFor({ state: 'hidden' });
    await editor.getByTestId('scenario-sealed').waitFor();

    // A run: its 导调台 is open on this screen (the passphrase was given here); communications checked at 09:30.
    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.status('草稿');
    expect(await drill.root.getByTestId('random-start').count()).toBe(0);
    await drill.idle('2m');
    await drill.commsChecked();

    // 设定随机发起: a window already over is refused; one ahead is taken, and a moment drawn in it.
    const randomStart = drill.root.getByTestId('random-start');
    const openArming = async () => {
      await randomStart.getByRole('button', { name: label('设定随机发起') }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '窗口开始' });
      await dialogSettled(dialog);
      return dialog;
    };
    const armWindow = async (dialog: Locator, from: string, to: string) => {
      const [start, end] = [0, 1].map((n) => dialog.locator('.ant-picker-input input').nth(n));
      await start!.click();
      await start!.fill(from);
      await start!.press('Enter');
      await end!.fill(to);
      await end!.press('Enter');
      await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
      await dialog.getByRole('button', { name: label('设定随机发起') }).click();
    };
    const isArmed = () =>
      randomStart.getByText(`已设定随机发起：${WINDOW.shown} 之间，具体时刻保密，到时自动开始。`).waitFor();
    let arming = await openArming();
    await armWindow(arming, '2026-06-10 09:00', '2026-06-10 09:10');
    await fieldError(arming, '窗口已过，请设定未来的时间').waitFor();
    await armWindow(arming, WINDOW.from, WINDOW.to);
    await arming.waitFor({ state: 'hidden' });
    await isArmed();
    // Called off, and set again: the new arming draws afresh.
    await randomStart.getByRole('button', { name: label('取消随机发起') }).click();
    arming = await openArming();
    await armWindow(arming, WINDOW.from, WINDOW.to);
    await arming.waitFor({ state: 'hidden' });
    await isArmed();
    await drill.status('就绪');

    // The drawn moment lies in the window and is nowhere on the page.
    const armed = await armedWindow(runId);
    expect(armed.from).toBe(new Date(`${WINDOW.from}:00`).getTime());
    expect(armed.to).toBe(new Date(`${WINDOW.to}:00`).getTime());
    expect(armed.fireAt).toBeGreaterThanOrEqual(armed.from);
    expect(armed.fireAt).toBeLessThanOrEqual(armed.to);
    const hints = [hms(armed.fireAt), String(armed.fireAt), new Date(armed.fireAt).toISOString()];
    // Its minute too, unless the page shows that minute anyway (a bound of the window, the time now).
    const minute = hms(armed.fireAt).slice(0, 5);
    if (!['09:30', '09:33', '09:45'].includes(minute)) hints.push(minute);
    const shown = await pageText();
    for (const hint of hints) expect(shown).not.toContain(hint);
    await drill.idle('5s');
    await screenQuiet(page);
    await screenshot(page, '141-drill-double-blind-console-armed');
    const shownLater = await pageText();
    for (const hint of hints) expect(shownLater).not.toContain(hint);

    // Ten seconds after the drawn moment the ticker has started the run by itself, and says when and how.
    const startedAt = armed.fireAt + 10_000;
    await clock.pass(startedAt - (RUN_SETUP.getTime() + 2 * MINUTE + 5_000));
    await drill.status('进行中');
    const fired = `随机发起：计划 ${mdhms(armed.fireAt)}，实际 ${mdhms(startedAt)}（窗口 ${WINDOW.shown}）`;
    await randomStart.getByText(fired, { exact: true }).waitFor();
    await drill.clockReads(0);
    await drill.expectStatus(SCRIPT.alarm.synopsis, '已下发');
    expect(await drill.injectStatus(SCRIPT.trapped.synopsis)).toBe('待下发');

    // 拉动: the fire brigade is called at once, the hospital a minute later; each counts from its own call.
    const callout = calloutList(page);
    await expect
      .poll(() => callout.root.locator('.ant-table-row').allInnerTexts())
      .toEqual(UNITS.map((unit) => expect.stringMatching(new RegExp(`^${unit}\\s+待通知`))));
    await callout.press(FIRE, '通知');
    await expect
      .poll(() => callout.cells(FIRE))
      .toEqual([FIRE, '已通知最慢', hms(startedAt), '—', '—', '0 分钟']);
    await clock.pass(MINUTE);
    await callout.press(HOSPITAL, '通知');
    await expect
      .poll(() => callout.cells(HOSPITAL))
      .toEqual([HOSPITAL, '已通知', hms(startedAt + MINUTE), '—', '—', '0 分钟']);

    // The brigade calls back at 4 minutes; the hospital's team turns up at 6 without calling first.
    await clock.pass(3 * MINUTE);
    await callout.press(FIRE, '已响应');
    await expect
      .poll(() => callout.cells(FIRE))
      .toEqual([FIRE, '已响应最慢', hms(startedAt), '4 分钟', '—', '4 分钟']);
    await clock.pass(3 * MINUTE);
    await callout.press(HOSPITAL, '已到达');
    await expect
      .poll(() => callout.cells(HOSPITAL))
      .toEqual([HOSPITAL, '已到达', hms(startedAt + MINUTE), '6 分钟', '6 分钟', '—']);

    // Records out of order are refused with the reason: a unit with no name, a brigade called again after it answered.
    await callout.addUnit('');
    await toast('请填写单位名称（60 字以内）');
    await callout.addUnit(FIRE);
    await toast('该单位已响应或到达，不能再记录通知');
    expect(await callout.cells(FIRE)).toEqual([FIRE, '已响应最慢', hms(startedAt), '4 分钟', '—', '7 分钟']);
    // A unit not on the list is called in as well.
    await callout.addUnit('市矿山救护队');
    await expect
      .poll(() => callout.cells('市矿山救护队'))
      .toEqual(['市矿山救护队', '已通知', hms(startedAt + 7 * MINUTE), '—', '—', '0 分钟']);

    // Three minutes on the brigade is still out, the slowest, at 10 minutes; the 蓝天救援队 was never called.
    await clock.pass(3 * MINUTE);
    await expect
      .poll(() => callout.cells(FIRE))
      .toEqual([FIRE, '已响应最慢', hms(startedAt), '4 分钟', '—', '10 分钟']);
    expect(await callout.isSlowest(HOSPITAL)).toBe(false);
    expect(await callout.cells('蓝天救援队')).toEqual(['蓝天救援队', '待通知', '—', '—', '—', '—']);
    await drill.clockReads(10 * MINUTE);
    await callout.root.scrollIntoViewIfNeeded();
    // A toast written just after the clock last moved counts its seconds from there.
    await drill.idle('5s');
    await screenQuiet(page);
    await screenshot(page, '142-drill-double-blind-callout');

    // A reload locks the 导调台 again: only the prompt, nothing of the script, the start or the list.
    await page.reload();
    await sealGate().waitFor();
    await drill.root.getByText(`演练总指挥：${DIRECTOR}`).waitFor();
    for (const part of ['random-start', 'callout-panel', 'inject-timeline', 'drill-clock-bar']) {
      expect(await drill.root.getByTestId(part).count()).toBe(0);
    }
    const lockedConsole = await pageText();
    for (const secret of SECRETS) expect(lockedConsole).not.toContain(secret);
    await screenQuiet(page);
    await screenshot(page, '143-drill-double-blind-console-locked');

    // The passphrase opens it, and everything is where it was; the run went on while it was locked.
    await unlock(PASSPHRASE);
    await drill.status('进行中');
    await randomStart.getByText(fired, { exact: true }).waitFor();
    await drill.expectStatus(SCRIPT.alarm.synopsis, '已下发');
    await expect
      .poll(() => callout.cells(FIRE))
      .toEqual([FIRE, '已响应最慢', hms(startedAt), '4 分钟', '—', '10 分钟']);
    expect(await callout.cells(HOSPITAL)).toEqual([
      HOSPITAL,
      '已到达',
      hms(startedAt + MINUTE),
      '6 分钟',
      '6 分钟',
      '—',
    ]);
    expect(await callout.cells('市矿山救护队')).toEqual([
      '市矿山救护队',
      '已通知',
      hms(startedAt + 7 * MINUTE),
      '—',
      '—',
      '3 分钟',
    ]);
    await clock.pass(MINUTE);
    await expect
      .poll(() => callout.cells(FIRE))
      .toEqual([FIRE, '已响应最慢', hms(startedAt), '4 分钟', '—', '11 分钟']);
    await callout.press(FIRE, '已到达');
    await expect
      .poll(() => callout.cells(FIRE))
      .toEqual([FIRE, '已到达最慢', hms(startedAt), '4 分钟', '11 分钟', '—']);
    expect((await latinWords(page)).filter((w) => !['DRILL', 'ENDEX'].includes(w))).toEqual([]);
  });
});
