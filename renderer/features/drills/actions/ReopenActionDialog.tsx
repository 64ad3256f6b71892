import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from '@shared/validation/z';
import { reopenReasonSchema } from '@shared/domain/drill/corrective-action';
import { parseActionForm } from './action-form';

const schema = z.object({ reason: reopenReasonSchema });

/** 重新整改: a closed action whose follow-up check failed goes back to 整改中, with the reason. */
export function ReopenActionDialog({
  onSubmit,
  onClose,
}: {
  onSubmit: (reason: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [isSaving, setSaving] = useState(false);
  const submit = async (values: { reason?: string }) => {
    const parsed = parseActionForm(schema, { reason: values.reason ?? '' }, form, t, ['reason']);
    if (!parsed) return;
    setSaving(true);
    const ok = await onSubmit(parsed.reason);
    setSaving(false);
    if (ok) onClose();
  };
  return (
    <Modal
      open
      title={t('drillActions.reopenTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('drillActions.reopen')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('drillActions.reopenHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item name="reason" label={t('drillActions.reopenReason')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
