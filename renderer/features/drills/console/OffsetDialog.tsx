import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatOffset, parseOffset } from '@shared/domain/drill/scenario-time';

/** A scenario time typed as trainers write it (T+1h20m, 0:45, 80): 跳转情景时间 and 改期 alike. */
export function OffsetDialog({
  open,
  title,
  label,
  initialMs,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  label: string;
  initialMs: number | null;
  onSubmit: (offsetMs: number) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ to: initialMs === null ? '' : formatOffset(initialMs) }}
        onFinish={async (v) => {
          const offsetMs = parseOffset(v.to);
          if (offsetMs === null) {
            form.setFields([{ name: 'to', errors: [t('drills.inject.offsetInvalid')] }]);
            return;
          }
          if (await onSubmit(offsetMs)) onClose();
        }}
      >
        <Form.Item
          name="to"
          label={label}
          extra={t('drills.inject.offsetHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={20} placeholder="T+1h20m" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
