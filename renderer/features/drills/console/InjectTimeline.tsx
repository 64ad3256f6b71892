import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_MARKS, type RunEventDraft } from '@shared/domain/drill/run-events';
import { actionKey, type RunState } from '@shared/domain/drill/run-state';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { useServices } from '../../../services/services';
import { InjectActions } from './InjectActions';
import { latenessParts, type InjectRow, type InjectRowStatus } from './inject-rows';

const STATUS_COLOUR: Record<InjectRowStatus, string> = {
  pending: 'default',
  delivered: 'success',
  skipped: 'default',
  overdue: 'error',
};

/**
 * 情景时间线: every inject of the run in delivery order with its status and timing; an inject not yet settled
 * can be delivered now, skipped, re-timed or disabled; a delivered one opens its expected actions for marking.
 */
export const InjectTimeline = memo(function InjectTimeline({
  rows,
  state,
  scenarioMs,
  at,
  isUnderWay,
  send,
  onRetime,
}: {
  rows: InjectRow[];
  state: RunState;
  scenarioMs: number;
  at: number;
  isUnderWay: boolean;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
  onRetime: (row: InjectRow) => void;
}) {
  const { t } = useTranslation();
  const label = (key: string) => t(`drills.console.${key}`);
  const lateness = (ms: number) => {
    const parts = latenessParts(ms);
    return t(`drills.console.${parts.key}`, parts);
  };
  const time = (ms: number | null) => (ms === null ? '—' : dayjs(ms).format('HH:mm:ss'));

  const columns: ColumnsType<InjectRow> = [
    { title: t('drills.inject.no'), key: 'no', width: 56, render: (_: unknown, r) => r.inject.no },
    {
      title: t('drills.inject.offset'),
      key: 'offset',
      width: 100,
      render: (_: unknown, r) => formatOffset(r.inject.offsetMs),
    },
    {
      title: t('drills.inject.synopsis'),
      key: 'synopsis',
      ellipsis: true,
      render: (_: unknown, r) => r.inject.synopsis,
    },
    {
      title: t('drills.inject.to'),
      key: 'to',
      width: 130,
      ellipsis: true,
      render: (_: unknown, r) => r.inject.to,
    },
    {
      title: label('col.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, r) => (
        <Tag color={STATUS_COLOUR[r.status]} data-testid="inject-status">
          {label(`injectStatus.${r.status}`)}
          {r.outcome?.kind === 'skipped' ? `·${label(`skipReason.${r.outcome.reason}`)}` : ''}
        </Tag>
      ),
    },
    {
      title: label('col.plannedAt'),
      key: 'planned',
      width: 90,
      render: (_: unknown, r) => time(r.plannedAt),
    },
    {
      title: label('col.deliveredAt'),
      key: 'delivered',
      width: 90,
      render: (_: unknown, r) => (r.outcome?.kind === 'delivered' ? time(r.outcome.at) : '—'),
    },
    {
      title: label('col.lateness'),
      key: 'lateness',
      width: 100,
      render: (_: unknown, r) =>
        r.outcome?.kind === 'delivered' && r.outcome.plannedAt === null
          ? label(
              state.adHocIds.includes(r.inject.id) && r.inject.offsetMs <= r.outcome.scenarioMs
                ? 'adHocDelivered'
                : 'early',
            )
          : r.latenessMs === null
            ? '—'
            : lateness(r.latenessMs),
    },
    {
      title: t('common.actions'),
      key: 'ops',
      width: 250,
      render: (_: unknown, r) =>
        isUnderWay && (r.status === 'pending' || r.status === 'overdue') ? (
          <InjectActions
            row={r}
            scenarioMs={scenarioMs}
            at={at}
            send={send}
            onRetime={onRetime}
            withDisable
          />
        ) : null,
    },
  ];

  return (
    <Table<InjectRow>
      rowKey={(r) => r.inject.id}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true, size: 'small', showSizeChanger: false }}
      rowClassName={(r) => `inject-row-${r.status}`}
      expandable={{
        rowExpandable: (r) => r.status === 'delivered' && r.inject.expectedActions.length > 0,
        expandedRowRender: (r) => (
          <ExpectedActions
            row={r}
            state={state}
            scenarioMs={scenarioMs}
            isUnderWay={isUnderWay}
            send={send}
          />
        ),
      }}
      data-testid="inject-timeline"
    />
  );
});

function ExpectedActions({
  row,
  state,
  scenarioMs,
  isUnderWay,
  send,
}: {
  row: InjectRow;
  state: RunState;
  scenarioMs: number;
  isUnderWay: boolean;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { now } = useServices();
  const deliveredAt = row.outcome?.kind === 'delivered' ? row.outcome.scenarioMs : 0;
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="expected-actions">
      {row.inject.expectedActions.map((action) => {
        const record = state.actions[actionKey(row.inject.id, action.id)];
        const due = deliveredAt + action.windowMinutes * 60_000;
        return (
          <Space key={action.id} wrap>
            <Typography.Text>{action.text}</Typography.Text>
            <Typography.Text type={scenarioMs > due && !record ? 'danger' : 'secondary'}>
              {t('drills.console.window', { offset: formatOffset(due) })}
            </Typography.Text>
            {record ? (
              <Tag
                color={record.mark === 'observed' ? 'success' : record.mark === 'late' ? 'warning' : 'error'}
              >
                {t('drills.console.markAt', {
                  mark: t(`drills.console.actionMark.${record.mark}`),
                  time: dayjs(record.observedAt).format('HH:mm:ss'),
                })}
              </Tag>
            ) : null}
            {isUnderWay
              ? ACTION_MARKS.map((mark) => (
                  <Button
                    key={mark}
                    size="small"
                    onClick={() =>
                      void send({
                        type: 'action.mark',
                        injectId: row.inject.id,
                        actionId: action.id,
                        mark,
                        observedAt: now(),
                      })
                    }
                  >
                    {t(`drills.console.actionMark.${mark}`)}
                  </Button>
                ))
              : null}
          </Space>
        );
      })}
    </Space>
  );
}
