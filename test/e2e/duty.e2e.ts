import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { freshBrowserEachTest } from './browser-per-test';
import { screenshot } from './harness';
import { messageShown } from './settings-drivers';

const baseUrl = inject('baseUrl');
/** 02:15 at night, local time of the browser: a call comes in. */
const NOW = new Date('2026-11-23T02:15:00');

let page: Page;

freshBrowserEachTest(NOW, (fresh) => {
  page = fresh.page;
});

function drawer() {
  return page.locator('.ant-drawer').filter({ hasText: '接报登记' });
}

describe('值班值守 · 接报登记', () => {
  it('records a call at night with Alt+J: refuses what is missing or impossible, keeps what was typed, numbers it and keeps it after a reload', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔亚波');
    await page.keyboard.press('Alt+1');
    const register = page.getByTestId('intake-register');
    await register.getByText('尚无接报记录').waitFor();
    await page.keyboard.press('Alt+J');
    const form = drawer();
    await form.waitFor();
    await animationsSettled(page);
    expect(await form.getByLabel('接报时间').inputValue()).toBe('2026-11-23 02:15');

    await form.getByRole('button', { name: label('保存') }).click();
    const errors = form.locator('.ant-form-item-explain-error');
    await expect.poll(() => errors.allInnerTexts()).toEqual(['必填', '必填', '必填', '必填', '必填']);

    await form.getByLabel('报告单位').fill('东湖街道办事处');
    await form.getByLabel('报告人').fill('王建国');
    await form.getByLabel('联系电话').fill('12345');
    await form.getByLabel('事发时间').fill('2026-11-23 02:40');
    await form.getByLabel('事发时间').press('Enter');
    await form.getByLabel('事件类别').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '事故灾难' }).click();
    await form.getByLabel('事发地点').fill('东湖街道滨江路与新港路交叉口');
    await form
      .getByLabel('事件性质与简要经过')
      .fill('一辆危化品运输车侧翻，罐体有液体渗漏，现场有刺激性气味');
    await form.getByLabel('受伤（人）').fill('2');
    await form.getByLabel('已采取措施').fill('已通知消防、公安到场，疏散周边200米群众');
    await form.getByRole('button', { name: label('保存') }).click();
    await expect
      .poll(() => errors.allInnerTexts())
      .toEqual(['电话格式不正确（例如 0999-2345678 或 23456789-123）', '事发时间不能晚于接报时间']);
    expect(await form.getByLabel('事发地点').inputValue()).toBe('东湖街道滨江路与新港路交叉口');
    await screenshot(page, 'duty-intake-refused');

    await form.getByLabel('联系电话').fill('13912345678');
    await form.getByLabel('事发时间').fill('2026-11-23 02:05');
    await form.getByLabel('事发时间').press('Enter');
    await form.getByRole('button', { name: label('保存') }).click();
    await messageShown(page, '已登记接报 2026-0001');
    await form.waitFor({ state: 'hidden' });

    await page.reload();
    const row = register.locator('.ant-table-row').first();
    await expect
      .poll(() => row.innerText())
      .toMatch(
        /2026-0001[\s\S]*2026-11-23 02:15[\s\S]*事故灾难[\s\S]*东湖街道滨江路[\s\S]*受伤2人[\s\S]*王建国[\s\S]*崔亚波/,
      );
    await row.click();
    const detail = page.getByTestId('intake-detail');
    await expect.poll(() => detail.innerText()).toContain('已通知消防、公安到场，疏散周边200米群众');
    expect(await detail.innerText()).toContain('2026-11-23 02:05');
    await animationsSettled(page);
    await screenshot(page, 'duty-intake-detail');
  });
});
