/**
 * The crash harness's operator at the incident console: a profile with an ad-hoc incident, lines written into
 * its 处置日志 one after another until the browser dies, and what the reopened app and its database say.
 */
import type { Page } from 'playwright-core';
import { verifyChain, type LogEntry } from '../../shared/domain/incident/log-chain';
import { indexRange } from '../bench/raw-idb';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { launchBrowser, newProfileDir } from './harness';
import { incidentConsole, pick } from './incident-drivers';

const OPERATOR = '崔伟';
const LONG = { timeout: 60_000 };
/** What the operator writes. */
const NOTES = [
  '青石街道工业园现场明火已扑灭，仍有浓烟，继续监测',
  '区消防救援大队两车十二人到场',
  '厂区周边三百米内人员已疏散',
  '区生态环境局到场监测空气质量',
  '区卫健委报告：轻伤二人，已送医',
  '供电公司已切断厂区电源',
];

/** A line of the log, tagged with the run's seed, the cycle and its number so it is unique. */
export function noteText(tag: string, random: () => number): string {
  return `【断电测试 ${tag}】${NOTES[Math.floor(random() * NOTES.length)] ?? ''}`;
}

/** A new profile with an ad-hoc incident opened through the UI and 崔伟 signed in; closed normally. */
export async function prepareCrashProfile(
  baseUrl: string,
): Promise<{ profileDir: string; incidentId: string }> {
  const session = await launchBrowser({ profileDir: newProfileDir() });
  const { page } = session;
  try {
    await openApp(page, baseUrl);
    await signIn(page, OPERATOR);
    await page.keyboard.press('Alt+2');
    const list = page.getByTestId('incident-list');
    await list.getByRole('button', { name: label('新建事件') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建事件' });
    await dialog.waitFor();
    await animationsSettled(page);
    await dialog.getByLabel('事件名称').fill('青石街道工业园厂房起火');
    await pick(page, dialog.getByLabel('事件类别'), '事故灾难');
    await dialog.getByLabel('事发地点').fill('青石街道工业园');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await incidentConsole(page).logRow('立案：青石街道工业园厂房起火').waitFor(LONG);
    const incidentId = /#\/incidents\/([\w-]+)$/.exec(page.url())?.[1];
    if (!incidentId) throw new Error(`not on an incident console: ${page.url()}`);
    // The sample resources load behind the first screen; let them finish so no cycle starts with them.
    await page.waitForFunction(sampleResourcesLoaded, undefined, { ...LONG, polling: 250 });
    if (session.errors.length > 0) throw new Error(`the app logged errors:\n${session.errors.join('\n')}`);
    await session.close({ keepProfile: true });
    return { profileDir: session.profileDir, incidentId };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/** In the page: whether the app has finished loading its sample resources. */
function sampleResourcesLoaded(): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('emergency-desk');
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('settings').objectStore('settings').get('sampleResourcesSeededAt');
      request.onsuccess = () => {
        db.close();
        resolve(request.result !== undefined);
      };
      request.onerror = () => reject(request.error ?? new Error('read failed'));
    };
  });
}

/** The console of the incident, reopened: signed in still, the log panel showing. */
export async function openConsole(page: Page, baseUrl: string, incidentId: string): Promise<void> {
  await page.goto(`${baseUrl}#/incidents/${incidentId}`);
  await incidentConsole(page).log.waitFor(LONG);
  await page.getByTestId('operator').getByText(OPERATOR).waitFor(LONG);
}

export interface Writing {
  confirmed: string[];
  /** Written but not (yet) reported saved. */
  pending: string | null;
  /** Called with each line the page reported saved. */
  onSaved(text: string): void;
}

/**
 * Writes lines until the page is gone: type, Enter, then wait in the page until the input has cleared
 * (saved) or an error toast shows (refused, which is a failure). The verdict comes back with the one call,
 * so a line counts as soon as the page has shown it saved.
 */
export async function writeUntilGone(page: Page, texts: () => string, into: Writing): Promise<void> {
  // Alt+L puts the cursor in the log's input, and it stays there after each line: then typing is one call.
  await page.keyboard.press('Alt+L');
  for (;;) {
    const text = texts();
    into.pending = text;
    await page.keyboard.insertText(text);
    await page.keyboard.press('Enter');
    // No named helpers in the page function: tsx would wrap them in a `__name` call the page does not have.
    const result = await page.evaluate(
      (timeout) =>
        new Promise<string>((resolve) => {
          const began = performance.now();
          const timer = setInterval(() => {
            const error = document.querySelector('.ant-message-error');
            const input = document.querySelector<HTMLTextAreaElement>(
              '[data-testid="incident-log"] textarea',
            );
            const verdict = error
              ? `refused: ${error.textContent ?? ''}`
              : input?.value === ''
                ? 'saved'
                : performance.now() - began > timeout
                  ? 'no answer'
                  : null;
            if (verdict === null) return;
            clearInterval(timer);
            resolve(verdict);
          }, 5);
        }),
      LONG.timeout,
    );
    if (result !== 'saved') throw new Error(`the log did not save a line: ${result}`);
    into.confirmed.push(text);
    into.pending = null;
    into.onSaved(text);
  }
}

export interface Check {
  rows: LogEntry[];
  problems: string[];
}

/** What the reopened app and its database say about the log. */
export async function checkLog(page: Page, incidentId: string): Promise<Check> {
  const problems: string[] = [];
  const rows = JSON.parse(
    await indexRange(
      page,
      {
        store: 'incidentLog',
        index: '[incidentId+seq]',
        lower: [incidentId, 1],
        upper: [incidentId, Infinity],
      },
      'all',
    ),
  ) as LogEntry[];
  const chain = verifyChain(rows);
  if (!chain.ok) problems.push(`recomputed chain broken at ${chain.brokenAt} (${chain.reason})`);

  // The panel, once its newest row has its text: its count and that row must be what is on disk.
  const log = incidentConsole(page).log;
  const top = log.locator('.incident-log-row').first();
  await top.locator('.incident-log-text').waitFor(LONG);
  const title = await log.locator('.ant-card-head-title').innerText();
  if (title.trim() !== `处置日志 · 共 ${rows.length} 条`) problems.push(`the panel says ${title}`);
  const newest = rows.at(-1);
  const shown = await top.locator('.incident-log-text').innerText();
  if (shown !== newest?.text) problems.push(`the newest row shows ${shown}, on disk ${newest?.text}`);
  await log.getByRole('button', { name: label('校验日志') }).click();
  const verdict = await log.getByTestId('log-verify-result').innerText(LONG);
  if (verdict.trim() !== `日志完整：共 ${rows.length} 条，哈希链未被改动`)
    problems.push(`校验日志: ${verdict}`);
  return { rows, problems };
}
