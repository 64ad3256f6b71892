/**
 * People ⇄ CSV, in the columns an office keeps in Excel/WPS. Import is all-or-nothing: every row is checked
 * first and any problem is reported by spreadsheet row (the header is row 1) and column, so the caller writes
 * nothing unless the whole file is good. Units are named by name, or by path (区应急管理局/办公室) where a name
 * is not unique; positions by name, separated by 、 ; or ,.
 */
import Papa from 'papaparse';
import { personInputSchema, type PersonValues } from './schemas';
import type { Person, Position, Unit } from './types';
import { unitPath } from './unit-tree';
import { protectCell, unprotectCell } from '../../files/spreadsheet-cells';

export const PEOPLE_COLUMNS = [
  { field: 'id', header: '编号', aliases: ['id', 'ID', '人员编号'] },
  { field: 'name', header: '姓名', aliases: ['name', '名字'] },
  { field: 'unit', header: '所属单位', aliases: ['unit', '单位', '部门'] },
  { field: 'title', header: '职务', aliases: ['title'] },
  { field: 'positions', header: '担任岗位', aliases: ['positions', '岗位', '角色'] },
  { field: 'mobile', header: '手机', aliases: ['mobile', '手机号', '手机号码', '移动电话'] },
  { field: 'officePhone', header: '办公电话', aliases: ['officePhone', '电话', '座机', '固定电话'] },
  { field: 'note', header: '备注', aliases: ['note', '说明'] },
] as const;

type ColumnField = (typeof PEOPLE_COLUMNS)[number]['field'];
const REQUIRED_COLUMNS: ColumnField[] = ['name', 'unit'];
const MAX_ROWS = 50_000;

export interface CsvIssue {
  /** Spreadsheet row: 1 is the header, 2 the first person. */
  row: number;
  /** The column header as written in the file (or our header when the column is missing). */
  column: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportedPerson extends PersonValues {
  /** Present when the row names an existing person: the import updates instead of adding. */
  id: string | null;
}

export type PeopleCsvResult = { ok: true; people: ImportedPerson[] } | { ok: false; issues: CsvIssue[] };

export interface DirectoryContext {
  units: readonly Unit[];
  positions: readonly Position[];
}

function unitLabels(units: readonly Unit[]): Map<string, string> {
  const nameCount = new Map<string, number>();
  for (const u of units) nameCount.set(u.name, (nameCount.get(u.name) ?? 0) + 1);
  return new Map(
    units.map((u) => [u.id, (nameCount.get(u.name) ?? 0) > 1 ? unitPath(units, u.id).join('/') : u.name]),
  );
}

export function peopleToCsv(people: readonly Person[], ctx: DirectoryContext): string {
  const labels = unitLabels(ctx.units);
  const positionNames = new Map(ctx.positions.map((p) => [p.id, p.name]));
  const rows = people.map((p) => [
    p.id,
    p.name,
    labels.get(p.unitId) ?? '',
    p.title,
    p.positionIds
      .map((id) => positionNames.get(id) ?? '')
      .filter(Boolean)
      .join('、'),
    p.mobile,
    p.officePhone,
    p.note,
  ]);
  const csv = Papa.unparse({
    fields: PEOPLE_COLUMNS.map((c) => c.header),
    data: rows.map((r) => r.map(protectCell)),
  });
  // The BOM makes Excel on Chinese Windows read the file as UTF-8 instead of GBK.
  return `\uFEFF${csv}\r\n`;
}

function resolveHeaders(headers: string[]): Map<ColumnField, number> {
  const map = new Map<ColumnField, number>();
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const column = PEOPLE_COLUMNS.find(
      (c) => c.header === header || (c.aliases as readonly string[]).includes(header),
    );
    if (column && !map.has(column.field)) map.set(column.field, index);
  });
  return map;
}

function unitResolver(units: readonly Unit[]) {
  const byPath = new Map(units.map((u) => [unitPath(units, u.id).join('/'), u.id]));
  const byName = new Map<string, string[]>();
  for (const u of units) byName.set(u.name, [...(byName.get(u.name) ?? []), u.id]);
  return (label: string): { id: string } | { error: 'unitUnknown' | 'unitAmbiguous' } => {
    const trimmed = label.trim().replace(/\s*\/\s*/g, '/');
    const exact = byPath.get(trimmed);
    if (exact) return { id: exact };
    // A path may start below the top unit, e.g. 区应急管理局/办公室 without 示范区人民政府.
    const suffix = [...byPath.entries()].filter(([path]) => path.endsWith(`/${trimmed}`));
    const named = byName.get(trimmed) ?? [];
    if (named.length === 1 && named[0]) return { id: named[0] };
    if (named.length > 1)
      return suffix.length === 1 && suffix[0] ? { id: suffix[0][1] } : { error: 'unitAmbiguous' };
    if (suffix.length === 1 && suffix[0]) return { id: suffix[0][1] };
    return { error: 'unitUnknown' };
  };
}

function splitPositions(cell: string): string[] {
  return cell
    .split(/[、;；,，|｜]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parsePeopleCsv(text: string, ctx: DirectoryContext): PeopleCsvResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const issues: CsvIssue[] = [];
  const [headers, ...rows] = parsed.data;
  if (!headers || headers.every((h) => h.trim() === '')) {
    return { ok: false, issues: [{ row: 1, column: '', message: 'csvEmpty' }] };
  }
  const columns = resolveHeaders(headers);
  for (const field of REQUIRED_COLUMNS) {
    if (!columns.has(field)) {
      const column = PEOPLE_COLUMNS.find((c) => c.field === field)?.header ?? field;
      issues.push({ row: 1, column, message: 'csvColumnMissing' });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (rows.length > MAX_ROWS)
    return {
      ok: false,
      issues: [{ row: MAX_ROWS + 2, column: '', message: 'csvTooManyRows', params: { max: MAX_ROWS } }],
    };

  const headerOf = (field: ColumnField) => headers[columns.get(field) ?? -1]?.trim() ?? field;
  const resolveUnit = unitResolver(ctx.units);
  const positionIds = new Map(ctx.positions.map((p) => [p.name, p.id]));
  const seenIds = new Map<string, number>();
  const people: ImportedPerson[] = [];

  rows.forEach((cells, index) => {
    const row = index + 2;
    const cell = (field: ColumnField) => {
      const i = columns.get(field);
      return i === undefined ? '' : unprotectCell((cells[i] ?? '').trim());
    };
    const rowIssue = (field: ColumnField, message: string, params?: CsvIssue['params']) =>
      issues.push({ row, column: headerOf(field), message, ...(params ? { params } : {}) });

    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
      issues.push({
        row,
        column: '',
        message: 'csvExtraCells',
        params: { expected: headers.length, actual: cells.length },
      });
    }
    const unitLabel = cell('unit');
    let unitId = '';
    if (unitLabel !== '') {
      const resolved = resolveUnit(unitLabel);
      if ('id' in resolved) unitId = resolved.id;
      else rowIssue('unit', resolved.error, { value: unitLabel });
    }
    const positions: string[] = [];
    for (const name of splitPositions(cell('positions'))) {
      const id = positionIds.get(name);
      if (id) positions.push(id);
      else rowIssue('positions', 'positionUnknown', { value: name });
    }
    const id = cell('id') || null;
    if (id !== null) {
      const firstRow = seenIds.get(id);
      if (firstRow !== undefined) rowIssue('id', 'csvDuplicateId', { other: firstRow });
      else seenIds.set(id, row);
    }
    const result = personInputSchema.safeParse({
      name: cell('name'),
      unitId: unitLabel === '' ? '' : unitId || 'unresolved',
      title: cell('title'),
      mobile: cell('mobile'),
      officePhone: cell('officePhone'),
      positionIds: positions,
      note: cell('note'),
    });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldToColumn(String(issue.path[0] ?? ''));
        const max =
          issue.code === 'too_big' && typeof issue.maximum === 'number' ? { max: issue.maximum } : undefined;
        rowIssue(field, /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid', max);
      }
      return;
    }
    people.push({ ...result.data, id });
  });

  return issues.length > 0 ? { ok: false, issues } : { ok: true, people };
}

function fieldToColumn(field: string): ColumnField {
  if (field === 'unitId') return 'unit';
  if (field === 'positionIds') return 'positions';
  return (PEOPLE_COLUMNS.find((c) => c.field === field)?.field ?? 'name') as ColumnField;
}
