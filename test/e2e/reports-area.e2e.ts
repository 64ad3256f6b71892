import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { freshBrowserEachTest } from './browser-per-test';
import { RESULTS_DIR, screenshot } from './harness';
import { recordIntake, turnIntoIncident } from './incident-drivers';
import { messageGone } from './plan-drivers';

const baseUrl = inject('baseUrl');
/** Monday 23 November 2026, 10:15 local time of the browser. */
const NOW = new Date('2026-11-23T10:15:00');
const CJK = /[\u4e00-\u9fff]/;

let page: Page;

freshBrowserEachTest(NOW, (fresh) => {
  page = fresh.page;
});

/** 接报 → 转为事件, without a plan (临时事件); resolves on the incident's console. */
async function openIncidentFrom(place: string): Promise<void> {
  const dialog = await turnIntoIncident(
    page,
    page.getByTestId('intake-register').locator('.ant-table-row').filter({ hasText: place }),
  );
  await dialog.getByRole('button', { name: label('保存') }).click();
  await page.locator('.incident-console').getByTestId('incident-header').waitFor();
}

function brief() {
  const root = page.getByTestId('daily-brief');
  return {
    root,
    headline: () => root.getByTestId('brief-headline').locator('li').allInnerTexts(),
    rows: (section: string) => root.getByTestId(`brief-${section}`).locator('.ant-table-row'),
  };
}

/** Rows of the table under a summary chart, as [label, figures …]. */
async function tableUnder(block: Locator): Promise<string[][]> {
  return block
    .locator('.ant-table-row')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}

/** Chinese left in the area's chrome (data such as places and the jurisdiction's name may stay Chinese). */
async function chineseChrome(allowed: string[]): Promise<string[]> {
  const texts = await page
    .locator(
      '.reports-area :is(.ant-tabs-tab, button, th, label, .brief-section-title, .brief-headline li, .brief-sheet-sub, .brief-sheet-title, .ant-segmented-item-label, .ant-empty-description, .ant-typography)',
    )
    .evaluateAll((nodes) =>
      nodes
        .filter((n) => (n as HTMLElement).offsetParent !== null && !n.closest('.ant-table-tbody'))
        .map((n) => (n.textContent ?? '').trim()),
    );
  return texts.filter((text) => CJK.test(text.replace(new RegExp(allowed.join('|'), 'g'), '')));
}

/** The whole sheet as it goes to paper: print media, with the class the print button puts on the body. */
async function printPreview(name: string): Promise<void> {
  await page.evaluate(() => document.body.classList.add('print-sheet'));
  await page.emulateMedia({ media: 'print' });
  await expect.poll(() => page.locator('.ant-layout-sider').isVisible()).toBe(false);
  await page.screenshot({ path: join(RESULTS_DIR, 'screenshots', `${name}.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => document.body.classList.remove('print-sheet'));
}

/** English words in the Chinese area (the shell's own "Alt+n" hints are outside it). */
async function latinInArea(): Promise<string[]> {
  const text = await page.locator('.reports-area').innerText();
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])];
}

describe('报告 · 每日简况与周报', () => {
  it('adds up the day from what the desk recorded, keeps it across a reload, charts the week, and speaks English', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await recordIntake(page, {
      occurredAt: '2026-11-23 10:00',
      category: '事故灾难',
      place: '东湖街道滨江路与新港路交叉口',
      nature: '一辆危化品运输车侧翻，罐体有液体渗漏',
      dead: 1,
      injured: 2,
    });
    await recordIntake(page, {
      occurredAt: '2026-11-23 09:40',
      category: '自然灾害',
      place: '西城街道人民路',
      nature: '强降雨致人民路积水约40厘米',
    });
    await openIncidentFrom('东湖街道滨江路');

    // 报告 → 每日简况 of today.
    await page.getByRole('menuitem', { name: /报告/ }).click();
    const b = brief();
    await b.root.waitFor();
    const headline = [
      '接报 2 起',
      '其中转为事件 1 起',
      '死亡 1 人、受伤 2 人、失联 0 人',
      '在办事件 1 起',
      '新立 1 起、办结 0 起',
      '处置日志 1 条',
      '报送 0 份',
      '迟报 0 份',
      '可能迟报 0 项',
    ];
    await expect.poll(b.headline).toEqual(headline);
    await expect
      .poll(() => b.rows('intakes').allInnerTexts())
      .toEqual([
        expect.stringMatching(
          /2026-0001\s+10:15\s+10:00\s+事故灾难\s+东湖街道滨江路.*死亡1人、受伤2人\s+2026-0001/,
        ),
        expect.stringMatching(/2026-0002\s+10:1\d\s+09:40\s+自然灾害\s+西城街道人民路.*无人员伤亡/),
      ]);
    await expect(b.rows('incidents').innerText()).resolves.toMatch(/2026-0001[\s\S]*一般[\s\S]*当日立案/);
    await b.root.getByTestId('brief-reports').getByText('当日未报送信息').waitFor();
    await b.root.getByTestId('brief-highlights').getByText('当日无响应级别或事件分级变化').waitFor();
    await page
      .locator('.reports-toolbar')
      .getByRole('button', { name: label('打印') })
      .waitFor();
    await expect(page.getByRole('tab', { name: '每日简况' }).getAttribute('aria-selected')).resolves.toBe(
      'true',
    );
    await messageGone(page, '已登记接报 2026-0002');
    await animationsSettled(page);
    await screenshot(page, '100-reports-daily-brief');
    await expect(latinInArea()).resolves.toEqual([]);

    await page.reload();
    await expect.poll(b.headline).toEqual(headline);
    await expect.poll(() => b.rows('intakes').count()).toBe(2);

    // Two and a half hours later nothing has been sent: both deadlines of the incident are 可能迟报.
    await page.clock.fastForward('02:30:00');
    await page.reload();
    await expect.poll(async () => (await b.headline()).at(-1)).toBe('可能迟报 2 项');
    await expect.poll(() => b.rows('late').count()).toBe(2);
    await expect(b.rows('late').first().innerText()).resolves.toMatch(/2026-0001[\s\S]*11:00[\s\S]*可能迟报/);
    await b.root.getByTestId('brief-late').scrollIntoViewIfNeeded();
    await screenshot(page, '101-reports-daily-overdue');
    await printPreview('108-reports-daily-print');

    // The day before: nothing happened.
    const picker = page.locator('.reports-toolbar .ant-picker input');
    await picker.click();
    await picker.fill('2026-11-22');
    await picker.press('Enter');
    await expect.poll(async () => (await b.headline())[0]).toBe('接报 0 起');
    await b.root.getByTestId('brief-intakes').getByText('当日无接报').waitFor();
    await expect
      .poll(() => b.root.locator('.brief-sheet-sub').first().innerText())
      .toBe('2026年11月22日 星期日');
    await animationsSettled(page);
    await screenshot(page, '102-reports-daily-empty');

    // 周报: the week of the 23rd, Monday first; the category chart draws on a canvas, the table says the same.
    await picker.click();
    await picker.fill('2026-11-23');
    await picker.press('Enter');
    await page.getByRole('tab', { name: '周报 / 月报' }).click();
    const summary = page.getByTestId('period-summary');
    await summary.waitFor();
    await expect
      .poll(() => summary.locator('.brief-sheet-sub').first().innerText())
      .toBe('2026年11月23日 至 2026年11月29日');
    const categories = summary.getByTestId('summary-category');
    await expect.poll(() => categories.locator('canvas').count()).toBe(1);
    await expect
      .poll(() => categories.locator('canvas').evaluate((c) => (c as HTMLCanvasElement).width))
      .toBeGreaterThan(100);
    expect(await tableUnder(categories)).toEqual([
      ['自然灾害', '1'],
      ['事故灾难', '1'],
      ['公共卫生事件', '0'],
      ['社会安全事件', '0'],
    ]);
    const streets = await tableUnder(summary.getByTestId('summary-street'));
    expect(streets.filter(([, count]) => count !== '0')).toEqual([
      ['东湖街道办事处', '1'],
      ['西城街道办事处', '1'],
    ]);
    expect(streets.at(-1)).toEqual(['未注明街道', '0']);
    // 事发 → 接报: 15 minutes (10:00 → 10:15) and 35 (09:40 → 10:15, or 36 if the minute turned); nothing sent.
    const delays = await tableUnder(summary.getByTestId('summary-delays'));
    const longest = Number(delays[0]?.[3]);
    expect([35, 36]).toContain(longest);
    expect(delays[0]?.slice(1)).toEqual(['2', String((15 + longest) / 2), String(longest)]);
    expect(delays[1]?.slice(1)).toEqual(['0', '—', '—']);
    await expect(summary.getByTestId('summary-delays').innerText()).resolves.toContain('尚未报送的事件 1 起');
    await summary.getByTestId('summary-deadlines').waitFor();
    await animationsSettled(page);
    await screenshot(page, '103-reports-weekly');
    await expect(latinInArea()).resolves.toEqual([]);
    await summary.getByTestId('summary-deadlines').scrollIntoViewIfNeeded();
    await screenshot(page, '104-reports-weekly-lower');
    await printPreview('109-reports-weekly-print');

    await page.locator('.reports-toolbar .ant-segmented').getByText('月报').click();
    await expect
      .poll(() => summary.locator('.brief-sheet-sub').first().innerText())
      .toBe('2026年11月1日 至 2026年11月30日');
    await expect.poll(() => summary.getByTestId('summary-day').locator('.ant-table-row').count()).toBe(6);
    await summary.getByTestId('summary-day').scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '105-reports-monthly');

    // English: the area's chrome follows; places, names and the jurisdiction stay as entered.
    await page.getByRole('menuitem', { name: /设置/ }).click();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('menuitem', { name: /Reports/ }).click();
    await page.getByRole('tab', { name: 'Daily brief' }).click();
    await expect.poll(async () => (await brief().headline())[0]).toBe('Reports received: 2');
    const allowed = ['示范区'];
    await expect.poll(() => chineseChrome(allowed)).toEqual([]);
    await animationsSettled(page);
    await screenshot(page, '106-reports-daily-en');
    await page.getByRole('tab', { name: 'Weekly / monthly' }).click();
    await summary.getByTestId('summary-category').locator('canvas').waitFor();
    await expect.poll(() => chineseChrome(allowed)).toEqual([]);
    await animationsSettled(page);
    await screenshot(page, '107-reports-weekly-en');

    await page.getByRole('menuitem', { name: /Settings/ }).click();
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByRole('menuitem', { name: /报告/ }).waitFor();
  });
});
