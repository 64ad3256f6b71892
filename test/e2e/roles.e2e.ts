/**
 * Roles and the PIN re-check (issue 8), as the desk's people meet them: a 值班员 who directs a drill cannot end
 * it until an administrator gives him 导调人员 (and he cannot give it to himself); the report's approver with
 * a PIN types it again to sign, five wrong PINs lock signing for a minute, and all of it is in 操作留痕 and
 * survives a reload.
 */
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import {
  addInject,
  closeDrillDesk,
  createScenario,
  drillConsole,
  openDrillDesk,
  startRun,
} from './drill-drivers';
import {
  animationsSettled,
  auditRows,
  auditTrail,
  closePersonDrawer,
  dialogSettled,
  findPerson,
  label,
  openApp,
  openPersonEditor,
  savePerson,
  signIn,
} from './drivers';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import { incidentConsole, openTyphoonIncident, pickPerson } from './incident-drivers';

const baseUrl = inject('baseUrl');

let session: BrowserSession;
afterEach(() => closeDrillDesk(session));

const tooltip = (page: Page, text: string) => page.locator('.ant-tooltip:visible').getByText(text).waitFor();
const rolesOf = (drawer: Locator) => drawer.getByRole('combobox', { name: '角色' });
const chosenRoles = (drawer: Locator) =>
  drawer
    .getByTestId('person-roles')
    .locator('.ant-select-selection-item')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('title')));

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: /设置/ }).click();
}

async function openDirectory(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: /通讯录/ }).click();
}

describe('角色与 PIN 复核', () => {
  it('keeps ENDEX from a director without 导调人员 until an administrator gives it, and audits the change', async () => {
    const desk = await openDrillDesk(new Date('2026-06-10T09:00:00'));
    session = desk.session;
    const { page, clock } = desk;
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await createScenario(page, {
      title: '台风预警响应桌面推演',
      hazard: '台风',
      form: '桌面推演',
      objectives: ['检验预警信息转发'],
      units: ['区应急管理局'],
    });
    await addInject(page, {
      offset: 'T+0',
      synopsis: '气象台发布台风蓝色预警',
      text: '区气象台发布台风蓝色预警。',
      to: '区防指值班室',
    });

    // 崔伟 directs the run himself; as a 值班员 he is an operator by position, not a controller.
    const runId = await startRun(page, '崔伟');
    const drill = drillConsole(page, clock, runId, baseUrl);
    await drill.commsChecked();
    await drill.start();
    expect(await drill.endexButton().isDisabled()).toBe(true);
    await drill.endexButton().hover();
    await tooltip(page, '崔伟没有“导调人员”或“系统管理员”角色，不能宣布演练结束');
    await screenshot(page, '270-roles-endex-refused');

    // Nor may he give himself the role: the sample office has administrators, and he is not one.
    await openDirectory(page);
    let drawer = await openPersonEditor(page, '崔伟');
    expect(await chosenRoles(drawer)).toEqual(['值班操作员（按岗位）']);
    expect(await rolesOf(drawer).isDisabled()).toBe(true);
    await drawer.getByTestId('person-roles').hover();
    await tooltip(page, '崔伟没有“系统管理员”角色，不能变更角色');
    await animationsSettled(page);
    await screenshot(page, '271-roles-drawer-not-administrator');
    await closePersonDrawer(drawer);

    // 邵嘉蓉, an administrator, adds 导调人员 to what 崔伟's position gives him.
    await signIn(page, '邵嘉蓉');
    drawer = await openPersonEditor(page, '崔伟');
    await rolesOf(drawer).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="导调人员"]').click();
    await rolesOf(drawer).press('Escape');
    expect(await chosenRoles(drawer)).toEqual(['值班操作员', '导调人员']);
    await animationsSettled(page);
    await screenshot(page, '272-roles-drawer-administrator');
    await savePerson(drawer);
    // The list says it too, without opening the drawer: roles given by hand, not by position.
    const row = await findPerson(page, '崔伟');
    await expect
      .poll(() => row.getByTestId('person-roles-cell').innerText())
      .toMatch(/值班操作员\s*导调人员/);
    expect(await row.getByTestId('person-roles-cell').getAttribute('title')).toBeNull();
    expect(await (await findPerson(page, '彭新浩')).getByTestId('person-roles-cell').innerText()).toMatch(
      /值班操作员\s*导调人员/,
    );
    await screenshot(page, '274-roles-directory-column');

    // Back on the 导调台, the same person ends the drill.
    await signIn(page, '崔伟');
    await page.goto(`${baseUrl}#/drills/runs/${runId}`);
    await drill.root.waitFor();
    await expect.poll(() => drill.endexButton().isEnabled()).toBe(true);
    await drill.endex();

    // Both are in 操作留痕, and stay there, with the roles, after a reload.
    await openSettings(page);
    const change = '角色变更：崔伟 值班操作员 → 值班操作员、导调人员';
    await auditRows(page, '邵嘉蓉（秘书长）', '角色变更', change).waitFor();
    await auditRows(page, '崔伟（值班员）', '结束演练').waitFor();
    await auditTrail(page).scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '273-roles-audit-trail');
    await page.reload();
    await auditRows(page, '邵嘉蓉（秘书长）', '角色变更', change).waitFor();
    await openDirectory(page);
    drawer = await openPersonEditor(page, '崔伟');
    expect(await chosenRoles(drawer)).toEqual(['值班操作员', '导调人员']);
    await closePersonDrawer(drawer);
  });

  it('asks the approver with a PIN for it again to sign a report, locks signing after five wrong ones, and keeps the lock across a reload', async () => {
    session = await launchBrowser();
    const { page } = session;
    await page.clock.install({ time: new Date('2026-11-23T02:15:00') });
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');

    // 黄欣刚, who will sign, has a PIN.
    const drawer = await openPersonEditor(page, '黄欣刚');
    await drawer.getByLabel(/PIN 码/).fill('2580');
    await savePerson(drawer);

    // A typhoon incident with 黄欣刚 as the channel's approver, and its 初报 complete.
    await openTyphoonIncident(page);
    const incidentUrl = page.url();
    const c = incidentConsole(page);
    const four = c.root.getByTestId('four-ones');
    await pickPerson(page, four.getByLabel('一个口径报送发布'), '黄欣刚');
    await four
      .getByRole('button', { name: label('确定') })
      .nth(3)
      .click();
    await c.logRow('信息口径签发人：黄欣刚').waitFor();
    await page.keyboard.press('Alt+R');
    const editor = page.getByRole('dialog').filter({ hasText: '突发事件信息报告' });
    await editor.waitFor();
    await animationsSettled(page);
    await editor.getByLabel('报送对象').fill('区委区政府总值班室');
    await editor.getByLabel('已经采取的措施').fill('已转移滨江村群众120人，安置在滨江小学');
    await editor.getByRole('button', { name: label('保存') }).click();
    await editor.waitFor({ state: 'hidden' });

    await signIn(page, '黄欣刚', { pin: '2580' });
    const reports = c.root.getByTestId('incident-reports');
    const draft = page.getByRole('dialog').filter({ hasText: '初报 · 草稿' });
    const openDraft = async () => {
      await reports.locator('.ant-table-row').filter({ hasText: '初报' }).click();
      await dialogSettled(draft);
      await draft.getByRole('button', { name: label('签发') }).click();
      const pin = page.getByRole('dialog').filter({ hasText: '请输入 PIN 以确认签发' });
      await dialogSettled(pin);
      return pin;
    };

    let pin = await openDraft();
    await pin.getByText('签署人：黄欣刚（办公室主任）').waitFor();
    await animationsSettled(page);
    await screenshot(page, '274-roles-pin-confirm');
    for (const left of [4, 3, 2, 1]) {
      await pin.getByLabel('PIN 码').fill('0000');
      await pin.getByLabel('PIN 码').press('Enter');
      await pin.getByText(`PIN 码不正确，还可尝试 ${left} 次`).waitFor();
    }
    await pin.getByLabel('PIN 码').fill('0000');
    await pin.getByLabel('PIN 码').press('Enter');
    await pin.getByText(/^PIN 连续输错 5 次，已锁定，请 (60|59) 秒后再试$/).waitFor();
    expect(await pin.getByRole('button', { name: label('确认') }).isDisabled()).toBe(true);
    await animationsSettled(page);
    await screenshot(page, '275-roles-pin-locked');
    await pin.getByRole('button', { name: label('取消') }).click();
    await pin.waitFor({ state: 'hidden' });
    await draft.locator('.ant-modal-close').click();

    // Each wrong PIN and the lock are in 操作留痕, without the PINs themselves.
    await openSettings(page);
    await auditRows(
      page,
      '黄欣刚（办公室主任）',
      'PIN 锁定',
      '签发报告时 PIN 错误，连续 5 次，锁定 60 秒',
    ).waitFor();
    for (const n of [1, 2, 3, 4])
      await auditRows(
        page,
        '黄欣刚（办公室主任）',
        'PIN 错误',
        `签发报告时 PIN 错误（第 ${n} 次）`,
      ).waitFor();

    // A reload does not lift the lock; the minute passing does, and the right PIN signs.
    await page.reload();
    await page.goto(incidentUrl);
    pin = await openDraft();
    await pin.getByTestId('pin-locked').waitFor();
    await page.clock.fastForward(60_000);
    await pin.getByTestId('pin-locked').waitFor({ state: 'hidden' });
    await pin.getByLabel('PIN 码').fill('2580');
    await pin.getByLabel('PIN 码').press('Enter');
    const signed = page.getByRole('dialog').filter({ hasText: '初报 · 已签发' });
    await signed.getByText(/签发人：黄欣刚 2026年11月23日/).waitFor();
    await animationsSettled(page);
    await screenshot(page, '276-roles-report-signed');
    await signed.locator('.ant-modal-close').click();
    await c.logRow('黄欣刚（办公室主任）', '签发初报').waitFor();

    await openSettings(page);
    await auditRows(page, '黄欣刚（办公室主任）', 'PIN 错误').first().waitFor();
    expect(await auditTrail(page).textContent()).not.toMatch(/2580|0000/);
  });
});
