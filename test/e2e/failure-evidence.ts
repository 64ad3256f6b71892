/**
 * When an end-to-end test fails, keeps what each page of its browser showed at that moment: a screenshot in
 * test-results/screenshots/FAILED-*.png and, in the log, the page's address, visible text and logged errors.
 * A failure seen only in CI can then be read from the CI log instead of guessed at.
 *
 * A setup file of the e2e project. The evidence is taken as the test's session closes (its afterEach), when
 * the test's result is already known and its pages are still open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { beforeEverySessionCloses, RESULTS_DIR } from './harness';

type Task = Parameters<Parameters<typeof beforeEach>[0]>[0]['task'];

const TEXT_SHOWN = 3_000;
const EVIDENCE_TIMEOUT = 10_000;

let current: Task | null = null;
beforeEach(({ task }) => {
  current = task;
});

beforeEverySessionCloses(async (session) => {
  const task = current;
  if (task?.result?.state !== 'fail') return;
  const dir = join(RESULTS_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const slug = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
  const pages = session.context.pages();
  for (const [i, page] of pages.entries()) {
    const path = join(dir, `FAILED-${slug}-${i + 1}.png`);
    console.error(
      [
        `── failed test "${task.name}", page ${i + 1} of ${pages.length}: ${page.url()}`,
        `screenshot: ${await screenshotOf(page, path)}`,
        `errors logged: ${JSON.stringify(session.errors)}`,
        `visible text:\n${(await visibleText(page)).slice(0, TEXT_SHOWN)}`,
      ].join('\n'),
    );
  }
});

function screenshotOf(page: Page, path: string): Promise<string> {
  return page
    .screenshot({ path, timeout: EVIDENCE_TIMEOUT })
    .then(() => path)
    .catch((error: unknown) => `none (${String(error)})`);
}

/** A page whose main thread is stuck never answers; the evidence says so instead of hanging the run. */
function visibleText(page: Page): Promise<string> {
  return Promise.race([
    page.evaluate(() => document.body.innerText),
    new Promise<string>((resolve) =>
      setTimeout(() => resolve('(the page did not answer)'), EVIDENCE_TIMEOUT),
    ),
  ]).catch((error: unknown) => `none (${String(error)})`);
}
