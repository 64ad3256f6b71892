import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import { openApp, signIn } from './drivers';

const baseUrl = inject('baseUrl');
const CJK = /[\u4e00-\u9fff]/;
const LABELS =
  '.ant-menu-item, button, th, label, .ant-card-head-title, .ant-tabs-tab, .ant-tag, .app-header-title';

/** Chinese text left in UI chrome (not data: names of people and units are Chinese in any language). */
async function chineseLabels(session: BrowserSession, allowed: string[]): Promise<string[]> {
  const texts = await session.page
    .locator(LABELS)
    .evaluateAll((nodes) =>
      nodes
        .filter(
          (n) =>
            (n as HTMLElement).offsetParent !== null &&
            !n.closest('.ant-table-tbody, .ant-table-tbody-virtual'),
        )
        .map((n) => (n.textContent ?? '').trim()),
    );
  return texts.filter((text) => CJK.test(text) && !allowed.some((a) => text.includes(a)));
}

describe('the shell', () => {
  let session: BrowserSession;
  beforeEach(async () => {
    session = await launchBrowser();
  });
  afterEach(async () => {
    await session.close();
  });

  it('opens in Chinese with the eight areas, the directory first, and each area a keystroke away', async () => {
    const { page } = session;
    await openApp(page, baseUrl);
    for (const area of ['值班值守', '事件指挥', '应急预案', '演练', '应急资源', '通讯录', '报告', '设置']) {
      await expect(page.getByRole('menuitem', { name: new RegExp(area) }).isVisible()).resolves.toBe(true);
    }
    await page.getByRole('tab', { name: '人员' }).waitFor();
    await screenshot(page, '01-directory-zh');

    await page.keyboard.press('Alt+4');
    await page.getByRole('tab', { name: '演练方案' }).waitFor();
    await screenshot(page, '02-drills');
    expect(session.errors).toEqual([]);
  });

  it('switches every visible label to English and back, and remembers the choice after a reload', async () => {
    const { page } = session;
    await openApp(page, baseUrl, '/settings');
    await signIn(page, '崔伟');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('menuitem', { name: /Directory/ }).waitFor();
    // Data stays as entered: the operator's name and position, the language's own name and the jurisdiction.
    const allowedData = ['崔伟', '值班员', '简体中文', '示范区'];
    expect(await chineseLabels(session, allowedData)).toEqual([]);
    await screenshot(page, '03-settings-en');

    await page.reload();
    await page.getByRole('menuitem', { name: /Directory/ }).click();
    await page.getByRole('tab', { name: 'People' }).waitFor();
    expect(await chineseLabels(session, allowedData)).toEqual([]);
    await screenshot(page, '04-directory-en');

    // The areas built since: their chrome is English too (resource names stay as entered).
    for (const route of [
      '/duty',
      '/incidents',
      '/drills',
      '/resources/search',
      '/resources/materials',
      '/resources/shelters',
      '/resources/pullTests',
      '/resources/alerts',
    ]) {
      await page.goto(`${baseUrl}#${route}`);
      await page.getByRole('menuitem', { name: /Directory/ }).waitFor();
      await page.waitForLoadState('networkidle');
      expect({ route, labels: await chineseLabels(session, allowedData) }).toEqual({ route, labels: [] });
    }
    await screenshot(page, '05-resources-en');

    await page.getByRole('menuitem', { name: /Settings/ }).click();
    await page.getByText('简体中文', { exact: true }).click();
    await page.getByRole('menuitem', { name: /通讯录/ }).waitFor();
    expect(session.errors).toEqual([]);
  });
});
