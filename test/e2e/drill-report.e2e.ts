/**
 * 演练评估报告: a short tabletop run of the hazmat plan at ×60 is finished; two evaluators, each signed in as
 * themselves, rate and write their findings (a strength during the run, a problem against plan clause 5.3
 * after it). The 评估报告 shows the AQ/T 9009 sections with the run's figures, both charts and every score
 * beside its coverage; it prints (the browser's print is recorded, and the page is made into a PDF while the
 * print class is on, its first page turned into a PNG to look at); the 总结报告 says it shorter; the problem
 * becomes a 预案修订建议 that is submitted and then shows, and is adopted, on the plan's page.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  type DeskClock,
} from './drill-drivers';
import { animationsSettled, dialogSettled, label, openApp, signIn } from './drivers';
import { RESULTS_DIR, screenshot, type BrowserSession } from './harness';
import { pick } from './incident-drivers';
import { latinWords, openPlan, openPlanLibrary } from './plan-drivers';
import {
  CONTROLLER,
  DIRECTOR,
  EVACUATE,
  EVALUATOR_A,
  EVALUATOR_B,
  PUBLISH,
  REPORT,
  RUN_SETUP,
  SCRIPT,
  START,
} from './hazmat-tabletop';
const baseUrl = inject('baseUrl');
const HAZMAT = '示范区危险化学品生产安全事故应急预案';
const TITLE = '化工园区液氯泄漏桌面推演';

const WARNING = '预警与信息报告';
const MOBILISATION = '紧急动员';
const STRENGTH = '值班员3分钟内电话报告带班领导，信息要素齐全';
const PROBLEM = '疏散指令经街道转达用时过长，社区网格员未及时到位';
const CLAUSE = '5.3 人员疏散';
const CHANGE = '明确街道接到疏散指令后15分钟内由社区网格员入户通知，并回报区指挥部';

let session: BrowserSession;
let page: Page;
let clock: DeskClock;

beforeEach(async () => {
  ({ session, page, clock } = await openDrillDesk(START));
});
afterEach(() => closeDrillDesk(session));

/** Picks an option and waits until its list has closed (the next select offers options of the same names). */
async function choose(select: Locator, option: string): Promise<void> {
  await pick(page, select, option);
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** The 评估 card of the 导调台: rating, and the observation form with its kind, links and clause. */
function evaluation(root: Locator) {
  const card = root.getByTestId('evaluation');
  const form = card.getByTestId('observation-form');
  return {
    card,
    async rate(capability: string, grade: string, name: string) {
      await choose(card.getByLabel(`我的评定 ${capability}`, { exact: true }), grade);
      await card
        .locator('.ant-table-row')
        .filter({ has: page.getByText(capability, { exact: true }) })
        .locator('.ant-tag')
        .getByText(`${name}：${grade}`, { exact: true })
        .waitFor();
    },
    async observe(finding: {
      kind: '记录' | '优点' | '问题';
      capability: string;
      inject: string;
      action: string;
      clause?: string;
      text: string;
    }) {
      await form.getByText(finding.kind, { exact: true }).click();
      await choose(form.getByLabel('评估项目', { exact: true }), finding.capability);
      await choose(form.getByLabel('关联情景（可选）', { exact: true }), finding.inject);
      await choose(form.getByLabel('关联预期行动（可选）', { exact: true }), finding.action);
      if (finding.clause) await form.getByLabel('预案条款（可选）', { exact: true }).fill(finding.clause);
      const box = form.getByLabel('评估观察', { exact: true });
      await box.fill(finding.text);
      await box.press('Enter');
      await expect.poll(() => box.inputValue()).toBe('');
    },
  };
}

/** The open report: its sheet, section titles, a figure of 演练数据 by its label, and the revision rows. */
function report() {
  const sheet = page.getByTestId('drill-report-sheet');
  return {
    sheet,
    sectionTitles: () => sheet.locator('.brief-section-title').allInnerTexts(),
    figure: (name: string) =>
      sheet
        .getByTestId('report-metrics')
        .locator('tr')
        .filter({ has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) })
        .locator('td')
        .innerText(),
    capabilityRow: (capability: string) =>
      sheet
        .getByTestId('report-capabilities')
        .locator('tbody tr')
        .filter({ has: page.locator('td', { hasText: new RegExp(`^${capability}$`) }) })
        .locator('td')
        .allInnerTexts(),
    revisionRows: () => sheet.getByTestId('revision-row'),
  };
}

/** The text an SVG chart draws (axis labels, legend), to tell it is drawn and with what. */
function chartText(testId: string): Promise<string[]> {
  return page
    .getByTestId(testId)
    .locator('svg text')
    .evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()).filter(Boolean));
}

/** The desk's clock stands still after the run: it is moved on so the toasts (which count on it) go. */
async function view(name: string): Promise<void> {
  await clock.pass(5_000);
  await screenAtRest(page);
  await screenshot(page, name);
}

describe('演练评估报告', () => {
  it('reports a finished run in the AQ/T 9009 structure with charts, prints it to PDF, and sends the problem to the plan', async () => {
    await openApp(page, baseUrl);
    await signIn(page, CONTROLLER);
    const editor = await createScenario(page, {
      title: TITLE,
      hazard: '危险化学品泄漏',
      form: '桌面推演',
      objectives: ['检验危化品泄漏信息报告时效', '检验下风向群众疏散组织'],
      units: ['区应急管理局', '安澜街道', '区委宣传部'],
    });
    // The drill tests the hazmat plan.
    const basics = page.getByTestId('scenario-form');
    // A multiple select stays open after a choice: Escape closes it, as a person would.
    await pick(page, basics.getByLabel('检验的预案版本'), `${HAZMAT}（v1）`);
    await basics.getByLabel('检验的预案版本').press('Escape');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await basics.getByRole('button', { name: label('保存') }).click();
    await page.locator('.ant-message-notice').filter({ hasText: '演练方案已保存' }).last().waitFor();
    for (const item of Object.values(SCRIPT)) await addInject(page, item);
    await expect.poll(() => editor.getByTestId('script-table').locator('.ant-table-row').count()).toBe(3);

    await clock.freeze(RUN_SETUP);
    const runId = await startRun(page, DIRECTOR);
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.idle('2m');
    await drill.commsChecked();
    await drill.setSpeed(60);
    await drill.start();
    await drill.expectStatus(SCRIPT.leak.synopsis, '已下发');
    const evaluated = evaluation(drill.root);

    // T+1m: the first evaluator writes a strength on the first report, linked to its expected action.
    await drill.advance('1m');
    await signIn(page, EVALUATOR_A);
    await evaluated.observe({
      kind: '优点',
      capability: WARNING,
      inject: `1 · ${SCRIPT.leak.synopsis}`,
      action: REPORT,
      text: STRENGTH,
    });
    await drill.notes.locator('.ant-list-item').filter({ hasText: STRENGTH }).getByText('优点').waitFor();

    // The controller marks the report seen (T+3m), the evacuation not (T+4m), the press answer late (T+6m).
    await signIn(page, CONTROLLER);
    await drill.advance('2m');
    await drill.markAction(SCRIPT.leak.synopsis, REPORT, '已观察到');
    await drill.advance('1m');
    await drill.markAction(SCRIPT.smell.synopsis, EVACUATE, '未观察到');
    await drill.advance('1m');
    await drill.expectStatus(SCRIPT.press.synopsis, '已下发');
    await drill.advance('1m');
    await drill.markAction(SCRIPT.press.synopsis, PUBLISH, '超时完成');
    await drill.advance('1m');

    // ENDEX at T+7m; 转入评估.
    await signIn(page, DIRECTOR);
    await drill.endex();
    await drill.root
      .getByTestId('drill-clock-bar')
      .getByRole('button', { name: label('转入评估') })
      .click();
    await drill.status('评估中');

    // Two evaluators rate; the second writes the problem against clause 5.3 of the plan.
    await signIn(page, EVALUATOR_A);
    await evaluated.rate(WARNING, 'P 顺利完成', EVALUATOR_A);
    await evaluated.rate(MOBILISATION, 'S 基本完成', EVALUATOR_A);
    await signIn(page, EVALUATOR_B);
    await evaluated.rate(WARNING, 'M 勉强完成', EVALUATOR_B);
    await evaluated.observe({
      kind: '问题',
      capability: MOBILISATION,
      inject: `2 · ${SCRIPT.smell.synopsis}`,
      action: EVACUATE,
      clause: CLAUSE,
      text: PROBLEM,
    });
    await drill.notes.locator('.ant-list-item').filter({ hasText: PROBLEM }).getByText('问题').waitFor();
    await drill.idle('5s');

    // 评估报告 from the 导调台.
    await drill.root
      .getByTestId('drill-clock-bar')
      .getByRole('button', { name: label('评估报告') })
      .click();
    await expect.poll(() => page.url()).toContain(`#/drills/runs/${runId}/report`);
    const r = report();
    await r.sheet.getByText(`${TITLE}评估报告`, { exact: true }).waitFor();
    expect(await r.sectionTitles()).toEqual([
      '一、演练基本情况',
      '二、演练评估过程',
      '三、情景与时间线',
      '四、评估发现',
      '五、演练数据',
      '六、改进的意见和建议',
      '七、预案修订建议',
      '八、评估结论',
    ]);
    expect(await r.sheet.getByTestId('drill-report-number').innerText()).toBe('编号：演练评估-202606100930');
    const overview = await r.sheet.getByTestId('report-overview').innerText();
    expect(overview).toContain(`《${HAZMAT}》第1版`);
    expect(overview).toContain('2026-06-10 09:30 至 09:30，实际用时 7秒，情景时间 T+7m');

    // The run's own figures, each with what was evaluated.
    expect(await r.figure('情景下发')).toBe('已下发 3 条，跳过 0 条，未下发 0 条');
    expect(await r.figure('预期行动')).toBe('共 3 项：达成 1，超时 1，未达成 1，未评估 0');
    expect(await r.figure('预期行动评估覆盖率')).toBe('100%');
    expect(await r.figure('首次响应用时（情景时间）')).toBe('2 条有响应，中位 1分钟，最长 3分钟');
    expect(await r.figure('无响应情景')).toBe('1 条');

    // Every capability with each evaluator's rating, its mean and how many of the evaluators rated it.
    expect(await r.capabilityRow(WARNING)).toEqual([
      WARNING,
      `${EVALUATOR_A}：P、${EVALUATOR_B}：M`,
      '80',
      '2/2 人',
      '1 / 0',
    ]);
    expect(await r.capabilityRow(MOBILISATION)).toEqual([
      MOBILISATION,
      `${EVALUATOR_A}：S`,
      '80',
      '1/2 人',
      '0 / 1',
    ]);
    expect(await r.capabilityRow('指挥与协调')).toEqual(['指挥与协调', '未评定', '—', '0/2 人', '0 / 0']);
    const problem = r.sheet.getByTestId('report-problems').locator('li');
    expect(await problem.innerText()).toContain(
      `${EVALUATOR_B} · T+7m · 情景 2「${SCRIPT.smell.synopsis}」 · 预期行动：${EVACUATE} · 预案条款：${CLAUSE}`,
    );
    await problem.getByRole('button', { name: label('列入整改台账') }).waitFor();
    expect(await r.sheet.getByTestId('report-conclusion').innerText()).toContain(
      '评估组对 12 项评估内容已评定 2 项（17%），已评定项目平均分 80 分，折算等级“良”。该结论仅代表已评定的项目，另有 10 项未评定。',
    );

    // Both charts are drawn: the injects on the timeline, the latency bins with the unanswered bar.
    const timelineText = await chartText('chart-inject-timeline');
    expect(timelineText).toEqual(expect.arrayContaining(['计划', '下发', '首次响应', '响应用时']));
    expect(timelineText.some((t) => t.startsWith('2 下风向居民闻到'))).toBe(true);
    expect(await chartText('chart-latency')).toEqual(
      expect.arrayContaining(['1–3 分钟', '3–5 分钟', '≥60 分钟', '无响应']),
    );
    await view('170-drill-report-evaluation');
    await r.sheet.getByTestId('report-section-findings').scrollIntoViewIfNeeded();
    await view('171-drill-report-findings');

    // 打印预览: the sheet on paper, the buttons gone.
    await page.getByRole('button', { name: label('打印预览') }).click();
    await page.getByTestId('drill-report-desk').and(page.locator('.is-preview')).waitFor();
    expect(await problem.getByRole('button', { name: label('列入整改台账') }).isVisible()).toBe(false);
    await r.sheet.scrollIntoViewIfNeeded();
    await view('172-drill-report-print-preview');
    await page.getByRole('button', { name: label('退出预览') }).click();

    // 导出PDF: in the browser the app prints; the print is recorded with the class the print rules hang on.
    await page.evaluate(() => {
      const w = window as unknown as { printed: string[] };
      w.printed = [];
      window.print = () => {
        w.printed.push(document.body.className);
      };
    });
    await page.getByRole('button', { name: label('导出PDF') }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed))
      .toEqual(['print-sheet']);
    // The paper: the page made into a PDF under print media while the print class is on.
    await page.evaluate(() => document.body.classList.add('print-sheet'));
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.ant-layout-sider').isVisible()).toBe(false);
    const dir = join(RESULTS_DIR, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const pdf = join(dir, '173-drill-report.pdf');
    await page.pdf({
      path: pdf,
      format: 'A4',
      printBackground: true,
      margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' },
    });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('print-sheet'));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const png = join(dir, '173-drill-report-pdf-page1');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(existsSync(`${png}.png`)).toBe(true);
    expect(statSync(`${png}.png`).size).toBeGreaterThan(20_000);
    const pages = execFileSync('pdfinfo', [pdf]).toString();
    expect(Number(/Pages:\s+(\d+)/.exec(pages)?.[1])).toBeGreaterThan(1);

    // 总结报告: the same run, shorter, for leadership.
    await page.getByText('总结报告', { exact: true }).click();
    await r.sheet.getByText(`${TITLE}总结报告`, { exact: true }).waitFor();
    expect(await r.sectionTitles()).toEqual([
      '一、演练基本概要',
      '二、取得的经验',
      '三、发现的问题',
      '四、下一步工作建议',
    ]);
    expect(await r.sheet.getByTestId('summary-strengths').innerText()).toBe(
      `【${WARNING}】${STRENGTH}（情景 1）`,
    );
    expect(await r.sheet.getByTestId('summary-problems').locator('li').allInnerTexts()).toEqual([
      `【${MOBILISATION}】${PROBLEM}（情景 2）`,
      `情景 2 的预期行动“${EVACUATE}”未达成。`,
      `情景 3 的预期行动“${PUBLISH}”超时完成。`,
    ]);
    await view('174-drill-report-summary');

    // 预案修订建议: generated from the problem with its clause, written and submitted.
    await page.getByText('评估报告', { exact: true }).click();
    await r.sheet.getByText(`${TITLE}评估报告`, { exact: true }).waitFor();
    await r.sheet.getByRole('button', { name: label('生成修订建议（1 条）') }).click();
    await expect.poll(() => r.revisionRows().count()).toBe(1);
    const row = r.revisionRows().first();
    expect(await row.innerText()).toContain(CLAUSE);
    expect(await row.innerText()).toContain(
      `【${MOBILISATION}】${EVALUATOR_B}（T+7m，情景 2「${SCRIPT.smell.synopsis}」）：${PROBLEM}`,
    );
    await row.getByRole('button', { name: label('编辑') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '编辑预案修订建议' });
    await dialogSettled(dialog);
    await dialog.getByLabel('修订建议').fill(CHANGE);
    await dialog.getByRole('button', { name: label('保存并提交') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.locator('.ant-tag').getByText('已提交', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);
    await r.sheet.getByTestId('report-revisions').scrollIntoViewIfNeeded();
    await view('175-drill-report-revision-submitted');
    // 导出PDF is how offices name the button; ENDEX is the drill's own term.
    expect((await latinWords(page)).filter((w) => !['PDF', 'ENDEX'].includes(w))).toEqual([]);

    // The plan's page lists it for the next version; the plan's keeper adopts it.
    await openPlanLibrary(page);
    await openPlan(page, HAZMAT);
    const card = page.getByTestId('plan-revisions');
    const suggestion = card.getByTestId('plan-revision').filter({ hasText: CLAUSE });
    await suggestion.getByText(CHANGE).waitFor();
    await card.getByText('待研究 1 条').waitFor();
    await signIn(page, CONTROLLER);
    await suggestion.getByRole('button', { name: label('采纳') }).click();
    await suggestion.locator('.ant-tag').getByText('已采纳', { exact: true }).waitFor();
    await suggestion.getByText(`${CONTROLLER} 于`, { exact: false }).waitFor();
    await animationsSettled(page);
    await view('176-plan-revision-suggestions');
  });
});
