import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { SampleResources } from '../../shared/domain/resources/sample-resources';
import { animationsSettled, chooseOption, label, openApp, signIn } from './drivers';
import { launchBrowser, ROOT, screenshot, type BrowserSession } from './harness';
import { messageShown } from './settings-drivers';

const baseUrl = inject('baseUrl');
const sample = JSON.parse(
  readFileSync(join(ROOT, 'resources/sample-data/resources.json'), 'utf8'),
) as SampleResources;
const [first, second, third] = sample.teams;
const [A, B, C] = [first!, second!, third!];

/**
 * The browser's clock starts at a set moment and runs on from there; each step of the test jumps it forward
 * by whole minutes. It is not frozen, because a frozen clock would freeze antd's dialogs and toasts too: the
 * few seconds a step takes in real time stay inside the minute, and minutes are rounded down.
 */
const NOTIFIED = new Date('2026-06-01T01:00:00Z');

let session: BrowserSession;
let page: Page;

beforeEach(async () => {
  session = await launchBrowser();
  page = session.page;
  await page.clock.install({ time: NOTIFIED });
});
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

const detail = () => page.getByTestId('pull-test-detail');
const teamRow = (name: string): Locator => detail().locator('.ant-table-row').filter({ hasText: name });

/** Presses 记录响应 or 记录集结 on a team's row and saves the stamped time (and the headcount, if given). */
async function record(team: string, stage: '记录响应' | '记录集结', headcount?: number): Promise<void> {
  await teamRow(team).getByRole('button', { name: stage }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: `${stage}：${team}` });
  await dialog.waitFor();
  await animationsSettled(page);
  if (headcount !== undefined) await dialog.getByLabel('到岗人数').fill(String(headcount));
  await dialog.getByRole('button', { name: label('保存') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function expectRow(team: string, pattern: RegExp): Promise<void> {
  await expect.poll(() => teamRow(team).innerText()).toMatch(pattern);
}

/** The rows as they read after the close: A ready in 12, B ready in 22 (the slowest), C missing. */
async function expectClosedResult(): Promise<void> {
  await expectRow(A.name, /20 \/ \d+[\s\S]*（3 分钟）[\s\S]*（12 分钟）[\s\S]*已集结/);
  await expectRow(B.name, /— \/ \d+[\s\S]*（5 分钟）[\s\S]*（22 分钟）[\s\S]*已集结[\s\S]*最慢/);
  await expectRow(C.name, /— \/ \d+\s+—\s+—\s+缺席/);
  expect(await teamRow(A.name).innerText()).not.toContain('最慢');
  expect(await teamRow(C.name).getByText('缺席').getAttribute('class')).toMatch(/red/);
  expect(await teamRow(B.name).getByText('最慢').getAttribute('class')).toMatch(/orange/);
  expect(await detail().getByTestId('pull-test-summary').innerText()).toBe(
    '已集结 2 · 已响应 0 · 待响应 0 · 缺席 1',
  );
  expect(await detail().getByRole('button', { name: '记录响应' }).count()).toBe(0);
}

describe('拉动', () => {
  it('times three teams from the notification, flags the slowest and the missing one at the close, and keeps it after a reload', async () => {
    await openApp(page, baseUrl, '/resources/teams');
    await signIn(page, '崔亚波');
    // On a new profile the sample teams load behind the home screen; the registry fills in when they are written.
    await expect
      .poll(() => page.locator('.registry-tab').innerText(), { timeout: 15_000 })
      .toContain(`共 ${sample.teams.length} 条`);
    await page.getByRole('tab', { name: '拉动' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/resources\/pullTests$/);
    await page.getByTestId('pull-tests').getByText('尚无拉动记录').first().waitFor();

    await page.getByRole('button', { name: /发起拉动/ }).click();
    const form = page.getByRole('dialog').filter({ hasText: '参加队伍' });
    await form.waitFor();
    await animationsSettled(page);
    await form.getByRole('button', { name: label('确定') }).click();
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['必填', '请至少选择一支队伍']);
    await form.getByLabel('拉动名称').fill('汛前队伍拉动');
    await form.getByLabel('备注').fill('不预先通知，电话逐队下达');
    for (const team of [A, B, C]) await chooseOption(page, form.getByLabel('参加队伍'), team.name, team.name);
    await form.getByText('发起拉动', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await animationsSettled(page);
    await screenshot(page, 'pull-test-start-form');
    await form.getByRole('button', { name: label('确定') }).click();
    await messageShown(page, '已发起拉动：汛前队伍拉动');
    await expect.poll(() => page.url()).toMatch(/pullTests\?test=/);
    await expect
      .poll(() => detail().getByTestId('pull-test-summary').innerText())
      .toBe('已集结 0 · 已响应 0 · 待响应 3 · 缺席 0');
    expect(await detail().innerText()).toContain('崔亚波');

    await page.clock.fastForward('03:00');
    await record(A.name, '记录响应');
    await expectRow(A.name, /（3 分钟）[\s\S]*已响应/);
    await page.clock.fastForward('02:00');
    await record(B.name, '记录响应');
    await expectRow(B.name, /（5 分钟）[\s\S]*已响应/);
    await page.clock.fastForward('07:00');
    await record(A.name, '记录集结', 20);
    await expectRow(A.name, /20 \/ \d+[\s\S]*（3 分钟）[\s\S]*（12 分钟）[\s\S]*已集结/);

    // A time typed before the notification is refused in the dialog, which stays open; nothing is written.
    await page.clock.fastForward('10:00');
    await teamRow(B.name).getByRole('button', { name: '记录集结' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: `记录集结：${B.name}` });
    await dialog.waitFor();
    await animationsSettled(page);
    const timeBox = dialog.getByLabel('时间');
    const stamped = await timeBox.inputValue();
    const early = await page.evaluate((start) => {
      const d = new Date(start - 60_000);
      const two = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
    }, NOTIFIED.getTime());
    await timeBox.fill(early);
    await timeBox.press('Enter');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect.poll(() => dialog.getByTestId('pull-test-refusal').innerText()).toBe('时间不能早于通知时间');
    await dialog.getByText(`记录集结：${B.name}`).click();
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    await animationsSettled(page);
    await screenshot(page, 'pull-test-refused-time');
    await timeBox.fill(stamped);
    await timeBox.press('Enter');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectRow(B.name, /（5 分钟）[\s\S]*（22 分钟）[\s\S]*已集结[\s\S]*最慢/);
    await expectRow(C.name, /待响应[\s\S]*已等待 22 分钟/);
    await animationsSettled(page);
    await screenshot(page, 'pull-test-running');

    await detail()
      .getByRole('button', { name: label('结束拉动') })
      .click();
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: '未集结的队伍记为缺席' });
    await confirm.getByRole('button', { name: label('结束拉动') }).click();
    await messageShown(page, '已结束拉动：汛前队伍拉动');
    await expectClosedResult();
    await animationsSettled(page);
    await screenshot(page, 'pull-test-closed');

    const history = page.getByTestId('pull-test-history');
    await chooseOption(page, history.getByLabel('队伍拉动历史'), B.name, B.name);
    await expect
      .poll(() => history.locator('.ant-table-row').first().innerText())
      .toMatch(/汛前队伍拉动[\s\S]*5 分钟[\s\S]*22 分钟[\s\S]*—[\s\S]*已集结[\s\S]*最慢/);
    await history.getByText('队伍拉动历史', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await animationsSettled(page);
    await screenshot(page, 'pull-test-history');
    await chooseOption(page, history.getByLabel('队伍拉动历史'), C.name, C.name);
    await expect
      .poll(() => history.locator('.ant-table-row').first().innerText())
      .toMatch(/汛前队伍拉动[\s\S]*缺席/);

    await page.reload();
    await detail().waitFor();
    await expectClosedResult();
    expect(await page.getByTestId('pull-test-list').locator('.ant-table-row').count()).toBe(1);
    await animationsSettled(page);
    await screenshot(page, 'pull-test-after-reload');
  });
});
