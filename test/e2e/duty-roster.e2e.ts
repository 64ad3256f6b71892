import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { freshBrowserEachTest } from './browser-per-test';
import { screenshot } from './harness';
import { pick, pickPerson } from './incident-drivers';
import { messageShown } from './settings-drivers';

const baseUrl = inject('baseUrl');
/** Monday 16:50, local time of the browser: forty minutes before the 白班 hands over to the 夜班. */
const NOW = new Date('2026-11-23T16:50:00');

let page: Page;

freshBrowserEachTest(NOW, (fresh) => {
  page = fresh.page;
});

async function pickPeople(select: Locator, names: string[]): Promise<void> {
  for (const name of names) await pickPerson(page, select, name);
  await page.keyboard.press('Escape');
}

async function rosterShift(row: Locator, leader: string, officers: string[]): Promise<void> {
  await row.click();
  const dialog = page.getByRole('dialog').filter({ hasText: '排班：' });
  await dialog.waitFor();
  await animationsSettled(page);
  await pickPeople(dialog.getByLabel('带班领导'), [leader]);
  await pickPeople(dialog.getByLabel('值班员'), officers);
  await dialog.getByRole('button', { name: label('保存') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('值班值守 · 值班排班与交接班', () => {
  it('rosters a week, refuses a leader who is also an officer, copies it forward and keeps it after a reload', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await page.keyboard.press('Alt+1');
    await page.getByRole('tab', { name: '值班排班' }).click();
    const roster = page.getByTestId('duty-roster');
    await roster.getByText('2026-11-23 至 2026-11-29').waitFor();
    const day = roster.locator('.ant-table-row').nth(0);
    const night = roster.locator('.ant-table-row').nth(1);
    await expect
      .poll(() => day.innerText())
      .toMatch(/11-23 周一[\s\S]*白班 08:30–17:30[\s\S]*当前班次[\s\S]*未排班/);
    expect(await night.innerText()).toMatch(/夜班 17:30–次日08:30/);

    await day.click();
    const dialog = page.getByRole('dialog').filter({ hasText: '排班：11月23日 白班' });
    await dialog.waitFor();
    await animationsSettled(page);
    await dialog.getByRole('button', { name: label('保存') }).click();
    const errors = dialog.locator('.ant-form-item-explain-error');
    await expect.poll(() => errors.allInnerTexts()).toEqual(['请选择带班领导', '请至少选择一名值班员']);
    await pickPeople(dialog.getByLabel('带班领导'), ['黄欣刚']);
    await pickPeople(dialog.getByLabel('值班员'), ['崔伟', '黄欣刚']);
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => errors.allInnerTexts()).toEqual(['带班领导不能同时作为本班次值班员']);
    await screenshot(page, 'duty-roster-refused');
    // Nothing chosen is lost: take the leader out of the officers and save.
    await dialog
      .locator('.ant-select-selection-item')
      .filter({ hasText: '黄欣刚' })
      .last()
      .locator('.ant-select-selection-item-remove')
      .click();
    await dialog.getByRole('button', { name: label('保存') }).click();
    await messageShown(page, '已保存 11月23日 白班 的排班');
    await dialog.waitFor({ state: 'hidden' });
    await rosterShift(night, '刘玉超', ['王晨浩']);
    await expect.poll(() => day.innerText()).toMatch(/黄欣刚[\s\S]*崔伟/);
    await expect.poll(() => night.innerText()).toMatch(/刘玉超[\s\S]*王晨浩/);

    await roster.getByRole('button', { name: /下一周/ }).click();
    await roster.getByText('2026-11-30 至 2026-12-06').waitFor();
    await roster.getByRole('button', { name: /复制上周/ }).click();
    await messageShown(page, '已复制上周排班 2 个班次（已排的班次未改动）');
    await expect
      .poll(() => roster.locator('.ant-table-row').nth(1).innerText())
      .toMatch(/11-30[\s\S]*刘玉超[\s\S]*王晨浩|刘玉超[\s\S]*王晨浩/);

    await page.reload();
    await page.getByTestId('duty-roster').getByText('2026-11-23 至 2026-11-29').waitFor();
    await expect
      .poll(() => page.getByTestId('duty-roster').locator('.ant-table-row').nth(0).innerText())
      .toMatch(/黄欣刚[\s\S]*崔伟/);
    await animationsSettled(page);
    await screenshot(page, 'duty-roster-week');

    // The day's brief names who stood each shift.
    await page.keyboard.press('Alt+7');
    const brief = page.locator('.brief-sheet');
    await expect
      .poll(() => brief.innerText())
      .toMatch(/值班人员[\s\S]*白班[\s\S]*黄欣刚[\s\S]*崔伟[\s\S]*夜班[\s\S]*刘玉超[\s\S]*王晨浩/);
  });

  it('hands over the open incident and a written item; only the named receiver confirms, after a reload', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await page.keyboard.press('Alt+1');
    await page.getByRole('tab', { name: '值班排班' }).click();
    const roster = page.getByTestId('duty-roster');
    await roster.getByText('2026-11-23 至 2026-11-29').waitFor();
    await rosterShift(roster.locator('.ant-table-row').nth(1), '刘玉超', ['王晨浩', '郭春磊']);

    // An incident still open at the end of the shift, with a task nobody has started.
    await page.keyboard.press('Alt+2');
    const list = page.getByTestId('incident-list');
    await list.getByRole('button', { name: label('新建事件') }).click();
    const open = page.getByRole('dialog').filter({ hasText: '新建事件' });
    await open.waitFor();
    await animationsSettled(page);
    await open.getByLabel('事件名称').fill('厂房冒烟，原因待查');
    await pick(page, open.getByLabel('事件类别'), '事故灾难');
    await open.getByLabel('事发地点').fill('青石街道工业园');
    await open.getByRole('button', { name: label('保存') }).click();
    const tasks = page.locator('.incident-console').getByTestId('incident-tasks');
    await tasks.getByRole('button', { name: label('临时任务') }).click();
    const task = page.getByRole('dialog').filter({ hasText: '新增临时任务' });
    await task.waitFor();
    await task.getByLabel('任务内容').fill('派员核实冒烟原因');
    await task.getByRole('button', { name: label('保存') }).click();
    await task.waitFor({ state: 'hidden' });

    await page.clock.fastForward('35:00');
    await page.keyboard.press('Alt+1');
    await page.getByRole('tab', { name: '交接班' }).click();
    const current = page.getByTestId('handover-current');
    await current.getByText('当前班次：11月23日 白班').waitFor();
    await current.getByRole('button', { name: label('交班') }).click();
    const form = page.getByTestId('handover-form');
    await form.waitFor();
    await animationsSettled(page);
    const items = page.getByTestId('handover-open-items');
    await expect.poll(() => items.innerText()).toMatch(/在办事件[\s\S]*2026-0001 厂房冒烟，原因待查/);
    expect(await items.innerText()).toMatch(/信息报送[\s\S]*书面初报/);
    expect(await items.innerText()).toMatch(/任务[\s\S]*未完成任务1项/);
    // The receiver is the first officer of the 夜班, as rostered.
    await expect.poll(() => form.locator('.ant-select').innerText()).toMatch(/王晨浩/);
    await form.getByRole('button', { name: label('增加一项') }).click();
    await form
      .getByPlaceholder('例如：22:00 回电区水务局确认泵站运行情况')
      .fill('18:00 回电青石街道，确认工业园排查结果');
    await form.getByLabel('值班情况说明').fill('本班接报平稳，工业园冒烟待核实。');
    await screenshot(page, 'duty-handover-form');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: label('确认交班') })
      .click();
    await messageShown(page, '已交班给 王晨浩，待其签到后确认接班');

    const pending = page.getByTestId('handover-pending');
    await pending.getByText('11月23日 白班 → 11月23日 夜班：待 王晨浩 接班确认').waitFor();
    await pending.getByText('请 王晨浩 签到后确认接班（当前签到：崔伟）').waitFor();
    expect(await pending.getByRole('button', { name: label('接班确认') }).isDisabled()).toBe(true);

    await page.reload();
    await page.getByTestId('handover-pending').waitFor();
    await signIn(page, '王晨浩');
    await page
      .getByTestId('handover-pending')
      .getByRole('button', { name: label('接班确认') })
      .click();
    await messageShown(page, '已确认接班');
    await page.getByTestId('handover-pending').waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row').first();
    await expect.poll(() => row.innerText()).toMatch(/崔伟[\s\S]*王晨浩[\s\S]*11-23 17:2\d/);

    await row.click();
    const sheet = page.getByTestId('handover-sheet');
    await sheet.waitFor();
    await animationsSettled(page);
    const text = await sheet.innerText();
    expect(text).toContain('18:00 回电青石街道，确认工业园排查结果');
    expect(text).toContain('本班接报平稳，工业园冒烟待核实。');
    expect(text).toMatch(/交班人：崔伟[\s\S]*接班人：王晨浩/);
    await screenshot(page, 'duty-handover-sheet');
    // On paper the sheet stands alone: the app behind it is not printed.
    await page.evaluate(() => document.body.classList.add('print-report'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await screenshot(page, 'duty-handover-print');
  });
});
