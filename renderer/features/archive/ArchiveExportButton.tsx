import { ExportOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveFileName, shortChecksum, type ArchiveKind } from '@shared/domain/archive/archive-package';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';

/**
 * 导出归档包: one incident or one drill run in one sealed file (a save dialog on the desktop, a download in the
 * browser). The export is recorded before the file is offered, so a file on a shelf always has its record.
 */
export function ArchiveExportButton({
  kind,
  id,
  size,
}: {
  kind: ArchiveKind;
  id: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const { archive, settings, platform } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [isBusy, setBusy] = useState(false);

  const exportArchive = async () => {
    const actor = requireActor();
    if (!actor) return;
    setBusy(true);
    try {
      const { jurisdictionName } = await settings.getInstallSettings();
      const pkg =
        kind === 'incident'
          ? await archive.exportIncident(id, actor, jurisdictionName)
          : await archive.exportDrillRun(id, actor, jurisdictionName);
      const file = archiveFileName(pkg);
      const result = await platform.saveFile({
        defaultName: file,
        filters: [{ name: 'JSON', extensions: ['json'] }],
        content: JSON.stringify(pkg, null, 1),
      });
      const rows = Object.values(pkg.manifest).reduce((sum, n) => sum + n, 0);
      if (result.saved) {
        void message.success(t('archive.exported', { file, rows, checksum: shortChecksum(pkg) }));
      }
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size={size}
      icon={<ExportOutlined />}
      loading={isBusy}
      data-testid={`archive-export-${kind}`}
      onClick={() => void exportArchive()}
    >
      {t('archive.export')}
    </Button>
  );
}
