import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shiftsSchema, type ShiftDefinition } from '@shared/domain/duty/shifts';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';

interface Values {
  shifts: { key: string; name: string; start: Dayjs | null }[];
}

const minuteOf = (time: Dayjs | null) => (time ? time.hour() * 60 + time.minute() : -1);

/** 班次设置: the office's shift names and start times (24-hour clock), in order. */
export function ShiftSettingsDialog({ shifts, onClose }: { shifts: ShiftDefinition[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { duty } = useServices();
  const write = useSignedWrite();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const initial: Values = {
    shifts: shifts.map((s) => ({
      key: s.key,
      name: s.name,
      start: dayjs().startOf('day').add(s.startMinute, 'minute'),
    })),
  };

  const save = async (values: Values) => {
    const result = shiftsSchema.safeParse(
      values.shifts.map((s) => ({ key: s.key, name: s.name ?? '', startMinute: minuteOf(s.start) })),
    );
    // The one rule that spans rows (times in order) has no single field to land on: it is shown above them.
    setProblem(result.success ? null : t(`validation.${result.error.issues[0]?.message ?? 'invalid'}`));
    if (!result.success) return;
    if (await write((actor) => duty.saveShifts(result.data, actor), t('duty.roster.shifts.saved'))) onClose();
  };

  return (
    <Modal
      open
      title={t('duty.roster.shifts.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('duty.roster.shifts.hint')} style={{ marginBottom: 12 }} />
      <Form form={form} initialValues={initial} onFinish={(v) => void save(v)} data-testid="shift-settings">
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} /> : null}
        <Form.List name="shifts">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline">
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Input placeholder={t('duty.roster.shifts.name')} maxLength={10} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'start']}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <TimePicker format="HH:mm" minuteStep={5} placeholder={t('duty.roster.shifts.start')} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('common.delete')}
                  />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ key: `shift-${crypto.randomUUID().slice(0, 8)}`, name: '', start: null })
                }
              >
                {t('duty.roster.shifts.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
