import { NotificationOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  notificationInputSchema,
  recipientState,
  type IncidentNotification,
  type Recipient,
  type RecipientState,
} from '@shared/domain/incident/notifications';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { useServices } from '../../../services/services';
import { FormModal } from '../../../ui/FormModal';
import { parseForm } from '../../../ui/schema-form';
import { personOptions, type DirectoryData } from '../../directory/useDirectoryData';
import { useSignedWrite } from '../../session/useSignedWrite';

const STATE_COLOUR: Record<RecipientState, string> = {
  toCall: 'default',
  awaiting: 'processing',
  overdue: 'error',
  acknowledged: 'success',
};

interface Values {
  subject: string;
  ackWithinMinutes: number | null;
  personIds: string[];
}

/**
 * 通知叫应: relay a notice to people chosen by command role or by hand, record each call and each answer;
 * whoever has not answered in time is highlighted (and logged once by the console's beat).
 */
export function NotificationsPanel({
  incidentId,
  plan,
  directory,
  at,
  readOnly,
}: {
  incidentId: string;
  plan: Plan | null;
  directory: DirectoryData;
  at: number;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { notifications } = useServices();
  const write = useSignedWrite();
  const rows = useLiveQuery(() => notifications.list(incidentId), [notifications, incidentId]);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const people = useMemo(() => personOptions(directory), [directory]);
  const roleOptions = (plan?.roles ?? []).map((r) => ({ value: r.id, label: r.name }));
  const addRole = (roleId: string) => {
    const role = plan?.roles.find((r) => r.id === roleId);
    if (!role) return;
    const holders = directory.people
      .filter(
        (p) => role.personIds.includes(p.id) || p.positionIds.some((id) => role.positionIds.includes(id)),
      )
      .map((p) => p.id);
    const current = form.getFieldValue('personIds') ?? [];
    form.setFieldValue('personIds', [...new Set([...current, ...holders])]);
  };

  const submit = (values: Values) => {
    const input = parseForm(
      notificationInputSchema,
      { ...values, personIds: values.personIds ?? [] },
      form,
      t,
    );
    if (!input) return;
    void write((actor) => notifications.create(incidentId, input, actor)).then((ok) => ok && setOpen(false));
  };

  return (
    <Card
      size="small"
      title={t('incidents.notify.title')}
      style={{ marginBottom: 12 }}
      data-testid="incident-notifications"
      extra={
        readOnly ? null : (
          <Button
            size="small"
            icon={<NotificationOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ ackWithinMinutes: 15, personIds: [] });
              setOpen(true);
            }}
          >
            {t('incidents.notify.new')}
          </Button>
        )
      }
    >
      {(rows ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incidents.notify.empty')} />
      ) : (
        (rows ?? []).map((n) => <NotificationBlock key={n.id} notification={n} at={at} readOnly={readOnly} />)
      )}
      <FormModal
        open={open}
        title={t('incidents.notify.new')}
        form={form}
        onSubmit={submit}
        onClose={() => setOpen(false)}
      >
        <Form.Item name="subject" label={t('incidents.notify.subject')} required>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        {roleOptions.length > 0 ? (
          <Form.Item label={t('incidents.notify.byRole')}>
            <Select
              aria-label={t('incidents.notify.byRole')}
              placeholder={t('incidents.notify.byRoleHint')}
              options={roleOptions}
              value={null}
              onChange={(v: string) => addRole(v)}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="personIds" label={t('incidents.notify.recipients')} required>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={people} />
        </Form.Item>
        <Form.Item name="ackWithinMinutes" label={t('incidents.notify.ackWithin')} required>
          <InputNumber min={1} max={1440} precision={0} addonAfter={t('incidents.notify.minutes')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function NotificationBlock({
  notification: n,
  at,
  readOnly,
}: {
  notification: IncidentNotification;
  at: number;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { notifications } = useServices();
  const write = useSignedWrite();
  const answered = n.recipients.filter((r) => r.acknowledgedAt !== null).length;
  const time = (ms: number | null) => (ms === null ? '' : dayjs(ms).format('HH:mm'));
  const act = (r: Recipient, kind: 'notified' | 'acknowledged') =>
    void write((actor) => notifications.record(n.id, r.personId, { kind }, actor), null);
  return (
    <div className="notification-block" data-testid="notification">
      <Space wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{n.subject}</Typography.Text>
        <Typography.Text type="secondary">
          {t('incidents.notify.summary', {
            answered,
            total: n.recipients.length,
            minutes: n.ackWithinMinutes,
            time: time(n.createdAt),
          })}
        </Typography.Text>
      </Space>
      <Table<Recipient>
        size="small"
        rowKey="personId"
        pagination={false}
        scroll={{ x: 440 }}
        dataSource={n.recipients}
        rowClassName={(r) => (recipientState(r, n.ackWithinMinutes, at) === 'overdue' ? 'task-overdue' : '')}
        columns={[
          {
            title: t('incidents.notify.name'),
            key: 'name',
            width: 150,
            render: (_: unknown, r) => (
              <>
                {r.name}
                <div className="notification-contact">
                  {r.unitName} {r.phone}
                </div>
              </>
            ),
          },
          {
            title: t('incidents.notify.notifiedAt'),
            key: 'n',
            width: 48,
            render: (_: unknown, r) => time(r.notifiedAt),
          },
          {
            title: t('incidents.notify.acknowledgedAt'),
            key: 'a',
            width: 48,
            render: (_: unknown, r) => time(r.acknowledgedAt),
          },
          {
            title: t('incidents.notify.state'),
            key: 'state',
            width: 86,
            render: (_: unknown, r) => {
              const state = recipientState(r, n.ackWithinMinutes, at);
              return <Tag color={STATE_COLOUR[state]}>{t(`incidents.notify.states.${state}`)}</Tag>;
            },
          },
          {
            key: 'actions',
            width: 116,
            render: (_: unknown, r) =>
              readOnly || r.acknowledgedAt !== null ? null : (
                <Space size={4}>
                  {r.notifiedAt === null ? (
                    <Button size="small" onClick={() => act(r, 'notified')}>
                      {t('incidents.notify.markNotified')}
                    </Button>
                  ) : null}
                  <Button size="small" type="primary" ghost onClick={() => act(r, 'acknowledged')}>
                    {t('incidents.notify.markAcknowledged')}
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}
