import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { freshBrowserEachTest } from './browser-per-test';
import { screenshot } from './harness';
import { incidentConsole, openTyphoonIncident, pick } from './incident-drivers';
import { latinWords, messageGone, simulator } from './plan-drivers';
import { latestAuditRow, messageShown, waitUntilSettled } from './settings-drivers';

const baseUrl = inject('baseUrl');
/** 02:15 at night, local time of the browser: a typhoon report comes in. */
const NOW = new Date('2026-11-23T02:15:00');
const WRITTEN_INITIAL = '书面初报（事发单位报县级）';
const ANNOUNCEMENT_TITLE = '关于终止防台风Ⅳ级应急响应的公告';

let page: Page;

freshBrowserEachTest(NOW, (fresh) => {
  page = fresh.page;
});

const rulesCard = () => page.getByTestId('report-rules');
const ruleRow = (text: string) => rulesCard().locator('.ant-table-row').filter({ hasText: text });

/** Opens the 编辑 form of a rule in 设置 → 信息报送时限规则. */
async function editRule(name: string) {
  await rulesCard()
    .getByRole('button', { name: `编辑 ${name}` })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: '编辑报送时限规则' });
  await waitUntilSettled(dialog);
  return dialog;
}

describe('事件处置 · 终止与善后', () => {
  it('keeps a changed reporting deadline, counts down by it, announces the end of the response, prints it and tracks the 善后 tasks across a reload', async () => {
    await openApp(page, baseUrl, '/settings');
    await signIn(page, '崔伟');

    // 设置: the written 初报 within 45 minutes of the event instead of 60; 2000 minutes is refused on its field.
    await ruleRow(WRITTEN_INITIAL).getByText('事发时起 60分钟内').waitFor();
    const dialog = await editRule(WRITTEN_INITIAL);
    await dialog.getByLabel('时限（分钟）').fill('2000');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog
      .locator('.ant-form-item-explain-error')
      .getByText('时限应为 1–1440 之间的整数（分钟）')
      .waitFor();
    expect(await dialog.getByLabel('规则名称').inputValue()).toBe(WRITTEN_INITIAL);
    expect(await dialog.getByLabel('时限（分钟）').inputValue()).toBe('2000');
    await screenshot(page, '110-report-rule-refused');
    await dialog.getByLabel('时限（分钟）').fill('45');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await messageShown(page, '报送时限规则已保存');
    await dialog.waitFor({ state: 'hidden' });
    await ruleRow(WRITTEN_INITIAL).getByText('事发时起 45分钟内').waitFor();
    await expect
      .poll(() => latestAuditRow(page).innerText())
      .toMatch(/崔伟（值班员）[\s\S]*修改[\s\S]*设置[\s\S]*书面初报（事发单位报县级）45分钟/);

    await page.reload();
    await ruleRow(WRITTEN_INITIAL).getByText('事发时起 45分钟内').waitFor();
    await rulesCard().getByText('示例规则', { exact: true }).waitFor({ state: 'detached' });
    await rulesCard().scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '111-report-rules-kept');

    // The typhoon incident: its written 初报 is now due 45 minutes after the event (02:00).
    await openTyphoonIncident(page);
    const c = incidentConsole(page);
    const written = c.root
      .getByTestId('incident-reports')
      .locator('.report-deadline[data-rule="written-1h"]');
    await written.getByText('时限 11-23 02:45').waitFor();

    // Ⅳ is approved by the secretary-general; the typhoon passes and she ends the response.
    const sim = simulator(page, '.incident-console');
    await sim.issueWarning('台风', '橙色');
    await sim.record('台风中心附近最大风力', 9);
    await signIn(page, '邵嘉蓉');
    await expect(sim.approve()).resolves.toBe('Ⅳ级响应');
    await sim.record('台风已过境、影响基本结束', true);
    const ending = await sim.openReasonDialog('宣布响应终止');
    await ending.getByLabel('理由').fill('台风已过境，影响基本结束');
    await ending.getByRole('button', { name: label('确定') }).click();
    await ending.waitFor({ state: 'hidden' });
    await sim.phase.getByText('响应终止', { exact: true }).waitFor();

    // 终止公告: generated from the incident and the chart; the duty officer edits the title but may not sign.
    await signIn(page, '崔伟');
    await c.header.getByTestId('announcement-open').getByText('未签发').waitFor();
    await c.header.getByTestId('announcement-open').click();
    const sheet = page.getByRole('dialog').filter({ hasText: '终止公告 · 草稿' });
    await waitUntilSettled(sheet);
    const paper = sheet.getByTestId('announcement-sheet');
    await paper.getByText('关于终止台风“海燕”外围影响，滨江村海水漫堤Ⅳ级应急响应的公告').waitFor();
    await paper
      .getByText(/^鉴于台风已过境，影响基本结束，根据《中华人民共和国突发事件应对法》第八十六条/)
      .waitFor();
    await paper.getByText(/区三防指挥部决定自2026年11月23日02时\d\d分起终止Ⅳ级应急响应。$/).waitFor();
    await paper.getByText(/继续做好人员安置、损失评估、恢复重建等善后工作/).waitFor();
    await sheet.getByRole('button', { name: label('修改') }).click();
    await sheet.getByLabel('公告标题').fill(' ');
    await sheet.getByRole('button', { name: label('保存') }).click();
    await sheet.locator('.ant-form-item-explain-error').getByText('必填').waitFor();
    await sheet.getByLabel('公告标题').fill(ANNOUNCEMENT_TITLE);
    await sheet.getByRole('button', { name: label('保存') }).click();
    await paper.getByText(ANNOUNCEMENT_TITLE, { exact: true }).waitFor();
    await messageGone(page, '已保存');
    await sheet.getByRole('button', { name: label('签发') }).hover();
    await page
      .locator('.ant-tooltip:visible')
      .getByText('终止公告须由有权宣布Ⅳ级响应终止的领导签发')
      .waitFor();
    await screenshot(page, '112-announcement-refused');
    await page.mouse.move(0, 0);

    // The secretary-general, who ended Ⅳ, signs it; it is frozen and printed.
    await signIn(page, '邵嘉蓉');
    await sheet.getByRole('button', { name: label('签发') }).click();
    const signed = page.getByRole('dialog').filter({ hasText: '终止公告 · 已签发' });
    await signed.getByText('签发人：邵嘉蓉').waitFor();
    await expect(signed.getByRole('button', { name: label('修改') }).count()).resolves.toBe(0);
    await messageGone(page, '终止公告已签发');
    await page.evaluate(() => {
      const printed: string[] = [];
      Object.assign(window, { printed });
      window.print = () => void printed.push(document.body.className);
    });
    await signed.getByRole('button', { name: label('打印') }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { printed: string[] }).printed))
      .toEqual([expect.stringContaining('print-report')]);
    await animationsSettled(page);
    await screenshot(page, '113-announcement-signed');
    // What goes on paper: the sheet alone, without the app or the dialog's buttons.
    await page.evaluate(() => document.body.classList.add('print-report'));
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '114-announcement-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('print-report'));
    await signed.locator('.ant-modal-close').click();
    await signed.waitFor({ state: 'hidden' });
    await c.logRow('崔伟（值班员）', `起草终止公告《${ANNOUNCEMENT_TITLE}》`).waitFor();
    await c.logRow('邵嘉蓉（秘书长）', `签发终止公告《${ANNOUNCEMENT_TITLE}》`).waitFor();
    await c.header.getByTestId('announcement-open').getByText('已签发').waitFor();

    // 善后: a section of its own; 人员安置 from the suggestions is added and completed, 损失评估 is left open.
    await c.aftermath.getByText(/^善后任务 · 共 0 项/).waitFor();
    await c.aftermath.getByRole('button', { name: label('人员安置') }).click();
    const add = page.getByRole('dialog').filter({ hasText: '新增善后任务' });
    await waitUntilSettled(add);
    expect(await add.getByLabel('任务内容').inputValue()).toBe('人员安置：妥善安置受影响群众，保障基本生活');
    await add.getByLabel('负责人').fill('刘志蓉');
    await add.getByRole('button', { name: label('保存') }).click();
    await add.waitFor({ state: 'hidden' });
    await c.aftermathRow('人员安置', '刘志蓉', '未开始').waitFor();
    await expect(c.taskRow('人员安置').count()).resolves.toBe(0);
    await c.logRow('新增善后任务「人员安置：妥善安置受影响群众，保障基本生活」').waitFor();
    await pick(page, c.aftermath.getByLabel(/^状态 人员安置/), '已完成');
    await c.logRow('任务「人员安置：妥善安置受影响群众，保障基本生活」未开始→已完成').waitFor();
    await c.aftermath.getByRole('button', { name: label('损失评估') }).click();
    await waitUntilSettled(add);
    await add.getByRole('button', { name: label('保存') }).click();
    await add.waitFor({ state: 'hidden' });
    await c.aftermath.getByText(/^善后任务 · 共 2 项，已完成 1 项，超时 0 项$/).waitFor();
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await c.aftermath.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '115-aftermath-tasks');

    // Closing while 损失评估 is open is asked about first; the office decides to carry on.
    await sim.decision('转入善后评估').click();
    await sim.phase.getByText('善后评估', { exact: true }).waitFor();
    await sim.decision('关闭').click();
    const confirm = page.getByRole('dialog').filter({ hasText: '善后任务尚未全部完成，仍要关闭吗？' });
    await waitUntilSettled(confirm);
    await confirm.getByText('尚有 1 项善后任务未完成：损失评估：核实人员伤亡和财产损失。').waitFor();
    await screenshot(page, '116-close-warning');
    await confirm.getByRole('button', { name: label('取消') }).click();
    await confirm.waitFor({ state: 'hidden' });
    await sim.phase.getByText('善后评估', { exact: true }).waitFor();

    // A reload keeps it all: the rule, the signed announcement, the 善后 tasks and their states.
    await page.reload();
    await c.aftermathRow('人员安置', '刘志蓉', '已完成').waitFor();
    await c.aftermathRow('损失评估', '未开始').waitFor();
    await written.getByText('时限 11-23 02:45').waitFor();
    await c.header.getByTestId('announcement-open').getByText('已签发').waitFor();
    await c.header.getByTestId('announcement-open').click();
    await signed.getByText(ANNOUNCEMENT_TITLE, { exact: true }).waitFor();
    await signed.locator('.ant-modal-close').click();
    await signed.waitFor({ state: 'hidden' });
    await c.aftermath.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '117-after-reload');
    await expect(latinWords(page)).resolves.toEqual([]);
  });
});
