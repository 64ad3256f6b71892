import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sheetRows, type SheetKind } from '@shared/domain/resources/resource-sheet';
import { runSheetRequest } from '../../../db/resource-sheet-client';
import type { SheetFormat } from '../../../files/spreadsheet-files';
import { useServices } from '../../../services/services';
import { translateError } from '../../../ui/translate-error';
import { ImportSheetDialog } from './ImportSheetDialog';

/** 导入 / 导出 of one registry, in the columns import reads, as CSV (UTF-8 with BOM) or XLSX. */
export function SheetButtons({ kind }: { kind: SheetKind }) {
  const { t } = useTranslation();
  const { resources, platform, now } = useServices();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const exportAs = async (format: SheetFormat) => {
    setExporting(true);
    try {
      const [records, lookups] = await Promise.all([resources.listRecords(kind), resources.sheetLookups()]);
      const rows = sheetRows(kind, records, lookups);
      const label = t(`resources.kinds.${kind}`);
      const { bytes } = await runSheetRequest<{ bytes: Uint8Array }>({
        type: 'write',
        rows,
        format,
        sheetName: label,
      });
      const date = new Date(now()).toISOString().slice(0, 10);
      const saved = await platform.saveFile({
        defaultName: `${label}-${date}.${format}`,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
        content: new Uint8Array(bytes),
      });
      if (saved.saved) void message.success(t('resources.sheet.exported', { count: records.length }));
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
        {t('resources.sheet.importButton')}
      </Button>
      <Dropdown
        menu={{
          items: [
            { key: 'xlsx', label: 'Excel（.xlsx）' },
            { key: 'csv', label: 'CSV（UTF-8）' },
          ],
          onClick: ({ key }) => void exportAs(key as SheetFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={exporting}>
          {t('resources.sheet.exportButton')}
        </Button>
      </Dropdown>
      {importing && <ImportSheetDialog kind={kind} onClose={() => setImporting(false)} />}
    </>
  );
}
