/** User-intent helpers for the end-to-end suites: what an operator does, in the words of the screen. */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * A button's label. antd puts a space between the two characters of a two-character Chinese label on
 * filled buttons (保存 → 保 存), and a button that was loading for a moment can keep its faded-out spinner,
 * named "loading", in front of the label (antd's leave motion sometimes never ends); this matches both.
 */
export function label(text: string): RegExp {
  const escaped = [...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(^|\\s)${escaped.join('\\s*')}\\s*$`);
}

export async function openApp(page: Page, baseUrl: string, route = '/directory'): Promise<void> {
  await page.goto(`${baseUrl}#${route}`);
  await page.getByRole('menuitem').first().waitFor();
}

/**
 * What a person does when a click or a key right after a screen opened was not taken (seen in CI under load):
 * looks, and does it again. `took` waits for the act's effect and throws if it does not come; `landed` says
 * whether a slow act came through after all, so nothing is done twice. An act that really does nothing still
 * fails all three times.
 */
export async function actAgainIfNotTaken(steps: {
  act: () => Promise<void>;
  took: () => Promise<unknown>;
  landed?: () => Promise<boolean>;
}): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await steps.act();
      await steps.took();
      return;
    } catch (error) {
      if (steps.landed && (await steps.landed())) return;
      if (attempt === 3) throw error;
    }
  }
}

/** The sign-in dialog (F2), filled in but not submitted. */
export async function fillSignIn(
  page: Page,
  name: string,
  options: { position?: string; pin?: string } = {},
): Promise<Locator> {
  const dialog = signInDialog(page);
  if (!(await dialog.isVisible())) await page.keyboard.press('F2');
  await dialog.waitFor();
  await animationsSettled(page);
  await dialog.getByRole('combobox').first().fill(name);
  await page.locator(`.ant-select-item-option[title^="${name} ·"]`).first().click();
  if (options.position) {
    await dialog.getByRole('combobox').nth(1).click();
    await page.locator(`.ant-select-item-option[title="${options.position}"]`).click();
  }
  if (options.pin !== undefined) await dialog.getByLabel('PIN 码').fill(options.pin);
  return dialog;
}

export function signInDialog(page: Page): Locator {
  return page.getByRole('dialog').filter({ hasText: '签到上岗' });
}

export async function signIn(
  page: Page,
  name: string,
  options: { position?: string; pin?: string } = {},
): Promise<void> {
  let dialog = signInDialog(page);
  // Seen about once in ten CI runs under load: the choice or the click landed while antd's dropdown or modal
  // was still moving, and the dialog stayed open with nobody signed in.
  await actAgainIfNotTaken({
    act: async () => {
      dialog = await fillSignIn(page, name, options);
      await signInButton(dialog).click();
    },
    took: async () => {
      await page.getByTestId('operator').getByText(name).waitFor({ timeout: 10_000 });
      await dialog.waitFor({ state: 'hidden' });
    },
  });
}

export async function peopleCount(page: Page): Promise<number> {
  const text = await page.getByTestId('people-count').textContent();
  return Number(text?.match(/\d+/)?.[0] ?? Number.NaN);
}

/** Waits until the directory shows this many people (in the current unit and search). */
export async function expectPeopleCount(page: Page, count: number): Promise<void> {
  await page
    .getByTestId('people-count')
    .filter({ hasText: new RegExp(`^\\s*${count}\\s*(人|people)`) })
    .waitFor();
}

export async function searchDirectory(page: Page, query: string): Promise<void> {
  const box = page.getByPlaceholder(/姓名、拼音|Name, pinyin/);
  await box.fill(query);
}

/**
 * A person's row in the directory list. The list is a virtual table whose rows are plain divs with no
 * `row` role, so this is the one place that knows antd's row class.
 */
export function personRow(page: Page, name: string): Locator {
  return page.locator('.ant-table-row').filter({ has: page.getByText(name, { exact: true }) });
}

/**
 * Searches for a person, checks the search found exactly one row, and returns it. The search is cleared
 * first and the full list awaited, so a "1 人" left over from an earlier search cannot pass for this one.
 */
export async function findPerson(page: Page, name: string, query = name): Promise<Locator> {
  await searchDirectory(page, '');
  await page
    .getByTestId('people-count')
    .filter({ hasText: /^\s*([02-9]|\d{2,})\s*(人|people)/ })
    .waitFor();
  await searchDirectory(page, query);
  await expectPeopleCount(page, 1);
  const row = personRow(page, name);
  await row.waitFor();
  return row;
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

/** Picks an option of an antd Select by typing part of it, as a person does. */
export async function chooseOption(page: Page, combobox: Locator, search: string, title: string) {
  await combobox.click();
  await combobox.fill(search);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

export interface PersonFields {
  name?: string;
  /** [what to type, the unit's full name] */
  unit?: [string, string];
  title?: string;
  positions?: string[];
  mobile?: string;
  officePhone?: string;
  note?: string;
  pin?: string;
}

export function personDrawer(page: Page, title: '新增人员' | '编辑人员'): Locator {
  return page.getByRole('dialog').filter({ has: page.getByText(title, { exact: true }) });
}

export async function fillPersonForm(page: Page, drawer: Locator, fields: PersonFields): Promise<void> {
  if (fields.name !== undefined) await drawer.getByLabel('姓名').fill(fields.name);
  if (fields.unit) await chooseTreeOption(page, drawer.getByLabel('所属单位'), ...fields.unit);
  if (fields.title !== undefined) await drawer.getByLabel('职务').fill(fields.title);
  for (const position of fields.positions ?? []) {
    await chooseOption(page, drawer.getByLabel('担任岗位'), position, position);
  }
  if (fields.positions?.length) await drawer.getByLabel('担任岗位').press('Escape');
  if (fields.mobile !== undefined) await drawer.getByLabel('手机').fill(fields.mobile);
  if (fields.officePhone !== undefined) await drawer.getByLabel('办公电话').fill(fields.officePhone);
  if (fields.note !== undefined) await drawer.getByLabel('备注').fill(fields.note);
  if (fields.pin !== undefined) await drawer.getByLabel(/PIN 码/).fill(fields.pin);
}

/** Saves the open person drawer and waits until it has closed (a refused save keeps it open). */
export async function savePerson(drawer: Locator): Promise<void> {
  await drawer.getByRole('button', { name: label('保存') }).click();
  await drawerClosed(drawer);
}

export async function closePersonDrawer(drawer: Locator): Promise<void> {
  await drawer.getByRole('button', { name: label('取消') }).click();
  await drawerClosed(drawer);
}

/**
 * A closing drawer hands the focus back to the button that opened it only when its slide-out ends; a
 * dialog opened before that (F2) would lose its focus to that button. So wait for the slide to end.
 */
async function drawerClosed(drawer: Locator): Promise<void> {
  await drawer.waitFor({ state: 'hidden' });
  await animationsSettled(drawer.page());
}

export async function addPerson(page: Page, fields: PersonFields): Promise<void> {
  await page.getByRole('button', { name: '新增人员' }).click();
  const drawer = personDrawer(page, '新增人员');
  await fillPersonForm(page, drawer, fields);
  await savePerson(drawer);
}

/** Finds the person by name and opens the edit drawer from the row's 编辑 button. */
export async function openPersonEditor(page: Page, name: string): Promise<Locator> {
  const row = await findPerson(page, name);
  await row.getByRole('button', { name: '编辑' }).click();
  const drawer = personDrawer(page, '编辑人员');
  await drawer.getByLabel('姓名').waitFor();
  return drawer;
}

export async function editPerson(page: Page, name: string, fields: PersonFields): Promise<void> {
  const drawer = await openPersonEditor(page, name);
  await fillPersonForm(page, drawer, fields);
  await savePerson(drawer);
}

export async function deletePerson(page: Page, name: string): Promise<void> {
  const row = await findPerson(page, name);
  await row.getByRole('button', { name: '删除' }).click();
  const confirm = page.locator('.ant-popconfirm').filter({ hasText: `确定删除“${name}”吗？` });
  await confirm.getByRole('button', { name: label('删除') }).click();
  await expectPeopleCount(page, 0);
}

/** Exports the people list through the UI and saves the downloaded file into `dir`. */
export async function exportPeople(page: Page, dir: string): Promise<{ path: string; fileName: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出人员（CSV）' }).click();
  const file = await download;
  const fileName = file.suggestedFilename();
  const path = join(dir, fileName);
  await file.saveAs(path);
  return { path, fileName };
}

export type CsvFile = string | { name: string; mimeType: string; buffer: Buffer };

/** Opens the import dialog and chooses a file; the dialog then shows either its check result or errors. */
export async function chooseImportFile(page: Page, file: CsvFile): Promise<Locator> {
  await page.getByRole('button', { name: '导入人员（CSV）' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '点击或拖拽 CSV 文件到此处' });
  await dialog.locator('input[type=file]').setInputFiles(file);
  return dialog;
}

export function csvFile(name: string, content: string | Buffer): CsvFile {
  return { name, mimeType: 'text/csv', buffer: typeof content === 'string' ? Buffer.from(content) : content };
}

/**
 * Waits until every finite CSS animation and transition on the page has finished (a modal zooming in, a
 * drawer sliding), so a screenshot shows the screen as a person sees it once it has stopped moving.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (;;) {
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

/**
 * Waits until an antd dialog has finished zooming in. A click during the zoom lands where the button was a
 * frame ago, which can be blank modal body (the click is lost and the dialog stays open).
 */
export async function dialogSettled(dialog: Locator): Promise<void> {
  await dialog.and(dialog.page().locator('.ant-modal:not([class*="ant-zoom"])')).waitFor();
}

/** The sign-in dialog's submit button. */
export function signInButton(dialog: Locator): Locator {
  return dialog.getByRole('button', { name: label('签到') });
}

/** The latest entries of the audit trail (设置 → 操作留痕) that contain all of these texts. */
export function auditRows(page: Page, ...texts: string[]): Locator {
  return texts.reduce((rows, text) => rows.filter({ hasText: text }), auditTrail(page).getByRole('row'));
}

/** The audit trail card of the settings screen (操作留痕（最近 50 条）). */
export function auditTrail(page: Page): Locator {
  return page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^操作留痕/ }) });
}
