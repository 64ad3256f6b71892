/**
 * User-intent helpers for 应急预案: the plan library, a plan's pages, and the 模拟推演 sandbox, in the words of
 * the screen. Every action waits for what a person would see change, so a test never races the database.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { animationsSettled, dialogSettled, label } from './drivers';
import { waitUntilSettled } from './settings-drivers';

/** The colour the law gives each level (Ⅰ红 Ⅱ橙 Ⅲ黄 Ⅳ蓝), as the tag's computed background. */
export const LEVEL_BACKGROUND = {
  Ⅰ: 'rgb(207, 19, 34)',
  Ⅱ: 'rgb(250, 140, 22)',
  Ⅲ: 'rgb(250, 219, 20)',
  Ⅳ: 'rgb(22, 119, 255)',
} as const;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// --- 预案库 -------------------------------------------------------------------------------------------------

/** Alt+3, as the menu orders the areas; resolves once the library has its rows. */
export async function openPlanLibrary(page: Page): Promise<Locator> {
  await page.keyboard.press('Alt+3');
  const library = planLibrary(page);
  await library.locator('.ant-table-row').first().waitFor();
  return library;
}

export function planLibrary(page: Page): Locator {
  return page
    .locator('.page-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^预案库$/ }) });
}

/** The library's row of one plan (its newest version). */
export function planRow(page: Page, title: string): Locator {
  return planLibrary(page)
    .locator('.ant-table-row')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** "共 3 个预案" under the filters. */
export async function expectPlanCount(page: Page, count: number): Promise<void> {
  await planLibrary(page).getByText(`共 ${count} 个预案`, { exact: true }).waitFor();
}

/** The library's filters, in the order the toolbar shows them. */
const FILTERS = ['灾种', '预案类型', '状态'] as const;

/**
 * Picks an option of one of the library's filters. The filters have no accessible name, only a placeholder
 * that disappears once a value is chosen, so they are found by their place in the toolbar.
 */
export async function filterLibrary(
  page: Page,
  filter: (typeof FILTERS)[number],
  option: string,
): Promise<void> {
  const select = planLibrary(page).locator('.ant-select').nth(FILTERS.indexOf(filter));
  await select.click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  await select.locator(`.ant-select-content[title="${option}"]`).waitFor();
}

/** 导入预案文件, answering the browser's file picker with `file`. */
export async function importPlanFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    planLibrary(page)
      .getByRole('button', { name: label('导入预案文件') })
      .click(),
  ]);
  await chooser.setFiles(file);
}

/**
 * Waits until every toast that says `text` has gone (so none covers a later screenshot). Two saves in a row
 * show two of the same text, one leaving while the other comes: count them, not one of them.
 */
export async function messageGone(page: Page, text: string | RegExp): Promise<void> {
  const toasts = page.locator('.ant-message-notice').filter({ hasText: text });
  await expect.poll(() => toasts.count(), { timeout: 30_000 }).toBe(0);
}

/**
 * Latin words (3+ letters) anywhere on screen, menus' "Alt" shortcut hints aside: the Chinese UI should have
 * none (plan data here is Chinese too, and "v1" is a version, not a word).
 */
export async function latinWords(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])].filter((word) => word !== 'Alt');
}

export function planFile(name: string, content: unknown): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content, null, 2)) };
}

// --- one plan --------------------------------------------------------------------------------------------------

/** The card of one plan version; its title reads 预案库 / <title> <status>. */
export function planPage(page: Page, title: string): Locator {
  return page.locator('.page-card').filter({
    has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^预案库/${escape(title)}`) }),
  });
}

/** From the library: clicks the plan's name and waits for its overview. */
export async function openPlan(page: Page, title: string): Promise<Locator> {
  await planRow(page, title).getByRole('link', { name: title, exact: true }).click();
  const card = planPage(page, title);
  await card.getByRole('tab', { name: '概览' }).waitFor();
  return card;
}

export async function openPlanTab(page: Page, tab: '概览' | '响应分级' | '模拟推演'): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await page.locator('.ant-tabs-tab-active').getByText(tab, { exact: true }).waitFor();
}

/** 响应分级表 rows, highest level first as printed. */
export function levelTableRows(page: Page): Locator {
  return page.locator('.level-table .ant-table-row');
}

/** 导出预案文件: saves the downloaded file and returns its name, path and parsed content. */
export async function exportPlanFile(
  page: Page,
): Promise<{ fileName: string; path: string; content: unknown }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label('导出预案文件') }).click(),
  ]);
  const fileName = download.suggestedFilename();
  const path = join(mkdtempSync(join(tmpdir(), 'ed-plan-')), fileName);
  await download.saveAs(path);
  return { fileName, path, content: JSON.parse(readFileSync(path, 'utf8')) as unknown };
}

// --- 模拟推演 ---------------------------------------------------------------------------------------------------

/** "2027-01-15 09:30" plus `minutes`, in the same naive wall-clock form the time bar shows. */
export function addMinutes(time: string, minutes: number): string {
  const [date = '', clock = ''] = time.split(' ');
  const shifted = new Date(Date.parse(`${date}T${clock}:00Z`) + minutes * 60_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

const STEP_MINUTES = { '+10分钟': 10, '+1小时': 60, '+4小时': 240 } as const;

export type SimulatorStep = keyof typeof STEP_MINUTES;

/**
 * The sandbox of the open plan: what a trainer enters, steps and decides, and what the plan answers. The
 * incident console shows the same panels (`root` = '.incident-console'); there the desk's clock runs.
 */
export function simulator(page: Page, rootSelector = '.plan-simulator') {
  const root = page.locator(rootSelector);
  const state = root.getByTestId('plan-state');
  const proposal = root.getByTestId('proposal');
  const actingAsInput = root.getByLabel('以此身份操作', { exact: true });

  /** An observation's row in 观测与信息; its label shows the value last recorded: 死亡人数（1人）. */
  const observation = (name: string) =>
    root.locator('.ant-form-item').filter({
      has: page.locator('.ant-form-item-label', { hasText: new RegExp(`^${escape(name)}：`) }),
    });

  const sim = {
    root,
    state,
    proposal,
    time: root.getByTestId('sim-time'),
    phase: state.getByTestId('plan-phase'),
    currentLevel: state.getByTestId('current-level'),
    observation,
    tasks: root.locator('.ant-card').filter({
      has: page.locator('.ant-card-head-title', { hasText: /^将下达的任务（\d+）$/ }),
    }),
    journal: root.locator('.ant-card').filter({
      has: page.locator('.ant-card-head-title', { hasText: /^状态日志（\d+）$/ }),
    }),
    /** A decision button of the state card (批准启动, 宣布响应终止 …). */
    decision: (name: string) => state.getByRole('button', { name: label(name) }),

    /** 模拟记录 showing this run. */
    run: (name: string): Locator =>
      root
        .locator(`.ant-select-content[title="${name}"]`)
        .filter({ has: page.getByLabel('模拟记录', { exact: true }) }),

    /** 新建模拟: a new run of this plan version; resolves once its time bar shows. */
    async newRun(): Promise<void> {
      await root.getByRole('button', { name: label('新建模拟') }).click();
      await sim.time.waitFor();
      await sim.phase.getByText('常态监测', { exact: true }).waitFor();
    },

    /**
     * Records an observation: a number (录入), 是/否 for a flag, or nothing for a moment (此刻). Resolves once
     * the row's label shows the recorded value.
     */
    async record(name: string, value?: number | boolean): Promise<void> {
      const row = observation(name);
      const labelText = row.locator('.ant-form-item-label');
      if (typeof value === 'number') {
        await row.getByLabel(name, { exact: true }).fill(String(value));
        await row.getByRole('button', { name: label('录入') }).click();
        await labelText.filter({ hasText: new RegExp(`：${value}[^：]*$`) }).waitFor();
      } else if (typeof value === 'boolean') {
        const answer = value ? '是' : '否';
        await row.getByLabel(name, { exact: true }).click();
        await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${answer}"]`).click();
        await row.getByRole('button', { name: label('录入') }).click();
        await labelText.filter({ hasText: new RegExp(`：${answer}$`) }).waitFor();
      } else {
        const at = (await sim.time.textContent()) ?? '';
        await row.getByRole('button', { name: label('此刻') }).click();
        await labelText.filter({ hasText: `：${at}` }).waitFor();
      }
    },

    /** 预警: issues a warning of `type` at `colour` (蓝色 … 红色); resolves once the row lists it. */
    async issueWarning(type: string, colour: '蓝色' | '黄色' | '橙色' | '红色'): Promise<void> {
      const row = root.locator('.ant-form-item').filter({
        has: page.locator('.ant-form-item-label', { hasText: /^预警：/ }),
      });
      const selects = row.locator('.ant-select');
      await selects.nth(0).click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${type}"]`).click();
      await selects.nth(1).click();
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${colour}"]`).click();
      await row.getByRole('button', { name: label('发布') }).click();
      // The notice of Art. 64: the area is the one thing the plan cannot fill in.
      const notice = page.getByRole('dialog').filter({ hasText: `发布${type}` });
      await dialogSettled(notice);
      await notice.getByLabel('预警区域').fill('新港街道、青石街道沿海');
      await notice.getByRole('button', { name: label('发布') }).click();
      await notice.waitFor({ state: 'hidden' });
      await row
        .locator('.ant-form-item-label')
        .filter({ hasText: new RegExp(`${escape(type)}${colour}`) })
        .waitFor();
    },

    /**
     * Steps simulated time. Each step counts from the time shown, so it waits until the clock shows the new
     * time before returning (a second press before then would count from the old time again).
     */
    async step(step: SimulatorStep): Promise<string> {
      const before = (await sim.time.textContent()) ?? '';
      const expected = addMinutes(before, STEP_MINUTES[step]);
      await root.getByRole('button', { name: step, exact: true }).click();
      await sim.time.getByText(expected, { exact: true }).waitFor();
      return expected;
    },

    /** 以此身份操作: who makes the decisions in the sandbox, as "姓名（岗位）". */
    async actAs(person: string): Promise<void> {
      const name = person.replace(/（.*$/, '');
      await actingAsInput.click();
      await actingAsInput.fill(name);
      await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${person}"]`).click();
      await sim.actingAs(person).waitFor();
    },

    /** 以此身份操作 showing this person: "姓名（岗位）". */
    actingAs: (person: string): Locator =>
      root
        .locator(`.ant-select-content[title="${person}"]`)
        .filter({ has: page.getByLabel('以此身份操作', { exact: true }) }),

    /** The level the plan proposes now, as its tag reads (Ⅳ级响应); waits for a proposal. */
    async proposedLevel(): Promise<string> {
      const tag = proposal.locator('[data-level]');
      await tag.waitFor();
      return (await tag.textContent()) ?? '';
    },

    /** 批准启动 the proposed level; resolves once 当前响应级别 shows it. */
    async approve(): Promise<string> {
      const level = await sim.proposedLevel();
      await sim.decision('批准启动').click();
      await sim.currentLevel.getByText(level, { exact: true }).waitFor();
      return level;
    },

    /** Hovers a disabled decision; returns its tooltip (不能执行：…), left open for a screenshot. */
    async explainDisabled(name: string): Promise<Locator> {
      await sim.decision(name).hover();
      const tooltip = page.locator('.ant-tooltip:visible').filter({ hasText: /^不能执行：/ });
      await waitUntilSettled(tooltip);
      return tooltip;
    },

    /** Moves the pointer away, and waits until no tooltip shows. */
    async dismissTooltip(): Promise<void> {
      await page.mouse.move(0, 0);
      await page.locator('.ant-tooltip:visible').waitFor({ state: 'hidden' });
    },

    /** Opens the reason dialog of a decision (宣布响应终止, 调整级别 …). */
    async openReasonDialog(name: string): Promise<Locator> {
      await sim.decision(name).click();
      const dialog = page.getByRole('dialog').filter({ hasText: name });
      await waitUntilSettled(dialog);
      await animationsSettled(page);
      return dialog;
    },

    /** The journal's rows that contain all of these texts. */
    journalRows: (...texts: string[]): Locator =>
      texts.reduce((rows, text) => rows.filter({ hasText: text }), sim.journal.locator('.ant-table-row')),

    /** The issued tasks that contain all of these texts. */
    taskRows: (...texts: string[]): Locator =>
      texts.reduce((rows, text) => rows.filter({ hasText: text }), sim.tasks.locator('.ant-table-row')),
  };
  return sim;
}

export type Simulator = ReturnType<typeof simulator>;
