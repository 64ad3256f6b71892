/**
 * 演练脚本 ⇄ spreadsheets, in the columns trainers already keep: `序号 | 情景时间 | 事件 | 发送方 | 接收方 | 方式 |
 * 预期响应` or `时间 | 角色 | 台词 | 场景`. Headers, aliases and method names are the sheet's vocabulary, so they
 * live here with the format. Reading never throws: every problem is reported by spreadsheet row (header = 1)
 * and column, and only rows without one become injects. Export writes the same columns, so a file round-trips.
 */
import { protectCell, unprotectCell } from '../../files/spreadsheet-cells';
import { injectSchema, type DeliveryMethod, type Inject } from './scenario';
import { formatOffset, parseOffset } from './scenario-time';

/** The header export writes, then the names found in trainers' own sheets. */
export const SCRIPT_HEADERS = {
  no: ['序号', '编号', '序'],
  offsetMs: ['情景时间', '时间', '演练时间', '时间节点', '推演时间'],
  clockTime: ['计划时间', '计划时刻', '时刻'],
  scenarioLabel: ['情景标签', '情景'],
  synopsis: ['事件', '概要', '标题', '场景', '事件概要', '情景概要'],
  text: ['情况内容', '台词', '内容', '注入内容', '事件描述', '情况描述'],
  from: ['发送方', '角色', '模拟方', '模拟人员'],
  to: ['接收方', '参演单位', '接收岗位', '接收单位'],
  method: ['方式', '传递方式', '注入方式'],
  controller: ['导调员', '负责导调', '控制人员'],
  expectedActions: ['预期响应', '预期行动', '预期处置'],
  objective: ['演练目标', '目标', '能力'],
  planClause: ['预案条款', '对应预案条款'],
  evaluatorNotes: ['评估要点', '评估提示'],
} satisfies Record<string, [string, ...string[]]>;
export type ScriptField = keyof typeof SCRIPT_HEADERS;
/** In the order export writes them. */
export const SCRIPT_FIELDS = Object.keys(SCRIPT_HEADERS) as ScriptField[];

const METHOD_NAMES: Record<DeliveryMethod, readonly string[]> = {
  phone: ['电话', '座机', '手机', '电话通知'],
  sms: ['短信', '短消息'],
  fax: ['传真'],
  inPerson: ['当面', '口头', '口述', '当面口述'],
  paper: ['纸质', '书面', '纸质材料'],
  video: ['视频', '视频会议', '视频连线'],
  broadcast: ['广播'],
};
const METHOD_CODES = Object.keys(METHOD_NAMES) as DeliveryMethod[];

/** Column index → the field it fills (null: not imported). */
export type ScriptMapping = readonly (ScriptField | null)[];

export interface ScriptIssue {
  /** Spreadsheet row: 1 is the header. */
  row: number;
  /** The file's header text (or the expected header when the column is missing). */
  column: string;
  /** Index of the file column, null when the column is missing. */
  columnIndex: number | null;
  field: ScriptField;
  /** Key under `drills.script.issues.`, falling back to `validation.`. */
  message: string;
  params?: Record<string, string | number>;
}

export interface ScriptCheck {
  injects: Inject[];
  issues: ScriptIssue[];
  /** Data rows read (blank rows are not counted). */
  rowCount: number;
}

export const MAX_SCRIPT_ROWS = 2000;
const DEFAULT_WINDOW_MINUTES = 30;
const SYNOPSIS_LENGTH = 20;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const squash = (text: string) => text.replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');

export function suggestMapping(headers: readonly string[]): (ScriptField | null)[] {
  const used = new Set<ScriptField>();
  return headers.map((header) => {
    const name = squash(header);
    const field = SCRIPT_FIELDS.find((f) => !used.has(f) && SCRIPT_HEADERS[f].includes(name)) ?? null;
    if (field) used.add(field);
    return field;
  });
}

/** "09:40", "9:40:00", or a date and time (Excel date-times: "2026-05-01 09:40"); null otherwise. */
const CLOCK = /^(?:(\d{4})-(\d{1,2})-(\d{1,2})\s+)?([01]?\d|2[0-3])[:：]([0-5]\d)(?:[:：]([0-5]\d))?$/;
const NEXT_DAY = /^(?:次日|翌日|第二天|第二日)\s*/;
const NTH_DAY = /^第\s*(\d{1,2})\s*[天日]\s*/;

interface Clock {
  /** Minutes since midnight. */
  minutes: number;
  /** ms since 1970 of the day, when the cell names one (a real date, not Excel's 1899 zero day). */
  dayMs: number | null;
  /** Days added by 次日 / 第N天. */
  plusDays: number;
}

function readClock(cell: string): Clock | null {
  let text = cell.trim();
  let plusDays = 0;
  const nth = NTH_DAY.exec(text);
  if (NEXT_DAY.test(text)) plusDays = 1;
  else if (nth) plusDays = Math.max(0, Number(nth[1]) - 1);
  text = text.replace(NEXT_DAY, '').replace(NTH_DAY, '');
  const m = CLOCK.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, min] = m;
  const dayMs = y && Number(y) > 1900 ? Date.UTC(Number(y), Number(mo) - 1, Number(d)) : null;
  return { minutes: Number(h) * 60 + Number(min), dayMs, plusDays };
}

/**
 * A sheet keeps clock times when its first row's time is a time of day: with a date, with a day prefix, or from
 * 06:00 on or written with a leading zero ("09:40", "02:00" — not "0:20", which is an offset of 20 minutes).
 */
function isClockSheet(first: string): boolean {
  const clock = readClock(first);
  if (!clock) return false;
  const text = first.trim();
  return (
    clock.dayMs !== null ||
    clock.plusDays > 0 ||
    clock.minutes >= 6 * 60 ||
    (/^0\d[:：]\d\d$/.test(text) && clock.minutes > 0)
  );
}

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Reads the time column. On a clock sheet a time of day counts from the first row's, a day later each time the
 * clock goes back (or as 次日 / 第N天 / the date says); anything else is an offset (T+1h20m, 0:20, 20).
 */
function timeReader(firstCell: string) {
  const first = isClockSheet(firstCell) ? readClock(firstCell) : null;
  let day = 0;
  let previous = first?.minutes ?? 0;
  return (cell: string): { offsetMs: number | null; clock: string; label: string } => {
    const clock = first ? readClock(cell) : null;
    if (!first || !clock) return { offsetMs: parseOffset(cell), clock: '', label: '' };
    if (clock.dayMs !== null && first.dayMs !== null) day = (clock.dayMs - first.dayMs) / DAY;
    else if (clock.plusDays > 0) day = clock.plusDays;
    else if (clock.minutes < previous) day += 1;
    previous = clock.minutes;
    return {
      offsetMs: day * DAY + (clock.minutes - first.minutes) * MINUTE,
      clock: hhmm(clock.minutes),
      label: clock.plusDays > 0 ? cell : '',
    };
  };
}

function readMethod(cell: string): DeliveryMethod | null {
  const text = cell.trim();
  if (text === '') return 'phone';
  const code = METHOD_CODES.find((c) => c === text || METHOD_NAMES[c].includes(text));
  return code ?? null;
}

const WINDOW = /[（(]\s*(\d+)\s*(分钟|分|min|mins|minutes|m|小时|h)\s*(?:内)?\s*[)）]$/i;

function readActions(cell: string): { text: string; windowMinutes: number }[] {
  return cell
    .split(/\r?\n|[;；]/)
    .map((part) => part.trim().replace(/^(?:\d{1,2}[.、．)）]|[①-⑳])\s*/, ''))
    .filter(Boolean)
    .map((part) => {
      const m = WINDOW.exec(part);
      if (!m) return { text: part, windowMinutes: DEFAULT_WINDOW_MINUTES };
      const hours = /^(小时|h)$/i.test(m[2]!);
      return { text: part.slice(0, m.index).trim(), windowMinutes: Number(m[1]) * (hours ? 60 : 1) };
    });
}

const abbreviate = (text: string) => {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > SYNOPSIS_LENGTH ? `${chars.slice(0, SYNOPSIS_LENGTH).join('')}…` : chars.join('');
};

/**
 * Reads a script: `headers` is row 1, `rows` the rows under it. Without `mapping` the columns are recognised by
 * header. The time column (required) and the content column (情况内容/台词, or 事件 standing for it) must be
 * mapped; without 序号 rows are numbered 1..n.
 */
export function checkScript(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  mapping: ScriptMapping = suggestMapping(headers),
): ScriptCheck {
  const issues: ScriptIssue[] = [];
  const indexOf = (field: ScriptField) => {
    const index = mapping.indexOf(field);
    return index >= 0 && index < headers.length ? index : null;
  };
  const columnOf = (
    field: ScriptField,
    index = indexOf(field),
  ): Pick<ScriptIssue, 'column' | 'columnIndex'> =>
    index === null
      ? { column: SCRIPT_HEADERS[field][0]!, columnIndex: null }
      : { column: headers[index]?.trim() || `#${index + 1}`, columnIndex: index };
  const header = (field: ScriptField, message: string, params?: ScriptIssue['params']) =>
    issues.push({ row: 1, field, message, ...columnOf(field), ...(params ? { params } : {}) });

  for (const field of SCRIPT_FIELDS) {
    if (mapping.filter((f) => f === field).length > 1) header(field, 'columnTwice');
  }
  if (indexOf('offsetMs') === null) header('offsetMs', 'columnMissing');
  if (indexOf('text') === null && indexOf('synopsis') === null) header('text', 'columnMissing');
  const data = rows
    .map((cells, i) => ({ row: i + 2, cells: cells.map((c) => unprotectCell(c ?? '')) }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (data.length > MAX_SCRIPT_ROWS) header('offsetMs', 'tooManyRows', { max: MAX_SCRIPT_ROWS });
  if (issues.length > 0) return { injects: [], issues, rowCount: data.length };

  const timeIndex = indexOf('offsetMs')!;
  const textIndex = indexOf('text') ?? indexOf('synopsis')!;
  const synopsisIndex = indexOf('text') === null ? null : indexOf('synopsis');
  const cellOf = (cells: readonly string[], field: ScriptField) => {
    const index = indexOf(field);
    return index === null ? '' : (cells[index] ?? '').trim();
  };
  const readTime = timeReader(data[0]?.cells[timeIndex] ?? '');
  const injects: Inject[] = [];

  data.forEach(({ row, cells }, position) => {
    const rowIssues: ScriptIssue[] = [];
    const fail = (
      field: ScriptField,
      message: string,
      index: number | null,
      params?: ScriptIssue['params'],
    ) => rowIssues.push({ row, field, message, ...columnOf(field, index), ...(params ? { params } : {}) });

    const time = (cells[timeIndex] ?? '').trim();
    const { offsetMs, clock, label } = readTime(time);
    let clockTime = cellOf(cells, 'clockTime') || clock;
    const scenarioLabel = cellOf(cells, 'scenarioLabel') || label;
    if (offsetMs === null || offsetMs < 0)
      fail('offsetMs', time === '' ? 'required' : 'offsetInvalid', timeIndex);
    const clockCell = readClock(clockTime);
    if (clockCell) clockTime = hhmm(clockCell.minutes);

    const text = (cells[textIndex] ?? '').trim();
    const written = synopsisIndex === null ? '' : (cells[synopsisIndex] ?? '').trim();
    const methodCell = cellOf(cells, 'method');
    const method = readMethod(methodCell);
    if (!method) {
      fail('method', 'methodUnknown', indexOf('method'), {
        value: methodCell,
        allowed: METHOD_CODES.map((c) => METHOD_NAMES[c][0]).join('、'),
      });
    }
    const input = {
      id: crypto.randomUUID(),
      no: cellOf(cells, 'no') || String(position + 1),
      offsetMs: offsetMs ?? 0,
      clockTime,
      scenarioLabel,
      synopsis: written || abbreviate(text),
      text,
      from: cellOf(cells, 'from'),
      to: cellOf(cells, 'to'),
      method: method ?? 'phone',
      controller: cellOf(cells, 'controller'),
      expectedActions: readActions(cellOf(cells, 'expectedActions')).map((a) => ({
        id: crypto.randomUUID(),
        ...a,
      })),
      objective: cellOf(cells, 'objective'),
      planClause: cellOf(cells, 'planClause'),
      evaluatorNotes: cellOf(cells, 'evaluatorNotes'),
    };
    const parsed = injectSchema.safeParse(input);
    if (parsed.success) {
      if (rowIssues.length === 0) injects.push(parsed.data);
    } else {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? 'text') as ScriptField;
        // A synopsis taken from the content fails only with it; the content's own issue says why.
        if (field === 'synopsis' && !written) continue;
        const index =
          field === 'text' ? textIndex : field === 'synopsis' ? (synopsisIndex ?? textIndex) : indexOf(field);
        if (rowIssues.some((i) => i.field === field || (index !== null && i.columnIndex === index))) continue;
        const max = 'maximum' in issue ? Number(issue.maximum) : undefined;
        const message = issue.path[2] === 'windowMinutes' ? 'windowInvalid' : issue.message;
        fail(
          field,
          /^[a-zA-Z]+$/.test(message) ? message : 'invalid',
          index,
          max !== undefined && issue.code === 'too_big' ? { max } : undefined,
        );
      }
    }
    issues.push(...rowIssues);
  });
  return { injects, issues, rowCount: data.length };
}

const windowText = (minutes: number) => `（${minutes}分钟）`;

/** The script as sheet rows (header first) in the columns `checkScript` reads back. */
export function scriptToRows(injects: readonly Inject[]): string[][] {
  const cell = (inject: Inject, field: ScriptField): string => {
    switch (field) {
      case 'offsetMs':
        return formatOffset(inject.offsetMs);
      case 'method':
        return METHOD_NAMES[inject.method][0]!;
      case 'expectedActions':
        return inject.expectedActions.map((a) => `${a.text}${windowText(a.windowMinutes)}`).join('；');
      default:
        return inject[field];
    }
  };
  return [
    SCRIPT_FIELDS.map((f) => SCRIPT_HEADERS[f][0]!),
    ...injects.map((inject) => SCRIPT_FIELDS.map((f) => protectCell(cell(inject, f)))),
  ];
}

/** The sheet's name for a delivery method (电话, 短信 …). */
export const methodName = (method: DeliveryMethod): string => METHOD_NAMES[method][0]!;
