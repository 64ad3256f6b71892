import { Alert, App, Button, Space } from 'antd';
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';

/**
 * The red line across the top of every screen while the disk is full. Writes are refused underneath (the
 * storage guard), so this only says what happened and what to do: export a backup, free space, check again.
 */
export function StorageFullBanner() {
  const { t } = useTranslation();
  const { storage } = useServices();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isReadOnly = useSyncExternalStore(storage.subscribe, storage.isReadOnly);
  const [isChecking, setChecking] = useState(false);
  if (!isReadOnly) return null;

  const recheck = async () => {
    setChecking(true);
    try {
      if (await storage.recheck()) void message.success(t('systemHealth.storageFull.writable'));
      else void message.error(t('systemHealth.storageFull.stillFull'));
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setChecking(false);
    }
  };

  return (
    <Alert
      type="error"
      banner
      showIcon
      role="alert"
      data-testid="storage-full-banner"
      title={t('systemHealth.storageFull.title')}
      description={t('systemHealth.storageFull.description')}
      action={
        <Space orientation="vertical">
          <Button size="small" onClick={() => void navigate('/settings')}>
            {t('systemHealth.storageFull.exportBackup')}
          </Button>
          <Button size="small" type="primary" danger loading={isChecking} onClick={() => void recheck()}>
            {t('systemHealth.storageFull.recheck')}
          </Button>
        </Space>
      }
    />
  );
}
