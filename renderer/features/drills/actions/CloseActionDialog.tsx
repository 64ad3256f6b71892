import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EVIDENCE_MIN_LENGTH,
  evidenceInputSchema,
  type CorrectiveAction,
  type EvidenceInput,
} from '@shared/domain/drill/corrective-action';
import { parseActionForm } from './action-form';

interface Values {
  text: string;
  files: string[];
}
const FIELDS = ['text', 'files'] as const;

/**
 * 完成整改: closing asks for 整改佐证 — what was done and where it is recorded. Empty or too brief evidence is
 * refused on the field with the rule's own words and nothing is written; `onSubmit` resolves to whether the
 * action was closed (the dialog stays open with the text when it was refused).
 */
export function CloseActionDialog({
  action,
  onSubmit,
  onClose,
}: {
  action: Pick<CorrectiveAction, 'issue' | 'measure'>;
  onSubmit: (evidence: EvidenceInput) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [isSaving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    const input = { text: values.text ?? '', files: values.files ?? [] };
    if (!parseActionForm(evidenceInputSchema, input, form, t, FIELDS)) return;
    setSaving(true);
    const ok = await onSubmit(input);
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Modal
      open
      width={600}
      title={t('drillActions.closeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('drillActions.closeOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t('drillActions.field.issue')}：</Typography.Text>
        {action.issue}
        <br />
        <Typography.Text type="secondary">{t('drillActions.field.measure')}：</Typography.Text>
        {action.measure}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('drillActions.closeHint', { min: EVIDENCE_MIN_LENGTH })}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ text: '', files: [] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="text" label={t('drillActions.field.evidence')} required>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            placeholder={t('drillActions.evidencePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="files" label={t('drillActions.field.files')}>
          <Select
            mode="tags"
            open={false}
            suffixIcon={null}
            aria-label={t('drillActions.field.files')}
            placeholder={t('drillActions.filesPlaceholder')}
            tokenSeparators={['\n']}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
