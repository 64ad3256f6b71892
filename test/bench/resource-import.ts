/**
 * resource_import_100k_{csv,xlsx}_ms, resource_import_overhead_ratio and import_longest_main_task_ms: 100,000
 * material rows (materials-fixture.ts) imported through the 物资 导入 dialog in Chromium, on a fresh sample
 * profile per format, timed in three windows of page time: reading (the file input's `change` → "N 行数据"),
 * checking (the 检查数据 click → the summary) and writing (the 导入 N 行 click → the 已导入 toast). The waits the
 * bench adds between them (animations settling, locating buttons) are outside the windows.
 *
 * The floor the import is compared with, measured in the same run and the same Chromium, in a separate fresh
 * profile so neither write pays for the other's compaction:
 * - raw parse: the same file, fetched into a blank page, parsed by the same library builds the app bundles
 *   (papaparse.min.js after a TextDecoder; exceljs.min.js `xlsx.load`); the time of that call only;
 * - raw bulkAdd: the same 100,000 material records as the app stores them, each with its opening stock on
 *   it (materials-fixture `storedRows`),
 *   `add`ed with raw IndexedDB into a scratch database whose store has the app's `materials` schema (parsed
 *   from renderer/db/schema.ts: `id` key, unique `code`, `warehouseId`, `name`), strict durability like the
 *   app's, 10,000 rows per transaction; only the transactions are timed.
 * These rows are everything the import stores: materials have no stored search row, and the opening stock
 * is written as an entry and a balance only when the material is first posted to (stock-opening.ts).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { SCHEMA_V3 } from '../../renderer/db/schema';
import { RESOURCE_INPUT_SCHEMAS } from '../../shared/domain/resources/resource-schemas';
import { checkSheet, suggestMapping, type SheetRecord } from '../../shared/domain/resources/resource-sheet';
import type { Material } from '../../shared/domain/resources/resource-types';
import sampleJson from '../../resources/sample-data/resources.json';
import { animationsSettled, label, signIn } from '../e2e/drivers';
import { launchBrowser, ROOT, type StaticServer } from '../e2e/harness';
import {
  BENCH_ACTOR,
  generateMaterialRows,
  IMPORT_ROWS,
  SAMPLE_MATERIALS,
  sheetTextRows,
  storedRows,
  writeMaterialsCsv,
  writeMaterialsXlsx,
  type MaterialRow,
} from './materials-fixture';
import { progress, type Figure, REPORTED } from './report';
import { seedSampleProfile } from './startup';

type Format = 'csv' | 'xlsx';
const RATIO_GOAL = 1.25;
const LONGEST_TASK_GOAL_MS = 100;
const RAW_CHUNK = 10_000;
const WAIT = { timeout: 180_000 };
const WRITE_WAIT = { timeout: 30 * 60_000 };
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Phases {
  read: number;
  check: number;
  write: number;
  /** When the progress bar was first seen at 100 % (all rows put, commit pending), ms after the click. */
  putAt: number | null;
}

interface LongTask {
  start: number;
  duration: number;
  phase: string;
  scripts: string[];
}

interface FormatResult {
  format: Format;
  total: number;
  ratio: number;
  longest: LongTask | null;
}

/**
 * Installed before the app loads: long tasks, long animation frames (which scripts ran) and the user's
 * inputs. No named inner functions: tsx wraps those in a `__name` helper that does not exist in the page.
 */
function observeMainThread(): void {
  const w = window as unknown as Record<string, unknown[]>;
  w['benchInputs'] = [];
  for (const [type, into] of [
    ['longtask', 'benchLong'],
    ['long-animation-frame', 'benchLoaf'],
  ] as const) {
    const entries: unknown[] = (w[into] = []);
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const scripts = (e as unknown as { scripts?: Record<string, unknown>[] }).scripts ?? [];
          const renderStart = (e as unknown as { renderStart?: number }).renderStart ?? 0;
          entries.push({
            start: e.startTime,
            duration: e.duration,
            render: renderStart > 0 ? e.startTime + e.duration - renderStart : 0,
            scripts: scripts.map((x) => ({
              what: `${String(x['invoker'])} ${String(x['sourceFunctionName'] ?? '')}`.trim(),
              source: String(x['sourceURL'] ?? '')
                .split('/')
                .pop(),
              duration: x['duration'],
            })),
          });
        }
      }).observe({ type, buffered: true });
    } catch {
      // An entry type this Chromium lacks: the figure then says no long task was seen.
    }
  }
  for (const type of ['change', 'click']) {
    document.addEventListener(type, () => w['benchInputs']!.push({ type, at: performance.now() }), true);
  }
}

const pageNow = (page: Page) => page.evaluate(() => performance.now());

async function lastInput(page: Page, type: string): Promise<number> {
  const at = await page.evaluate((t) => {
    const inputs = (window as unknown as { benchInputs: { type: string; at: number }[] }).benchInputs;
    return inputs.filter((i) => i.type === t).pop()?.at ?? null;
  }, type);
  if (at === null) throw new Error(`no ${type} event was seen on the page`);
  return at;
}

async function registryShows(page: Page, count: number, timeout: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelector('.registry-tab')?.textContent?.includes(`共 ${n} 条`) ?? false,
    count,
    { timeout, polling: 250 },
  );
}

/** Read, check and write through the dialog; returns the three windows in page time. */
async function importThroughDialog(page: Page, file: string, format: Format) {
  const registry = page.locator('.registry-tab');
  await registry.getByRole('button', { name: label('导入') }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '导入物资' });
  await dialog.waitFor();
  await animationsSettled(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: /选择文件/ }).click(),
  ]);
  await chooser.setFiles(file);
  await dialog.getByText(new RegExp(`：${IMPORT_ROWS} 行数据`)).waitFor(WAIT);
  const read = { start: await lastInput(page, 'change'), end: await pageNow(page) };
  progress(`  ${format}: read ${s(read.end - read.start)}`);

  await animationsSettled(page);
  const checkButton = dialog.getByRole('button', { name: label('检查数据') });
  await checkButton.waitFor();
  await checkButton.click();
  const expected = `共 ${IMPORT_ROWS} 行：可导入 ${IMPORT_ROWS} 行，0 行有错误（0 处）`;
  await dialog.getByTestId('sheet-summary').filter({ hasText: expected }).waitFor(WAIT);
  const check = { start: await lastInput(page, 'click'), end: await pageNow(page) };
  progress(`  ${format}: check ${s(check.end - check.start)}`);

  await animationsSettled(page);
  const importButton = dialog.getByRole('button', { name: new RegExp(`导入 ${IMPORT_ROWS} 行`) });
  await importButton.waitFor();
  await importButton.click();
  const toast = page.locator('.ant-message-notice').filter({ hasText: `已导入 ${IMPORT_ROWS} 条物资` });
  let done = false;
  const shown = toast.waitFor(WRITE_WAIT).finally(() => (done = true));
  let putAt: number | null = null;
  let logged = Date.now();
  while (!done) {
    await Promise.race([shown, sleep(1000)]);
    if (done) break;
    const state = await page.evaluate(() => ({
      at: performance.now(),
      percent: document
        .querySelector('[data-testid=sheet-progress] [role=progressbar]')
        ?.getAttribute('aria-valuenow'),
    }));
    if (putAt === null && state.percent === '100') putAt = state.at;
    if (Date.now() - logged >= 20_000) {
      progress(`    writing… ${state.percent ?? '?'} %`);
      logged = Date.now();
    }
  }
  await shown;
  const write = { start: await lastInput(page, 'click'), end: await pageNow(page) };
  return { read, check, write, putAt };
}

type Window = { start: number; end: number };

async function longTasksIn(page: Page, windows: Record<string, Window>): Promise<LongTask[]> {
  const { long, loaf } = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { long: w['benchLong'], loaf: w['benchLoaf'] } as {
      long: { start: number; duration: number }[];
      loaf: {
        start: number;
        duration: number;
        render: number;
        scripts: { what: string; source: string; duration: number }[];
      }[];
    };
  });
  const tasks: LongTask[] = [];
  for (const task of long) {
    const phase = Object.entries(windows).find(([, w]) => task.start >= w.start && task.start <= w.end)?.[0];
    if (!phase) continue;
    // The long animation frame that holds this task says which scripts ran in it.
    const frame = loaf.find(
      (f) => f.start <= task.start + 1 && f.start + f.duration >= task.start + task.duration - 1,
    );
    const scripts = (frame?.scripts ?? [])
      .filter((x) => x.duration >= 5)
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((x) => `${x.what} (${x.source}, ${Math.round(x.duration)} ms)`);
    if (frame && frame.render >= 5) scripts.push(`rendering ${Math.round(frame.render)} ms`);
    if (!frame) scripts.push('no script or rendering attributed (no long animation frame holds it)');
    else if (scripts.length === 0) scripts.push('no script or rendering over 5 ms in its frame');
    const offset = task.start - (windows[phase] as Window).start;
    tasks.push({ ...task, phase: `${phase} +${s(offset)}`, scripts });
  }
  return tasks.sort((a, b) => b.duration - a.duration);
}

/** One format end to end: a fresh sample profile, signed in, the import timed, the long tasks read. */
async function appImport(server: StaticServer, file: string, format: Format) {
  progress(`  ${format}: seeding a fresh sample profile`);
  const profileDir = await seedSampleProfile(server);
  const session = await launchBrowser({ profileDir });
  const { page } = session;
  try {
    await session.context.addInitScript(observeMainThread);
    await page.goto(`${server.url}#/resources/materials`);
    await registryShows(page, SAMPLE_MATERIALS, WAIT.timeout);
    await signIn(page, '崔亚波');
    const { read, check, write, putAt } = await importThroughDialog(page, file, format);
    const phases: Phases = {
      read: read.end - read.start,
      check: check.end - check.start,
      write: write.end - write.start,
      putAt: putAt === null ? null : putAt - write.start,
    };
    const commit =
      putAt === null ? 'under 1 s after the last row' : `${s(write.end - putAt)} after the last row`;
    progress(
      `  ${format}: write ${s(phases.write)} (rows put by ~${s(phases.putAt ?? phases.write)}, toast ${commit})`,
    );
    await registryShows(page, SAMPLE_MATERIALS + IMPORT_ROWS, WRITE_WAIT.timeout);
    // After the toast the registry reloads its 100k rows: outside the import's windows, shown for context.
    const after = { start: write.end, end: await pageNow(page) };
    progress(
      `  ${format}: the list shows 共 ${SAMPLE_MATERIALS + IMPORT_ROWS} 条 ${s(after.end - after.start)} after the toast`,
    );
    const all = await longTasksIn(page, { read, check, write, after });
    const later = all.filter((t) => t.phase.startsWith('after'));
    const tasks = all.filter((t) => !t.phase.startsWith('after'));
    progress(
      `  ${format}: ${tasks.length} long tasks (≥ 50 ms) in the windows, ${blocking(tasks)} ms blocking; ` +
        `after the toast until the list showed the new rows: ${later.length}, ${blocking(later)} ms blocking`,
    );
    for (const task of [...tasks.slice(0, 5), ...later.slice(0, 3)]) {
      progress(`    ${Math.round(task.duration)} ms during ${task.phase}: ${task.scripts.join('; ')}`);
    }
    if (session.errors.length > 0)
      throw new Error(`the app logged errors while importing:\n${session.errors.join('\n')}`);
    return { phases, longest: tasks[0] ?? null };
  } finally {
    await session.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const blocking = (tasks: readonly LongTask[]) => Math.round(tasks.reduce((n, t) => n + t.duration - 50, 0));

interface StoreSpec {
  name: string;
  keyPath: string | string[];
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** A Dexie schema line ('id, &code, *keys, [a+b]') as IndexedDB stores and indexes, as Dexie creates them. */
function storeSpec(name: keyof typeof SCHEMA_V3): StoreSpec {
  const keyPath = (spec: string) => (spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec);
  const [primary, ...indexes] = SCHEMA_V3[name].split(',').map((part) => part.trim());
  return {
    name,
    keyPath: keyPath(primary as string),
    indexes: indexes.map((spec) => {
      const bare = spec.replace(/^[&*]/, '');
      return {
        name: bare,
        keyPath: keyPath(bare),
        unique: spec.startsWith('&'),
        multiEntry: spec.startsWith('*'),
      };
    }),
  };
}

/** Adds the rows with raw IndexedDB, one strict transaction per chunk; returns the transactions' time. */
async function rawWrite(
  page: Page,
  database: string,
  tables: Record<string, readonly object[]>,
): Promise<number> {
  const specs = Object.keys(tables).map((name) => storeSpec(name as keyof typeof SCHEMA_V3));
  await page.evaluate(
    ({ database, specs }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(database, 1);
        open.onupgradeneeded = () => {
          for (const spec of specs) {
            const store = open.result.createObjectStore(spec.name, { keyPath: spec.keyPath });
            for (const i of spec.indexes)
              store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
          }
        };
        open.onsuccess = () => {
          (window as unknown as Record<string, IDBDatabase>)[database] = open.result;
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
    { database, specs },
  );
  const count = Math.max(...Object.values(tables).map((rows) => rows.length));
  const chunk = Math.ceil(RAW_CHUNK / Object.keys(tables).length);
  let ms = 0;
  for (let from = 0; from < count; from += chunk) {
    const part = Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => [name, rows.slice(from, from + chunk)]),
    );
    ms += await page.evaluate(
      ({ database, part }) =>
        new Promise<number>((resolve, reject) => {
          const db = (window as unknown as Record<string, IDBDatabase>)[database] as IDBDatabase;
          const started = performance.now();
          const tx = db.transaction(Object.keys(part), 'readwrite', { durability: 'strict' });
          for (const [name, rows] of Object.entries(part)) {
            const store = tx.objectStore(name);
            for (const row of rows) store.add(row);
          }
          tx.oncomplete = () => resolve(performance.now() - started);
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        }),
      { database, part },
    );
  }
  return ms;
}

/** Parses the file in a blank page with the library builds the app bundles; returns the parse call's time. */
async function rawParse(page: Page, format: Format): Promise<number> {
  return page.evaluate(
    async ({ format, expected }) => {
      const bytes = await (await fetch(`materials.${format}`)).arrayBuffer();
      const w = window as unknown as {
        Papa: { parse: (text: string) => { data: unknown[] } };
        ExcelJS: {
          Workbook: new () => {
            xlsx: { load: (b: ArrayBuffer) => Promise<unknown> };
            worksheets: { rowCount: number }[];
          };
        };
      };
      const started = performance.now();
      let rows: number;
      if (format === 'csv') {
        rows = w.Papa.parse(new TextDecoder('utf-8').decode(new Uint8Array(bytes, 3))).data.length;
      } else {
        const workbook = new w.ExcelJS.Workbook();
        await workbook.xlsx.load(bytes);
        rows = workbook.worksheets[0]?.rowCount ?? 0;
      }
      const ms = performance.now() - started;
      // The header row is one more.
      if (rows <= expected) throw new Error(`the raw parse read ${rows} rows`);
      return ms;
    },
    { format, expected: IMPORT_ROWS },
  );
}

/** A blank page on the app's origin that loads the builds the app bundles (the browser field of each package). */
const BLANK_PAGE =
  '<!doctype html><meta charset="utf-8"><script src="papaparse.min.js"></script><script src="exceljs.min.js"></script>';
const LIBRARIES: Record<string, string> = {
  'papaparse.min.js': join(ROOT, 'node_modules/papaparse/papaparse.min.js'),
  'exceljs.min.js': join(ROOT, 'node_modules/exceljs/dist/exceljs.min.js'),
};

/** The floor for one format, in its own fresh profile (deleted afterwards). */
async function rawFloor(
  server: StaticServer,
  files: Record<Format, string>,
  format: Format,
  stored: readonly Material[],
) {
  const session = await launchBrowser();
  const { page } = session;
  try {
    await session.context.route(`${server.url}__bench/*`, (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: BLANK_PAGE });
      const path = LIBRARIES[name] ?? (name === `materials.${format}` ? files[format] : undefined);
      return path ? route.fulfill({ path }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${server.url}__bench/index.html`);
    await page.waitForFunction(() => 'Papa' in window && 'ExcelJS' in window);
    const parse = await rawParse(page, format);
    progress(`  ${format}: raw parse ${s(parse)}`);
    const bulkAdd = await rawWrite(page, 'bench-floor-materials', { materials: stored });
    progress(`  ${format}: raw bulkAdd of ${stored.length} material rows ${s(bulkAdd)}`);
    return { parse, bulkAdd };
  } finally {
    await session.close();
  }
}

/**
 * The CPU the worker spends besides IndexedDB, measured in Node on the same code: checking every row (the
 * check step), and per row of the write, the schema parse, the pinyin of the name (computed per row, as
 * importRecords does) and the rest of the index row.
 */
function nodeCpuEstimates(rows: readonly MaterialRow[]): void {
  const time = (work: () => void) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const sheet = sheetTextRows(rows);
  const lookups = {
    warehouses: sampleJson.warehouses.map(({ id, name }) => ({ id, name })),
    people: [],
    units: [],
    existingCodes: sampleJson.materials.map((m) => m.code),
  };
  let records: SheetRecord[] = [];
  const check = time(() => {
    records = checkSheet('material', sheet, suggestMapping('material', sheet[0] ?? []), lookups).records;
  });
  if (records.length !== IMPORT_ROWS) throw new Error(`checkSheet accepted ${records.length} rows in Node`);
  const materials: Material[] = [];
  const zod = time(() => {
    for (const r of records) {
      const input = RESOURCE_INPUT_SCHEMAS.material.parse(r.input);
      materials.push({
        ...input,
        id: crypto.randomUUID(),
        createdAt: 0,
        createdBy: BENCH_ACTOR,
        updatedAt: 0,
        updatedBy: BENCH_ACTOR,
      });
    }
  });
  progress(
    `  Node, same code: checkSheet ${s(check)}; per-row CPU of the write: schema parse + ids ${s(zod)}`,
  );
}

export async function resourceImportFigures(server: StaticServer): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ed-bench-import-'));
  try {
    let started = Date.now();
    const rows = generateMaterialRows();
    const files: Record<Format, string> = {
      csv: join(dir, 'materials.csv'),
      xlsx: join(dir, 'materials.xlsx'),
    };
    writeMaterialsCsv(rows, files.csv);
    await writeMaterialsXlsx(rows, files.xlsx);
    const size = (f: Format) => `${(statSync(files[f]).size / 1e6).toFixed(1)} MB`;
    progress(
      `  wrote ${IMPORT_ROWS} rows × 15 columns as CSV (${size('csv')}) and XLSX (${size('xlsx')}) in ${s(Date.now() - started)}`,
    );
    started = Date.now();
    const stored = storedRows(rows);
    progress(`  built the rows the app stores for them in ${s(Date.now() - started)}`);
    nodeCpuEstimates(rows);

    const results: FormatResult[] = [];
    for (const format of ['csv', 'xlsx'] as const) {
      const floor = await rawFloor(server, files, format, stored);
      const app = await appImport(server, files[format], format);
      const total = app.phases.read + app.phases.check + app.phases.write;
      const ratio = total / (floor.parse + floor.bulkAdd);
      results.push({ format, total, ratio, longest: app.longest });
      progress(
        `  ${format}: import ${s(total)} (read ${s(app.phases.read)} + check ${s(app.phases.check)} + write ` +
          `${s(app.phases.write)}) vs floor ${s(floor.parse + floor.bulkAdd)} (parse ${s(floor.parse)} + bulkAdd ` +
          `${s(floor.bulkAdd)}) → ratio ${ratio.toFixed(2)}; longest task ${app.longest ? `${Math.round(app.longest.duration)} ms` : 'none ≥ 50 ms'}`,
      );
    }
    return figures(results);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function figures(results: readonly FormatResult[]): Figure[] {
  const of = (format: Format) => results.find((r) => r.format === format) as FormatResult;
  const worst = results.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const longest = results
    .map((r) => r.longest)
    .reduce((a, b) => ((b?.duration ?? 0) > (a?.duration ?? 0) ? b : a), null);
  const out: Figure[] = [
    { name: 'resource_import_100k_csv_ms', value: Math.round(of('csv').total), unit: 'ms', goal: REPORTED },
    { name: 'resource_import_100k_xlsx_ms', value: Math.round(of('xlsx').total), unit: 'ms', goal: REPORTED },
    {
      name: 'resource_import_overhead_ratio',
      value: Math.round(worst.ratio * 100) / 100,
      unit: 'ratio',
      goal: RATIO_GOAL,
    },
    {
      name: 'import_longest_main_task_ms',
      value: Math.round(longest?.duration ?? 0),
      unit: 'ms',
      goal: LONGEST_TASK_GOAL_MS,
    },
  ];
  progress(
    `resource_import: csv ${s(of('csv').total)}, xlsx ${s(of('xlsx').total)} (reported, goal 0 = none); overhead ratio ` +
      `${out[2]?.value} (${worst.format}, goal ≤ ${RATIO_GOAL}); longest main-thread task ${out[3]?.value} ms` +
      `${longest ? ` during ${longest.phase}` : ' (none ≥ 50 ms)'} (goal ≤ ${LONGEST_TASK_GOAL_MS} ms)`,
  );
  return out;
}
