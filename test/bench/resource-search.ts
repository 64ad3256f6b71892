/**
 * resource_search_p95_ms: 一键检索 over 100,000 resources in Chromium, read from the repository's own
 * `performance.measure('resource-search')` (ResourceRepository.search), typed through the real search box.
 *
 * The sample profile is topped up with synthetic resources built in Node: materials with their stock
 * balances and warehouses (which the search worker reads, as it reads the app's), and the stored index rows
 * of equipment and teams built by the app's own `toIndexRow` and pinyin, so their keys are what the app would
 * store. They go in through raw IndexedDB: writing 100k registry records and ledgers through the app would
 * take minutes more.
 */
import type { Page } from 'playwright-core';
import sampleJson from '../../resources/sample-data/resources.json';
import { pinyinForms } from '../../shared/domain/org/search-text';
import {
  toIndexRow,
  type IndexContext,
  type IndexedRecord,
} from '../../shared/domain/resources/resource-index';
import type { ResourceIndexRow } from '../../shared/domain/resources/resource-search';
import type { Material, Warehouse } from '../../shared/domain/resources/resource-types';
import type { StockBalance } from '../../shared/domain/resources/stock-ledger';
import type { SampleResources } from '../../shared/domain/resources/sample-resources';
import { DEFAULT_PER_PERSON_AREA_M2 } from '../../shared/domain/resources/shelter-capacity';
import { launchBrowser, type StaticServer } from '../e2e/harness';
import { median, progress, type Figure, REPORTED } from './report';
import { mulberry32 as prng } from '../../scripts/seeded-random';

export const RESOURCE_INDEX_ROWS = 100_000;
const CHUNK = 5_000;
const GOAL_MS = 30;
const SAMPLE_MATERIALS = 434;
const DATABASE = 'emergency-desk';
const MEASURE = 'resource-search';
/** The live query may run again after a fill: a result counts once no new search has started for this long. */
const QUIET_MS = 300;
const LONG = { timeout: 180_000 };

const QUERIES = [
  // Chinese fragments (suffixes of names)
  ...['沙袋', '帐篷', '编织', '救生', '发电', '水泵', '手套', '口罩', '棉被', '雨衣', '照明', '担架'],
  ...['消防', '冲锋舟', '无人机', '防汛抢险'],
  // code prefixes and a whole code
  ...['20101', '10401', '30101', '1050', '2030307'],
  // pinyin initials and full pinyin
  ...['bzd', 'jsy', 'zp', 'fdj', 'csb', 'mb', 'zhangpeng', 'fadianji'],
  // two terms, narrowing by spec, warehouse or place
  ...['帐篷 区级', '编织袋 东湖', '救生衣 成人', '发电机 柴油', '沙袋 防汛', '抽水泵 潜水', '消防 新港'],
];
/** Queries that must find nothing; every other one must list something, or its timing means nothing. */
const NO_MATCH = ['火箭发射架', 'qxzw', '9999999', '量子通信'];

const sample = sampleJson as SampleResources;

const PLACES = [
  '东湖',
  '西城',
  '新港',
  '北岭',
  '南湖',
  '安澜',
  '清源',
  '湖滨',
  '桂园',
  '长丰',
  '杨柳',
  '望江',
];
const MORE_PLACES = ['青山', '白沙', '金桥', '红旗', '光明', '和平', '幸福', '朝阳', '龙泉', '石桥', '花山'];
const NAME_QUALIFIERS = [
  '',
  '',
  '',
  '加厚',
  '防汛',
  '应急',
  '大号',
  '小号',
  '成人',
  '儿童',
  '救灾',
  '便携式',
];
const SPEC_EXTRAS = [
  '',
  '（新购）',
  ' 2023批',
  ' 2024批',
  ' 协议储备',
  ' 捐赠',
  ' 军绿色',
  ' 蓝色',
  ' 加强型',
];
const TEAM_FIELDS = [
  ['防汛抢险', ['防汛抢险', '排涝']],
  ['水域救援', ['水域救援', '潜水']],
  ['医疗救护', ['医疗救护', '心肺复苏']],
  ['危化品处置', ['危化品处置', '洗消']],
  ['地质灾害', ['地质灾害', '山体滑坡']],
  ['先期处置', ['先期处置', '人员转移']],
  ['电力抢修', ['电力抢修', '应急供电']],
  ['燃气抢修', ['燃气抢修', '泄漏处置']],
] as const;
const TEAM_SUFFIXES = ['应急队', '抢险队', '救援队', '应急分队', '志愿服务队'];
const TEAM_GEAR = ['冲锋舟 2艘', '抽水泵 4台', '发电机 2台', '救生衣 50件', '担架 6副', '照明灯组 2套'];

function warehouses(): Map<string, string> {
  const names = [
    ...sample.warehouses.map((w) => w.name),
    '示范区救灾物资储备库（区级）',
    ...PLACES.flatMap((p) => [`${p}街道应急物资储备点`, `${p}社区应急物资储备室`]),
    ...MORE_PLACES.map((p) => `${p}社区应急物资储备室`),
  ];
  return new Map(names.map((name, i) => [`bench-warehouse-${i}`, name]));
}

/** What a bench profile is topped up with, by table. */
export interface SyntheticResources {
  warehouses: Warehouse[];
  materials: Material[];
  stockBalances: StockBalance[];
  resourceIndex: ResourceIndexRow[];
}

/**
 * `count` resources: 85 % materials (sample names with qualifiers and spec variants, each with stock unless
 * out of stock: half as an imported opening not posted yet, half as a balance), 10 % equipment, 5 % teams;
 * and the warehouses the materials are kept in.
 */
export function syntheticResources(count: number, seed = 20240611): SyntheticResources {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
  const stores = warehouses();
  const storeIds = [...stores.keys()];
  const pinyinCache = new Map<string, string[]>();
  const ctx: IndexContext = {
    warehouseName: (id) => (id === null ? '' : (stores.get(id) ?? '')),
    unitName: () => '',
    pinyin: (name) => {
      let forms = pinyinCache.get(name);
      if (!forms) pinyinCache.set(name, (forms = pinyinForms(name)));
      return forms;
    },
    perPersonAreaM2: DEFAULT_PER_PERSON_AREA_M2,
  };
  const authored = { createdAt: 0, createdBy: null, updatedAt: 0, updatedBy: null };
  const serials = new Map<string, number>();
  // Unique, as the materials table's code index requires: a class's serial in five digits makes eight-digit
  // codes, longer than any real one (seven), so none clashes with the sample's.
  const code = (classCode: string) => {
    const next = (serials.get(classCode) ?? 0) + 1;
    serials.set(classCode, next);
    return `${classCode}${String(next).padStart(5, '0')}`;
  };
  const varySpec = (spec: string) =>
    spec.replace(/\d+/, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + random()))))) +
    pick(SPEC_EXTRAS);
  const out: SyntheticResources = {
    warehouses: [...stores].map(([id, name]) => ({
      id,
      name,
      address: '',
      location: null,
      keeperId: null,
      stocktakeIntervalDays: 365,
      ...authored,
    })),
    materials: [],
    stockBalances: [],
    resourceIndex: [],
  };
  out.resourceIndex.push(...out.warehouses.map((record) => toIndexRow({ kind: 'warehouse', record }, ctx)));
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    let item: IndexedRecord;
    if (roll < 0.85) {
      const base = pick(sample.materials);
      item = {
        kind: 'material',
        record: {
          ...base,
          ...authored,
          id: uuid(),
          code: code(base.code.slice(0, 3)),
          name: `${pick(NAME_QUALIFIERS)}${base.name}`,
          spec: varySpec(base.spec),
          warehouseId: pick(storeIds),
        },
        total: random() < 0.1 ? 0 : Math.floor(random() * 2000),
      };
    } else if (roll < 0.95) {
      const base = pick(sample.equipment);
      item = {
        kind: 'equipment',
        record: {
          ...base,
          ...authored,
          id: uuid(),
          name: `${base.name.replace(/（.*）$/, '')}（${Math.floor(random() * 900) + 10}号）`,
          model: varySpec(base.model),
          warehouseId: random() < 0.5 ? pick(storeIds) : null,
          location: `${pick(PLACES)}街道应急队驻地`,
          ownerUnitId: null,
          inspectionDue: null,
          status: random() < 0.8 ? 'ready' : 'maintenance',
        },
      };
    } else {
      const [field, qualifications] = pick(TEAM_FIELDS);
      const place = pick([...PLACES, ...MORE_PLACES]);
      item = {
        kind: 'team',
        record: {
          ...authored,
          id: uuid(),
          name: `${place}${random() < 0.5 ? '街道' : '社区'}${field}${pick(TEAM_SUFFIXES)}`,
          type: random() < 0.5 ? 'grassroots' : 'social',
          field,
          headcount: 8 + Math.floor(random() * 40),
          leaderId: null,
          contactIds: [],
          unitId: null,
          base: `${place}街道办事处`,
          address: `示范区${place}路${1 + Math.floor(random() * 300)}号`,
          location: { lng: 114.2 + random() * 0.2, lat: 30.5 + random() * 0.15 },
          equipment: [pick(TEAM_GEAR), pick(TEAM_GEAR)],
          readiness: pick(['standby', 'standby', 'resting', 'deployed'] as const),
          qualifications: [...qualifications],
        },
      };
    }
    if (item.kind === 'material') {
      const { record, total } = item;
      const imported = total > 0 && random() < 0.5;
      const opening = { quantity: total, batchNo: '', expiryDate: null };
      out.materials.push(imported ? { ...record, opening } : record);
      if (total > 0 && !imported) {
        out.stockBalances.push({
          materialId: record.id,
          warehouseId: record.warehouseId,
          batchNo: '',
          expiryDate: null,
          quantity: total,
        });
      }
    } else {
      out.resourceIndex.push(toIndexRow(item, ctx));
    }
  }
  return out;
}

/** The resources 一键检索 holds: stored index rows but materials', and materials. */
async function resourceCount(page: Page): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['resourceIndex', 'materials']);
          const counts = [
            tx.objectStore('resourceIndex').count(),
            tx.objectStore('resourceIndex').index('kind').count('material'),
            tx.objectStore('materials').count(),
          ];
          tx.oncomplete = () => {
            db.close();
            const [index, storedMaterials, materials] = counts.map((request) => request.result as number);
            resolve(index! - storedMaterials! + materials!);
          };
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        };
      }),
    DATABASE,
  );
}

/** One transaction per chunk, resolved on `complete`: the rows are committed when it returns. */
async function putRows(page: Page, table: keyof SyntheticResources, rows: readonly object[]): Promise<void> {
  await page.evaluate(
    ({ name, table, chunk }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(table, 'readwrite');
          const store = tx.objectStore(table);
          for (const row of chunk) store.put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
        };
      }),
    { name: DATABASE, table, chunk: rows },
  );
}

interface Settled {
  ms: number;
  runs: number;
  shown: number;
  /** Which search answered: the worker's catalogue, or the repository's read of the index. */
  from: 'catalogue' | 'index';
  /** Of `ms`, the time the search worker spent finding and ranking (catalogue only). */
  workerMs?: number;
}

/** Types `query` into 一键检索 and returns the last search's duration once the list has settled. */
export async function searchOnce(page: Page, query: string): Promise<Settled> {
  await page.evaluate((name) => {
    performance.clearMeasures(name);
    delete (window as { benchSeen?: unknown }).benchSeen;
  }, MEASURE);
  await page.locator('input[aria-label="一键检索"]').fill(query);
  const handle = await page.waitForFunction(
    ({ name, quietMs }) => {
      const w = window as { benchSeen?: { count: number; since: number } };
      const entries = performance.getEntriesByName(name, 'measure');
      const now = performance.now();
      if (entries.length === 0) return false;
      if (w.benchSeen?.count !== entries.length) {
        w.benchSeen = { count: entries.length, since: now };
        return false;
      }
      const list = document.querySelector('[data-testid=resource-search-results]');
      if (now - w.benchSeen.since < quietMs || !list || list.querySelector('.ant-spin-spinning')) {
        return false;
      }
      const last = entries[entries.length - 1] as PerformanceMeasure;
      return {
        ms: last.duration,
        from: (last.detail as { from: string } | null)?.from,
        workerMs: (last.detail as { workerMs?: number } | null)?.workerMs,
        runs: entries.length,
        shown: list.querySelectorAll('.ant-list-item').length,
      };
    },
    { name: MEASURE, quietMs: QUIET_MS },
    { polling: 50, timeout: 30_000 },
  );
  return (await handle.jsonValue()) as Settled;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Tops the profile's resources up to RESOURCE_INDEX_ROWS with synthetic ones, on a page of the app whose
 * sample resources are in; returns how many resources 一键检索 then holds.
 */
export async function seedResourceIndex(page: Page): Promise<number> {
  const existing = await resourceCount(page);
  const needed = Math.max(0, RESOURCE_INDEX_ROWS - existing);
  let started = Date.now();
  const seed = syntheticResources(needed);
  progress(
    `built ${needed} resources in ${Date.now() - started} ms (${existing} already there): ` +
      `${seed.materials.length} materials, ${seed.resourceIndex.length} index rows`,
  );
  started = Date.now();
  for (const table of ['warehouses', 'materials', 'stockBalances', 'resourceIndex'] as const) {
    const rows = seed[table];
    for (let from = 0; from < rows.length; from += CHUNK) {
      await putRows(page, table, rows.slice(from, from + CHUNK));
      const done = Math.min(rows.length, from + CHUNK);
      if (done % 25_000 === 0 || done === rows.length) {
        progress(`  ${table}: ${done}/${rows.length} (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    }
  }
  const total = await resourceCount(page);
  progress(`seeded ${total} resources in ${Math.round((Date.now() - started) / 1000)} s`);
  if (total < RESOURCE_INDEX_ROWS) {
    throw new Error(`一键检索 holds ${total} resources, expected ≥ ${RESOURCE_INDEX_ROWS}`);
  }
  return total;
}

/** resource_search_p95_ms, and how long the search worker took to read 100,000 rows (reported). */
export async function resourceSearchFigures(server: StaticServer, profileDir: string): Promise<Figure[]> {
  const began = Date.now();
  const session = await launchBrowser({ profileDir });
  const { page } = session;
  try {
    await page.goto(`${server.url}#/resources/materials`);
    // The sample resources load behind the home screen on the first start: wait until they are all there.
    await page.waitForFunction(
      (least) => Number(/共 (\d+) 条/.exec(document.body.innerText)?.[1] ?? 0) >= least,
      SAMPLE_MATERIALS,
      { ...LONG, polling: 250 },
    );
    const total = await seedResourceIndex(page);

    await page.goto(`${server.url}#/resources/search`);
    await page.reload();
    await page.locator('input[aria-label="一键检索"]').waitFor(LONG);
    const warmUp = await searchOnce(page, '帐篷');
    progress(`warm-up query (discarded): ${round(warmUp.ms)} ms`);
    // The first search starts the search worker, which reads the whole index into its catalogue; until then
    // the page searches the database itself. Both are the app's search; the figure is taken once it is in.
    const loaded = (await (
      await page.waitForFunction(
        (least) => {
          const mark = performance.getEntriesByName('resource-catalogue-ready').at(-1) as
            PerformanceMark | undefined;
          const detail = mark?.detail as { rows: number; loadMs: number } | undefined;
          return detail && detail.rows >= least ? detail : false;
        },
        total,
        { ...LONG, polling: 250 },
      )
    ).jsonValue()) as { rows: number; loadMs: number };
    progress(`the search worker read ${loaded.rows} rows into its catalogue in ${round(loaded.loadMs)} ms`);
    const times: number[] = [];
    let fromCatalogue = 0;
    for (const query of [...QUERIES, ...NO_MATCH]) {
      const result = await searchOnce(page, query);
      if ((result.shown === 0) !== NO_MATCH.includes(query)) {
        throw new Error(`一键检索 "${query}" listed ${result.shown} results`);
      }
      times.push(result.ms);
      if (result.from === 'catalogue') fromCatalogue += 1;
      const runs = result.runs > 1 ? `, ${result.runs} runs` : '';
      progress(
        `  ${query}: ${round(result.ms)} ms (${result.shown} shown${runs}, from the ${result.from}` +
          `${result.workerMs === undefined ? '' : `, ${round(result.workerMs)} ms in the worker`})`,
      );
    }
    if (session.errors.length > 0) {
      throw new Error(`the app logged errors while searching:\n${session.errors.join('\n')}`);
    }
    const figure: Figure = {
      name: 'resource_search_p95_ms',
      value: round(percentile(times, 95)),
      unit: 'ms',
      goal: GOAL_MS,
    };
    progress(
      `resource_search over ${total} rows, ${times.length} queries: min ${round(Math.min(...times))}, median ` +
        `${round(median(times))}, p95 ${figure.value}, max ${round(Math.max(...times))} ms (goal ≤ ${GOAL_MS} ms); ` +
        `${Math.round((Date.now() - began) / 1000)} s in all; ${fromCatalogue} of ${times.length} answered ` +
        `from the catalogue, the rest from the index`,
    );
    return [
      figure,
      { name: 'resource_search_catalogue_load_ms', value: round(loaded.loadMs), unit: 'ms', goal: REPORTED },
    ];
  } finally {
    await session.close({ keepProfile: true });
  }
}
