import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, ROOT, screenshot, type BrowserSession } from './harness';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { messageShown } from './settings-drivers';
import {
  addMinutes,
  exportPlanFile,
  expectPlanCount,
  filterLibrary,
  importPlanFile,
  latinWords,
  LEVEL_BACKGROUND,
  levelTableRows,
  messageGone,
  openPlan,
  openPlanLibrary,
  openPlanTab,
  planFile,
  planLibrary,
  planPage,
  planRow,
  simulator,
} from './plan-drivers';

const baseUrl = inject('baseUrl');

const FLOOD = '示范区防汛应急预案';
const TYPHOON = '示范区防台风应急预案';
const HAZMAT = '示范区危险化学品生产安全事故应急预案';

/**
 * Review and drill reminders depend on today's date, so the browser's clock starts at a set moment and runs on
 * from there (a frozen clock would freeze antd's toasts too). On 2027-01-15 every sample plan's review
 * (2027-03-01) is due within 60 days, the typhoon plan's drill (last 2024-06-18, every 24 months) is overdue,
 * and the flood and hazmat drills are not due yet.
 */
const TODAY = new Date('2027-01-15T09:30:00Z');

interface SampleLevel {
  level: string;
  approval: { roleIds: string[]; mode: string };
}
interface SamplePlan {
  id: string;
  meta: { title: string };
  levels: SampleLevel[];
}
const samples = JSON.parse(readFileSync(join(ROOT, 'resources/sample-data/plans.json'), 'utf8')) as {
  plans: SamplePlan[];
};
const typhoonSample = samples.plans.find((p) => p.meta.title === TYPHOON) as SamplePlan;

/** The `[data-level]` tags inside `scope`, as "Ⅳ级" text and computed background colour. */
async function levelTags(scope: Locator) {
  return scope.locator('[data-level]').evaluateAll((tags) =>
    tags.map((t) => ({
      text: (t.textContent ?? '').trim(),
      background: getComputedStyle(t).backgroundColor,
    })),
  );
}

describe('应急预案', () => {
  let session: BrowserSession;
  beforeEach(async () => {
    session = await launchBrowser();
    await session.context.clock.install({ time: TODAY });
    await openApp(session.page, baseUrl);
  });
  afterEach(async () => {
    await session.close();
  });

  it('lists the three sample plans with their levels in the law’s colours, status and review and drill reminders, and filters by 灾种', async () => {
    const { page } = session;
    // Every screen's header, the home screen first, says in red what is overdue.
    await page.getByTestId('plan-reminders').getByText('1 个预案演练逾期').waitFor();
    await expect(
      page.getByTestId('plan-reminders').evaluate((tag) => getComputedStyle(tag).color),
    ).resolves.toBe('rgb(255, 77, 79)');
    const library = await openPlanLibrary(page);
    await expectPlanCount(page, 3);
    for (const title of [FLOOD, TYPHOON, HAZMAT]) {
      const row = planRow(page, title);
      await row.waitFor();
      await expect(row.locator('.ant-tag').getByText('已发布', { exact: true }).count()).resolves.toBe(1);
      // Highest level first, each in the colour the law gives it.
      await expect(levelTags(row)).resolves.toEqual([
        { text: 'Ⅰ级', background: LEVEL_BACKGROUND.Ⅰ },
        { text: 'Ⅱ级', background: LEVEL_BACKGROUND.Ⅱ },
        { text: 'Ⅲ级', background: LEVEL_BACKGROUND.Ⅲ },
        { text: 'Ⅳ级', background: LEVEL_BACKGROUND.Ⅳ },
      ]);
      // Every plan is reviewed within three years of taking effect (2024-03-01): due on 2027-03-01.
      await row.locator('[data-due="dueSoon"]').getByText('2027-03-01 到期', { exact: true }).waitFor();
    }
    await planRow(page, TYPHOON).locator('[data-due="overdue"]').getByText('已逾期（2026-06-18）').waitFor();
    await planRow(page, FLOOD).locator('[data-due="ok"]').getByText('2027-05-20 前').waitFor();
    await planRow(page, HAZMAT).locator('[data-due="ok"]').getByText('2027-11-10 前').waitFor();
    await library.getByText('1 个预案演练逾期').waitFor();
    await library.getByText('3 个预案将在 60 天内到期评审或演练').waitFor();
    await animationsSettled(page);
    await screenshot(page, '50-plan-library');

    await filterLibrary(page, '灾种', '台风');
    await expectPlanCount(page, 1);
    await expect(library.locator('.ant-table-row').allInnerTexts()).resolves.toEqual([
      expect.stringContaining(TYPHOON),
    ]);
    await filterLibrary(page, '灾种', '危险化学品');
    await expectPlanCount(page, 1);
    await planRow(page, HAZMAT).waitFor();
    await expect(planRow(page, TYPHOON).count()).resolves.toBe(0);
    await animationsSettled(page);
    await screenshot(page, '51-plan-library-filtered');
    expect(session.errors).toEqual([]);
  });

  it('the header’s reminders follow the desk clock: a drill falling due shows without a reload', async () => {
    const { page } = session;
    const reminders = page.getByTestId('plan-reminders');
    await reminders.getByText('1 个预案演练逾期').waitFor();
    // The night the flood plan's drill falls due (2027-05-20) passes with the app open.
    await page.clock.setSystemTime(new Date('2027-05-21T09:30:00Z'));
    await page.clock.runFor(6000);
    await reminders.getByText(/2 个预案演练逾期/).waitFor();
  });

  it('prints the typhoon plan’s level table highest first: conditions, who starts each level, and its measures', async () => {
    const { page } = session;
    await openPlanLibrary(page);
    await openPlan(page, TYPHOON);
    await openPlanTab(page, '响应分级');
    const rows = levelTableRows(page);
    await page.getByText(`${TYPHOON} 响应分级表`, { exact: true }).waitFor();
    await expect(rows.count()).resolves.toBe(4);
    await expect(levelTags(page.locator('.level-table .ant-table-tbody'))).resolves.toEqual([
      { text: 'Ⅰ级响应', background: LEVEL_BACKGROUND.Ⅰ },
      { text: 'Ⅱ级响应', background: LEVEL_BACKGROUND.Ⅱ },
      { text: 'Ⅲ级响应', background: LEVEL_BACKGROUND.Ⅲ },
      { text: 'Ⅳ级响应', background: LEVEL_BACKGROUND.Ⅳ },
    ]);
    const [one, two, three, four] = await rows.allInnerTexts();

    // Ⅳ: an orange typhoon warning together with a wind force of 8 up to (not including) 10.
    expect(four).toContain('台风预警 橙色（二级）及以上，且台风中心附近最大风力 8级以上、10级以下');
    expect(four).toContain('批准签发：副总指挥、秘书长');
    expect(four).toContain('防汛抗旱指挥机构秘书长主持会商');
    expect(four).toContain('60分钟内');
    expect(four).not.toContain('全部措施');
    expect(four).toContain('响应终止：由副总指挥、秘书长决定；条件：台风已过境、影响基本结束');

    expect(three).toContain('台风预警 橙色（二级）及以上，且台风中心附近最大风力 10级以上、12级以下');
    expect(three).toContain('批准签发：总指挥、副总指挥');
    expect(three).toContain('包含Ⅳ级全部措施');
    expect(three).toContain('危险区域人员转移到安全地带');

    expect(two).toContain('台风预警 红色（一级）及以上，且台风中心附近最大风力 12级以上、16级以下');
    expect(two).toContain('包含Ⅲ级、Ⅳ级全部措施');

    expect(one).toContain('台风中心附近最大风力 16级以上');
    expect(one).toContain('上级指挥机构指令启动本级响应');
    expect(one).toContain('批准签发：总指挥');
    expect(one).not.toContain('副总指挥');
    expect(one).toContain('包含Ⅱ级、Ⅲ级、Ⅳ级全部措施');
    await animationsSettled(page);
    await screenshot(page, '52-typhoon-level-table');
    await expect(latinWords(page)).resolves.toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('simulates the typhoon plan: a warning and a wind reading propose Ⅳ, only a signer can approve it, and the run survives a reload', async () => {
    const { page } = session;
    await signIn(page, '崔伟');
    await openPlanLibrary(page);
    await openPlan(page, TYPHOON);
    await openPlanTab(page, '模拟推演');
    const sim = simulator(page);
    await sim.newRun();
    await sim.currentLevel.getByText('未启动响应', { exact: true }).waitFor();
    await sim.proposal.getByText('当前没有建议启动的响应', { exact: true }).waitFor();

    await sim.issueWarning('台风', '橙色');
    await sim.phase.getByText('预警', { exact: true }).waitFor();
    // An orange warning alone is not enough: Ⅳ also needs the wind force.
    await sim.proposal.getByText('当前没有建议启动的响应', { exact: true }).waitFor();
    await sim.record('台风中心附近最大风力', 9);
    await expect(sim.proposedLevel()).resolves.toBe('Ⅳ级响应');
    await expect(sim.proposal.locator('li').allInnerTexts()).resolves.toEqual([
      '台风预警 橙色（二级）（条件：橙色（二级）及以上），且台风中心附近最大风力 9级（条件：8级以上、10级以下）',
    ]);

    // The duty officer at the keyboard may not start a response; the button says why.
    await sim.actingAs('崔伟（值班员）').waitFor();
    await expect(sim.decision('批准启动').isDisabled()).resolves.toBe(true);
    const why = await sim.explainDisabled('批准启动');
    await expect(why.textContent()).resolves.toBe('不能执行：崔伟（值班员）无权签发Ⅳ级响应');
    await messageGone(page, '已签到');
    await screenshot(page, '53-typhoon-simulation-proposal');
    await expect(latinWords(page)).resolves.toEqual([]);
    await sim.dismissTooltip();

    await sim.actAs('邵嘉蓉（秘书长）');
    await expect(sim.decision('批准启动').isEnabled()).resolves.toBe(true);
    await expect(sim.approve()).resolves.toBe('Ⅳ级响应');
    await sim.phase.getByText('应急响应', { exact: true }).waitFor();
    await sim.proposal.getByText('当前没有建议启动的响应', { exact: true }).waitFor();

    const started = (await sim.time.textContent()) ?? '';
    // Deadlines show as "01-15 10:30": month, day and time, counted from the approval.
    const at = (minutes: number) => addMinutes(started, minutes).slice(5);
    const ivTasks: [string, number][] = [
      ['防汛抗旱指挥机构秘书长主持会商', 60],
      ['指挥办事机构加强值班', 60],
      ['气象部门密切监视台风动向', 120],
      ['做好海上船只、沿海养殖和作业人员的防风避风工作', 240],
      ['各成员单位按照职责分工，做好相应工作', 240],
    ];
    const expectState = async () => {
      await sim.currentLevel.getByText('Ⅳ级响应', { exact: true }).waitFor();
      await sim.phase.getByText('应急响应', { exact: true }).waitFor();
      // The warning's preparation plus the five Ⅳ measures, each due by the plan's deadline.
      await sim.tasks.locator('.ant-card-head-title').getByText('将下达的任务（6）').waitFor();
      await sim.taskRows('指挥部办公室跟踪台风路径，组织会商', at(60)).waitFor();
      for (const [text, minutes] of ivTasks) {
        await expect(sim.taskRows('Ⅳ级', text, at(minutes)).count(), text).resolves.toBe(1);
      }
      await sim.journalRows('邵嘉蓉（秘书长）', '批准启动Ⅳ级响应').waitFor();
      await sim.journalRows('崔伟（值班员）', '台风中心附近最大风力：9级').waitFor();
      await sim.journalRows('崔伟（值班员）', '发布台风橙色（二级）预警').waitFor();
    };
    await expectState();
    await sim.tasks.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '54-typhoon-simulation-approved');

    await page.reload();
    await planPage(page, TYPHOON).waitFor();
    await page.locator('.ant-tabs-tab-active').getByText('模拟推演', { exact: true }).waitFor();
    await sim.time.getByText(started, { exact: true }).waitFor();
    await sim.run(`模拟 ${started.slice(5)}`).waitFor();
    await expectState();
    await sim.tasks.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '55-typhoon-simulation-after-reload');
    expect(session.errors).toEqual([]);
  });

  it('simulates the hazmat plan over time: Ⅲ is proposed only once 4 hours pass without control, and Ⅳ ends once under control', async () => {
    const { page } = session;
    await signIn(page, '崔伟');
    await openPlanLibrary(page);
    await openPlan(page, HAZMAT);
    await openPlanTab(page, '模拟推演');
    const sim = simulator(page);
    await sim.newRun();

    await sim.record('事故发生');
    await sim.proposal.getByText('当前没有建议启动的响应', { exact: true }).waitFor();
    await sim.record('死亡人数', 1);
    await expect(sim.proposedLevel()).resolves.toBe('Ⅳ级响应');
    await expect(sim.proposal.locator('li').allInnerTexts()).resolves.toEqual([
      '死亡人数 1人（条件：1人以上、3人以下）',
    ]);
    await sim.actAs('邵嘉蓉（秘书长）');
    await expect(sim.approve()).resolves.toBe('Ⅳ级响应');
    await sim.state
      .locator('.activation-list li')
      .filter({ hasText: '响应事项：危险化学品生产安全事故Ⅳ级应急响应' })
      .filter({ hasText: '邵嘉蓉（秘书长）' })
      .waitFor();

    for (let hour = 1; hour <= 3; hour++) {
      await sim.step('+1小时');
      await sim.proposal.getByText('当前没有建议启动的响应', { exact: true }).waitFor();
      await sim.currentLevel.getByText('Ⅳ级响应', { exact: true }).waitFor();
    }
    await sim.step('+1小时');
    await expect(sim.proposedLevel()).resolves.toBe('Ⅲ级响应');
    await expect(sim.proposal.locator('li').allInnerTexts()).resolves.toEqual([
      '自事故发生起 4小时，仍未得到有效控制（条件：4小时内未得到有效控制）',
    ]);
    await sim.journalRows('建议启动Ⅲ级响应', '4小时').waitFor();
    // Not under control yet, so the response cannot be ended.
    const why = await sim.explainDisabled('宣布响应终止');
    await expect(why.textContent()).resolves.toBe('不能执行：终止条件未满足：得到有效控制：否');
    await messageGone(page, '已签到');
    await screenshot(page, '56-hazmat-simulation-4h-proposal');
    await sim.dismissTooltip();

    await sim.record('得到有效控制', true);
    await sim.proposal.getByText('当前没有建议启动的响应', { exact: true }).waitFor();
    await sim.journalRows('启动条件不再满足，撤销建议').waitFor();
    await expect(sim.decision('宣布响应终止').isEnabled()).resolves.toBe(true);
    // Four hours on, the Ⅳ measures are past their deadlines while the response runs …
    await expect(page.getByTestId('task-list').innerText()).resolves.toContain('已超时');

    const dialog = await sim.openReasonDialog('宣布响应终止');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await dialog.getByText('请填写理由', { exact: true }).waitFor();
    await sim.phase.getByText('应急响应', { exact: true }).waitFor();
    await animationsSettled(page);
    await screenshot(page, '57-hazmat-terminate-needs-reason');
    await expect(latinWords(page)).resolves.toEqual([]);

    await dialog.getByLabel('理由').fill('泄漏已封堵，现场监测正常');
    await dialog.getByRole('button', { name: label('确定') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await sim.phase.getByText('响应终止', { exact: true }).waitFor();
    await sim.journalRows('邵嘉蓉（秘书长）', '宣布Ⅳ级响应终止：泄漏已封堵，现场监测正常').waitFor();
    // … and once it has ended they are history, not alarms.
    await expect(page.getByTestId('task-list').innerText()).resolves.not.toContain('已超时');
    await animationsSettled(page);
    await screenshot(page, '58-hazmat-terminated');
    expect(session.errors).toEqual([]);
  });

  it('refuses a plan file whose level has no signer, naming the level, and imports an exported plan back as a new draft version', async () => {
    const { page } = session;
    await signIn(page, '崔伟');
    await openPlanLibrary(page);
    await expectPlanCount(page, 3);

    const noSigner = {
      format: 'emergency-desk/plan',
      formatVersion: 1,
      plan: {
        ...typhoonSample,
        levels: typhoonSample.levels.map((l) =>
          l.level === 'III' ? { ...l, approval: { ...l.approval, roleIds: [] } } : l,
        ),
      },
    };
    await messageGone(page, '已签到');
    await importPlanFile(page, planFile('台风预案-缺签发人.json', noSigner));
    const refusal = page.getByRole('dialog').filter({ hasText: '预案文件「台风预案-缺签发人.json」未导入' });
    await refusal
      .getByText('预案内容有误，未做任何更改：Ⅲ级响应 · 签发人：缺少签发人（批准启动的角色）')
      .waitFor();
    await expectPlanCount(page, 3);
    await screenshot(page, '59-plan-import-refused');
    await page.reload();
    await expectPlanCount(page, 3);
    await expect(planRow(page, TYPHOON).innerText()).resolves.toMatch(/v1[\s\S]*已发布/);

    await openPlan(page, TYPHOON);
    const exported = await exportPlanFile(page);
    expect(exported.fileName).toBe(`${TYPHOON}-v1.json`);
    expect(exported.content).toMatchObject({
      format: 'emergency-desk/plan',
      formatVersion: 1,
      plan: { id: typhoonSample.id, version: 1, status: 'published', meta: { title: TYPHOON } },
    });

    await planPage(page, TYPHOON).getByRole('link', { name: '预案库' }).click();
    await importPlanFile(page, exported.path);
    await messageShown(page, `已导入“${TYPHOON}”（第 2 版，草稿）`);
    const draft = planPage(page, TYPHOON);
    await draft.locator('.ant-card-head-title .ant-tag').getByText('草稿', { exact: true }).waitFor();
    await draft.getByRole('button', { name: label('发布') }).waitFor();
    await draft.getByText('第 2 版 · 草稿', { exact: true }).waitFor();
    await animationsSettled(page);
    await screenshot(page, '60-plan-imported-draft');

    await draft.getByRole('link', { name: '预案库' }).click();
    await expectPlanCount(page, 3);
    await expect(planRow(page, TYPHOON).innerText()).resolves.toMatch(/v2[\s\S]*草稿/);
    await expect(planLibrary(page).locator('.ant-table-row').count()).resolves.toBe(3);
    expect(session.errors).toEqual([]);
  });
});
