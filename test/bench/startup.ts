/**
 * startup_to_interactive: a cold start of the renderer (a new browser process on an existing profile) until
 * the directory list is rendered with its data, read from the app's own `performance.mark(
 * 'directory-interactive')` (PeopleTab), in ms since navigation start.
 *
 * IndexedDB belongs to an origin, so every launch of one profile must use the same server (same port).
 * Big databases are seeded once per profile, through the app's own CSV import.
 */
import type { Page } from 'playwright-core';
import { signIn } from '../e2e/drivers';
import { launchBrowser, newProfileDir, type StaticServer } from '../e2e/harness';
import { assertImportable, generatePeopleCsv, SAMPLE_PEOPLE } from './people-fixture';
import { progress } from './report';

const MARK = 'directory-interactive';
const LONG = { timeout: 180_000 };

async function waitForInteractive(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark)[0]?.startTime,
    MARK,
    LONG,
  );
  return (await handle.jsonValue()) as number;
}

async function directoryShows(page: Page, people: number): Promise<void> {
  await page.getByTestId('people-count').getByText(`${people} 人`, { exact: true }).waitFor(LONG);
}

/** First start of a new profile: the app creates its database and loads the sample district. */
export async function seedSampleProfile(server: StaticServer): Promise<string> {
  const session = await launchBrowser({ profileDir: newProfileDir() });
  try {
    await session.page.goto(`${server.url}#/directory`);
    await waitForInteractive(session.page);
    await directoryShows(session.page, SAMPLE_PEOPLE);
    assertNoErrors(session.errors, 'seeding the sample profile');
  } catch (error) {
    await session.close();
    throw error;
  }
  await session.close({ keepProfile: true });
  return session.profileDir;
}

/** Brings a sample profile to `total` people with the 导入人员（CSV） dialog, as an office would. */
export async function importPeople(server: StaticServer, profileDir: string, total: number): Promise<void> {
  const count = total - SAMPLE_PEOPLE;
  const csv = generatePeopleCsv(count);
  assertImportable(csv, count);
  const session = await launchBrowser({ profileDir });
  const { page } = session;
  try {
    await page.goto(`${server.url}#/directory`);
    await directoryShows(page, SAMPLE_PEOPLE);
    await signIn(page, '崔伟');
    await page.getByRole('button', { name: /导入人员/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '导入人员（CSV）' });
    const started = Date.now();
    await dialog.locator('input[type=file]').setInputFiles({
      name: `bench-${count}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await dialog.getByText(`检查通过：将新增 ${count} 人，更新 0 人。`).waitFor(LONG);
    const checked = Date.now();
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(`导入完成：新增 ${count} 人，更新 0 人`).waitFor(LONG);
    await directoryShows(page, total);
    progress(
      `imported ${count} people: checked in ${checked - started} ms, written in ${Date.now() - checked} ms`,
    );
    assertNoErrors(session.errors, 'importing people');
  } finally {
    await session.close({ keepProfile: true });
  }
}

/** `runs` cold starts of one profile; each is a fresh browser process. */
export async function coldStartups(
  server: StaticServer,
  profileDir: string,
  runs: number,
  expectedPeople: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const session = await launchBrowser({ profileDir });
    try {
      await session.page.goto(`${server.url}#/directory`);
      const ms = await waitForInteractive(session.page);
      // The mark must mean the real list: the whole directory is there, not a skeleton or an error screen.
      await directoryShows(session.page, expectedPeople);
      assertNoErrors(session.errors, `cold start ${run}`);
      times.push(Math.round(ms));
      progress(`  cold start ${run}/${runs}: ${Math.round(ms)} ms (${await phases(session.page)})`);
    } finally {
      await session.close({ keepProfile: true });
    }
  }
  return times;
}

/** Where the time went: the app's start-up marks and when its scripts finished loading. */
async function phases(page: Page): Promise<string> {
  const entries = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const);
    return [...(nav ? [['domInteractive', nav.domInteractive] as const] : []), ...marks];
  });
  return entries.map(([name, at]) => `${name} ${Math.round(at)}`).join(', ');
}

function assertNoErrors(errors: readonly string[], during: string): void {
  if (errors.length > 0) throw new Error(`the app logged errors while ${during}:\n${errors.join('\n')}`);
}
