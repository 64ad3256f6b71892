import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handoverInputSchema, type HandoverInput } from '@shared/domain/duty/handover';
import { slotText, type ShiftDefinition } from '@shared/domain/duty/shifts';
import type { HandoverDraft } from '../../../db/repositories/duty-repository';
import { useServices } from '../../../services/services';
import { parseForm } from '../../../ui/schema-form';
import { translateError } from '../../../ui/translate-error';
import { useSignedWrite } from '../../session/useSignedWrite';
import { useDirectoryData } from '../../directory/useDirectoryData';
import { dutyPeople } from '../roster/duty-people';

interface Values {
  receiverId?: string;
  closedIds: string[];
  newItems: string[];
  notes: string;
}

const KIND_COLOUR = {
  incident: 'red',
  report: 'orange',
  task: 'blue',
  notice: 'purple',
  note: 'default',
} as const;

/**
 * 交班: what is open now (read from the desk, frozen on the sheet when handed over), the previous sheet's
 * hand-written items to tick off or carry, new items, a summary and the receiver. A refusal keeps the form.
 */
export function HandoverDialog({
  shifts,
  onClose,
}: {
  shifts: readonly ShiftDefinition[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { duty } = useServices();
  const write = useSignedWrite();
  const { message } = App.useApp();
  const directory = useDirectoryData();
  const people = useMemo(() => dutyPeople(directory), [directory]);
  const [form] = Form.useForm<Values>();
  const [draft, setDraft] = useState<HandoverDraft | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    duty.draftHandover().then(setDraft, (error: unknown) => setFailure(translateError(t, error)));
  }, [duty, t]);

  const submit = async (values: Values) => {
    const input: HandoverInput | null = parseForm(
      handoverInputSchema,
      { ...values, newItems: (values.newItems ?? []).filter((line) => line?.trim()) },
      form,
      t,
    );
    if (!input) return;
    let name = '';
    const done = await write(async (actor) => {
      name = (await duty.handOver(input, actor)).receiverName;
    }, null);
    if (done) {
      onClose();
      void message.success(t('duty.handover.done', { name }));
    }
  };

  return (
    <Modal
      open
      width={760}
      title={
        draft
          ? t('duty.handover.dialogTitle', {
              from: slotText(shifts, draft.from),
              to: slotText(shifts, draft.to),
            })
          : t('duty.handover.handOver')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('duty.handover.submit')}
      okButtonProps={{ disabled: !draft }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {failure ? <Alert type="error" showIcon title={failure} /> : null}
      {!draft && !failure ? <Spin /> : null}
      {draft?.pending ? (
        <Alert type="warning" showIcon title={t('errors.handoverPending')} style={{ marginBottom: 12 }} />
      ) : null}
      {draft ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          data-testid="handover-form"
          initialValues={{
            receiverId: draft.suggestedReceiverId ?? undefined,
            closedIds: [],
            newItems: [],
            notes: '',
          }}
        >
          <Typography.Text type="secondary">
            {t('duty.handover.intakeCount', { count: draft.intakeCount })}
          </Typography.Text>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            {t('duty.handover.openItems')}
          </Typography.Title>
          <List
            size="small"
            bordered
            data-testid="handover-open-items"
            locale={{ emptyText: t('duty.handover.noOpenItems') }}
            dataSource={draft.openItems}
            renderItem={(item) => (
              <List.Item>
                <Space align="start">
                  <Tag color={KIND_COLOUR[item.kind]}>{t(`duty.handover.kinds.${item.kind}`)}</Tag>
                  <span>{item.text}</span>
                </Space>
              </List.Item>
            )}
          />
          {draft.carried.length > 0 ? (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {t('duty.handover.carried')}
              </Typography.Title>
              <Form.Item name="closedIds" data-testid="handover-carried">
                <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                  {draft.carried.map((item) => (
                    <Checkbox key={item.id} value={item.id}>
                      {item.text}
                      {item.carriedFrom ? (
                        <Typography.Text type="secondary">
                          {' '}
                          （{t('duty.handover.carriedFrom', { slot: item.carriedFrom })}）
                        </Typography.Text>
                      ) : null}
                      <Typography.Text type="secondary"> · {t('duty.handover.closed')}</Typography.Text>
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </Form.Item>
            </>
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('duty.handover.newItems')}
          </Typography.Title>
          <Form.List name="newItems">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={field.name} style={{ flex: 1, width: 600 }}>
                      <Input maxLength={200} placeholder={t('duty.handover.itemPlaceholder')} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(field.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('duty.handover.addItem')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="notes" label={t('duty.handover.notes')} style={{ marginTop: 12 }}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={t('duty.handover.notesPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="receiverId"
            label={t('duty.handover.receiver')}
            required
            extra={t('duty.handover.receiverHint')}
          >
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              options={people.officerOptions}
              aria-label={t('duty.handover.receiver')}
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
