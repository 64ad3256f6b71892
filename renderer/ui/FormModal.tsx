import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal holding one vertical form: OK submits it, Cancel closes; the form is rebuilt at every opening. */
export function FormModal<T extends object>({
  open,
  title,
  form,
  onSubmit,
  onClose,
  okText,
  children,
}: {
  open: boolean;
  title: string;
  /** The OK button's words when it does more than save (开始, 发布 …). */
  okText?: string;
  form: FormInstance<T>;
  onSubmit: (values: T) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={onSubmit} requiredMark>
        {children}
      </Form>
    </Modal>
  );
}
