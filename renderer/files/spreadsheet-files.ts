/**
 * Spreadsheet files as rows of text: CSV (UTF-8, UTF-8 with BOM, GBK — decoded by shared/files/decode-text)
 * through papaparse, and XLSX (the sheets offices keep in Excel and WPS) through exceljs. Row numbers are
 * kept as in the file, so "第3行" in a preview is the third row the person sees in Excel.
 */
import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { decodeText } from '@shared/files/decode-text';
import { RepositoryError } from '@shared/validation/repository-error';

export type SheetFormat = 'csv' | 'xlsx';

export interface ParsedSheet {
  /** rows[0] is the header row; every row is padded to the header's width. */
  rows: string[][];
  format: SheetFormat;
  encoding: string;
}

export function formatOf(fileName: string): SheetFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the person reads it in Excel: dates as 2026-05-01, formulas as their result, rich text as text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // A cell formatted as a time of day only (09:40) is Excel's day zero, 1899-12-30, plus that time. The hour
    // stays unpadded so a duration typed as 0:20 still reads as an offset, not a clock time.
    if (value.getUTCFullYear() === 1899 && value.getUTCMonth() === 11 && value.getUTCDate() === 30) {
      return `${value.getUTCHours()}:${pad(value.getUTCMinutes())}`;
    }
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function loadExcel(): Promise<typeof ExcelJS> {
  const module = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return module.default ?? module;
}

export async function readSheet(bytes: Uint8Array, format: SheetFormat): Promise<ParsedSheet> {
  if (format === 'csv') {
    const { text, encoding } = decodeText(bytes);
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const rows = parsed.data.filter((row, i, all) => !(i === all.length - 1 && row.every((c) => c === '')));
    return { rows: padRows(rows), format, encoding };
  }
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    // A damaged or cut-off file, or another format named .xlsx: the zip reader's own words mean nothing here.
    throw new RepositoryError('sheetUnreadable');
  }
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    rows[number - 1] = values.slice(1).map(cellText);
  });
  for (let i = 0; i < rows.length; i += 1) rows[i] ??= [];
  return { rows: padRows(rows), format, encoding: 'xlsx' };
}

function padRows(rows: string[][]): string[][] {
  const width = rows[0]?.length ?? 0;
  return rows.map((row) =>
    row.length >= width ? row : [...row, ...Array<string>(width - row.length).fill('')],
  );
}

export async function writeSheet(
  rows: readonly (readonly string[])[],
  format: SheetFormat,
  sheetName: string,
): Promise<Uint8Array> {
  if (format === 'csv') {
    // The BOM makes Excel on Chinese Windows read the file as UTF-8 instead of GBK.
    const csv = `\uFEFF${Papa.unparse(rows as string[][])}\r\n`;
    return new TextEncoder().encode(csv);
  }
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRows(rows as string[][]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
