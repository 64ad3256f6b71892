/**
 * 导出演练脚本: the script in delivery order, in the columns import reads back, as XLSX or CSV (UTF-8 with BOM),
 * saved through the platform (a save dialog on the desktop, a download in a browser).
 */
import { scriptOrder, type Inject } from '@shared/domain/drill/scenario';
import { scriptToRows } from '@shared/domain/drill/script-sheet';
import type { SaveResult } from '@shared/ipc/contract';
import { writeSheet, type SheetFormat } from '../../../files/spreadsheet-files';
import type { Platform } from '../../../platform/desktop';

/** Characters Windows refuses in a file name become "_". */
export const safeFileName = (name: string): string =>
  name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || '演练脚本';

export async function exportScript(
  injects: readonly Inject[],
  title: string,
  format: SheetFormat,
  platform: Pick<Platform, 'saveFile'>,
): Promise<SaveResult> {
  const rows = scriptToRows(scriptOrder(injects));
  const content = await writeSheet(rows, format, '演练脚本');
  return platform.saveFile({
    defaultName: `${safeFileName(title)}-演练脚本.${format}`,
    filters: [{ name: format.toUpperCase(), extensions: [format] }],
    content: new Uint8Array(content),
  });
}
