import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from '../../renderer/db/schema';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import { messageShown, waitUntilSettled } from './settings-drivers';

const baseUrl = inject('baseUrl');
/** An IndexedDB version far above this app's: Dexie stores schema version N as IndexedDB version N × 10. */
const FUTURE_VERSION = 999;
const TECHNICAL = `VersionError: database version ${FUTURE_VERSION / 10} > ${CURRENT_SCHEMA_VERSION}`;

interface DatabaseOnDisk {
  version: number | undefined;
  stores: string[];
  rows: unknown[];
}

describe('a database the app cannot open', () => {
  let session: BrowserSession;
  beforeEach(async () => {
    session = await launchBrowser();
  });
  afterEach(async () => {
    await session.close();
  });

  it('refuses data from a newer version untouched, says so in Chinese and exports what can be read', async () => {
    const { page } = session;
    // A blank page on the app's origin (IndexedDB is per origin), so the newer database exists before the
    // app first opens. The server answers 404 with no body, which Chromium turns into an error page of
    // another origin, so the page is served by the test instead.
    const blank = `${baseUrl}nonexistent.html`;
    await page.route(blank, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>-</title>' }),
    );
    await page.goto(blank);
    await page.evaluate(
      ({ name, version }) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open(name, version);
          request.onupgradeneeded = () => {
            const store = request.result.createObjectStore('incidents', { keyPath: 'id' });
            store.add({ id: 'future-1', title: '某新版本事件' });
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        }),
      { name: DATABASE_NAME, version: FUTURE_VERSION },
    );
    await page.goto(`${baseUrl}#/directory`);
    await page.getByText('无法打开本地数据库').waitFor();
    await expect(page.getByTestId('db-failure-kind').innerText()).resolves.toBe(
      '本地数据由更新版本的软件创建，当前版本无法读取。请使用更新版本打开，数据未做任何更改。',
    );
    await page.getByText('软件不会自动清除或重置数据。').waitFor();
    await expect(page.getByRole('menuitem').count()).resolves.toBe(0);
    await page.getByText('技术信息').click();
    await waitUntilSettled(page.getByText(TECHNICAL));
    await screenshot(page, '40-db-version-too-new');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出可读取的数据' }).click(),
    ]);
    await messageShown(page, '已导出 1 张表的数据');
    const path = join(mkdtempSync(join(tmpdir(), 'ed-rescue-')), download.suggestedFilename());
    await download.saveAs(path);
    expect(path).toMatch(/emergency-desk-rescue-\d{4}-\d{2}-\d{2}\.json$/);
    const rescue = JSON.parse(readFileSync(path, 'utf8')) as { tables: Record<string, unknown[]> };
    expect(rescue).toMatchObject({ format: 'emergency-desk-backup' });
    expect(rescue.tables).toEqual({ incidents: [{ id: 'future-1', title: '某新版本事件' }] });

    // Retry opens again from scratch (the screen is rebuilt, its technical panel closed) and fails alike.
    await page.getByRole('button', { name: /重\s*试/ }).click();
    await page.getByText(TECHNICAL).waitFor({ state: 'hidden' });
    await waitUntilSettled(page.getByTestId('db-failure-kind').getByText(/更新版本/));
    await screenshot(page, '41-db-version-too-new-after-retry');

    const onDisk = await page.evaluate(async (name): Promise<DatabaseOnDisk> => {
      const info = (await indexedDB.databases()).find((d) => d.name === name);
      // Opening without a version never upgrades: it reads what is there.
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('open failed'));
      });
      const stores = Array.from(db.objectStoreNames);
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('incidents').objectStore('incidents').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
      db.close();
      return { version: info?.version, stores, rows };
    }, DATABASE_NAME);
    expect(onDisk).toEqual({
      version: FUTURE_VERSION,
      stores: ['incidents'],
      rows: [{ id: 'future-1', title: '某新版本事件' }],
    });
    expect(session.errors).toEqual([]);
  });
});
