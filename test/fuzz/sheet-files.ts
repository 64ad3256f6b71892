/**
 * Malformed spreadsheets from a valid one (rows of text, header first): columns dropped, renamed, doubled or
 * shifted; cells of the wrong type, 1 MB, with control characters or markup; rows doubled (duplicate ids),
 * blank, too long or too short; then saved as CSV in one of the encodings offices use, or as XLSX with typed
 * cells (numbers, dates, booleans, formulas, rich text, error values), and sometimes damaged as bytes.
 * A file that only re-encodes the valid sample is marked `pristine`: the importer must take all of it.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { damageZip, hostile, MEGABYTE_CELL, mutateBytes } from './byte-mutations';
import { encodeText, ENCODINGS } from './encodings';
import type { Rng } from './fuzz-random';

export interface FuzzFile {
  name: string;
  bytes: Uint8Array;
  /** What was done to the valid sample, in order. */
  mutations: string[];
  /** Only re-encoded: must import exactly as the sample does. */
  pristine: boolean;
  /** [0, 1): drives what the person chooses on screen (e.g. to skip the bad rows and import the rest). */
  choice: number;
}

type Rows = string[][];

export interface SheetTarget {
  /** Headers of the columns the importer requires (the ones worth dropping and renaming). */
  required: readonly string[];
  /** Other names the importer knows for columns (aliases), for renames that should still work. */
  aliases: readonly string[];
  /** Column whose values must be unique (ids, codes), when there is one. */
  uniqueColumn?: string;
  /** Rows above which the importer refuses; a file is occasionally made longer than that. */
  maxRows?: number;
  /** The screen takes CSV only: an XLSX is then one more malformation, never a pristine file. */
  isCsvOnly?: boolean;
}

const copy = (rows: Rows): Rows => rows.map((r) => [...r]);

function columnIndex(rows: Rows, rng: Rng, headers: readonly string[]): number {
  const header = rows[0] ?? [];
  const wanted = headers.filter((h) => header.includes(h));
  return wanted.length > 0 && rng.chance(0.6)
    ? header.indexOf(rng.pick(wanted))
    : rng.int(header.length || 1);
}

const dataRow = (rows: Rows, rng: Rng) => 1 + rng.int(Math.max(1, rows.length - 1));

/** One structural change; returns its label. */
function mutateRows(rng: Rng, rows: Rows, target: SheetTarget): string {
  const header = rows[0] ?? [];
  switch (rng.int(17)) {
    case 0: {
      const at = columnIndex(rows, rng, target.required);
      for (const row of rows) row.splice(at, 1);
      return `drop-column:${header[at] ?? at}`;
    }
    case 1: {
      const at = columnIndex(rows, rng, target.required);
      const was = header[at];
      header[at] = rng.chance(0.5) && target.aliases.length > 0 ? rng.pick(target.aliases) : hostile(rng);
      return `rename-column:${was}`;
    }
    case 2: {
      const at = rng.int(header.length || 1);
      for (const row of rows) row.splice(at, 0, row[at] ?? '');
      return `duplicate-column:${header[at]}`;
    }
    case 3: {
      const a = rng.int(header.length || 1);
      const b = rng.int(header.length || 1);
      for (const row of rows.slice(1)) [row[a], row[b]] = [row[b] ?? '', row[a] ?? ''];
      return `swap-values:${a}/${b}`;
    }
    case 4:
    case 5: {
      const n = 1 + rng.int(4);
      for (let i = 0; i < n; i += 1) {
        const row = rows[dataRow(rows, rng)];
        if (row) row[rng.int(row.length || 1)] = hostile(rng);
      }
      return `hostile-cells×${n}`;
    }
    case 6: {
      const row = rows[dataRow(rows, rng)];
      if (row) row[columnIndex(rows, rng, target.required)] = MEGABYTE_CELL;
      return 'megabyte-cell';
    }
    case 7: {
      const from = rows[dataRow(rows, rng)];
      if (from) rows.splice(dataRow(rows, rng), 0, [...from]);
      return 'duplicate-row';
    }
    case 8: {
      const unique = target.uniqueColumn ? header.indexOf(target.uniqueColumn) : -1;
      if (unique < 0 || rows.length < 3) return 'duplicate-id:none';
      const a = rows[1];
      const b = rows[rows.length - 1];
      if (a && b) b[unique] = a[unique] ?? '';
      return 'duplicate-id';
    }
    case 9: {
      const blanks = 1 + rng.int(3);
      for (let i = 0; i < blanks; i += 1)
        rows.splice(dataRow(rows, rng), 0, new Array<string>(header.length).fill(''));
      return `blank-rows×${blanks}`;
    }
    case 10: {
      const row = rows[dataRow(rows, rng)];
      if (row) row.push(...Array.from({ length: 1 + rng.int(3) }, () => hostile(rng)));
      return 'extra-cells';
    }
    case 11: {
      const row = rows[dataRow(rows, rng)];
      if (row) row.length = rng.int(row.length);
      return 'short-row';
    }
    case 12:
      rows.length = 1;
      return 'header-only';
    case 13:
      rows.shift();
      return 'no-header';
    case 14:
      rows[0] = header.map(() => '');
      return 'blank-header';
    case 15: {
      if (!target.maxRows || rows.length < 2) return 'many-rows:none';
      // Copies are cut to 1,000 characters: 2,000 copies of a 1 MB cell would be a 2 GB file.
      const body = rows.slice(1).map((row) => row.map((c) => c.slice(0, 1000)));
      while (rows.length <= target.maxRows + 1) rows.push([...(body[rows.length % body.length] ?? [])]);
      return `rows>${target.maxRows}`;
    }
    default: {
      const row = rows[dataRow(rows, rng)];
      if (row) {
        const at = rng.int(row.length || 1);
        row[at] = `${row[at] ?? ''}${rng.pick(['"', '\u0000', '\r', '\u2028', '\ufeff'])}`;
      }
      return 'stray-character';
    }
  }
}

function toCsv(rng: Rng, rows: Rows, mutations: string[], pristine: boolean): Uint8Array {
  const newline = pristine || rng.chance(0.7) ? '\r\n' : '\n';
  const delimiter = pristine || rng.chance(0.9) ? ',' : rng.pick([';', '\t', '|']);
  if (delimiter !== ',') mutations.push(`delimiter:${JSON.stringify(delimiter)}`);
  const text = `${Papa.unparse(rows, { newline, delimiter })}${newline}`;
  for (let tries = 0; tries < ENCODINGS.length; tries += 1) {
    const encoding = rng.pick(ENCODINGS);
    const bytes = encodeText(text, encoding);
    if (bytes) {
      mutations.push(`csv:${encoding}`);
      return bytes;
    }
  }
  mutations.push('csv:utf-8');
  return new TextEncoder().encode(text);
}

/** A cell as Excel or WPS would type it when someone formatted the column, or typed into it. */
function typedCell(rng: Rng, text: string): ExcelJS.CellValue {
  const roll = rng.int(10);
  if (roll === 0 && text !== '' && Number.isFinite(Number(text))) return Number(text);
  if (roll === 1) return new Date(Date.UTC(2026, rng.int(12), 1 + rng.int(28), rng.int(24), rng.int(60)));
  if (roll === 2) return rng.chance(0.5);
  if (roll === 3) return { formula: 'A1&"x"', result: text };
  if (roll === 4) return { richText: [{ text: text.slice(0, 3) }, { text: text.slice(3) }] };
  if (roll === 5) return { error: '#N/A' } as ExcelJS.CellErrorValue;
  if (roll === 6) return { text, hyperlink: 'http://example.invalid' };
  return text;
}

async function toXlsx(rng: Rng, rows: Rows, mutations: string[], pristine: boolean): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (!pristine && rng.chance(0.05)) {
    workbook.addWorksheet('空白');
    mutations.push('xlsx:empty-first-sheet');
  }
  const sheet = workbook.addWorksheet('Sheet1');
  const typed = !pristine && rng.chance(0.5);
  if (typed) mutations.push('xlsx:typed-cells');
  rows.forEach((row, i) => {
    const values = typed && i > 0 ? row.map((c) => (rng.chance(0.3) ? typedCell(rng, c) : c)) : row;
    sheet.addRow(values);
  });
  if (!pristine && rng.chance(0.1) && rows.length > 2) {
    sheet.mergeCells(2, 1, 3, 1);
    mutations.push('xlsx:merged-cells');
  }
  mutations.push('xlsx');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * File `rng` of a kind, from its valid sample rows. About one in eight files is pristine (only re-encoded);
 * the others carry one to three structural changes and, one time in four, byte damage on top.
 */
export async function sheetFile(
  rng: Rng,
  stem: string,
  sample: Rows,
  target: SheetTarget,
): Promise<FuzzFile> {
  const rows = copy(sample);
  const mutations: string[] = [];
  const pristine = rng.chance(0.12);
  if (!pristine) {
    const count = 1 + rng.int(3);
    for (let i = 0; i < count; i += 1) mutations.push(mutateRows(rng, rows, target));
  }
  const isXlsx = target.isCsvOnly ? !pristine && rng.chance(0.05) : rng.chance(0.35);
  if (isXlsx && target.isCsvOnly) mutations.push('xlsx-for-csv');
  let bytes = isXlsx ? await toXlsx(rng, rows, mutations, pristine) : toCsv(rng, rows, mutations, pristine);
  let name = `${stem}.${isXlsx ? 'xlsx' : 'csv'}`;
  if (!pristine && rng.chance(0.25)) {
    const damaged = isXlsx && rng.chance(0.6) ? damageZip(rng, bytes) : mutateBytes(rng, bytes);
    bytes = damaged.bytes;
    mutations.push(damaged.label);
  }
  if (!pristine && rng.chance(0.03)) {
    name = `${stem}.${isXlsx ? 'csv' : 'xlsx'}`;
    mutations.push('wrong-extension');
  }
  return { name, bytes, mutations, pristine, choice: rng.next() };
}
