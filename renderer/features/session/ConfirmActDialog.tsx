import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PIN_FAILURES, PIN_LOCK_MS, lockRemainingMs, triesLeft } from '@shared/domain/org/pin-attempts';
import { actKey } from '@shared/domain/org/roles';
import { RepositoryError } from '../../db/repositories/repository-error';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useClock } from '../../ui/use-clock';
import type { ConfirmActDialogProps } from './useConfirmAct';

/**
 * Asks the signing person for their PIN again (「请输入 PIN 以确认签发」). Wrong PINs are counted and the fifth
 * locks the act for a minute; the count and the lock live in the database, so this dialog only shows them
 * and counts the lock down by the desk's clock.
 */
export function ConfirmActDialog({ request, onDone }: ConfirmActDialogProps) {
  const { t } = useTranslation();
  const { settings } = useServices();
  const [form] = Form.useForm<{ pin: string }>();
  const [submitting, setSubmitting] = useState(false);
  const open = request !== null;
  const personId = request?.actor.personId ?? null;
  const attempts = useLiveQuery(
    async () => (personId ? settings.pinAttempts(personId) : null),
    [settings, personId],
  );
  const at = useClock(1000, open);
  const lockedMs = attempts ? Math.min(lockRemainingMs(attempts, at), PIN_LOCK_MS) : 0;
  const isLocked = lockedMs > 0;
  const key = request ? actKey(request.act) : 'reportApprove';

  const submit = async ({ pin }: { pin: string }) => {
    if (!request) return;
    setSubmitting(true);
    try {
      await settings.confirmAct(request.act, request.actor, pin);
      onDone(true);
    } catch (error) {
      // The lock has its own line above the field, counting down; the field need not say it again.
      const isLock = error instanceof RepositoryError && error.code === 'actLocked';
      form.setFields([{ name: 'pin', value: '', errors: isLock ? [] : [translateError(t, error)] }]);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(`roles.confirm.title.${key}`)}
      okText={t('roles.confirm.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: isLocked }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => onDone(false)}
      destroyOnHidden
    >
      <Typography.Paragraph>{t(`roles.confirm.prompt.${key}`)}</Typography.Paragraph>
      {request ? (
        <Typography.Paragraph type="secondary">
          {t('roles.confirm.who', { name: request.actor.name, position: request.actor.positionName })}
        </Typography.Paragraph>
      ) : null}
      {isLocked ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="pin-locked"
          title={t('roles.confirm.locked', {
            max: MAX_PIN_FAILURES,
            seconds: Math.ceil(lockedMs / 1000),
          })}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="pin"
          label={t('roles.confirm.pin')}
          extra={
            attempts && attempts.failures > 0 && !isLocked
              ? t('roles.confirm.triesLeft', { count: triesLeft(attempts), seconds: PIN_LOCK_MS / 1000 })
              : null
          }
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password
            inputMode="numeric"
            maxLength={8}
            autoComplete="off"
            autoFocus
            disabled={isLocked}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
