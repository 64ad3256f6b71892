/**
 * User-intent helpers for the settings and database screens: what an operator does on 设置, in the words of
 * the screen. Backups are files on disk, so these helpers hand paths and parsed bundles back to the test.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { BackupBundle } from '../../shared/domain/backup/backup-bundle';
import { chooseTreeOption } from './drivers';

/**
 * Waits until `locator` is visible and no longer moving: antd animates messages, modals and panels with CSS
 * classes (`*-appear`, `*-enter`, `*-leave`) and opacity, and a screenshot taken mid-way shows half a dialog.
 */
export async function waitUntilSettled(locator: Locator): Promise<void> {
  await locator.waitFor();
  await locator.evaluate(
    (element) =>
      new Promise<void>((resolve) => {
        const moving = () => {
          for (let node: Element | null = element; node; node = node.parentElement) {
            if (/-(appear|enter|leave)(-|\s|$)/.test(node.getAttribute('class') ?? '')) return true;
            if (getComputedStyle(node).opacity !== '1') return true;
          }
          return false;
        };
        const check = () => (moving() ? requestAnimationFrame(check) : resolve());
        check();
      }),
  );
}

/** Waits for the toast that says `text` (antd `message`) to be fully shown. */
export async function messageShown(page: Page, text: string | RegExp): Promise<void> {
  await waitUntilSettled(page.locator('.ant-message-notice').filter({ hasText: text }).last());
}

export function generalSettingsCard(page: Page) {
  return page.locator('.ant-card').filter({ hasText: '基本设置' });
}

export function databaseCard(page: Page) {
  return page.locator('.ant-card').filter({ has: page.getByText('数据库', { exact: true }) });
}

/** 操作留痕（最近 N 条）: the newest change is its first row. */
export function latestAuditRow(page: Page) {
  return page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title').getByText(/^操作留痕/) })
    .locator('.ant-table-tbody tr.ant-table-row')
    .first();
}

/** A row of the directory list (a virtual table: rows are not `role=row`). */
export function directoryRow(page: Page, name: string) {
  return page.locator('.ant-table-row').filter({ hasText: name });
}

export function headerTitle(page: Page) {
  return page.locator('.app-header-title');
}

/** Fills 基本设置 and presses its save button; resolves once the app says it saved. */
export async function saveGeneralSettings(
  page: Page,
  values: { jurisdiction?: string; ownUnit?: string },
): Promise<void> {
  const card = generalSettingsCard(page);
  if (values.jurisdiction !== undefined) await card.getByLabel('辖区名称').fill(values.jurisdiction);
  if (values.ownUnit !== undefined) {
    await chooseTreeOption(page, card.getByRole('combobox'), values.ownUnit, values.ownUnit);
    await page.locator('.ant-tree-select-dropdown').waitFor({ state: 'hidden' });
  }
  await card.getByRole('button', { name: '保存基本设置' }).click();
  await messageShown(page, '已保存');
}

/** Waits until 记录数 shows `count` rows in one table, e.g. `waitForTableCount(page, '人员', 96)`. */
export async function waitForTableCount(page: Page, table: string, count: number): Promise<void> {
  await page
    .getByTestId('db-counts')
    .locator('.ant-tag')
    .getByText(`${table}: ${count}`, { exact: true })
    .waitFor();
}

/** Presses 导出全部数据 and keeps the one downloaded file; returns its path and what it holds. */
export async function exportAllData(page: Page): Promise<{ path: string; bundle: BackupBundle }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    databaseCard(page)
      .getByRole('button', { name: /导出全部数据/ })
      .click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), 'ed-backup-')), download.suggestedFilename());
  await download.saveAs(path);
  return { path, bundle: JSON.parse(readFileSync(path, 'utf8')) as BackupBundle };
}

/** Presses 从备份文件恢复 and picks `path` in the file chooser the browser opens. */
export async function chooseBackupFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    databaseCard(page)
      .getByRole('button', { name: /从备份文件恢复/ })
      .click(),
  ]);
  await chooser.setFiles(path);
}

export function restoreConfirmDialog(page: Page) {
  return page.getByRole('dialog').filter({ hasText: '确认用备份替换全部数据？' });
}

/** 通讯录 → 新增人员: name, unit and mobile, then 保存. */
export async function addPerson(
  page: Page,
  person: { name: string; unit: string; mobile: string },
): Promise<void> {
  await page.getByRole('button', { name: /新增人员/ }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: '新增人员' });
  await drawer.getByLabel('姓名').fill(person.name);
  await chooseTreeOption(page, drawer.getByRole('combobox').first(), person.unit, person.unit);
  await drawer.getByLabel('手机').fill(person.mobile);
  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await drawer.waitFor({ state: 'hidden' });
}
