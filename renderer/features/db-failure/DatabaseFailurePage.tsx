import { App, Button, Collapse, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBackupBundle } from '@shared/domain/backup/backup-bundle';
import type { Platform } from '../../platform/desktop';

/**
 * Shown instead of the app when the database does not open. It says what happened in words, promises (and
 * keeps the promise) that nothing was reset, and offers the data that can still be read as a file.
 */
export interface OpenFailureView {
  kind: 'blocked' | 'versionTooNew' | 'quota' | 'unavailable' | 'corrupt';
  errorName: string;
  detail: string;
}

export function DatabaseFailurePage({
  failure,
  platform,
  onRetry,
  readWhatCanBeRead,
}: {
  failure: OpenFailureView;
  platform: Platform;
  onRetry: () => void;
  readWhatCanBeRead: () => Promise<{ version: number; tables: Record<string, unknown[]> }>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  const exportReadable = async () => {
    setExporting(true);
    try {
      const { version, tables } = await readWhatCanBeRead();
      const bundle = await createBackupBundle({
        schemaVersion: Math.max(1, Math.round(version)),
        exportedAt: Date.now(),
        exportedBy: '',
        jurisdiction: '',
        tables,
      });
      await platform.saveFile({
        defaultName: `emergency-desk-rescue-${new Date().toISOString().slice(0, 10)}.json`,
        filters: [{ name: 'JSON', extensions: ['json'] }],
        content: JSON.stringify(bundle),
      });
      void message.success(t('dbFailure.exported', { tables: Object.keys(tables).length }));
    } catch (error) {
      void message.error(
        t('dbFailure.exportFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setExporting(false);
    }
  };

  return (
    <Result
      status="error"
      title={t('dbFailure.title')}
      subTitle={
        <Space orientation="vertical">
          <Typography.Text data-testid="db-failure-kind">
            {t(`dbFailure.kinds.${failure.kind}`)}
          </Typography.Text>
          <Typography.Text type="secondary">{t('dbFailure.nothingReset')}</Typography.Text>
        </Space>
      }
      extra={[
        <Button key="retry" onClick={onRetry}>
          {t('dbFailure.retry')}
        </Button>,
        <Button key="export" type="primary" loading={exporting} onClick={() => void exportReadable()}>
          {t('dbFailure.exportReadable')}
        </Button>,
      ]}
    >
      <Collapse
        size="small"
        items={[
          {
            key: 'tech',
            label: t('dbFailure.technical'),
            children: <Typography.Text code>{`${failure.errorName}: ${failure.detail}`}</Typography.Text>,
          },
        ]}
      />
    </Result>
  );
}
