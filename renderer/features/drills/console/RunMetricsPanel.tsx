import { Card, Descriptions, Progress, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { runMetrics, type InjectMetric } from '@shared/domain/drill/run-metrics';
import type { RunState } from '@shared/domain/drill/run-state';
import { latenessParts } from './inject-rows';

/** As the 情景时间线 colours the same states. */
const OUTCOME_COLOUR = { delivered: 'success', skipped: 'default', open: 'default' } as const;

/**
 * 演练数据: what the run measured by itself once it is over — deliveries and lateness, the players' first
 * answers and how long they took, and the expected actions with the share evaluated beside every count.
 */
export function RunMetricsPanel({
  state,
  units,
  at,
}: {
  state: RunState;
  units: readonly string[];
  at: number;
}) {
  const { t } = useTranslation();
  const metrics = useMemo(() => runMetrics(state, units, at), [state, units, at]);
  const label = (key: string, params: Record<string, unknown> = {}) => t(`drills.metrics.${key}`, params);
  const duration = (ms: number | null) => {
    if (ms === null) return '—';
    const parts = latenessParts(ms);
    return t(`drills.console.${parts.key}`, parts);
  };
  const time = (ms: number | null) => (ms === null ? '—' : dayjs(ms).format('HH:mm:ss'));
  const { actions } = metrics;
  const columns: ColumnsType<InjectMetric> = [
    { title: t('drills.inject.no'), dataIndex: 'no', width: 60 },
    { title: t('drills.inject.synopsis'), dataIndex: 'synopsis', ellipsis: true },
    {
      title: label('outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (o: InjectMetric['outcome']) => <Tag color={OUTCOME_COLOUR[o]}>{label(`outcomes.${o}`)}</Tag>,
    },
    { title: label('deliveredAt'), key: 'd', width: 90, render: (_: unknown, r) => time(r.deliveredAt) },
    { title: label('lateness'), key: 'l', width: 90, render: (_: unknown, r) => duration(r.latenessMs) },
    {
      title: label('firstResponse'),
      key: 'f',
      width: 90,
      render: (_: unknown, r) => time(r.firstResponseAt),
    },
    {
      title: label('responseLatency'),
      key: 'rl',
      width: 140,
      render: (_: unknown, r) => duration(r.responseLatencyMs),
    },
    {
      title: label('actions'),
      key: 'a',
      width: 200,
      render: (_: unknown, r) =>
        // Actions of an inject that never went out are expected of no one.
        r.actions.length === 0 || r.outcome !== 'delivered'
          ? '—'
          : r.actions.map((a) => (
              <Tag
                key={a.actionId}
                color={
                  a.mark === 'observed'
                    ? 'success'
                    : a.mark === 'late'
                      ? 'warning'
                      : a.mark
                        ? 'error'
                        : 'default'
                }
                title={a.text}
              >
                {a.mark ? t(`drills.console.actionMark.${a.mark}`) : label('unevaluated')}
              </Tag>
            )),
    },
  ];
  return (
    <Card size="small" title={label('title')} data-testid="run-metrics">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={label('injects')}>
          {label('injectCounts', {
            delivered: metrics.delivered,
            skipped: metrics.skipped,
            open: metrics.open,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={label('actionsTally')}>
          {label('actionCounts', { ...actions })}
        </Descriptions.Item>
        <Descriptions.Item label={label('coverage')}>
          <Progress
            percent={Math.round(actions.coverage * 100)}
            size="small"
            style={{ width: 140, margin: 0 }}
            status={actions.coverage < 1 ? 'active' : 'success'}
          />
        </Descriptions.Item>
        <Descriptions.Item label={label('latencySummary')}>
          {metrics.responseLatency.count
            ? label('latencyText', {
                count: metrics.responseLatency.count,
                median: duration(metrics.responseLatency.medianMs),
                max: duration(metrics.responseLatency.maxMs),
              })
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="injectId"
        columns={columns}
        dataSource={metrics.injects}
        pagination={metrics.injects.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
    </Card>
  );
}
