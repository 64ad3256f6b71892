/**
 * User-intent helpers for 演练: a trainer writing a scenario and its script, the 导调台 run on a clock the test
 * holds, and the 参演人员界面 in a second tab.
 *
 * While a drill runs the desk's clock is frozen (`page.clock.setFixedTime`) and stepped by the test. After
 * `clock.install` the fake clock follows real time, and at ×60 every real second the test spends (a dialog, a
 * reload) would move the scenario a minute; frozen, the scenario moves only when the test says so and the
 * screens read exact times. Timers, animation frames and antd's motion keep running on real time, so the ticker
 * still wakes, reads the new time and delivers what fell due. antd's toasts count their 3 seconds on `Date.now`,
 * so one shown while the clock stands goes only once the test has moved the clock on by that much.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { actAgainIfNotTaken, animationsSettled, dialogSettled, label } from './drivers';
import { launchBrowser, screenshot as shoot, type BrowserSession } from './harness';
import { pick, pickPerson } from './incident-drivers';
import { messageGone } from './plan-drivers';

/** A fresh browser for one drill test, its desk clock frozen at `start`. */
export async function openDrillDesk(
  start: Date,
): Promise<{ session: BrowserSession; page: Page; clock: DeskClock }> {
  const session = await launchBrowser();
  return { session, page: session.page, clock: await deskClock(session.page, start) };
}

/** Closes the test's browser; the test fails if the page logged an error on the way. */
export async function closeDrillDesk(session: BrowserSession): Promise<void> {
  try {
    expect(session.errors).toEqual([]);
  } finally {
    await session.close();
  }
}

/**
 * The plan version the scenario open in the editor tests (检验的预案版本): picked, saved, and the save confirmed
 * (an earlier save's toast is waited out first, so the one awaited is this save's).
 */
export async function testPlanVersion(page: Page, editor: Locator, version: string): Promise<void> {
  const form = editor.getByTestId('scenario-form');
  await messageGone(page, '演练方案已保存');
  await pick(page, form.getByLabel('检验的预案版本'), version);
  await form.getByLabel('检验的预案版本').press('Escape');
  await form.locator(`.ant-select-selection-item[title="${version}"]`).waitFor();
  await form.getByRole('button', { name: label('保存') }).click();
  await page.locator('.ant-message-notice').filter({ hasText: '演练方案已保存' }).first().waitFor();
}

/** Long enough for the ticker (which wakes at least once a second) to write and the screens to follow. */
const TICK = { timeout: 10_000 };

/** "5m", "90s", "7.3s" → milliseconds. */
export function span(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(m|s)$/.exec(text);
  if (!m) throw new Error(`unreadable span ${text}`);
  return Math.round(Number(m[1]) * (m[2] === 'm' ? 60_000 : 1000));
}

/** Scenario time as the 导调台 shows it: T+00:05:00. */
export function clockText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `T+${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** A script offset as the screens write it: T+0, T+2m, T+1h20m. */
function offsetMs(text: string): number {
  if (text.trim() === 'T+0') return 0;
  const m = /^T\+(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (!m) return Number.NaN;
  return (Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60_000 + Number(m[3] ?? 0) * 1000;
}

/**
 * The desk's clock: it runs on from `start` while the scenario is written (so toasts close), and stands still
 * from `freeze` on, moved only by `pass`.
 */
export async function deskClock(page: Page, start: Date) {
  let now: number | null = null;
  await page.clock.install({ time: start });
  return {
    async freeze(at: Date) {
      now = at.getTime();
      await page.clock.setFixedTime(now);
    },
    async pass(ms: number) {
      if (now === null) throw new Error('freeze the clock first');
      now += ms;
      await page.clock.setFixedTime(now);
    },
  };
}
export type DeskClock = Awaited<ReturnType<typeof deskClock>>;

export interface ScenarioBasics {
  title: string;
  hazard: string;
  form: '桌面推演' | '实战演练';
  objectives: string[];
  units: string[];
}

/** 演练 → 新建演练方案: fills 方案信息 and saves; resolves on the scenario's own page. */
export async function createScenario(page: Page, basics: ScenarioBasics): Promise<Locator> {
  await page.keyboard.press('Alt+4');
  await page.getByRole('button', { name: '新建演练方案' }).click();
  const form = page.getByTestId('scenario-form');
  await form.getByLabel('演练名称').fill(basics.title);
  await form.getByLabel('灾种 / 事件类型').fill(basics.hazard);
  await pick(page, form.getByLabel('演练形式'), basics.form);
  for (const [field, items] of [
    ['演练目标', basics.objectives],
    ['参演单位', basics.units],
  ] as const) {
    for (const item of items) {
      await form.getByLabel(field).fill(item);
      await form.getByLabel(field).press('Enter');
    }
  }
  await form.getByRole('button', { name: label('保存') }).click();
  await expect.poll(() => page.url()).toMatch(/#\/drills\/scenarios\/(?!new)[\w-]+$/);
  const editor = page.getByTestId('scenario-editor');
  await editor.getByText('演练脚本（情景事件清单）').waitFor();
  return editor;
}

export interface ScriptInject {
  offset: string;
  synopsis: string;
  text: string;
  to: string;
  action?: string;
  /** The expected action (as "序号 · 行动") whose observation cancels this inject. */
  unlessObserved?: string;
}

/** 新增情景: one row of the script, saved at once. */
export async function addInject(page: Page, inject: ScriptInject): Promise<void> {
  await page.getByRole('button', { name: '新增情景' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '新增情景' });
  await dialogSettled(dialog);
  await dialog.getByLabel('情景时间', { exact: true }).fill(inject.offset);
  await dialog.getByLabel('事件概要').fill(inject.synopsis);
  await dialog.getByLabel('情况内容（注入内容）').fill(inject.text);
  await dialog.getByLabel('发送方（模拟）').fill('导调组');
  await dialog.getByLabel('接收方').fill(inject.to);
  if (inject.action) {
    await dialog.getByRole('button', { name: '增加预期行动' }).click();
    await dialog.getByLabel('预期行动').fill(inject.action);
  }
  if (inject.unlessObserved) {
    await pick(page, dialog.getByLabel('条件触发'), '若未观察到该预期行动则下发，否则跳过');
    await pick(page, dialog.getByLabel('条件对象'), inject.unlessObserved);
  }
  await dialog.getByRole('button', { name: label('保存') }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page
    .getByTestId('script-table')
    .locator('.ant-table-row')
    .filter({ hasText: inject.synopsis })
    .waitFor();
}

/** 开始新演练 with its 演练总指挥; resolves with the new run's id, on its 导调台. */
export async function startRun(page: Page, director: string): Promise<string> {
  await page.getByRole('button', { name: '开始新演练' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '演练总指挥' });
  await dialogSettled(dialog);
  await pickPerson(page, dialog.getByLabel('演练总指挥'), director);
  await dialog.getByRole('button', { name: '开始新演练' }).click();
  await page.getByTestId('drill-console').waitFor();
  return /#\/drills\/runs\/([\w-]+)$/.exec(page.url())![1]!;
}

/**
 * The 导调台 of one run, on the desk's clock. It keeps the scenario time it expects; each step checks the
 * screen agrees, and waits until the ticker has settled every inject that fell due before taking the next.
 */
export function drillConsole(page: Page, clock: DeskClock, runId: string, baseUrl: string) {
  const root = page.getByTestId('drill-console');
  const timeline = root.getByTestId('inject-timeline');
  const overdue = root.getByTestId('overdue-panel');
  let scenarioMs = 0;
  let speed = 1;
  let isRunning = false;
  const button = (name: string) =>
    root.getByTestId('drill-clock-bar').getByRole('button', { name: label(name) });
  const status = (text: string) => root.getByTestId('run-status').getByText(text, { exact: true }).waitFor();
  const clockReads = (ms: number) =>
    expect.poll(() => root.getByTestId('scenario-clock').innerText(), TICK).toBe(clockText(ms));

  /** Every inject whose time has come is no longer 待下发 (delivered, skipped, or held as overdue). */
  const settled = () =>
    expect
      .poll(async () => {
        const offsets = await timeline
          .locator('.inject-row-pending')
          .evaluateAll((rows) =>
            rows.map((r) =>
              [...r.querySelectorAll('td')].map((td) => td.textContent ?? '').find((t) => t.startsWith('T+')),
            ),
          );
        return offsets.filter((o) => o !== undefined && offsetMs(o) <= scenarioMs);
      }, TICK)
      .toEqual([]);

  const injectRow = (synopsis: string) => timeline.locator('.ant-table-row').filter({ hasText: synopsis });
  return {
    root,
    timeline,
    overdue,
    injectRow,
    notes: root.getByTestId('run-notes'),
    status,
    clockReads,
    /** The status tag of an inject's row, as it reads. */
    injectStatus: (synopsis: string) => injectRow(synopsis).getByTestId('inject-status').innerText(),
    /** Waits until an inject's status tag reads `text` (the ticker wakes at least once a second). */
    expectStatus: (synopsis: string, text: string) =>
      expect.poll(() => injectRow(synopsis).getByTestId('inject-status').innerText(), TICK).toBe(text),
    async commsChecked() {
      await button('通信检查完成').click();
      await status('就绪');
    },
    async setSpeed(to: number) {
      // A clock notice appearing above the console moves the open list under the click (seen in CI).
      const shown = root.getByTestId('drill-clock-bar').getByTitle(`×${to}`);
      await actAgainIfNotTaken({
        act: () => pick(page, root.getByLabel('倍速'), `×${to}`),
        took: () => shown.waitFor({ timeout: 10_000 }),
        landed: () => shown.isVisible(),
      });
      speed = to;
    },
    async start() {
      await button('开始演练').click();
      await status('进行中');
      isRunning = true;
      await settled();
    },
    async pause() {
      await button('暂停').click();
      await status('暂停');
      isRunning = false;
    },
    async resume() {
      await button('继续').click();
      await status('进行中');
      isRunning = true;
    },
    /** Scenario time passes in steps of one minute (one real second at ×60), as the ticker would see it. */
    async advance(text: string) {
      for (let left = span(text); left > 0; left -= 60_000) {
        const step = Math.min(60_000, left);
        await clock.pass(step / speed);
        if (isRunning) scenarioMs += step;
        await clockReads(scenarioMs);
        await settled();
      }
    },
    /** Real time passes on the desk with nothing between (the clock paused, or the screen idle). */
    async idle(text: string) {
      await clock.pass(span(text));
      if (isRunning) scenarioMs += span(text) * speed;
    },
    /** The 导调台 is closed (a crash, a power cut) while `text` of scenario time passes, then opened again. */
    async outage(text: string) {
      await page.goto('about:blank');
      await clock.pass(span(text) / speed);
      if (isRunning) scenarioMs += span(text);
      await page.goto(`${baseUrl}#/drills/runs/${runId}`);
      await root.waitFor();
      await clockReads(scenarioMs);
    },
    /** Expands a delivered inject and marks its expected action 已观察到 / 超时完成 / 未观察到. */
    async markAction(synopsis: string, action: string, mark: '已观察到' | '超时完成' | '未观察到') {
      await injectRow(synopsis).getByRole('button', { name: '展开行' }).click();
      const actions = timeline.getByTestId('expected-actions').filter({ hasText: action });
      await actions.getByRole('button', { name: label(mark) }).click();
      await actions
        .locator('.ant-tag')
        .getByText(new RegExp(`^${mark} \\d{2}:\\d{2}:\\d{2}$`))
        .waitFor();
    },
    /** An overdue inject's line in the panel. */
    overdueItem: (synopsis: string) => overdue.getByTestId('overdue-inject').filter({ hasText: synopsis }),
    endexButton: () => button('宣布演练结束（ENDEX）'),
    async endex() {
      const confirm = page.locator('.ant-popconfirm:visible').filter({ hasText: '确定宣布演练结束吗' });
      const ended = root.getByTestId('run-status').getByText('已结束', { exact: true });
      // As with the speed: a clock notice appearing above moves the pop-over's 确定 under the click.
      await actAgainIfNotTaken({
        act: async () => {
          if (!(await confirm.isVisible())) await button('宣布演练结束（ENDEX）').click();
          await confirm.getByRole('button', { name: label('确定') }).click();
        },
        took: () => ended.waitFor({ timeout: 10_000 }),
        landed: () => ended.isVisible(),
      });
      isRunning = false;
    },
  };
}

/**
 * Waits until the toasts have gone and nothing moves, so a screenshot shows the screen at rest. A toast
 * already leaving counts as gone: antd's leave motion now and then never ends under load (seen in CI, a
 * toast still in the page after 10 s), and it only decides how a screenshot looks.
 */
export async function screenAtRest(page: Page): Promise<void> {
  const standing = () =>
    page.evaluate(
      () =>
        [...document.querySelectorAll('.ant-message-notice')].filter((n) => !n.closest('[class*="-leave"]'))
          .length,
    );
  await expect.poll(standing, { timeout: 30_000 }).toBe(0);
  await animationsSettled(page);
}

/** The 参演人员界面 opened from the 导调台 (a new tab in the browser, a window on the desktop). */
export async function openParticipantScreen(page: Page, errors: string[]): Promise<Page> {
  const [screen] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByTestId('drill-clock-bar').getByRole('button', { name: '打开参演人员界面' }).click(),
  ]);
  screen.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`participant: ${msg.text()}`);
  });
  screen.on('pageerror', (error) => errors.push(`participant: ${String(error)}`));
  await screen.getByTestId('participant-screen').waitFor();
  await page.bringToFront();
  return screen;
}

/**
 * The players' screen. Chromium throttles the timers of a tab that is not in front (to once a second), which
 * would slow every animation there to a crawl, so whichever screen the test uses is brought to the front; on
 * the desktop both are windows in sight (the 导调台 and the projector).
 */
export function participant(screen: Page, desk: Page) {
  const card = (synopsis: string) => screen.getByTestId('participant-inject').filter({ hasText: synopsis });
  return {
    card,
    clockReads: (ms: number) =>
      expect.poll(() => screen.getByTestId('participant-clock').innerText(), TICK).toBe(clockText(ms)),
    text: () => screen.locator('body').innerText(),
    /** A player's decision typed under the inject it answers. */
    async respond(synopsis: string, text: string, author: string) {
      await screen.bringToFront();
      await card(synopsis).getByLabel('决策与响应').fill(text);
      await card(synopsis).getByLabel('响应人 / 岗位').fill(author);
      await card(synopsis)
        .getByRole('button', { name: label('提交') })
        .click();
      await card(synopsis).getByText(`${author}：${text}`).waitFor();
      await desk.bringToFront();
    },
    async screenshot(name: string) {
      await screen.bringToFront();
      await screenAtRest(screen);
      await shoot(screen, name);
      await desk.bringToFront();
    },
  };
}
