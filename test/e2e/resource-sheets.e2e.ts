import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import { messageShown } from './settings-drivers';

const baseUrl = inject('baseUrl');
const SAMPLE_MATERIALS = 434;
const WAREHOUSE = '示范区应急物资储备库（区级）';

let session: BrowserSession;
let page: Page;

beforeEach(async () => {
  session = await launchBrowser();
  page = session.page;
});
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

/** The sheet an office keeps: six items, three of them wrong (a short code, an unknown warehouse, 30 February). */
async function materialsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('物资');
  sheet.addRows([
    [
      '物资编码',
      '物资名称',
      '规格型号',
      '计量单位',
      '存放仓库',
      '最低库存',
      '期初数量',
      '批次号',
      '有效期至',
    ],
    ['3999901', '防汛应急照明灯塔', '4×500W', '台', WAREHOUSE, 2, 6, '', ''],
    ['39999', '移动式抽水机组', '300m³/h', '台', WAREHOUSE, 1, 3, '', ''],
    ['3999902', '折叠式储水罐', '5m³', '个', WAREHOUSE, 5, 12, '', ''],
    ['3999903', '应急饮用水', '5L×4', '箱', '西城仓库', 50, 200, 'W-01', '2027-05-01'],
    ['3999904', '应急食品包', '单人3日', '份', WAREHOUSE, 100, 300, 'F-01', '2027-02-30'],
    ['3999905', '防水篷布', '8×10m', '张', WAREHOUSE, 20, 60, '', ''],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function openImport(tab: string, kindLabel: string) {
  await page.goto(`${baseUrl}#/resources/${tab}`);
  const registry = page.locator('.registry-tab');
  await expect.poll(() => registry.innerText(), { timeout: 15_000 }).toMatch(/共 [1-9]\d* 条/);
  await registry.getByRole('button', { name: label('导入') }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `导入${kindLabel}` });
  await dialog.waitFor();
  await animationsSettled(page);
  return dialog;
}

describe('应急资源 import and export', () => {
  it('imports an XLSX: names the three bad rows by row and column, takes a fix, skips the rest, and keeps the rows after a reload', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔亚波');
    const dialog = await openImport('materials', '物资');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByRole('button', { name: /选择文件/ }).click(),
    ]);
    await chooser.setFiles({
      name: '物资台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await materialsWorkbook(),
    });
    await dialog.getByText('物资台账.xlsx：6 行数据').waitFor();
    // Each of the registry's columns beside the file's column it was matched to by its header; the workbook
    // has no 来源 or 备注 column, so those two are left out.
    const mapping = dialog.getByRole('group', { name: '文件中的列' });
    expect(await mapping.getByText('（不导入）').count()).toBe(2);
    await screenshot(page, 'resources-import-mapping');
    await dialog.getByRole('button', { name: label('检查数据') }).click();

    const summary = dialog.getByTestId('sheet-summary');
    await expect.poll(() => summary.innerText()).toBe('共 6 行：可导入 3 行，3 行有错误（3 处）');
    const issues = dialog.getByTestId('sheet-issues').locator('tbody tr');
    await expect
      .poll(() => issues.allInnerTexts())
      .toEqual([
        expect.stringMatching(/^第3行\s+物资编码\s+物资编码应为 7 位数字/),
        expect.stringMatching(/^第5行\s+存放仓库\s+找不到仓库“西城仓库”/),
        expect.stringMatching(/^第6行\s+有效期至\s+不是有效日期（格式 YYYY-MM-DD）/),
      ]);
    const importButton = dialog.getByRole('button', { name: /导入 \d+ 行/ });
    expect(await importButton.isDisabled()).toBe(true);
    await screenshot(page, 'resources-import-preview');

    // Fix the code in place and check again; skip the two rows that remain wrong.
    const fix = dialog.getByLabel('修改第3行 物资编码');
    await fix.fill('3999906');
    await fix.blur();
    await dialog.getByRole('button', { name: label('按修改重新检查') }).click();
    await expect.poll(() => summary.innerText()).toBe('共 6 行：可导入 4 行，2 行有错误（2 处）');
    await dialog.getByText('跳过这 2 行有错误的数据').click();
    await dialog.getByRole('button', { name: /导入 4 行/ }).click();
    await messageShown(page, '已导入 4 条物资');

    const registry = page.locator('.registry-tab');
    await expect.poll(() => registry.innerText()).toContain(`共 ${SAMPLE_MATERIALS + 4} 条`);
    await page.reload();
    await expect
      .poll(() => registry.innerText(), { timeout: 15_000 })
      .toContain(`共 ${SAMPLE_MATERIALS + 4} 条`);
    await page.keyboard.press('Control+k');
    const search = page.getByRole('dialog').filter({ hasText: '一键检索应急资源' });
    await search.waitFor();
    const box = search.locator('input[aria-label="一键检索"]');
    await box.fill('移动式抽水机组');
    await expect
      .poll(() => search.locator('.ant-list-item').first().innerText())
      .toMatch(/移动式抽水机组[\s\S]*3999906[\s\S]*3 台/);

    // Its opening stock is the first line of its 台账, before and after the first 出库 posts it.
    await box.press('Enter');
    await page.getByTestId('material-detail').waitFor();
    const ledger = page.locator('.ant-card').filter({ hasText: '台账流水' }).locator('tbody tr');
    await expect
      .poll(() => ledger.allInnerTexts())
      .toEqual([expect.stringMatching(/入库[\s\S]*3[\s\S]*期初导入/)]);
    await page.getByRole('button', { name: label('出入库') }).click();
    const stock = page.getByRole('dialog').filter({ hasText: '物资出入库' });
    await stock.waitFor();
    await animationsSettled(page);
    await stock.getByText('出库', { exact: true }).click();
    await stock.getByLabel(/^数量/).fill('1');
    await stock.getByLabel('领用单位 / 来源').fill('东湖街道办事处');
    await stock.getByRole('button', { name: label('保存') }).click();
    await messageShown(page, '已登记出库：移动式抽水机组');
    const posted = [
      expect.stringMatching(/入库[\s\S]*3[\s\S]*期初导入/),
      expect.stringMatching(/出库[\s\S]*-1[\s\S]*东湖街道办事处/),
    ];
    await expect.poll(() => ledger.allInnerTexts()).toEqual(posted);
    await page.reload();
    await page.getByTestId('material-detail').waitFor();
    await expect.poll(() => ledger.allInnerTexts(), { timeout: 15_000 }).toEqual(posted);
    expect((await page.getByTestId('material-total').innerText()).trim()).toBe('2 台');
    await screenshot(page, 'resources-imported-material-ledger');

    await page.keyboard.press('Control+k');
    await search.waitFor();
    // The row with the unknown warehouse was skipped, not imported.
    await box.fill('应急饮用水 3999903');
    await expect.poll(() => search.innerText()).toContain('没有找到匹配的资源');
  });

  it('cancelling a long import leaves nothing of the file behind', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔亚波');
    const dialog = await openImport('materials', '物资');
    const pad = (n: number) => String(n).padStart(2, '0');
    const lines = ['物资编码,物资名称,规格型号,计量单位,存放仓库,期初数量'];
    for (let i = 0; i < 30_000; i += 1) {
      const code = `3${pad(50 + Math.floor(i / 9801))}${pad(1 + (Math.floor(i / 99) % 99))}${pad(1 + (i % 99))}`;
      lines.push(`${code},导入测试物资${i},规格${i % 7},件,${WAREHOUSE},${1 + (i % 50)}`);
    }
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByRole('button', { name: /选择文件/ }).click(),
    ]);
    await chooser.setFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\r\n')),
    });
    await dialog.getByText('big.csv：30000 行数据').waitFor();
    await dialog.getByRole('button', { name: label('检查数据') }).click();
    await expect
      .poll(() => dialog.getByTestId('sheet-summary').innerText())
      .toBe('共 30000 行：可导入 30000 行，0 行有错误（0 处）');
    await dialog.getByRole('button', { name: /导入 30000 行/ }).click();
    await dialog.getByTestId('sheet-progress').waitFor();
    await screenshot(page, 'resources-import-progress');
    await dialog.getByRole('button', { name: label('取消导入') }).click();
    await expect
      .poll(() => dialog.getByTestId('sheet-failure').innerText(), { timeout: 60_000 })
      .toBe('已取消导入，未写入任何数据');
    await dialog.locator('.ant-modal-close').click();
    await page.reload();
    await expect
      .poll(() => page.locator('.registry-tab').innerText(), { timeout: 15_000 })
      .toContain(`共 ${SAMPLE_MATERIALS} 条`);
  });

  it('a file with an unknown column layout is refused at the header, and nothing is written', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔亚波');
    const dialog = await openImport('teams', '队伍');
    // A workbook cut short in the copy: refused, naming the file, in Chinese.
    const [damaged] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByRole('button', { name: /选择文件/ }).click(),
    ]);
    await damaged.setFiles({
      name: '队伍-损坏.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]),
    });
    await expect
      .poll(() => dialog.getByTestId('sheet-failure').innerText(), { timeout: 30_000 })
      .toMatch(/^「队伍-损坏\.xlsx」：无法读取该 Excel 文件：文件已损坏/);
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      dialog.getByRole('button', { name: /选择文件/ }).click(),
    ]);
    // GBK, as Excel on Chinese Windows saves CSV: 名字 is not a header we know, so 队伍名称 is not mapped.
    const gbk = Buffer.from([0xc3, 0xfb, 0xd7, 0xd6, 0x0d, 0x0a, 0xb2, 0xe2, 0xca, 0xd4, 0x0d, 0x0a]);
    await chooser.setFiles({ name: 'teams.csv', mimeType: 'text/csv', buffer: gbk });
    await dialog.getByText('teams.csv：1 行数据（gb18030）').waitFor();
    await dialog.getByRole('button', { name: label('检查数据') }).click();
    await expect
      .poll(() => dialog.getByTestId('sheet-issues').innerText())
      .toMatch(/第1行\s+队伍名称\s+缺少必填列/);
    expect(await dialog.getByRole('button', { name: /导入 \d+ 行/ }).isDisabled()).toBe(true);
  });

  it('exports the shelters as XLSX and CSV in the columns import reads', async () => {
    await openApp(page, baseUrl, '/resources/shelters');
    const registry = page.locator('.registry-tab');
    await expect.poll(() => registry.innerText(), { timeout: 15_000 }).toContain('共 15 条');
    const dir = mkdtempSync(join(tmpdir(), 'ed-export-'));
    for (const format of ['Excel（.xlsx）', 'CSV（UTF-8）']) {
      await registry.getByRole('button', { name: label('导出') }).hover();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByText(format).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      if (path.endsWith('.xlsx')) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(path);
        const sheet = workbook.worksheets[0]!;
        expect(sheet.rowCount).toBe(16);
        expect(sheet.getRow(1).getCell(1).value).toBe('场所名称');
      } else {
        const text = readFileSync(path, 'utf8');
        expect(text.startsWith('\uFEFF场所名称,级别,场所类型')).toBe(true);
        expect(text.trim().split('\r\n')).toHaveLength(16);
      }
    }
  });
});
