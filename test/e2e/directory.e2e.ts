import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import {
  addPerson,
  animationsSettled,
  chooseImportFile,
  csvFile,
  deletePerson,
  editPerson,
  expectPeopleCount,
  exportPeople,
  findPerson,
  label,
  openApp,
  personRow,
  searchDirectory,
  signIn,
} from './drivers';

const baseUrl = inject('baseUrl');
/** The sample district loaded into every new database. */
const SAMPLE_PEOPLE = 96;
/** A person row's 担任岗位, apart from the 角色 beside them. */
const positionTags = (row: Locator) => row.getByTestId('person-positions-cell').locator('.ant-tag');

describe('the directory (通讯录)', () => {
  let session: BrowserSession;
  let downloads: string;
  beforeEach(async () => {
    session = await launchBrowser();
    downloads = mkdtempSync(join(tmpdir(), 'ed-downloads-'));
    await openApp(session.page, baseUrl);
    await expectPeopleCount(session.page, SAMPLE_PEOPLE);
  });
  afterEach(async () => {
    await session.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('keeps a new person after a reload, found by name, full pinyin, initials and phone', async () => {
    const { page } = session;
    await signIn(page, '崔伟');
    // 单 opening a name is the surname Shàn, not dān: the search must read it the way the office says it.
    await addPerson(page, {
      name: '单雪梅',
      unit: ['总值班', '应急指挥中心（总值班室）'],
      title: '科员',
      positions: ['值班员', '信息报送员'],
      mobile: '13912340678',
      officePhone: '0999-21810001',
    });
    await page.getByText('已保存').waitFor();
    await expectPeopleCount(page, SAMPLE_PEOPLE + 1);

    await page.reload();
    await expectPeopleCount(page, SAMPLE_PEOPLE + 1);
    for (const query of ['单雪梅', 'shanxuemei', 'sxm', '13912340678', '21810001']) {
      const row = await findPerson(page, '单雪梅', query);
      await expect(row.getByText('应急指挥中心（总值班室）').isVisible()).resolves.toBe(true);
    }
    const row = personRow(page, '单雪梅');
    expect(await positionTags(row).allTextContents()).toEqual(['值班员', '信息报送员']);
    await expect(row.getByText('13912340678').isVisible()).resolves.toBe(true);
    await animationsSettled(page);
    await screenshot(page, '10-directory-person-added');

    await searchDirectory(page, '');
    await expectPeopleCount(page, SAMPLE_PEOPLE + 1);
    expect(session.errors).toEqual([]);
  });

  it('exports the people to CSV and imports that file back, restoring what was deleted and edited', async () => {
    const { page } = session;
    await signIn(page, '崔伟');
    const exported = await exportPeople(page, downloads);
    expect(exported.fileName).toMatch(/^通讯录-\d{4}-\d{2}-\d{2}\.csv$/);
    const original = readFileSync(exported.path, 'utf8');
    // A BOM, so that Excel on Chinese Windows reads it as UTF-8; then the header and one line per person.
    expect(original.startsWith('\uFEFF编号,姓名,所属单位,职务,担任岗位,手机,办公电话,备注\r\n')).toBe(true);
    expect(original.trimEnd().split('\r\n')).toHaveLength(SAMPLE_PEOPLE + 1);
    expect(original).toContain(
      '黎新鹏,应急指挥中心（总值班室）,副主任,值班员、信息报送员,15728377062,0999-21819762,',
    );

    await deletePerson(page, '王晨浩');
    await editPerson(page, '黎新鹏', { mobile: '13800000001', title: '主任' });
    const edited = await findPerson(page, '黎新鹏');
    await edited.getByText('13800000001').waitFor();
    await searchDirectory(page, '');
    await expectPeopleCount(page, SAMPLE_PEOPLE - 1);

    const dialog = await chooseImportFile(page, exported.path);
    await dialog.getByText(`检查通过：将新增 1 人，更新 ${SAMPLE_PEOPLE - 1} 人。`).waitFor();
    await dialog.getByText('UTF-8', { exact: true }).waitFor();
    // The preview lists the file's first rows as they will be written.
    const [firstId, firstName = '', , , , firstMobile] = (original.split('\r\n')[1] ?? '').split(',');
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
    const firstPreviewRow = dialog.getByRole('row').filter({ hasText: firstName });
    await expect(firstPreviewRow.textContent()).resolves.toContain(firstMobile);
    await dialog.getByText('预览（前 20 行）').waitFor();
    await animationsSettled(page);
    await screenshot(page, '11-directory-import-preview');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(`导入完成：新增 1 人，更新 ${SAMPLE_PEOPLE - 1} 人`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expectPeopleCount(page, SAMPLE_PEOPLE);

    await page.reload();
    await expectPeopleCount(page, SAMPLE_PEOPLE);
    const restored = await findPerson(page, '王晨浩');
    await expect(restored.getByText('18918852007').isVisible()).resolves.toBe(true);
    expect(await positionTags(restored).allTextContents()).toEqual(['值班员']);
    const reverted = await findPerson(page, '黎新鹏');
    await expect(reverted.getByText('15728377062').isVisible()).resolves.toBe(true);
    await expect(reverted.getByText('副主任').isVisible()).resolves.toBe(true);
    expect(await positionTags(reverted).allTextContents()).toEqual(['值班员', '信息报送员']);
    await animationsSettled(page);
    await screenshot(page, '12-directory-after-round-trip');

    // The strongest check: exporting again gives the same file, byte for byte.
    await searchDirectory(page, '');
    await expectPeopleCount(page, SAMPLE_PEOPLE);
    const again = await exportPeople(page, mkdtempSync(join(downloads, 'again-')));
    expect(readFileSync(again.path, 'utf8')).toBe(original);
    expect(session.errors).toEqual([]);
  });

  it('refuses a malformed CSV, naming each wrong row and column, and changes nothing', async () => {
    const { page } = session;
    await signIn(page, '崔伟');
    const csv = [
      '姓名,所属单位,职务,担任岗位,手机,办公电话,备注',
      '韩立新,北岭街道办事处,科员,值班员,13712340001,,',
      '顾晓春,北岭街道办事处,科员,值班员,1371234000,,',
      ',北岭街道办事处,科员,,13712340003,,',
      '宋雨桐,不存在的街道,科员,,13712340004,,',
      '',
    ].join('\r\n');
    const dialog = await chooseImportFile(page, csvFile('有错误的通讯录.csv', csv));
    await dialog.getByText('发现 3 处错误，未导入任何数据。请修改文件后重新选择。').waitFor();
    const issues = dialog.getByTestId('import-issues');
    const issue = (row: number, column: string, problem: string) =>
      issues
        .getByRole('row')
        .filter({ hasText: `第 ${row} 行` })
        .filter({ hasText: column })
        .filter({
          hasText: problem,
        });
    await issue(3, '手机', '手机号应为 11 位数字，以 13–19 开头').waitFor();
    await issue(4, '姓名', '必填').waitFor();
    await issue(5, '所属单位', '找不到单位“不存在的街道”').waitFor();
    // Header plus exactly the three problems: the good row 2 is not reported.
    await expect(issues.getByRole('row').count()).resolves.toBe(4);
    await expect(dialog.getByRole('button', { name: '确认导入' }).isDisabled()).resolves.toBe(true);
    await animationsSettled(page);
    await screenshot(page, '13-directory-import-errors');

    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectPeopleCount(page, SAMPLE_PEOPLE);
    await page.reload();
    await expectPeopleCount(page, SAMPLE_PEOPLE);
    await searchDirectory(page, '韩立新');
    await expectPeopleCount(page, 0);
    await page.getByText('没有找到匹配的人员').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('imports a GBK-encoded CSV, as Excel on Chinese Windows saves it, with the names intact', async () => {
    const { page } = session;
    const bytes = readFileSync(join(import.meta.dirname, 'fixtures/people-gbk.csv'));
    // The fixture really is GBK (not UTF-8), and holds characters outside GB2312 (喆 堃 镕).
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('gbk').decode(bytes)).toContain('吕喆,北岭街道办事处');
    await signIn(page, '崔伟');

    const dialog = await chooseImportFile(page, csvFile('人员名单（Excel）.csv', bytes));
    await dialog.getByText('检查通过：将新增 3 人，更新 0 人。').waitFor();
    await dialog.getByText('GBK', { exact: true }).waitFor();
    for (const [name, unit, positions] of [
      ['吕喆', '北岭街道办事处', '值班员'],
      ['王堃', '东湖街道办事处', '信息报送员、值班员'],
      ['朱镕', '办公室', ''],
    ]) {
      const row = dialog.getByRole('row').filter({ hasText: name });
      await expect(row.getByRole('cell').allTextContents()).resolves.toEqual(
        expect.arrayContaining([name, unit, positions]),
      );
    }
    await animationsSettled(page);
    await screenshot(page, '14-directory-import-gbk');
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('导入完成：新增 3 人，更新 0 人').waitFor();
    await expectPeopleCount(page, SAMPLE_PEOPLE + 3);

    await page.reload();
    await expectPeopleCount(page, SAMPLE_PEOPLE + 3);
    const kun = await findPerson(page, '王堃', 'wangkun');
    await expect(kun.getByText('东湖街道办事处').isVisible()).resolves.toBe(true);
    await expect(kun.getByText('0999-27430001').isVisible()).resolves.toBe(true);
    const zhe = await findPerson(page, '吕喆');
    await expect(zhe.getByText('GBK 编码导入').isVisible()).resolves.toBe(true);
    await findPerson(page, '朱镕', '0999-25370001');
    expect(session.errors).toEqual([]);
  });
});
