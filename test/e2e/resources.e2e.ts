import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { SampleResources } from '../../shared/domain/resources/sample-resources';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { launchBrowser, ROOT, screenshot, type BrowserSession } from './harness';
import { messageShown } from './settings-drivers';

const baseUrl = inject('baseUrl');
const sample = JSON.parse(
  readFileSync(join(ROOT, 'resources/sample-data/resources.json'), 'utf8'),
) as SampleResources;

/** A material with a single receipt of goods that do not expire: its stock on hand is that receipt. */
function plainMaterial() {
  const receipts = new Map<string, number>();
  for (const r of sample.receipts) receipts.set(r.materialId, (receipts.get(r.materialId) ?? 0) + 1);
  const receipt = sample.receipts.find(
    (r) => receipts.get(r.materialId) === 1 && r.expiresInDays === null && r.quantity >= 100,
  )!;
  return { material: sample.materials.find((m) => m.id === receipt.materialId)!, quantity: receipt.quantity };
}

function expiringBatch() {
  const receipt = sample.receipts.find(
    (r) => r.expiresInDays !== null && r.expiresInDays >= 0 && r.expiresInDays <= 30,
  )!;
  return { material: sample.materials.find((m) => m.id === receipt.materialId)!, batchNo: receipt.batchNo };
}

let session: BrowserSession;
let page: Page;

beforeEach(async () => {
  session = await launchBrowser();
  page = session.page;
});
afterEach(async () => {
  try {
    expect(session.errors).toEqual([]);
  } finally {
    await session.close();
  }
});

async function searchResources(query: string) {
  const box = page.locator('input[aria-label="一键检索"]');
  await box.fill(query);
  return page.getByTestId('resource-search-results');
}

async function openTeamForm() {
  await page
    .getByTestId('registry-team')
    .getByRole('button', { name: /新增\s*队伍/ })
    .click();
  const form = page.getByRole('dialog').filter({ hasText: '新增队伍' });
  await form.waitFor();
  await animationsSettled(page);
  return form;
}

async function materialTotal(): Promise<string> {
  return (await page.getByTestId('material-total').innerText()).trim();
}

describe('应急资源', () => {
  it('finds a material by code and by name, refuses to issue more than is in stock, records an issue, and keeps it after a reload', async () => {
    const { material, quantity } = plainMaterial();
    await openApp(page, baseUrl);
    await signIn(page, '崔亚波');
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: '一键检索' }).waitFor();

    const results = await searchResources(material.code);
    await expect.poll(() => results.locator('.ant-list-item').first().innerText()).toContain(material.name);
    await expect.poll(() => results.locator('.ant-list-item').first().innerText()).toContain(`${quantity}`);
    await searchResources(`${material.name} ${material.spec.split(' ')[0]}`);
    await expect.poll(() => results.locator('.ant-list-item').first().innerText()).toContain(material.code);
    await screenshot(page, 'resources-search');
    await page.locator('input[aria-label="一键检索"]').press('Enter');
    await page.getByTestId('material-detail').waitFor();
    expect(await materialTotal()).toBe(`${quantity} ${material.unit}`);

    // More than the stock: refused with the figures, the dialog keeps what was typed, nothing is written.
    await page.getByRole('button', { name: label('出入库') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '物资出入库' });
    await dialog.waitFor();
    await animationsSettled(page);
    await dialog.getByText('出库', { exact: true }).click();
    await dialog.getByLabel(/^数量/).fill(String(quantity + 1));
    await dialog.getByLabel('领用单位 / 来源').fill('东湖街道办事处');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect
      .poll(() => dialog.getByTestId('stock-refusal').innerText())
      .toBe(
        `库存不足：可用 ${quantity}${material.unit}，申请 ${quantity + 1}${material.unit}。未做任何更改。`,
      );
    expect(await dialog.getByLabel(/^数量/).inputValue()).toBe(String(quantity + 1));
    await screenshot(page, 'resources-over-issue-refused');
    expect(await materialTotal()).toBe(`${quantity} ${material.unit}`);

    await dialog.getByLabel(/^数量/).fill('30');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await messageShown(page, `已登记出库：${material.name}`);
    await expect.poll(materialTotal).toBe(`${quantity - 30} ${material.unit}`);
    const ledger = page.locator('.ant-card').filter({ hasText: '台账流水' });
    await expect
      .poll(() => ledger.locator('tbody tr').last().innerText())
      .toMatch(/出库[\s\S]*-30[\s\S]*东湖街道办事处[\s\S]*崔亚波/);

    await page.reload();
    await page.getByTestId('material-detail').waitFor();
    await expect.poll(materialTotal).toBe(`${quantity - 30} ${material.unit}`);
    await expect.poll(() => ledger.locator('tbody tr').last().innerText()).toContain('东湖街道办事处');
    await screenshot(page, 'resources-material-ledger');
  });

  it('shows an expiring batch as an alert, counted in the header of the home screen, linking to its material', async () => {
    const { material, batchNo } = expiringBatch();
    await openApp(page, baseUrl);
    const tag = page.getByTestId('resource-alerts-tag');
    await expect.poll(() => tag.innerText()).toMatch(/资源预警 \d+/);
    await tag.click();
    const alerts = page.getByTestId('resource-alerts');
    const line = alerts.locator('.ant-list-item').filter({ hasText: `批次 ${batchNo}` });
    await expect.poll(() => line.innerText()).toContain('即将过期');
    expect(await line.innerText()).toContain(material.name);
    await screenshot(page, 'resources-alerts');
    await line.getByRole('link').click();
    await page.getByTestId('material-detail').waitFor();
    await expect
      .poll(() => page.locator('.ant-card').filter({ hasText: '当前结存' }).innerText())
      .toMatch(/\d+ 天后到期/);
  });

  it('adds a rescue team through the form, refusing a missing headcount, finds it with Ctrl+K and keeps it after a reload', async () => {
    await openApp(page, baseUrl, '/resources/teams');
    await signIn(page, '崔亚波');
    const registry = page.getByTestId('registry-team');
    const form = await openTeamForm();
    await form.getByLabel('名称').fill('东湖街道防汛抢险突击队');
    await form.getByLabel('专业领域').fill('防汛抢险');
    await form.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').first().innerText()).toBe('必填');
    await form.getByLabel('人数').fill('25');
    await form.getByRole('button', { name: label('保存') }).click();
    await form.waitFor({ state: 'hidden' });
    await registry.getByPlaceholder('在本表中筛选').fill('突击队');
    await expect
      .poll(() => registry.locator('.ant-table-row').first().innerText())
      .toMatch(/东湖街道防汛抢险突击队[\s\S]*专业队伍[\s\S]*25/);

    await page.reload();
    await registry.waitFor();
    await registry.getByPlaceholder('在本表中筛选').fill('突击队');
    await expect
      .poll(() => registry.locator('.ant-table-row').first().innerText())
      .toContain('东湖街道防汛抢险突击队');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog').filter({ hasText: '一键检索应急资源' });
    await dialog.waitFor();
    await page.keyboard.type('突击队');
    const first = dialog.locator('.ant-list-item').first();
    await expect.poll(() => first.innerText()).toMatch(/东湖街道防汛抢险突击队[\s\S]*25 人[\s\S]*待命/);
    await screenshot(page, 'resources-search-dialog');
  });

  it('一键检索 answers from its catalogue in the search worker, and a team saved a moment ago is already in it', async () => {
    await openApp(page, baseUrl, '/resources/teams');
    await signIn(page, '崔亚波');
    // The worker starts with the window's first search (answered from the index meanwhile). On a new profile
    // it may read the catalogue once empty, then again after the sample resources are written.
    expect(await page.evaluate(() => performance.getEntriesByName('resource-catalogue-ready').length)).toBe(
      0,
    );
    await page.keyboard.press('Control+k');
    const first = page.getByRole('dialog').filter({ hasText: '一键检索应急资源' });
    await first.waitFor();
    await page.keyboard.type('帐篷');
    await first.locator('.ant-list-item').first().waitFor();
    await page.keyboard.press('Escape');
    await first.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      (least) => {
        const ready = performance.getEntriesByName('resource-catalogue-ready').at(-1) as
          PerformanceMark | undefined;
        return ((ready?.detail as { rows: number } | undefined)?.rows ?? 0) > least;
      },
      sample.materials.length,
      { timeout: 30_000 },
    );
    const form = await openTeamForm();
    await form.getByLabel('名称').fill('新港街道水上搜救突击队');
    await form.getByLabel('人数').fill('18');
    await form.getByRole('button', { name: label('保存') }).click();
    await form.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog').filter({ hasText: '一键检索应急资源' });
    await dialog.waitFor();
    await page.keyboard.type('水上搜救 新港');
    const results = dialog.locator('.ant-list-item');
    await expect
      .poll(() => results.allInnerTexts())
      .toEqual([expect.stringMatching(/^队伍\s+新港街道水上搜救突击队[\s\S]*18 人/)]);
    // The list shown came from the catalogue, not from the repository's own read of the index.
    const lastFrom = () =>
      page.evaluate(() => {
        const measures = performance.getEntriesByName('resource-search', 'measure') as PerformanceMeasure[];
        return (measures.at(-1)?.detail as { from: string } | undefined)?.from;
      });
    await expect.poll(lastFrom).toBe('catalogue');
  });

  it('lists the teams that can go, ready ones first and each nearest first, with their distance', async () => {
    await openApp(page, baseUrl, '/resources/search');
    const search = page.locator('.resource-search');
    await search.getByText('队伍', { exact: true }).click();
    await search.getByRole('switch', { name: '只看可用' }).click();
    const results = page.getByTestId('resource-search-results').locator('.ant-list-item');
    await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(10);
    await search.getByLabel('距离参照').click();
    await page.keyboard.type('中央公园');
    await page.locator('.ant-select-item-option').filter({ hasText: '中央公园' }).first().click();
    await expect.poll(() => results.first().innerText()).toMatch(/\d+\.\d 公里/);
    const texts = await results.allInnerTexts();
    expect(texts.some((text) => text.includes('出动'))).toBe(false);
    // Ready teams first (待命 before 休整), each group nearest first.
    const standby = texts.filter((text) => text.includes('待命'));
    expect(texts.slice(0, standby.length)).toEqual(standby);
    const known = standby
      .map((text) => Number(/(\d+\.\d) 公里/.exec(text)?.[1] ?? Number.NaN))
      .filter((d) => !Number.isNaN(d));
    expect(known.length).toBeGreaterThan(5);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    await screenshot(page, 'resources-nearest-teams');
  });

  it('pages through the materials in code order and filters them through the search index', async () => {
    await openApp(page, baseUrl, '/resources/materials');
    const registry = page.getByTestId('registry-material');
    await expect
      .poll(() => registry.innerText(), { timeout: 15_000 })
      .toContain(`共 ${sample.materials.length} 条`);
    const codes = [...sample.materials.map((m) => m.code)].sort();
    const rows = registry.locator('.ant-table-row');
    const firstCode = () => rows.first().locator('.ant-table-cell').first().innerText();
    const lastCode = () => rows.last().locator('.ant-table-cell').first().innerText();
    expect(await firstCode()).toBe(codes[0]);
    // A page holds 50; only the rows in view are drawn, and scrolling the table reaches the page's last one.
    expect(await registry.locator('.ant-pagination-options').innerText()).toContain('50 条/页');
    expect(await rows.count()).toBeLessThan(50);
    await registry
      .locator('.ant-table-tbody-virtual-holder')
      .evaluate((holder) => (holder.scrollTop = holder.scrollHeight));
    await expect.poll(lastCode).toBe(codes[49]);

    await registry.locator('.ant-pagination').getByTitle('2', { exact: true }).click();
    await expect.poll(firstCode).toBe(codes[50]);

    const tents = sample.materials.filter((m) => m.name.includes('帐篷'));
    await registry.getByPlaceholder('在本表中筛选').fill('帐篷');
    await expect.poll(() => registry.innerText()).toContain(`共 ${tents.length} 条`);
    const names = await rows.locator('.ant-table-cell:nth-child(2)').allInnerTexts();
    expect(names.sort()).toEqual(tents.map((m) => m.name).sort());
    await screenshot(page, 'resources-materials-filtered');

    // A link to one material opens its form even when it is on another page.
    const far = [...sample.materials].sort((a, b) => (a.code < b.code ? -1 : 1))[300]!;
    await page.goto(`${baseUrl}#/resources/materials?open=${far.id}`);
    const form = page.getByRole('dialog').filter({ hasText: '编辑物资' });
    await form.waitFor();
    expect(await form.getByLabel('名称').inputValue()).toBe(far.name);
    expect(await form.getByLabel('物资编码').inputValue()).toBe(far.code);
  });

  it('every registry lists its sample records', async () => {
    await openApp(page, baseUrl);
    const expected = {
      materials: sample.materials.length,
      teams: sample.teams.length,
      equipment: sample.equipment.length,
      experts: sample.experts.length,
      shelters: sample.shelters.length,
      warehouses: sample.warehouses.length,
    };
    for (const [tab, count] of Object.entries(expected)) {
      await page.goto(`${baseUrl}#/resources/${tab}`);
      // On a new profile the sample resources load behind the home screen; the list fills in when they are written.
      await expect
        .poll(() => page.locator('.registry-tab').innerText(), { timeout: 15_000 })
        .toContain(`共 ${count} 条`);
      // The table fades its rows in after the route changes: a screenshot taken meanwhile shows them greyed.
      await animationsSettled(page);
      await screenshot(page, `resources-${tab}`);
    }
  });
});
