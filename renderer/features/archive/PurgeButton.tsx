import { UserDeleteOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Modal, Spin, Tooltip, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Incident } from '@shared/domain/incident/incident';
import { useServices } from '../../services/services';
import { ConfirmActDialog } from '../session/ConfirmActDialog';
import { useActPermission } from '../session/useActPermission';
import { useConfirmAct } from '../session/useConfirmAct';
import { useSignedWrite } from '../session/useSignedWrite';

/**
 * 清除个人信息 of a closed incident. Destructive and final, so the dialog first says what will be cleared (how
 * many callers, which 接报) and what stays, and clears only once the incident's title or the confirmation
 * word has been typed.
 */
export function PurgeButton({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  // 系统管理员 only (shared/domain/org/roles.ts); the repository checks the same again.
  const why = useActPermission('data.purge');
  const [isOpen, setOpen] = useState(false);
  const isAllowed = why === null;
  const button = (
    <Button
      size="small"
      danger
      icon={<UserDeleteOutlined />}
      disabled={!isAllowed}
      onClick={() => setOpen(true)}
    >
      {t('archive.purge')}
    </Button>
  );
  return (
    <>
      {isAllowed ? button : <Tooltip title={why}>{button}</Tooltip>}
      {isOpen ? <PurgeDialog incident={incident} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function PurgeDialog({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const { archive } = useServices();
  const { message } = App.useApp();
  const write = useSignedWrite();
  const { confirm, dialogProps } = useConfirmAct();
  const [typed, setTyped] = useState('');
  const [isWorking, setWorking] = useState(false);
  const preview = useLiveQuery(() => archive.purgePreview(incident.id), [archive, incident.id]);
  const word = t('archive.purgeWord');
  const isConfirmed = [incident.title, word].includes(typed.trim());
  const hasSomething = (preview?.callers ?? 0) > 0;

  const canSubmit = isConfirmed && hasSomething && !isWorking;
  const purge = async () => {
    if (!canSubmit) return;
    // A person with a PIN types it again; the purge then uses that confirmation up.
    if (!(await confirm('data.purge'))) return;
    setWorking(true);
    let cleared = 0;
    const ok = await write(async (actor) => {
      cleared = (await archive.purgePersonalData(incident.id, actor)).callers;
    }, null);
    setWorking(false);
    if (!ok) return;
    onClose();
    // A second window may have cleared them first: the count says what this one did.
    if (cleared > 0) void message.success(t('archive.purged', { count: cleared }));
    else void message.info(t('archive.purgedNothing'));
  };

  return (
    <Modal
      open
      title={t('archive.purgeTitle')}
      okText={t('archive.purgeOk')}
      okButtonProps={{ danger: true, disabled: !isConfirmed || !hasSomething }}
      confirmLoading={isWorking}
      cancelText={t('common.cancel')}
      onOk={() => void purge()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="purge-dialog">
        <Typography.Paragraph type="secondary">{t('archive.purgeLaw')}</Typography.Paragraph>
        {preview === undefined ? (
          <Spin />
        ) : (
          <Alert
            type={hasSomething ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              hasSomething
                ? t('archive.purgeWill', {
                    count: preview.callers,
                    serials: preview.intakeSerials.join('、'),
                  })
                : t('archive.purgeNothing')
            }
            description={t('archive.purgeKeeps')}
          />
        )}
        <Typography.Paragraph>{t('archive.purgeType', { title: incident.title, word })}</Typography.Paragraph>
        <Input
          aria-label={t('archive.purgeWord')}
          value={typed}
          disabled={!hasSomething}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={() => void purge()}
        />
      </div>
      <ConfirmActDialog {...dialogProps} />
    </Modal>
  );
}
