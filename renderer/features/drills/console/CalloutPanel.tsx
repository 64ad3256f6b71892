import { App, Button, Card, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  calloutRows,
  recordCallout,
  UNIT_MAX,
  type CalloutRow,
  type CalloutStage,
} from '@shared/domain/drill/callout';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import type { RunState } from '@shared/domain/drill/run-state';
import { useServices } from '../../../services/services';

const STATUS_COLOUR = {
  toNotify: 'default',
  notified: 'processing',
  acknowledged: 'gold',
  arrived: 'success',
};

/**
 * 拉动 call-out list: the scenario's units (and any called beyond it), each notified → acknowledged →
 * arrived with the minutes from its own notification; the slowest stands out. Each button records the
 * moment it is pressed; a record out of order is refused here with the reason, before it reaches the journal.
 */
export function CalloutPanel({
  units,
  state,
  at,
  isUnderWay,
  send,
}: {
  units: readonly string[];
  state: RunState;
  at: number;
  isUnderWay: boolean;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { now } = useServices();
  const { message } = App.useApp();
  const [extra, setExtra] = useState('');
  const rows = useMemo(() => calloutRows(units, state.callout, at), [units, state.callout, at]);
  const label = (key: string) => t(`drills.callout.${key}`);
  const minutes = (n: number | null) => (n === null ? '—' : t('drills.callout.minutes', { n }));

  const record = async (unit: string, stage: CalloutStage) => {
    const observedAt = now();
    const check = recordCallout(state.callout, unit, stage, observedAt);
    if (!check.ok) {
      void message.error(label(`refusals.${check.code}`));
      return false;
    }
    return send({ type: 'callout.record', unit: unit.trim(), stage, observedAt }, label('recorded'));
  };

  const columns: ColumnsType<CalloutRow> = [
    { title: label('unit'), dataIndex: 'unit', ellipsis: true },
    {
      title: label('status'),
      key: 'status',
      width: 130,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Tag color={STATUS_COLOUR[r.status]}>{label(`statuses.${r.status}`)}</Tag>
          {r.isSlowest ? <Tag color="red">{label('slowest')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: label('notifiedAt'),
      key: 'notifiedAt',
      width: 100,
      render: (_: unknown, r) => (r.notifiedAt ? dayjs(r.notifiedAt).format('HH:mm:ss') : '—'),
    },
    {
      title: label('acknowledged'),
      key: 'ack',
      width: 100,
      render: (_: unknown, r) => minutes(r.acknowledgedMinutes),
    },
    { title: label('arrived'), key: 'arr', width: 120, render: (_: unknown, r) => minutes(r.arrivedMinutes) },
    { title: label('waiting'), key: 'wait', width: 90, render: (_: unknown, r) => minutes(r.waitingMinutes) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_: unknown, r) =>
        isUnderWay ? (
          <Space size={4}>
            {r.status === 'toNotify' ? (
              <Button size="small" onClick={() => void record(r.unit, 'notified')}>
                {label('notify')}
              </Button>
            ) : null}
            {r.status === 'notified' ? (
              <Button size="small" onClick={() => void record(r.unit, 'acknowledged')}>
                {label('acknowledge')}
              </Button>
            ) : null}
            {r.status === 'notified' || r.status === 'acknowledged' ? (
              <Button size="small" type="primary" onClick={() => void record(r.unit, 'arrived')}>
                {label('arrive')}
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];

  return (
    <Card size="small" title={label('title')} data-testid="callout-panel">
      <Table
        size="small"
        rowKey="unit"
        columns={columns}
        dataSource={rows}
        pagination={false}
        rowClassName={(r) => (r.isSlowest ? 'callout-slowest' : '')}
      />
      {isUnderWay ? (
        <Space.Compact style={{ marginTop: 8 }}>
          <Input
            aria-label={label('addUnit')}
            placeholder={label('addUnitPlaceholder')}
            maxLength={UNIT_MAX}
            value={extra}
            onChange={(e) => setExtra(e.target.value)}
            style={{ width: 240 }}
          />
          <Button
            onClick={async () => {
              if (await record(extra, 'notified')) setExtra('');
            }}
          >
            {label('addUnit')}
          </Button>
        </Space.Compact>
      ) : null}
    </Card>
  );
}
