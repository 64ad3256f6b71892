/**
 * 演练评估: a short tabletop run at ×60 in which an evaluator writes an observation on an inject and a controller
 * marks one expected action seen and one not; once the director declares ENDEX the 导调台 shows the run's own
 * figures, and after 转入评估 two evaluators, each signed in as themselves, rate capabilities on P/S/M/U. Every
 * rating is kept apart and combined with the share rated; a reload keeps it all; 归档 makes it read-only.
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
  type DeskClock,
} from './drill-drivers';
import { label, openApp, signIn } from './drivers';
import { screenshot, type BrowserSession } from './harness';
import { pick } from './incident-drivers';
import { latinWords } from './plan-drivers';
import {
  CONTROLLER,
  DIRECTOR,
  EVACUATE,
  EVALUATOR_A,
  EVALUATOR_B,
  REPORT,
  RUN_SETUP,
  SCRIPT,
  START,
} from './hazmat-tabletop';
const baseUrl = inject('baseUrl');

const WARNING = '预警与信息报告';
const MOBILISATION = '紧急动员';
const PUBLIC_INFO = '信息公开';
/** The 关键任务 the controller writes for 信息公开 before the run; evaluators rate against it. */
const PUBLIC_INFO_TASK = '首条权威信息经区领导审定后1小时内发布';
const GRADE = { P: 'P 顺利完成', S: 'S 基本完成', M: 'M 勉强完成' } as const;

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

/**
 * Picks an option and waits until its list has closed: lists of P/S/M/U under every capability have the same
 * options, and one still fading out would offer its own to the next pick.
 */
async function choose(select: Locator, option: string): Promise<void> {
  await pick(page, select, option);
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** Clears a select that allows it (its × shows while the pointer is over it); nothing to do when empty. */
async function clear(within: Locator, name: string): Promise<void> {
  const root = within.locator('.ant-select').filter({ has: page.getByLabel(name, { exact: true }) });
  const value = root.locator('.ant-select-content-has-value');
  if ((await value.count()) === 0) return;
  await root.hover();
  await root.locator('.ant-select-clear').click();
  await value.waitFor({ state: 'detached' });
}

/** 关键任务 in the scenario's basics: one capability's panel opened, one task added to it, saved. */
async function addCriticalTask(editor: Locator, capability: string, task: string): Promise<void> {
  const form = editor.getByTestId('scenario-form');
  const panel = form
    .getByTestId('critical-tasks')
    .locator('.ant-collapse-item')
    .filter({ has: page.locator('.ant-collapse-header', { hasText: capability }) });
  await panel.locator('.ant-collapse-header').click();
  await panel.getByRole('button', { name: '增加关键任务' }).click();
  await panel.getByLabel(`${capability} 关键任务 1`, { exact: true }).fill(task);
  await form.getByRole('button', { name: label('保存') }).click();
}

/** After a reload of the editor, 信息公开's panel lists the task written before it. */
async function addedTaskShows(editor: Locator): Promise<void> {
  const tasks = editor.getByTestId('critical-tasks');
  await tasks.getByText('信息公开（1 条）').click();
  await expect
    .poll(() => tasks.getByLabel(`${PUBLIC_INFO} 关键任务 1`, { exact: true }).inputValue())
    .toBe(PUBLIC_INFO_TASK);
}

/** 演练数据（自动统计）: its figures by label, and the table's rows as they read. */
function runMetrics(root: Locator) {
  const card = root.getByTestId('run-metrics');
  return {
    card,
    figure: (name: string) =>
      card
        .locator('.ant-descriptions-item')
        .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${name}$`) }) })
        .locator('.ant-descriptions-item-content')
        .innerText(),
    rows: () =>
      card
        .locator('.ant-table-row')
        .evaluateAll((rows) =>
          rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())),
        ),
  };
}

/** 评估（P/S/M/U）: one capability's row, the signed-in person's select on it, and the observation box. */
function evaluation(root: Locator) {
  const card = root.getByTestId('evaluation');
  const row = (capability: string) =>
    card.locator('.ant-table-row').filter({ has: page.getByText(capability, { exact: true }) });
  const mine = (capability: string) => card.getByLabel(`我的评定 ${capability}`, { exact: true });
  return {
    card,
    row,
    mine,
    /** [评估项目, 我的评定 (the choice, or the placeholder 评定), 各评估人员评定, 平均分] */
    cells: (capability: string) =>
      row(capability)
        .locator('td')
        .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').trim())),
    /** Waits until every capability's 我的评定 is read-only (all twelve of AQ/T 9009). */
    async allMineDisabled() {
      const selects = card.getByRole('combobox', { name: /^我的评定 / });
      await expect.poll(() => selects.count()).toBe(12);
      for (const select of await selects.all()) {
        await expect.poll(() => select.isDisabled()).toBe(true);
      }
    },
    /** The signed-in person rates a capability; resolves once their tag shows it. */
    async rate(capability: string, grade: string, name: string) {
      await choose(mine(capability), grade);
      await row(capability).locator('.ant-tag').getByText(`${name}：${grade}`, { exact: true }).waitFor();
    },
    /** An observation on a capability and, when given, an inject (as "序号 · 概要"); Enter saves it. */
    async observe(capability: string, injectOption: string | null, text: string) {
      await choose(card.getByLabel('评估项目', { exact: true }), capability);
      const injects = card.getByLabel('关联情景（可选）', { exact: true });
      if (injectOption) await choose(injects, injectOption);
      else await clear(card, '关联情景（可选）');
      const box = card.getByLabel('评估观察', { exact: true });
      await box.fill(text);
      await box.press('Enter');
      await expect.poll(() => box.inputValue()).toBe('');
    },
  };
}

describe('演练评估', () => {
  it('measures a run by itself once it is over, and keeps each evaluator’s P/S/M/U ratings apart beside their mean, through a reload, read-only once archived', async () => {
    await openApp(page, baseUrl);
    await signIn(page, CONTROLLER);

    const editor = await createScenario(page, {
      title: '化工园区液氯泄漏桌面推演',
      hazard: '危险化学品泄漏',
      form: '桌面推演',
      objectives: ['检验危化品泄漏信息报告时效', '检验下风向群众疏散组织'],
      units: ['区应急管理局', '安澜街道', '区委宣传部'],
    });
    for (const item of Object.values(SCRIPT)) await addInject(page, item);
    await expect.poll(() => editor.getByTestId('script-table').locator('.ant-table-row').count()).toBe(3);

    // 信息公开 gets one 关键任务 of the drill's own; a reload shows it saved with the scenario.
    await addCriticalTask(editor, PUBLIC_INFO, PUBLIC_INFO_TASK);
    await editor.getByTestId('critical-tasks').getByText('信息公开（1 条）').waitFor();
    await page.reload();
    await addedTaskShows(editor);

    // Communications checked at 09:30, ×60, started: T+0 goes out at once.
    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.idle('2m');
    await drill.commsChecked();
    await drill.setSpeed(60);
    await drill.start();
    await drill.expectStatus(SCRIPT.leak.synopsis, '已下发');
    const screen = await openParticipantScreen(page, session.errors);
    const players = participant(screen, page);
    const evaluated = evaluation(drill.root);
    const metrics = runMetrics(drill.root);

    // While the drill runs there is nothing to rate yet and no figures: only observations.
    await evaluated.card.waitFor();
    expect(await metrics.card.count()).toBe(0);
    expect(await evaluated.mine(WARNING).isDisabled()).toBe(true);

    // T+1m: an evaluator notes what the duty room did with the first report, on its inject.
    await drill.advance('1m');
    await signIn(page, EVALUATOR_A);
    await evaluated.observe(
      WARNING,
      `1 · ${SCRIPT.leak.synopsis}`,
      '值班员3分钟内电话报告带班领导，书面报告未同步上报',
    );
    await expect
      .poll(() => drill.notes.locator('.ant-list-item').first().innerText())
      .toMatch(
        /^09:30:01 · T\+1m\s+评估观察 · 预警与信息报告\s*1\s*胡雪军：值班员3分钟内电话报告带班领导，书面报告未同步上报$/,
      );

    // The controller marks the report seen at T+3m and the evacuation not seen at T+4m; T+5m goes out.
    await signIn(page, CONTROLLER);
    await drill.advance('1m');
    await drill.expectStatus(SCRIPT.smell.synopsis, '已下发');
    await drill.advance('1m');
    await drill.markAction(SCRIPT.leak.synopsis, REPORT, '已观察到');
    await drill.advance('1m');
    await drill.markAction(SCRIPT.smell.synopsis, EVACUATE, '未观察到');
    await drill.advance('1m');
    await drill.expectStatus(SCRIPT.press.synopsis, '已下发');

    // T+6m: the players answer the press inject from their screen; its action is left unevaluated.
    await drill.advance('1m');
    await players.card(SCRIPT.press.synopsis).waitFor();
    await players.respond(SCRIPT.press.synopsis, '宣传部起草首条情况通报，报区领导审定', '宣传部 王科长');
    await drill.notes.getByText('宣传部起草首条情况通报').waitFor();
    await drill.advance('1m');
    await drill.notes.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '150-drill-evaluation-observation');

    // The director declares ENDEX at T+7m: the figures are the run's own.
    await signIn(page, DIRECTOR);
    await drill.endex();
    await drill.root.getByText('演练已于 2026-06-10 09:30:07 结束').waitFor();
    await metrics.card.waitFor();
    expect(await metrics.figure('情景')).toBe('已下发 3 条，跳过 0 条，未下发 0 条');
    expect(await metrics.figure('预期行动')).toBe('共 3 项：达成 1，超时 0，未达成 1，未评估 1');
    expect(await metrics.figure('评估覆盖率')).toBe('67%');
    expect(await metrics.figure('首次响应用时（情景时间）')).toBe(
      '2 条有响应，中位 1 分 0 秒，最长 3 分 0 秒',
    );
    expect(await metrics.rows()).toEqual([
      ['1', SCRIPT.leak.synopsis, '已下发', '09:30:00', '0.0 秒', '09:30:03', '3 分 0 秒', '已观察到'],
      ['2', SCRIPT.smell.synopsis, '已下发', '09:30:02', '0.0 秒', '—', '—', '未观察到'],
      ['3', SCRIPT.press.synopsis, '已下发', '09:30:05', '0.0 秒', '09:30:06', '1 分 0 秒', '未评估'],
    ]);
    // Toasts count their seconds on the desk clock, which stands still now unless moved.
    await drill.idle('5s');
    await metrics.card.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '151-drill-run-metrics');

    // 转入评估; nobody has rated anything yet.
    await drill.root
      .getByTestId('drill-clock-bar')
      .getByRole('button', { name: label('转入评估') })
      .click();
    await drill.status('评估中');
    await evaluated.card.getByText('已评定 0/12 项').waitFor();
    expect(await evaluated.cells(WARNING)).toEqual([WARNING, '评定', '未评定', '—']);
    await expect.poll(() => evaluated.mine(WARNING).isEnabled()).toBe(true);

    // The first evaluator rates 预警与信息报告 P.
    await signIn(page, EVALUATOR_A);
    await evaluated.rate(WARNING, GRADE.P, EVALUATOR_A);
    await evaluated.card.getByText('已评定 1/12 项').waitFor();

    // The second sees the other's rating but not as their own, rates it M and 紧急动员 S, and observes after the run.
    await signIn(page, EVALUATOR_B);
    await expect
      .poll(() => evaluated.cells(WARNING))
      .toEqual([WARNING, '评定', `${EVALUATOR_A}：${GRADE.P}`, '100']);
    await evaluated.rate(WARNING, GRADE.M, EVALUATOR_B);
    await evaluated.rate(MOBILISATION, GRADE.S, EVALUATOR_B);
    await evaluated.observe(MOBILISATION, null, '疏散指令经街道转达用时过长，社区网格员未及时到位');
    await expect
      .poll(() => drill.notes.locator('.ant-list-item').first().innerText())
      .toMatch(/^09:30:12 · T\+7m\s+评估观察 · 紧急动员\s*江天成：疏散指令经街道转达用时过长/);

    const expectRatings = async (me: string, mine: Record<string, string>) => {
      await expect
        .poll(() => evaluated.cells(WARNING))
        .toEqual([
          WARNING,
          mine[WARNING] ?? '评定',
          `${EVALUATOR_A}：${GRADE.P}${EVALUATOR_B}：${GRADE.M}`,
          '80',
        ]);
      expect(await evaluated.cells(MOBILISATION)).toEqual([
        MOBILISATION,
        mine[MOBILISATION] ?? '评定',
        `${EVALUATOR_B}：${GRADE.S}`,
        '80',
      ]);
      expect(await evaluated.cells('指挥与协调')).toEqual(['指挥与协调', '评定', '未评定', '—']);
      await evaluated.card.getByText('已评定 2/12 项').waitFor();
      expect(await evaluated.card.locator('.ant-progress').innerText()).toBe('17%');
      expect(await evaluated.card.getByTestId('evaluation-score').innerText()).toBe('已评定项目平均分：80');
      await page.getByTestId('operator').getByText(me).waitFor();
    };
    await expectRatings(EVALUATOR_B, { [WARNING]: GRADE.M, [MOBILISATION]: GRADE.S });
    await drill.idle('5s');
    await evaluated.card.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '152-drill-evaluation-rated');

    // The evaluators rate 信息公开 against its 关键任务, numbered under its name.
    const tasks = evaluated.row(PUBLIC_INFO).getByRole('list', { name: `${PUBLIC_INFO} 的关键任务` });
    expect(await tasks.getByRole('listitem').allInnerTexts()).toEqual([PUBLIC_INFO_TASK]);
    await evaluated.row(PUBLIC_INFO).scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '154-drill-evaluation-critical-tasks');

    // A reload keeps the ratings, whose they are, the figures and the observations.
    await page.reload();
    await drill.status('评估中');
    await expectRatings(EVALUATOR_B, { [WARNING]: GRADE.M, [MOBILISATION]: GRADE.S });
    expect(await metrics.figure('预期行动')).toBe('共 3 项：达成 1，超时 0，未达成 1，未评估 1');
    await drill.notes.getByText('值班员3分钟内电话报告带班领导', { exact: false }).waitFor();
    await signIn(page, EVALUATOR_A);
    await expectRatings(EVALUATOR_A, { [WARNING]: GRADE.P });

    // 归档: ratings and observations are closed; what was rated stays.
    await drill.root
      .getByTestId('drill-clock-bar')
      .getByRole('button', { name: label('归档') })
      .click();
    const confirm = page
      .locator('.ant-popconfirm')
      .filter({ hasText: '确定归档本次演练吗？归档后演练记录只读。' });
    await confirm.getByRole('button', { name: label('确定') }).click();
    await drill.status('已归档');
    await evaluated.allMineDisabled();
    expect(await evaluated.card.getByLabel('评估观察', { exact: true }).count()).toBe(0);
    expect(
      await drill.root
        .getByTestId('drill-clock-bar')
        .getByRole('button', { name: label('归档') })
        .count(),
    ).toBe(0);
    await expectRatings(EVALUATOR_A, { [WARNING]: GRADE.P });
    await page.reload();
    await drill.status('已归档');
    await evaluated.allMineDisabled();
    await expectRatings(EVALUATOR_A, { [WARNING]: GRADE.P });
    await evaluated.card.scrollIntoViewIfNeeded();
    await screenAtRest(page);
    await screenshot(page, '153-drill-evaluation-archived');
    expect((await latinWords(page)).filter((w) => !['DRILL', 'ENDEX'].includes(w))).toEqual([]);
  });
});
