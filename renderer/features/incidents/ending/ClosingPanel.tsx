import { ExportOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archiveFileName } from '@shared/domain/incident/archive';
import type { Incident } from '@shared/domain/incident/incident';
import { useServices } from '../../../services/services';
import { translateError } from '../../../ui/translate-error';
import { useActor } from '../../session/useSession';
import { useSignedWrite } from '../../session/useSignedWrite';

/** 导出事件档案: the whole incident in one sealed file (a download in the browser, a save dialog on the desktop). */
export function ArchiveButton({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const { incidents, settings, platform } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [busy, setBusy] = useState(false);
  const exportArchive = async () => {
    const actor = requireActor();
    if (!actor) return;
    setBusy(true);
    try {
      const { jurisdictionName } = await settings.getInstallSettings();
      const archive = await incidents.archive(incident.id, actor, jurisdictionName);
      const result = await platform.saveFile({
        defaultName: archiveFileName(incident),
        filters: [{ name: 'JSON', extensions: ['json'] }],
        content: JSON.stringify(archive, null, 1),
      });
      if (result.saved) void message.success(t('incidents.ending.exported', { count: archive.log.length }));
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<ExportOutlined />} loading={busy} onClick={() => void exportArchive()}>
      {t('incidents.ending.export')}
    </Button>
  );
}

/**
 * Once the incident is closed: export its archive, and — after the assessment the law requires — clear the
 * personal data of the people involved (names and phones; counts stay).
 */
export function ClosingPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const { incidents } = useServices();
  const write = useSignedWrite();
  const purged = incident.personalDataPurgedAt;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="incident-closing"
      title={t('incidents.console.closed')}
      description={
        purged
          ? t('incidents.ending.purgedAt', { time: dayjs(purged).format('YYYY-MM-DD HH:mm') })
          : t('incidents.ending.purgeHint')
      }
      action={
        <Space orientation="vertical">
          <ArchiveButton incident={incident} />
          {purged ? null : (
            <Popconfirm
              title={t('incidents.ending.purgeConfirm')}
              okText={t('incidents.ending.purge')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                void write(
                  (actor) => incidents.purgePersonalData(incident.id, actor),
                  t('incidents.ending.purged'),
                )
              }
            >
              <Button size="small" danger icon={<UserDeleteOutlined />}>
                {t('incidents.ending.purge')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    />
  );
}
