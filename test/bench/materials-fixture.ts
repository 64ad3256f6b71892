/**
 * 100,000 material rows as an office keeps them in Excel — 15 columns, the app's eight material columns, the
 * three opening-stock ones and four it does not map (入库日期, 单价（元）, 生产厂家, 联系电话) — written once as
 * CSV (UTF-8 with BOM) and as XLSX (exceljs's streaming writer, shared strings and date cells, as Excel
 * saves). Deterministic (seeded), all in the sample's district warehouse, every row valid.
 *
 * Codes keep a sample material's 大类 + 中类 (so 帐篷 stays under 104) and take 小类 10–69, which the sample
 * data never uses (its 小类 are 01–05 and 99): no clash with the 434 sample materials, checked below.
 *
 * The same rows are also built as the app stores them (materials, 入库 entries, balances; materials have
 * no stored search row), for the raw IndexedDB floor the import is compared with.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import orgJson from '../../resources/sample-data/org.json';
import sampleJson from '../../resources/sample-data/resources.json';
import type { Actor } from '../../shared/domain/org/types';
import { SHEET_COLUMNS } from '../../shared/domain/resources/resource-sheet';
import type { Material } from '../../shared/domain/resources/resource-types';
import type { SampleResources } from '../../shared/domain/resources/sample-resources';
import { mulberry32 as prng } from '../../scripts/seeded-random';

export const IMPORT_ROWS = 100_000;
export const SAMPLE_MATERIALS = 434;
export const WAREHOUSE_NAME = '示范区应急物资储备库（区级）';

const sample = sampleJson as SampleResources;
const warehouse = sample.warehouses.find((w) => w.name === WAREHOUSE_NAME);
if (!warehouse) throw new Error(`the sample data has no warehouse ${WAREHOUSE_NAME}`);
export const WAREHOUSE_ID = warehouse.id;

/** The headers an office sheet has, in its order; the first eleven are the app's (SHEET_COLUMNS.material). */
export const HEADERS = [
  '物资编码',
  '物资名称',
  '规格型号',
  '计量单位',
  '存放仓库',
  '最低库存',
  '来源',
  '期初数量',
  '批次号',
  '有效期至',
  '入库日期',
  '单价（元）',
  '生产厂家',
  '联系电话',
  '备注',
] as const;

const SOURCES = { 采购: 'purchase', 协议储备: 'agreement', 捐赠: 'donation' } as const;
type SourceLabel = keyof typeof SOURCES;

export interface MaterialRow {
  code: string;
  name: string;
  spec: string;
  unit: string;
  minimumStock: number;
  source: SourceLabel;
  quantity: number;
  batchNo: string;
  /** YYYY-MM-DD or '' */
  expiryDate: string;
  receivedOn: string;
  price: number;
  maker: string;
  phone: string;
  note: string;
}

const QUALIFIERS = ['', '', '', '', '加厚', '防汛', '应急', '大号', '小号', '救灾', '便携式', '加强型'];
const SPEC_EXTRAS = ['', '', '', ' 2023批', ' 2024批', ' 军绿色', ' 蓝色', ' 加强型', '（新购）'];
const REGIONS = ['湖北', '武汉', '江苏', '浙江', '山东', '河北', '广东', '安徽', '湖南', '河南'];
const BRANDS = [
  '安澜',
  '恒安',
  '华盾',
  '中救',
  '江河',
  '长江',
  '金盾',
  '鑫泰',
  '宏达',
  '瑞丰',
  '天佑',
  '众诚',
];
const TRADES = ['应急装备', '劳保用品', '救灾物资', '安全防护', '消防器材', '实业', '商贸', '科技'];
const NOTES = ['年度补充采购', '协议企业代储', '社会捐赠', '汛前补库', '轮换更新', '待质检', '分区存放'];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function generateMaterialRows(count = IMPORT_ROWS, seed = 20260315): MaterialRow[] {
  const random = prng(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const date = (fromYear: number, years: number) =>
    `${fromYear + int(years)}-${pad(1 + int(12))}-${pad(1 + int(28))}`;
  const byClass = new Map<string, (typeof sample.materials)[number][]>();
  for (const m of sample.materials)
    byClass.set(m.code.slice(0, 3), [...(byClass.get(m.code.slice(0, 3)) ?? []), m]);
  const classes = [...byClass.keys()].sort();
  const taken = new Set(sample.materials.map((m) => m.code));
  const rows: MaterialRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const prefix = classes[i % classes.length] as string;
    const serial = Math.floor(i / classes.length);
    const code = `${prefix}${pad(10 + Math.floor(serial / 99))}${pad(1 + (serial % 99))}`;
    if (taken.has(code) || code.slice(3, 5) > '69')
      throw new Error(`material code ${code} clashes or overflows`);
    const base = pick(byClass.get(prefix) ?? []);
    const batched = random() < 0.5;
    const roll = random();
    rows.push({
      code,
      name: `${pick(QUALIFIERS)}${base.name}`,
      spec:
        base.spec.replace(/\d+/, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + random()))))) +
        pick(SPEC_EXTRAS),
      unit: base.unit,
      minimumStock: Math.round(base.minimumStock * (0.5 + random())),
      source: roll < 0.7 ? '采购' : roll < 0.9 ? '协议储备' : '捐赠',
      quantity: 1 + int(2000),
      batchNo: batched ? `P${date(2023, 3).replace(/-/g, '')}-${pad(int(1000), 3)}` : '',
      expiryDate: batched ? date(2026, 5) : '',
      receivedOn: date(2021, 5),
      price: Math.round(random() * 50_000) / 100,
      maker: `${pick(REGIONS)}${pick(BRANDS)}${pick(TRADES)}有限公司`,
      phone:
        random() < 0.6
          ? `1${pick(['33', '39', '53', '58', '77', '86', '89'])}${pad(int(1e8), 8)}`
          : `027-8${pad(int(1e7), 7)}`,
      note: random() < 0.15 ? pick(NOTES) : '',
    });
  }
  const headerOk = SHEET_COLUMNS.material.every((c) => (HEADERS as readonly string[]).includes(c.header));
  if (!headerOk) throw new Error('the fixture headers no longer cover SHEET_COLUMNS.material');
  return rows;
}

const textCells = (r: MaterialRow): string[] => [
  r.code,
  r.name,
  r.spec,
  r.unit,
  WAREHOUSE_NAME,
  String(r.minimumStock),
  r.source,
  String(r.quantity),
  r.batchNo,
  r.expiryDate,
  r.receivedOn,
  r.price.toFixed(2),
  r.maker,
  r.phone,
  r.note,
];

/** The sheet as text cells, header first: what the CSV holds and what the app's reader returns for it. */
export function sheetTextRows(rows: readonly MaterialRow[]): string[][] {
  return [[...HEADERS], ...rows.map(textCells)];
}

export function writeMaterialsCsv(rows: readonly MaterialRow[], path: string): void {
  const body = Papa.unparse(sheetTextRows(rows), { newline: '\r\n' });
  writeFileSync(path, `\uFEFF${body}\r\n`, 'utf8');
}

const utcDate = (text: string) => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};

/** Numbers as numbers and dates as date cells (yyyy-mm-dd), the way a sheet kept in Excel holds them. */
export async function writeMaterialsXlsx(rows: readonly MaterialRow[], path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('物资台账');
  sheet.columns = HEADERS.map((header) => ({
    header,
    width: 16,
    ...(header === '有效期至' || header === '入库日期' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  for (const r of rows) {
    sheet
      .addRow([
        r.code,
        r.name,
        r.spec,
        r.unit,
        WAREHOUSE_NAME,
        r.minimumStock,
        r.source,
        r.quantity,
        r.batchNo || null,
        r.expiryDate ? utcDate(r.expiryDate) : null,
        utcDate(r.receivedOn),
        r.price,
        r.maker,
        r.phone,
        r.note || null,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

const cui = orgJson.people.find((p) => p.name === '崔亚波');
const position = orgJson.positions.find((p) => p.id === cui?.positionIds[0]);
/** Who the bench signs in as: the stored rows carry this actor, as the app's do. */
export const BENCH_ACTOR: Actor = {
  personId: cui?.id ?? '',
  name: '崔亚波',
  positionId: position?.id ?? '',
  positionName: position?.name ?? '',
};

/**
 * The rows the app's import writes for `rows` (resource-repository.ts `importRecords`): each material record
 * with its opening stock on it (stock-opening.ts). Ids are random like the app's.
 */
export function storedRows(rows: readonly MaterialRow[], at = Date.now()): Material[] {
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    spec: r.spec,
    unit: r.unit,
    warehouseId: WAREHOUSE_ID,
    minimumStock: r.minimumStock,
    source: SOURCES[r.source],
    note: r.note,
    opening: { quantity: r.quantity, batchNo: r.batchNo, expiryDate: r.expiryDate || null },
    id: crypto.randomUUID(),
    createdAt: at,
    createdBy: BENCH_ACTOR,
    updatedAt: at,
    updatedBy: BENCH_ACTOR,
  }));
}
