/**
 * User-intent helpers for 事件指挥: a 接报 turned into a typhoon incident, and the console's parts in the words
 * of the screen. Shared by the incident suites so each reads as what the duty officer does.
 */
import type { Locator, Page } from 'playwright-core';
import { actAgainIfNotTaken, animationsSettled, dialogSettled, label } from './drivers';

export const TYPHOON = '示范区防台风应急预案';

/** Picks an option of an antd Select by its title. */
export async function pick(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
}

/** Picks a person in a searchable select (the 四个一 panel, notices) by typing their name. */
export async function pickPerson(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await select.fill(name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: name })
    .first()
    .click();
}

export interface IncomingCall {
  occurredAt: string;
  category: string;
  place: string;
  nature: string;
  dead?: number;
  injured?: number;
}

/** The typhoon's first call: sea water over the dyke at 02:00. */
export const TYPHOON_CALL: IncomingCall = {
  occurredAt: '2026-11-23 02:00',
  category: '自然灾害',
  place: '滨江街道沿海一线',
  nature: '台风“海燕”外围影响，滨江村海水漫堤',
};

/** Records a 接报 with Alt+J on the duty screen, as the duty officer does while the caller speaks. */
export async function recordIntake(page: Page, call: IncomingCall = TYPHOON_CALL): Promise<void> {
  await page.keyboard.press('Alt+1');
  await page.getByTestId('intake-register').waitFor();
  await page.keyboard.press('Alt+J');
  const form = page.locator('.ant-drawer').filter({ hasText: '接报登记' });
  await form.waitFor();
  await animationsSettled(page);
  await form.getByLabel('报告人').fill('王建国');
  await form.getByLabel('联系电话').fill('13912345678');
  await form.getByLabel('事发时间').fill(call.occurredAt);
  await form.getByLabel('事发时间').press('Enter');
  await pick(page, form.getByLabel('事件类别'), call.category);
  await form.getByLabel('事发地点').fill(call.place);
  await form.getByLabel('事件性质与简要经过').fill(call.nature);
  if (call.dead) await form.getByLabel('死亡（人）').fill(String(call.dead));
  if (call.injured) await form.getByLabel('受伤（人）').fill(String(call.injured));
  await form.getByRole('button', { name: label('保存') }).click();
  await form.waitFor({ state: 'hidden' });
}

/**
 * Opens a 接报 of the register (its row) and presses 转为事件; resolves on the settled 新建事件 dialog.
 * Seen in CI: a click while the 接报 dialog was still zooming in landed on blank modal body and was lost, so
 * the helper waits for that dialog to settle, and clicks once more if the 新建事件 dialog does not come (a
 * person would click again; a button that really does nothing still fails all three times).
 */
export async function turnIntoIncident(page: Page, intakeRow: Locator): Promise<Locator> {
  await intakeRow.click();
  const intake = page.getByRole('dialog').filter({ has: page.getByTestId('intake-detail') });
  await dialogSettled(intake);
  const dialog = page.getByRole('dialog').filter({ hasText: '新建事件' });
  await actAgainIfNotTaken({
    act: async () => {
      await animationsSettled(page);
      await intake.getByRole('button', { name: label('转为事件') }).click({ timeout: 5_000 });
    },
    took: () => dialog.waitFor({ timeout: 5_000 }),
    landed: () => dialog.isVisible(),
  });
  await dialogSettled(dialog);
  await animationsSettled(page);
  return dialog;
}

/** Opens the typhoon incident from a fresh 接报; resolves on its console. */
export async function openTyphoonIncident(page: Page): Promise<void> {
  await recordIntake(page);
  const dialog = await turnIntoIncident(
    page,
    page.getByTestId('intake-register').locator('.ant-table-row').first(),
  );
  await pick(page, dialog.getByLabel('启用预案'), TYPHOON);
  await dialog.getByRole('button', { name: label('保存') }).click();
  await page.locator('.incident-console').getByTestId('incident-header').waitFor();
}

const rowsWith = (rows: Locator, texts: string[]) =>
  texts.reduce((r, text) => r.filter({ hasText: text }), rows);

/** The parts of the open incident console. */
export function incidentConsole(page: Page) {
  const root = page.locator('.incident-console');
  const log = root.getByTestId('incident-log');
  return {
    root,
    header: root.getByTestId('incident-header'),
    level: root.getByTestId('incident-level'),
    tasks: root.getByTestId('incident-tasks'),
    aftermath: root.getByTestId('aftermath-tasks'),
    log,
    logRow: (...texts: string[]) => rowsWith(log.locator('.incident-log-row'), texts),
    taskRow: (...texts: string[]) =>
      rowsWith(root.getByTestId('incident-tasks').locator('.ant-table-row'), texts),
    aftermathRow: (...texts: string[]) =>
      rowsWith(root.getByTestId('aftermath-tasks').locator('.ant-table-row'), texts),
  };
}
