import { DownloadOutlined, MergeCellsOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Progress, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import { readBackupBundle, type BackupBundle } from '@shared/domain/backup/backup-bundle';
import { decodeText } from '@shared/files/decode-text';
import { useServices } from '../../services/services';
import { CURRENT_SCHEMA_VERSION, type TableName } from '../../db/schema';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from '../../platform/storage';
import { translateError } from '../../ui/translate-error';
import { ConfirmActDialog } from '../session/ConfirmActDialog';
import { useActPermission } from '../session/useActPermission';
import { useConfirmAct } from '../session/useConfirmAct';
import { useActor } from '../session/useSession';
import { MergeDialog, type MergeSource } from './MergeDialog';

function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

export function DatabasePanel() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { backup, settings, platform } = useServices();
  const requireActor = useActor();
  const [storage, setStorage] = useState<StorageStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoreProgress, setRestoreProgress] = useState<number | null>(null);
  const [merging, setMerging] = useState<{ source: MergeSource; actor: Actor } | null>(null);
  const counts = useLiveQuery(() => backup.counts(), [backup]);
  // A restore replaces the directory and its roles: 系统管理员 only, with the PIN of a person who has one; the
  // repository checks the same against the directory as it stood before.
  const whyNoRestore = useActPermission('data.restore');
  const { confirm, dialogProps } = useConfirmAct();

  const refresh = useCallback(() => void readStorageStatus().then(setStorage), []);
  useEffect(refresh, [refresh, counts]);

  const exportAll = async () => {
    setBusy(true);
    try {
      const session = await settings.getSession();
      const install = await settings.getInstallSettings();
      const bundle = await backup.exportAll(session?.actor ?? null, install.jurisdictionName);
      const result = await platform.saveFile({
        defaultName: `emergency-desk-backup-${dayjs().format('YYYYMMDD-HHmm')}.json`,
        filters: [{ name: 'JSON', extensions: ['json'] }],
        content: JSON.stringify(bundle),
      });
      if (result.saved) void message.success(t('settings.exportDone'));
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setBusy(false);
    }
  };

  /** The chosen backup file, read and verified; a refusal names the file. Null when none was chosen or it was refused. */
  const chooseBackup = async (): Promise<{ name: string; bundle: BackupBundle } | null> => {
    const file = await platform.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] });
    if (!file) return null;
    const read = await readBackupBundle(decodeText(file.bytes).text, CURRENT_SCHEMA_VERSION);
    if (read.ok) return { name: file.name, bundle: read.bundle };
    const reason = t(`errors.${read.message}`, { detail: read.detail ?? '' });
    void message.error(t('settings.mergeFileRefused', { file: file.name, reason }));
    return null;
  };

  const merge = async () => {
    const actor = requireActor();
    if (!actor) return;
    const chosen = await chooseBackup();
    if (!chosen) return;
    setBusy(true);
    try {
      const plan = await backup.previewMerge(chosen.bundle);
      setMerging({ source: { fileName: chosen.name, bundle: chosen.bundle, plan }, actor });
    } catch (error) {
      void message.error(
        t('settings.mergeFileRefused', { file: chosen.name, reason: translateError(t, error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    const actor = requireActor();
    if (!actor) return;
    const chosen = await chooseBackup();
    if (!chosen) return;
    const { bundle } = chosen;
    modal.confirm({
      title: t('settings.restoreConfirmTitle'),
      content: t('settings.restoreConfirmBody', {
        jurisdiction: bundle.jurisdiction || '—',
        time: dayjs(bundle.exportedAt).format('YYYY-MM-DD HH:mm'),
        by: bundle.exportedBy || '—',
        people: bundle.tables['people']?.length ?? 0,
        units: bundle.tables['units']?.length ?? 0,
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (!(await confirm('data.restore'))) return;
        // Both buttons stay disabled until the restore has committed or rolled back.
        setBusy(true);
        setRestoreProgress(0);
        try {
          await backup.restoreAll(bundle, actor, (p) =>
            setRestoreProgress(Math.round((p.done / Math.max(p.total, 1)) * 100)),
          );
          void message.success(t('settings.restoreDone'));
        } catch (error) {
          void message.error(
            t('settings.mergeFileRefused', { file: chosen.name, reason: translateError(t, error) }),
          );
        } finally {
          setBusy(false);
          setRestoreProgress(null);
        }
      },
    });
  };

  const persistTag =
    storage?.persisted === true ? (
      <Typography.Text type="success" data-testid="db-persisted">
        {t('settings.persisted')}
      </Typography.Text>
    ) : storage?.persisted === false ? (
      <Space orientation="vertical" size={4}>
        <Typography.Text type="warning" data-testid="db-persisted">
          {t('settings.notPersisted')}
        </Typography.Text>
        <Button size="small" onClick={() => void requestPersistentStorage().then(refresh)}>
          {t('settings.requestPersist')}
        </Button>
      </Space>
    ) : (
      <Typography.Text type="secondary">{t('settings.persistUnsupported')}</Typography.Text>
    );

  return (
    <Card size="small" title={t('settings.database')}>
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
        <Descriptions.Item label={t('settings.usage')}>
          <span data-testid="db-usage">{formatBytes(storage?.usage ?? null)}</span>
          <Typography.Text type="secondary">
            {' '}
            / {t('settings.quota')} {formatBytes(storage?.quota ?? null)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.persistence')}>{persistTag}</Descriptions.Item>
        <Descriptions.Item label={t('settings.counts')}>
          <Space wrap data-testid="db-counts">
            {counts
              ? Object.entries(counts).map(([table, n]) => (
                  <Tag key={table}>
                    {t(`settings.tables.${table as TableName}`)}: {n}
                  </Tag>
                ))
              : null}
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Space orientation="vertical" style={{ marginTop: 12 }}>
        <Space>
          <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={() => void exportAll()}>
            {t('settings.exportAll')}
          </Button>
          <Typography.Text type="secondary">{t('settings.exportAllHint')}</Typography.Text>
        </Space>
        <Space>
          <Tooltip title={whyNoRestore}>
            <Button
              danger
              icon={<UploadOutlined />}
              disabled={busy || whyNoRestore !== null}
              onClick={() => void restore()}
            >
              {t('settings.importAll')}
            </Button>
          </Tooltip>
          <Typography.Text type="secondary">{t('settings.importAllHint')}</Typography.Text>
        </Space>
        {restoreProgress !== null ? (
          <Space orientation="vertical" size={0} style={{ width: 480 }}>
            <Progress percent={restoreProgress} status="active" data-testid="restore-progress" />
            <Typography.Text type="secondary">{t('settings.restoreWriting')}</Typography.Text>
          </Space>
        ) : null}
        <Space>
          <Button icon={<MergeCellsOutlined />} disabled={busy} onClick={() => void merge()}>
            {t('settings.mergeAll')}
          </Button>
          <Typography.Text type="secondary">{t('settings.mergeAllHint')}</Typography.Text>
        </Space>
      </Space>
      <ConfirmActDialog {...dialogProps} />
      {merging ? (
        <MergeDialog source={merging.source} actor={merging.actor} onClose={() => setMerging(null)} />
      ) : null}
    </Card>
  );
}
