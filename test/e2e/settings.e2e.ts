import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { TABLE_NAMES } from '../../renderer/db/schema';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import { openApp, searchDirectory, signIn } from './drivers';
import {
  addPerson,
  chooseBackupFile,
  databaseCard,
  directoryRow,
  exportAllData,
  generalSettingsCard,
  headerTitle,
  latestAuditRow,
  messageShown,
  restoreConfirmDialog,
  saveGeneralSettings,
  waitForTableCount,
  waitUntilSettled,
} from './settings-drivers';

const baseUrl = inject('baseUrl');

describe('settings and the database panel', () => {
  let session: BrowserSession;
  beforeEach(async () => {
    session = await launchBrowser();
  });
  afterEach(async () => {
    await session.close();
  });

  it('keeps the jurisdiction and the unit of this install after a reload, and shows the jurisdiction in the header', async () => {
    const { page } = session;
    await openApp(page, baseUrl, '/settings');
    await signIn(page, '崔伟');
    const card = generalSettingsCard(page);
    await expect.poll(() => card.getByLabel('辖区名称').inputValue()).toBe('示范区');
    await expect.poll(() => headerTitle(page).textContent()).toBe('示范区 · 设置');

    await saveGeneralSettings(page, { jurisdiction: '东江新区', ownUnit: '南山街道办事处' });
    await headerTitle(page).getByText('东江新区 · 设置').waitFor();
    await screenshot(page, '30-settings-saved');

    await page.reload();
    await headerTitle(page).getByText('东江新区 · 设置').waitFor();
    await expect.poll(() => card.getByLabel('辖区名称').inputValue()).toBe('东江新区');
    await expect
      .poll(() => card.locator('.ant-form-item').filter({ hasText: '本机所属单位' }).innerText())
      .toContain('南山街道办事处');
    // The change is signed: the audit trail names who saved it.
    const auditRow = latestAuditRow(page);
    await expect
      .poll(() => auditRow.innerText())
      .toMatch(/崔伟（值班员）[\s\S]*修改[\s\S]*设置[\s\S]*东江新区/);
    await page.getByRole('menuitem', { name: /通讯录/ }).click();
    await headerTitle(page).getByText('东江新区 · 通讯录').waitFor();
    await screenshot(page, '31-settings-after-reload');
    expect(session.errors).toEqual([]);
  });

  it('shows the space used and persistence, exports everything to one file and restores it after changes', async () => {
    const { page } = session;
    await openApp(page, baseUrl, '/settings');
    await signIn(page, '崔伟');
    const panel = databaseCard(page);
    await expect.poll(() => panel.getByTestId('db-usage').innerText()).toMatch(/^\d+\.\d (KB|MB|GB)$/);
    await expect.poll(() => panel.getByTestId('db-persisted').innerText()).toMatch(/^(已授予|未授予)/);
    await waitForTableCount(page, '人员', 96);
    await screenshot(page, '32-database-panel');

    const exported = await exportAllData(page);
    await messageShown(page, '备份已导出');
    expect(exported.path).toMatch(/emergency-desk-backup-\d{8}-\d{4}\.json$/);
    expect(exported.bundle).toMatchObject({ format: 'emergency-desk-backup', jurisdiction: '示范区' });
    expect(exported.bundle.exportedBy).toBe('崔伟（值班员）');
    expect(Object.keys(exported.bundle.tables).sort()).toEqual([...TABLE_NAMES].sort());
    expect(exported.bundle.tables['people']).toHaveLength(96);
    // Who sits at this laptop is not part of the data a backup carries.
    expect(
      exported.bundle.tables['settings']?.some((row) => (row as { key: string }).key === 'session'),
    ).toBe(false);

    await saveGeneralSettings(page, { jurisdiction: '临时改名区' });
    await page.getByRole('menuitem', { name: /通讯录/ }).click();
    await addPerson(page, { name: '测试员甲', unit: '南山街道办事处', mobile: '13800138000' });
    await searchDirectory(page, '测试员甲');
    await directoryRow(page, '测试员甲').waitFor();
    await page.getByRole('menuitem', { name: /设置/ }).click();
    await headerTitle(page).getByText('临时改名区 · 设置').waitFor();
    await waitForTableCount(page, '人员', 97);

    // A restore replaces the directory and its roles: a 值班员 cannot start one; the 系统管理员 can.
    const restoreButton = databaseCard(page).getByRole('button', { name: /从备份文件恢复/ });
    await expect.poll(() => restoreButton.isDisabled()).toBe(true);
    await restoreButton.hover({ force: true });
    await page.getByRole('tooltip').getByText('崔伟没有“系统管理员”角色，不能从备份恢复').waitFor();
    await screenshot(page, '32b-restore-administrator-only');
    await signIn(page, '邵嘉蓉');
    await expect.poll(() => restoreButton.isDisabled()).toBe(false);

    await chooseBackupFile(page, exported.path);
    const confirm = restoreConfirmDialog(page);
    await waitUntilSettled(confirm);
    // The dialog says what will replace what, before anything is written.
    await expect(confirm.innerText()).resolves.toMatch(
      /示范区[\s\S]*崔伟（值班员）[\s\S]*96 名人员、44 个单位/,
    );
    await waitForTableCount(page, '人员', 97);
    await screenshot(page, '33-restore-confirm');

    await confirm.getByRole('button', { name: /确\s*定/ }).click();
    await messageShown(page, '已从备份恢复');
    await confirm.waitFor({ state: 'hidden' });
    await headerTitle(page).getByText('示范区 · 设置').waitFor();
    await expect.poll(() => generalSettingsCard(page).getByLabel('辖区名称').inputValue()).toBe('示范区');
    await waitForTableCount(page, '人员', 96);
    // Whoever restores stays signed in, and the restore itself is on the record.
    await page.getByTestId('operator').getByText('邵嘉蓉').waitFor();
    const auditRow = latestAuditRow(page);
    await expect.poll(() => auditRow.innerText()).toMatch(/邵嘉蓉（秘书长）[\s\S]*从备份恢复/);
    await screenshot(page, '34-restored');

    // Exporting again gives back the exported state, plus the one audit row that records the restore.
    const { bundle: again } = await exportAllData(page);
    for (const table of TABLE_NAMES.filter((name) => name !== 'audit')) {
      expect(again.tables[table], table).toEqual(exported.bundle.tables[table]);
    }
    const audit = exported.bundle.tables['audit'] ?? [];
    expect(again.tables['audit']).toHaveLength(audit.length + 1);
    expect(again.tables['audit']).toEqual(expect.arrayContaining(audit));

    await page.reload();
    await headerTitle(page).getByText('示范区 · 设置').waitFor();
    await page.getByRole('menuitem', { name: /通讯录/ }).click();
    await page.getByTestId('people-count').getByText('96 人').waitFor();
    await searchDirectory(page, '测试员甲');
    await page.getByText('没有找到匹配的人员').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('refuses an edited or truncated backup with a message that says so, and changes nothing', async () => {
    const { page } = session;
    await openApp(page, baseUrl, '/settings');
    // Restoring is the 系统管理员's.
    await signIn(page, '邵嘉蓉');
    await waitForTableCount(page, '人员', 96);
    const { path } = await exportAllData(page);
    const before = await databaseCard(page).getByTestId('db-counts').innerText();

    // One field edited, the file still valid JSON with its original checksum.
    const text = readFileSync(path, 'utf8');
    const edited = text.replace('"value":"示范区"', '"value":"篡改区"');
    expect(edited).not.toBe(text);
    expect(() => JSON.parse(edited) as unknown).not.toThrow();
    writeFileSync(path, edited);
    await chooseBackupFile(page, path);
    await messageShown(page, '备份文件校验失败：内容已被修改或不完整，未做任何更改');
    await screenshot(page, '35-tampered-backup-refused');
    await expect(restoreConfirmDialog(page).count()).resolves.toBe(0);

    writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
    await chooseBackupFile(page, path);
    await messageShown(page, /文件不是有效的备份文件/);
    await expect(restoreConfirmDialog(page).count()).resolves.toBe(0);

    await expect.poll(() => headerTitle(page).textContent()).toBe('示范区 · 设置');
    await expect.poll(() => generalSettingsCard(page).getByLabel('辖区名称').inputValue()).toBe('示范区');
    await expect.poll(() => databaseCard(page).getByTestId('db-counts').innerText()).toBe(before);
    await page.reload();
    await headerTitle(page).getByText('示范区 · 设置').waitFor();
    await waitForTableCount(page, '人员', 96);
    expect(session.errors).toEqual([]);
  });
});
