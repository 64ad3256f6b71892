import { Alert, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@shared/domain/incident/incident';
import { ArchiveExportButton } from '../../archive/ArchiveExportButton';
import { PurgeButton } from '../../archive/PurgeButton';

/** 导出归档包 of the incident, wherever the console offers it (the header too). */
export function ArchiveButton({ incident }: { incident: Incident }) {
  return <ArchiveExportButton kind="incident" id={incident.id} size="small" />;
}

/**
 * Once the incident is closed: export its archive package (Art. 94), and — after the assessment the law
 * requires — clear the callers' personal data (Art. 85; counts stay). Clearing stays offered after a first
 * purge: a 接报 linked later would still hold a name, and a purge with nothing left says so.
 */
export function ClosingPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
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
          ? t('archive.purgedAt', { time: dayjs(purged).format('YYYY-MM-DD HH:mm') })
          : t('archive.purgeHint')
      }
      action={
        <Space orientation="vertical">
          <ArchiveButton incident={incident} />
          <PurgeButton incident={incident} />
        </Space>
      }
    />
  );
}
