/** User-intent helpers for the end-to-end suites: what an operator does, in the words of the screen. */
import type { Page } from 'playwright-core';

export async function openApp(page: Page, baseUrl: string, route = '/directory'): Promise<void> {
  await page.goto(`${baseUrl}#${route}`);
  await page.getByRole('menuitem').first().waitFor();
}

export async function signIn(
  page: Page,
  name: string,
  options: { position?: string; pin?: string } = {},
): Promise<void> {
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog').filter({ hasText: '签到上岗' });
  await dialog.getByRole('combobox').first().fill(name);
  await page.locator(`.ant-select-item-option[title^="${name} ·"]`).first().click();
  if (options.position) {
    await dialog.getByRole('combobox').nth(1).click();
    await page.locator(`.ant-select-item-option[title="${options.position}"]`).click();
  }
  if (options.pin) await dialog.getByLabel('PIN 码').fill(options.pin);
  await dialog.getByRole('button', { name: /签\s*到/ }).click();
  await page.getByTestId('operator').getByText(name).waitFor();
}

export async function peopleCount(page: Page): Promise<number> {
  const text = await page.getByTestId('people-count').textContent();
  return Number(text?.match(/\d+/)?.[0] ?? Number.NaN);
}

export async function searchDirectory(page: Page, query: string): Promise<void> {
  const box = page.getByPlaceholder(/姓名、拼音|Name, pinyin/);
  await box.fill(query);
}

export async function chooseTreeOption(
  page: Page,
  combobox: ReturnType<Page['getByRole']>,
  search: string,
  title: string,
) {
  await combobox.click();
  await combobox.fill(search);
  await page.locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`).click();
}
