/**
 * The registries ⇄ spreadsheets, in the columns offices keep in Excel/WPS. Headers and enumeration values are
 * the sheet's vocabulary (待命, 采购, 区级 …), so they live here with the format, not in the UI's i18n. Import
 * is all-or-nothing: every row is checked and every problem is reported by spreadsheet row (header = row 1)
 * and column, so the caller writes nothing until the rows it keeps are all good.
 */
import { RESOURCE_INPUT_SCHEMAS } from './resource-schemas';
import type { ResourceKind } from './resource-types';
import { protectCell, unprotectCell } from '../../files/spreadsheet-cells';

/** Every registry has a sheet. */
export type SheetKind = ResourceKind;
type CellKind =
  'text' | 'number' | 'list' | 'date' | 'bool' | 'enum' | 'warehouse' | 'person' | 'people' | 'unit';

export interface SheetColumn {
  /** The input field it fills (a dotted path for nested ones: location.lng). */
  field: string;
  header: string;
  aliases: readonly string[];
  cell: CellKind;
  /** For `enum`: sheet label → stored code. */
  values?: Readonly<Record<string, string>>;
}

const TEAM_TYPES = {
  综合性消防救援: 'fireRescue',
  专业队伍: 'professional',
  社会应急力量: 'social',
  基层应急队伍: 'grassroots',
};
const READINESS = { 待命: 'standby', 出动: 'deployed', 休整: 'resting' };
const SOURCES = { 采购: 'purchase', 捐赠: 'donation', 协议储备: 'agreement' };
const EQUIPMENT_STATUS = { 完好: 'ready', 使用中: 'inUse', 维修: 'maintenance', 报废: 'retired' };
const AVAILABILITY = { 可联系: 'available', 执行任务中: 'busy', 不可用: 'unavailable' };
const SHELTER_LEVELS = { 区级: 'district', 街道级: 'street', 社区级: 'community' };
const SHELTER_TYPES = {
  公园绿地: 'park',
  广场: 'square',
  学校: 'school',
  体育场馆: 'stadium',
  公共建筑: 'building',
  其他: 'other',
};
const DURATIONS = { 紧急避难场所: 'emergency', 短期: 'short', 中期: 'medium', 长期: 'long' };

const col = (
  field: string,
  header: string,
  cell: CellKind,
  aliases: string[] = [],
  values?: Record<string, string>,
) => ({ field, header, cell, aliases, ...(values ? { values } : {}) }) satisfies SheetColumn;

const LOCATION = [
  col('location.lng', '经度', 'number', ['lng']),
  col('location.lat', '纬度', 'number', ['lat']),
];

/** Opening stock of a material row: becomes one 入库 entry into its warehouse. */
export const OPENING_COLUMNS = [
  col('opening.quantity', '期初数量', 'number', ['数量', '库存', '库存数量', '现有数量']),
  col('opening.batchNo', '批次号', 'text', ['批次', '批号']),
  col('opening.expiryDate', '有效期至', 'date', ['有效期', '失效日期', '过期日期']),
];

export const SHEET_COLUMNS: Record<SheetKind, readonly SheetColumn[]> = {
  material: [
    col('code', '物资编码', 'text', ['编码', '物资代码', '代码']),
    col('name', '物资名称', 'text', ['名称', '品名']),
    col('spec', '规格型号', 'text', ['规格', '型号']),
    col('unit', '计量单位', 'text', ['单位']),
    col('warehouseId', '存放仓库', 'warehouse', ['仓库', '储备库', '存放地点']),
    col('minimumStock', '最低库存', 'number', ['储备下限', '最低储备']),
    col('source', '来源', 'enum', ['物资来源'], SOURCES),
    col('note', '备注', 'text', ['说明']),
    ...OPENING_COLUMNS,
  ],
  team: [
    col('name', '队伍名称', 'text', ['名称']),
    col('type', '队伍类型', 'enum', ['类型'], TEAM_TYPES),
    col('field', '专业领域', 'text', ['专业']),
    col('headcount', '人数', 'number', ['队员人数']),
    col('leaderId', '负责人', 'person', ['队长']),
    col('contactIds', '联系人', 'people'),
    col('unitId', '所属单位', 'unit', ['单位']),
    col('base', '驻地', 'text'),
    col('address', '地址', 'text'),
    ...LOCATION,
    col('equipment', '携带装备', 'list', ['装备']),
    col('readiness', '战备状态', 'enum', ['状态'], READINESS),
    col('qualifications', '资质', 'list'),
  ],
  equipment: [
    col('name', '装备名称', 'text', ['名称']),
    col('type', '装备类型', 'text', ['类型']),
    col('model', '型号', 'text', ['规格型号']),
    col('warehouseId', '存放仓库', 'warehouse', ['仓库']),
    col('location', '存放地点', 'text', ['位置']),
    col('ownerUnitId', '权属单位', 'unit', ['单位']),
    col('inspectionDue', '检验到期', 'date', ['检验日期', '下次检验']),
    col('status', '状态', 'enum', [], EQUIPMENT_STATUS),
  ],
  expert: [
    col('name', '姓名', 'text', ['专家姓名']),
    col('fields', '专业领域', 'list', ['专业']),
    col('title', '职称', 'text'),
    col('employer', '工作单位', 'text', ['单位']),
    col('mobile', '手机', 'text', ['手机号', '手机号码']),
    col('officePhone', '办公电话', 'text', ['电话']),
    col('availability', '可用状态', 'enum', ['状态'], AVAILABILITY),
  ],
  shelter: [
    col('name', '场所名称', 'text', ['名称']),
    col('level', '级别', 'enum', [], SHELTER_LEVELS),
    col('type', '场所类型', 'enum', ['类型'], SHELTER_TYPES),
    col('duration', '避难时长类别', 'enum', ['类别'], DURATIONS),
    col('address', '地址', 'text'),
    ...LOCATION,
    col('effectiveAreaM2', '有效避难面积', 'number', ['有效面积', '面积']),
    col('perPersonAreaM2', '人均面积', 'number'),
    col('occupancy', '当前安置人数', 'number', ['安置人数']),
    col('serviceRadiusM', '服务半径', 'number'),
    col('facilities', '配套设施', 'list', ['设施']),
    col('open', '是否开放', 'bool', ['开放']),
  ],
  warehouse: [
    col('name', '仓库名称', 'text', ['名称', '储备库']),
    col('address', '地址', 'text'),
    ...LOCATION,
    col('keeperId', '保管员', 'person', ['管理员']),
    col('stocktakeIntervalDays', '盘点周期（天）', 'number', ['盘点周期']),
  ],
};

export interface SheetIssue {
  /** Spreadsheet row: 1 is the header. */
  row: number;
  column: string;
  /** Key under `validation.`. */
  message: string;
  params?: Record<string, string | number>;
}

/** Names the sheet uses for records of other registries, resolved to ids. */
export interface SheetLookups {
  warehouses: readonly { id: string; name: string }[];
  people: readonly { id: string; name: string }[];
  units: readonly { id: string; name: string }[];
  /** Codes already in the registry (materials): a second row with one is refused. */
  existingCodes: readonly string[];
}

export interface SheetRecord {
  /** Spreadsheet row it came from. */
  row: number;
  input: Record<string, unknown>;
  /** Materials only: opening stock. */
  opening: { quantity: number; batchNo: string; expiryDate: string | null } | null;
}

/** Which file column feeds each field: an index into the header row, or null. */
export type ColumnMapping = Record<string, number | null>;

export function suggestMapping(kind: SheetKind, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const clean = headers.map((h) => h.trim().replace(/\s+/g, ''));
  for (const column of SHEET_COLUMNS[kind]) {
    const names = [column.header, ...column.aliases].map((n) => n.replace(/\s+/g, ''));
    const index = clean.findIndex((h) => names.includes(h));
    mapping[column.field] = index >= 0 ? index : null;
  }
  return mapping;
}

const LIST_SPLIT = /[、;；,，|｜]/;

function byName(rows: readonly { id: string; name: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.name, [...(map.get(r.name) ?? []), r.id]);
  return map;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] as Record<string, unknown> | undefined) ?? {};
  inner[tail] = value;
  target[head] = inner;
}

/** Excel dates arrive as 2026/5/1, 2026-05-01, 2026年5月1日 or 2026.5.1: all become 2026-05-01. */
export function normaliseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  // 2027-02-30 parses in some engines as March 2nd: a real date prints back as itself.
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

type CellResult =
  { ok: true; value: unknown } | { ok: false; message: string; params?: Record<string, string | number> };

function readCell(column: SheetColumn, raw: string, refs: ReturnType<typeof refMaps>): CellResult {
  const text = unprotectCell(raw).trim();
  switch (column.cell) {
    case 'text':
      return { ok: true, value: text };
    case 'number': {
      if (text === '') return { ok: true, value: undefined };
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: 'numberInvalid' };
    }
    case 'list':
      return {
        ok: true,
        value: text
          .split(LIST_SPLIT)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'date': {
      if (text === '') return { ok: true, value: null };
      const date = normaliseDate(text);
      return date ? { ok: true, value: date } : { ok: false, message: 'dateInvalid' };
    }
    case 'bool':
      return { ok: true, value: ['是', '开放', 'Y', 'y', 'yes', 'true', '1'].includes(text) };
    case 'enum': {
      if (text === '') return { ok: true, value: undefined };
      const values = column.values ?? {};
      const code = values[text] ?? (Object.values(values).includes(text) ? text : undefined);
      return code
        ? { ok: true, value: code }
        : {
            ok: false,
            message: 'enumUnknown',
            params: { value: text, allowed: Object.keys(values).join('、') },
          };
    }
    case 'warehouse':
    case 'person':
    case 'unit': {
      if (text === '') return { ok: true, value: null };
      const map =
        column.cell === 'warehouse' ? refs.warehouses : column.cell === 'person' ? refs.people : refs.units;
      const ids = map.get(text) ?? [];
      if (ids.length === 1) return { ok: true, value: ids[0] };
      return {
        ok: false,
        message: ids.length === 0 ? `${column.cell}Unknown` : `${column.cell}Ambiguous`,
        params: { value: text },
      };
    }
    case 'people': {
      const ids: string[] = [];
      for (const name of text
        .split(LIST_SPLIT)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const found = refs.people.get(name) ?? [];
        if (found.length !== 1) {
          return {
            ok: false,
            message: found.length === 0 ? 'personUnknown' : 'personAmbiguous',
            params: { value: name },
          };
        }
        ids.push(found[0]!);
      }
      return { ok: true, value: ids };
    }
  }
}

function refMaps(lookups: SheetLookups) {
  return {
    warehouses: byName(lookups.warehouses),
    people: byName(lookups.people),
    units: byName(lookups.units),
  };
}

export type SheetCheck = { records: SheetRecord[]; issues: SheetIssue[] };

/**
 * Checks every data row (rows[0] is the header). Rows with a problem are reported and left out of
 * `records`; the caller imports only when `issues` is empty, or after the person chose to skip those rows.
 */
export function checkSheet(
  kind: SheetKind,
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  lookups: SheetLookups,
): SheetCheck {
  const columns = SHEET_COLUMNS[kind];
  const refs = refMaps(lookups);
  const schema = RESOURCE_INPUT_SCHEMAS[kind];
  const headerOf = (field: string) => columns.find((c) => c.field === field)?.header ?? field;
  const issues: SheetIssue[] = [];
  const records: SheetRecord[] = [];
  const seenCodes = new Map<string, number>();
  const existing = new Set(lookups.existingCodes);
  const required = kind === 'material' ? ['code', 'name', 'unit', 'warehouseId'] : ['name'];
  for (const field of required) {
    if (mapping[field] === null || mapping[field] === undefined) {
      issues.push({ row: 1, column: headerOf(field), message: 'csvColumnMissing' });
    }
  }
  if (issues.length > 0) return { records, issues };

  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const rowIssues: SheetIssue[] = [];
    const input: Record<string, unknown> = {};
    for (const column of columns) {
      const index = mapping[column.field];
      if (index === null || index === undefined) continue;
      const result = readCell(column, cells[index] ?? '', refs);
      if (!result.ok) {
        rowIssues.push({
          row,
          column: column.header,
          message: result.message,
          ...(result.params ? { params: result.params } : {}),
        });
      } else if (result.value !== undefined) {
        setPath(input, column.field, result.value);
      }
    }
    // 经度/纬度 make `location` an object; equipment's 存放地点 is a `location` of plain text and stays so.
    const location = input['location'] as { lng?: number; lat?: number } | string | undefined;
    if (location && typeof location === 'object')
      input['location'] =
        typeof location.lng === 'number' && typeof location.lat === 'number' ? location : null;
    const openingRaw = input['opening'] as
      { quantity?: number; batchNo?: string; expiryDate?: string | null } | undefined;
    delete input['opening'];
    if (rowIssues.length === 0) {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.map(String).join('.');
          const message = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
          // 不能超过 {{max}} 个字符 needs its figure, or the sentence shows the placeholder.
          const max = issue.code === 'too_big' ? Number(issue.maximum) : Number.NaN;
          rowIssues.push({
            row,
            column: headerOf(
              field === '' ? 'name' : field.split('.')[0] === 'location' ? field : field.split('.')[0]!,
            ),
            message,
            ...(Number.isFinite(max) ? { params: { max } } : {}),
          });
        }
      }
    }
    if (kind === 'material' && typeof input['code'] === 'string') {
      const code = input['code'];
      const first = seenCodes.get(code);
      if (first !== undefined)
        rowIssues.push({
          row,
          column: headerOf('code'),
          message: 'csvDuplicateId',
          params: { other: first },
        });
      else if (existing.has(code))
        rowIssues.push({ row, column: headerOf('code'), message: 'codeExists', params: { value: code } });
      else seenCodes.set(code, row);
    }
    const opening =
      openingRaw && typeof openingRaw.quantity === 'number' && openingRaw.quantity !== 0
        ? {
            quantity: openingRaw.quantity,
            batchNo: openingRaw.batchNo ?? '',
            expiryDate: openingRaw.expiryDate ?? null,
          }
        : null;
    if (opening && !(opening.quantity > 0))
      rowIssues.push({ row, column: '期初数量', message: 'positiveRequired' });
    if (rowIssues.length > 0) issues.push(...rowIssues);
    else records.push({ row, input, opening });
  });
  return { records, issues };
}

/** The registry as sheet rows (header first), in the same columns import reads, so a file round-trips. */
export function sheetRows(
  kind: SheetKind,
  records: readonly Record<string, unknown>[],
  lookups: Omit<SheetLookups, 'existingCodes'>,
): string[][] {
  const columns = SHEET_COLUMNS[kind].filter((c) => !c.field.startsWith('opening.'));
  const names = {
    warehouse: new Map(lookups.warehouses.map((w) => [w.id, w.name])),
    person: new Map(lookups.people.map((p) => [p.id, p.name])),
    unit: new Map(lookups.units.map((u) => [u.id, u.name])),
  };
  const cell = (column: SheetColumn, record: Record<string, unknown>): string => {
    const [head, tail] = column.field.split('.') as [string, string | undefined];
    const raw = tail === undefined ? record[head] : (record[head] as Record<string, unknown> | null)?.[tail];
    if (raw === null || raw === undefined) return '';
    switch (column.cell) {
      case 'list':
        return (raw as string[]).join('、');
      case 'bool':
        return raw ? '是' : '否';
      case 'enum':
        return Object.entries(column.values ?? {}).find(([, code]) => code === raw)?.[0] ?? String(raw);
      case 'warehouse':
      case 'person':
      case 'unit':
        return names[column.cell].get(raw as string) ?? '';
      case 'people':
        return (raw as string[])
          .map((id) => names.person.get(id) ?? '')
          .filter(Boolean)
          .join('、');
      default:
        return String(raw);
    }
  };
  return [columns.map((c) => c.header), ...records.map((r) => columns.map((c) => protectCell(cell(c, r))))];
}
