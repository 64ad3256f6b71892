import { Alert, Form, Input, Modal, Radio, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { missingFields } from '@shared/domain/incident/report-content';
import {
  REPORT_CHANNELS,
  reportDraftSchema,
  reportTitle,
  templateById,
} from '@shared/domain/incident/reports';
import { useServices } from '../../../services/services';
import { parseForm } from '../../../ui/schema-form';
import { useSignedWrite } from '../../session/useSignedWrite';

interface Values {
  channel: string;
  recipient: string;
  content: Record<string, string>;
}

/**
 * Writes a report's content field by field, the required ones marked. Saving a signed report voids its 签发;
 * what is typed stays in the form until it is on disk.
 */
export function ReportEditor({ reportId, onClose }: { reportId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { reports } = useServices();
  const write = useSignedWrite();
  const report = useLiveQuery(() => reports.get(reportId), [reports, reportId]);
  const [form] = Form.useForm<Values>();
  const loaded = report?.id;
  const typed = Form.useWatch('content', form);

  useEffect(() => {
    if (!report) return;
    form.setFieldsValue({ channel: report.channel, recipient: report.recipient, content: report.content });
    // Only when a different report is opened: a live update must not overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, loaded]);

  if (!report) return <Spin />;
  const template = templateById(report.templateId);
  const save = (values: Values) => {
    // Fields never touched come back undefined; the report stores every field of its template.
    const content = Object.fromEntries(template.fields.map((f) => [f.key, values.content?.[f.key] ?? '']));
    const draft = parseForm(reportDraftSchema, { ...values, content }, form, t);
    if (!draft) return;
    void write((actor) => reports.save(reportId, draft, actor)).then((ok) => ok && onClose());
  };
  const missing = missingFields(template, typed ?? report.content);

  return (
    <Modal
      open
      width={760}
      title={`${reportTitle(report)} · ${template.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {report.status === 'approved' ? (
        <Alert type="warning" showIcon title={t('incidents.reports.editVoids')} style={{ marginBottom: 8 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={save} requiredMark size="small">
        <Form.Item name="channel" label={t('incidents.reports.channel')} required>
          <Radio.Group
            options={REPORT_CHANNELS.map((c) => ({ value: c, label: t(`incidents.reports.channels.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="recipient" label={t('incidents.reports.recipient')} required>
          <Input maxLength={100} placeholder={t('incidents.reports.recipientHint')} />
        </Form.Item>
        {template.fields.map((field) => (
          <Form.Item
            key={field.key}
            name={['content', field.key]}
            label={field.label}
            required={field.required}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
        ))}
      </Form>
      {missing.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('incidents.reports.missing', { fields: missing.map((f) => f.label).join('；') })}
        />
      ) : null}
    </Modal>
  );
}
