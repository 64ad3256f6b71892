import { SendOutlined } from '@ant-design/icons';
import { Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextDispatchStatuses, type Dispatch, type DispatchStatus } from '@shared/domain/incident/dispatch';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';
import { DispatchDialog } from './DispatchDialog';

const STATUS_COLOUR: Record<DispatchStatus, string> = {
  dispatched: 'processing',
  enRoute: 'warning',
  arrived: 'success',
  withdrawn: 'default',
};

/** 资源调派 of the incident: what was sent where, its status with times, and the next step of each. */
export function DispatchPanel({ incidentId, readOnly }: { incidentId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const { dispatches } = useServices();
  const write = useSignedWrite();
  const rows = useLiveQuery(() => dispatches.list(incidentId), [dispatches, incidentId]);
  const [open, setOpen] = useState(false);
  const status = (s: DispatchStatus) => t(`incidents.dispatch.statuses.${s}`);
  const move = (d: Dispatch, to: DispatchStatus) =>
    void write((actor) => dispatches.setStatus(d.id, to, actor), null);

  return (
    <Card
      size="small"
      title={t('incidents.dispatch.panel')}
      style={{ marginBottom: 12 }}
      data-testid="incident-dispatches"
      extra={
        readOnly ? null : (
          <Button size="small" type="primary" icon={<SendOutlined />} onClick={() => setOpen(true)}>
            {t('incidents.dispatch.title')}
          </Button>
        )
      }
    >
      <Table<Dispatch>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 580 }}
        dataSource={rows ?? []}
        locale={{ emptyText: t('incidents.dispatch.empty') }}
        columns={[
          {
            title: t('incidents.dispatch.kind'),
            dataIndex: 'kind',
            width: 64,
            render: (k: Dispatch['kind']) => <Tag>{t(`resources.kinds.${k}`)}</Tag>,
          },
          { title: t('incidents.dispatch.name'), dataIndex: 'name', width: 150, ellipsis: true },
          {
            title: t('incidents.dispatch.amount'),
            key: 'amount',
            width: 90,
            render: (_: unknown, d) => (d.quantity === null ? '' : `${d.quantity}${d.unit}`),
          },
          {
            title: t('incidents.dispatch.status'),
            key: 'status',
            width: 120,
            render: (_: unknown, d) => {
              const last = d.history.at(-1);
              return (
                <Space size={4}>
                  <Tag color={STATUS_COLOUR[d.status]}>{status(d.status)}</Tag>
                  {last ? dayjs(last.at).format('HH:mm') : ''}
                </Space>
              );
            },
          },
          {
            key: 'actions',
            width: 170,
            render: (_: unknown, d) =>
              readOnly ? null : (
                <Space size={4}>
                  {nextDispatchStatuses(d).map((next) =>
                    next === 'withdrawn' ? (
                      <Popconfirm
                        key={next}
                        title={t('incidents.dispatch.confirmWithdraw', { name: d.name })}
                        okText={status(next)}
                        cancelText={t('common.cancel')}
                        onConfirm={() => move(d, next)}
                      >
                        <Button size="small" danger>
                          {status(next)}
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button key={next} size="small" onClick={() => move(d, next)}>
                        {status(next)}
                      </Button>
                    ),
                  )}
                </Space>
              ),
          },
        ]}
      />
      {open ? <DispatchDialog incidentId={incidentId} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}
