/** User-intent helpers for a trainer bringing a script in from Excel (演练方案 → 导入脚本). */
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { dialogSettled, label } from './drivers';
import { pick } from './incident-drivers';

/** One row of a trainer's sheet, in the sheet's own columns. A number in 情景时间 is minutes, as Excel keeps it. */
export interface SheetRow {
  no: string;
  time: string | number;
  event: string;
  details: string;
  from: string;
  to: string;
  method: string;
  expected: string;
}

/** A row written as the sheet reads, cells between `|`; a time of bare digits is a number cell. */
export function sheetRow(line: string): SheetRow {
  const cells = line.split('|').map((c) => c.trim());
  if (cells.length !== SHEET_HEADERS.length) throw new Error(`a sheet row has 8 cells: ${line}`);
  const [no = '', time = '', event = '', details = '', from = '', to = '', method = '', expected = ''] =
    cells;
  return { no, time: /^\d+$/.test(time) ? Number(time) : time, event, details, from, to, method, expected };
}

/**
 * The headers a trainer's sheet has. 情况说明 is not one the app knows, so the trainer maps it to 情况内容;
 * without that, 事件 would stand in for the content.
 */
export const SHEET_HEADERS = ['序号', '情景时间', '事件', '情况说明', '发送方', '接收方', '方式', '预期响应'];

/** An .xlsx written by exceljs, the library the app reads it with. */
export async function scriptWorkbook(rows: readonly SheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('演练脚本');
  sheet.addRows([
    SHEET_HEADERS,
    ...rows.map((r) => [r.no, r.time, r.event, r.details, r.from, r.to, r.method, r.expected]),
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 导入脚本 on the scenario's page: the dialog, settled. */
export async function openScriptImport(page: Page): Promise<Locator> {
  await page
    .getByTestId('scenario-editor')
    .getByRole('button', { name: label('导入脚本') })
    .click();
  const dialog = page.getByRole('dialog').filter({ hasText: '导入演练脚本（Excel / CSV）' });
  await dialogSettled(dialog);
  return dialog;
}

/** 选择文件… and the file chosen in the browser's file dialog; resolves once the dialog has read it. */
export async function chooseScriptFile(
  page: Page,
  dialog: Locator,
  file: { name: string; buffer: Buffer },
): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    dialog.getByRole('button', { name: label('选择文件…') }).click(),
  ]);
  await chooser.setFiles({
    name: file.name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file.buffer,
  });
  await dialog.getByTestId('script-mapping').waitFor();
}

/** The parts of the import dialog once a file is read. */
export function scriptImport(page: Page, dialog: Locator) {
  const preview = dialog.getByTestId('script-preview');
  return {
    summary: dialog.getByTestId('script-summary'),
    /** The mapping table's line for one column of the file: its header, sample and the field it feeds. */
    mappingRow: (header: string) =>
      dialog
        .getByTestId('script-mapping')
        .locator('.ant-table-row')
        .filter({ has: page.getByText(header, { exact: true }) }),
    /** Feeds a column of the file into a field (导入为). */
    mapColumn: (header: string, field: string) =>
      pick(page, dialog.getByRole('combobox', { name: header, exact: true }), field),
    previewRows: preview.locator('.ant-table-row'),
    /** A preview line by its spreadsheet row (第7行). */
    previewRow: (row: number) =>
      preview.locator('.ant-table-row').filter({ has: page.getByText(`第${row}行`, { exact: true }) }),
    /** The header of the preview's columns, as read. */
    previewHeaders: () => preview.locator('thead th').allInnerTexts(),
    importButton: dialog.getByRole('button', { name: /^导入 \d+ 条$/ }),
    skipBad: (count: number) => dialog.getByRole('checkbox', { name: `跳过 ${count} 行有误的行` }),
    onlyBad: dialog.getByRole('checkbox', { name: '只看有误的行' }),
  };
}

/** 改期 of an inject from the overdue panel or the timeline: a new scenario time in the console's dialog. */
export async function retime(page: Page, actions: Locator, title: string, to: string): Promise<void> {
  await actions.getByRole('button', { name: label('改期') }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: title });
  await dialogSettled(dialog);
  await dialog.getByLabel('新的情景时间').fill(to);
  await dialog.getByRole('button', { name: label('确定') }).click();
  await dialog.waitFor({ state: 'hidden' });
}
