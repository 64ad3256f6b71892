import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import {
  animationsSettled,
  auditRows,
  auditTrail,
  closePersonDrawer,
  editPerson,
  expectPeopleCount,
  fillSignIn,
  label,
  openApp,
  openPersonEditor,
  personDrawer,
  savePerson,
  signIn,
  signInButton,
  signInDialog,
} from './drivers';

const baseUrl = inject('baseUrl');

describe('signing in (签到上岗) and the shift change', () => {
  let session: BrowserSession;
  beforeEach(async () => {
    session = await launchBrowser();
    await openApp(session.page, baseUrl);
    await expectPeopleCount(session.page, 96);
  });
  afterEach(async () => {
    await session.close();
  });

  it('lets nobody write anonymously: a write first asks who is at the keyboard', async () => {
    const { page } = session;
    await page.locator('.app-header').getByText('未签到', { exact: true }).waitFor();
    await page.getByRole('button', { name: '新增人员' }).click();
    await page.getByText('请先签到上岗后再进行操作').waitFor();
    const dialog = signInDialog(page);
    await dialog.waitFor();
    await expect(personDrawer(page, '新增人员').count()).resolves.toBe(0);
    await animationsSettled(page);
    await screenshot(page, '20-session-required');

    // Cancelling leaves nobody signed in; signing in from the same dialog then lets the write happen.
    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.keyboard.press('Alt+N');
    await dialog.waitFor();
    await signIn(page, '崔伟');
    await page.getByRole('button', { name: '新增人员' }).click();
    await personDrawer(page, '新增人员').getByLabel('姓名').waitFor();
    expect(session.errors).toEqual([]);
  });

  it('checks a PIN, changes shift in one step, survives a reload and signs every record', async () => {
    const { page } = session;
    await signIn(page, '崔伟');
    const operator = page.getByTestId('operator');
    await expect(operator.textContent()).resolves.toMatch(/崔伟.*值班员/);

    // 崔伟 gives his colleague 王晨浩 a PIN (the drawer refuses one that is not 4–8 digits).
    const drawer = await openPersonEditor(page, '王晨浩');
    await drawer.getByLabel('设置 / 修改 PIN 码（未设置）').fill('24');
    await drawer.getByText('PIN 码应为 4–8 位数字').waitFor();
    await drawer.getByLabel(/PIN 码/).fill('2468');
    await savePerson(drawer);
    const reopened = await openPersonEditor(page, '王晨浩');
    await reopened.getByLabel('设置 / 修改 PIN 码（已设置）').waitFor();
    await closePersonDrawer(reopened);

    // Shift change: F2, choose the person, type the PIN, 签到. A wrong PIN is refused in plain Chinese.
    const dialog = await fillSignIn(page, '王晨浩');
    await dialog.getByText('该人员设置了 PIN 码，请输入').waitFor();
    await signInButton(dialog).click();
    await dialog.getByText('必填').waitFor();
    await dialog.getByLabel('PIN 码').fill('1357');
    await signInButton(dialog).click();
    await dialog.getByText('PIN 码不正确').waitFor();
    await expect(operator.textContent()).resolves.toMatch(/崔伟/);
    await animationsSettled(page);
    await screenshot(page, '21-session-wrong-pin');

    await dialog.getByLabel('PIN 码').fill('2468');
    await signInButton(dialog).click();
    await dialog.waitFor({ state: 'hidden' });
    await operator.getByText('王晨浩', { exact: true }).waitFor();
    await expect(operator.textContent()).resolves.toMatch(/王晨浩.*值班员/);
    await page.getByText('王晨浩（值班员）已签到').waitFor();

    await page.reload();
    await expectPeopleCount(page, 96);
    await operator.getByText('王晨浩', { exact: true }).waitFor();
    await expect(operator.textContent()).resolves.toMatch(/王晨浩.*值班员/);

    // A record written now carries the new operator's name, in the record and in the audit trail.
    await editPerson(page, '黎新鹏', { title: '主任' });
    const edited = await openPersonEditor(page, '黎新鹏');
    await edited.getByText(/最后修改：王晨浩（值班员） 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor();
    await closePersonDrawer(edited);

    await page.getByRole('menuitem', { name: /设置/ }).click();
    const latest = auditRows(page, '王晨浩（值班员）', '修改', '人员', '黎新鹏');
    await latest.waitFor();
    await expect(auditRows(page).nth(1).textContent()).resolves.toBe(await latest.textContent());
    await auditRows(page, '王晨浩（值班员）', '签到 / 交接班', '崔伟 → 王晨浩（值班员）').waitFor();
    await auditRows(page, '崔伟（值班员）', '设置 PIN', '王晨浩').waitFor();
    // The PIN itself is never written down, neither the right one nor the wrong one.
    const trail = await auditTrail(page).textContent();
    expect(trail).not.toMatch(/2468|1357/);
    await animationsSettled(page);
    await screenshot(page, '22-session-audit-trail');

    // Signing out is one click and is recorded too.
    await page.getByRole('button', { name: '签退' }).click();
    await page.locator('.app-header').getByText('未签到', { exact: true }).waitFor();
    await auditRows(page, '王晨浩（值班员）', '签退').waitFor();
    expect(session.errors).toEqual([]);
  });
});
