/**
 * renderer_heap_mb: the renderer's JavaScript heap, the page's and its workers' together, with 100,000 resources and a 100,000-line 处置日志 in the
 * profile, after the app has used both: 一键检索 over the whole index (every query of the search figure), the
 * 指挥台 of the incident opened with its newest line shown, then the log scrolled down to its oldest line. Measured
 * over the DevTools protocol after a forced garbage collection, so it is what the app keeps, not what it has
 * not yet collected; the heap before the collection is logged beside it.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, type StaticServer } from '../e2e/harness';
import { progress, type Figure } from './report';
import { RESOURCE_INDEX_ROWS, searchOnce, seedResourceIndex } from './resource-search';
import {
  incidentLogFixture,
  LOG_LINES,
  openConsole,
  sampleResourcesLoaded,
  seedLog,
  toDuty,
} from './incident-log';

const GOAL_MB = 250;
const LONG = { timeout: 180_000 };
const QUERIES = ['帐篷', '编织袋', 'zp', '冲锋舟', '消防', '避难场所', '发电机', '1.2', '救援队', '棉被'];
const MB = 1024 * 1024;

async function heapUsed(cdp: CDPSession): Promise<number> {
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / MB;
}

/**
 * The heap of each of the page's workers (一键检索's catalogue lives in one), after a collection: attached
 * one by one over the page's own protocol session, which carries each worker's messages.
 */
async function workerHeapsMb(cdp: CDPSession): Promise<number[]> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const sizes: number[] = [];
  for (const target of targetInfos.filter((t) => t.type === 'worker')) {
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    let next = 0;
    const call = (method: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const id = ++next;
        const listener = (event: { sessionId: string; message: string }) => {
          const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, unknown> };
          if (event.sessionId !== sessionId || reply.id !== id) return;
          cdp.off('Target.receivedMessageFromTarget', listener);
          resolve(reply.result ?? {});
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    sizes.push(((await call('Runtime.getHeapUsage'))['usedSize'] as number) / MB);
    await cdp.send('Target.detachFromTarget', { sessionId });
  }
  return sizes;
}

/** The page's heap before and after a collection, and its workers' after theirs, counted in `after`. */
async function collectedHeap(cdp: CDPSession): Promise<{ before: number; after: number; workers: number }> {
  const before = await heapUsed(cdp);
  // Twice: the first collection lets finalisers and weak maps drop what the second then frees.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const workers = (await workerHeapsMb(cdp)).reduce((sum, mb) => sum + mb, 0);
  return { before, after: (await heapUsed(cdp)) + workers, workers };
}

async function scrollLogToOldest(page: Page): Promise<void> {
  const rows = page.getByTestId('incident-log-rows');
  // The rows' element is the virtual list's scroller; the newest line is on top, the oldest at the bottom.
  await rows.evaluate((scroller) => {
    scroller.scrollTop = scroller.scrollHeight;
  });
  await page.locator('.incident-log-row[data-seq="1"]').waitFor(LONG);
}

const round = (mb: number) => Math.round(mb * 10) / 10;

export async function rendererHeapFigure(server: StaticServer, profileDir: string): Promise<Figure> {
  const began = Date.now();
  const seeding = await launchBrowser({ profileDir });
  try {
    await seeding.page.goto(`${server.url}#/duty`);
    await seeding.page.getByTestId('intake-register').waitFor(LONG);
    await sampleResourcesLoaded(seeding.page);
    await seedResourceIndex(seeding.page);
  } finally {
    await seeding.close({ keepProfile: true });
  }
  const fixture = incidentLogFixture(LOG_LINES);
  await seedLog(server, profileDir, fixture);
  const newest = fixture.entries.at(-1)!;

  const session = await launchBrowser({ profileDir });
  const { page } = session;
  try {
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${server.url}#/duty`);
    await page.getByTestId('intake-register').waitFor(LONG);
    const idle = await collectedHeap(cdp);
    progress(`  at rest on 值班: ${round(idle.after)} MB after GC (${round(idle.before)} MB before)`);

    await page.evaluate(() => {
      location.hash = '#/resources/search';
    });
    await page.locator('input[aria-label="一键检索"]').waitFor(LONG);
    for (const query of QUERIES) await searchOnce(page, query);
    const searched = await collectedHeap(cdp);
    progress(
      `  after ${QUERIES.length} searches over ${RESOURCE_INDEX_ROWS} resources: ${round(searched.after)} MB ` +
        `(of which workers ${round(searched.workers)} MB)`,
    );

    await toDuty(page);
    await openConsole(page, fixture.incident.id, newest.seq, newest.text);
    await scrollLogToOldest(page);
    const opened = await collectedHeap(cdp);
    progress(
      `  指挥台 of ${LOG_LINES} lines open, scrolled to the oldest line: ${round(opened.after)} MB after GC, ` +
        `workers ${round(opened.workers)} MB of it (the page ${round(opened.before)} MB before GC)`,
    );
    if (session.errors.length > 0) {
      throw new Error(`the app logged errors while measuring its heap:\n${session.errors.join('\n')}`);
    }
    const figure: Figure = {
      name: 'renderer_heap_mb',
      value: round(opened.after),
      unit: 'MB',
      goal: GOAL_MB,
    };
    progress(
      `renderer_heap_mb: ${figure.value} MB (goal ≤ ${GOAL_MB} MB); ${Math.round((Date.now() - began) / 1000)} s in all`,
    );
    return figure;
  } finally {
    await session.close({ keepProfile: true });
  }
}
