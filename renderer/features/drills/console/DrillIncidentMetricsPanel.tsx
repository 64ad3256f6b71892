import { Card, Descriptions, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  FOUR_ONES_PARTS,
  type ActivationMetric,
  type ReportDeadlineMetric,
} from '@shared/domain/drill/drill-incident-metrics';
import { durationText } from '@shared/domain/incident/reports';
import { LevelTag } from '../../plans/LevelTag';
import { useDrillIncidentMetrics } from '../useDrillIncidentMetrics';

const OUTCOME_COLOUR = { met: 'success', late: 'warning', overdue: 'error', open: 'processing' } as const;

/**
 * 演练事件数据: what the tabletop's incident measured — each report deadline met or missed, each level from
 * its proposal to its approval, and when the 四个一 were complete. Nothing shows for a run without one.
 * Measured at the end of the drill (`at`): a report unsent then counts as missed, not as still running.
 */
export function DrillIncidentMetricsPanel({ runId, at }: { runId: string; at: number }) {
  const { t } = useTranslation();
  const metrics = useDrillIncidentMetrics(runId, at);
  if (!metrics) return null;
  const label = (key: string, params: Record<string, unknown> = {}) =>
    t(`drills.incidentMetrics.${key}`, params);
  const time = (ms: number | null) => (ms === null ? '—' : dayjs(ms).format('HH:mm:ss'));
  const duration = (ms: number | null) => (ms === null ? '—' : durationText(ms));

  const reportColumns: ColumnsType<ReportDeadlineMetric> = [
    { title: label('deadline'), dataIndex: 'label' },
    { title: label('dueAt'), key: 'due', width: 90, render: (_: unknown, r) => time(r.dueAt) },
    { title: label('sentAt'), key: 'sent', width: 90, render: (_: unknown, r) => time(r.sentAt) },
    {
      title: label('outcome'),
      key: 'outcome',
      width: 150,
      render: (_: unknown, r) => (
        <Tag color={OUTCOME_COLOUR[r.outcome]}>
          {label(`outcomes.${r.outcome}`)}
          {r.lateByMs !== null ? ` ${duration(r.lateByMs)}` : ''}
        </Tag>
      ),
    },
  ];
  const levelColumns: ColumnsType<ActivationMetric> = [
    {
      title: label('level'),
      key: 'level',
      width: 110,
      render: (_: unknown, r) => <LevelTag level={r.level} />,
    },
    {
      title: label('source'),
      key: 'source',
      width: 110,
      render: (_: unknown, r) => label(`sources.${r.source ?? 'order'}`),
    },
    { title: label('proposedAt'), key: 'p', width: 90, render: (_: unknown, r) => time(r.proposedAt) },
    { title: label('approvedAt'), key: 'a', width: 90, render: (_: unknown, r) => time(r.approvedAt) },
    {
      title: label('toApproval'),
      key: 'd',
      render: (_: unknown, r) => duration(r.proposalToApprovalMs),
    },
  ];
  const { fourOnes } = metrics;
  return (
    <Card size="small" title={label('title')} data-testid="drill-incident-metrics">
      <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={label('reports')}>
          {label('reportsMet', { met: metrics.reportsMet, total: metrics.reports.length })}
        </Descriptions.Item>
        <Descriptions.Item label={label('fourOnes')}>
          {fourOnes.completedAt !== null
            ? label('fourOnesDone', {
                at: time(fourOnes.completedAt),
                after: duration(fourOnes.completionMs),
              })
            : label('fourOnesMissing', {
                parts: FOUR_ONES_PARTS.filter((p) => fourOnes.parts[p] === null)
                  .map((p) => label(`parts.${p}`))
                  .join('、'),
              })}
        </Descriptions.Item>
        <Descriptions.Item label={label('tasks')}>
          {label('tasksText', { issued: metrics.tasks.issued, done: metrics.tasks.done })}
        </Descriptions.Item>
        <Descriptions.Item label={label('receivedAt')}>{time(metrics.receivedAt)}</Descriptions.Item>
      </Descriptions>
      <Table<ReportDeadlineMetric>
        size="small"
        rowKey={(r) => `${r.kind}:${r.channel}`}
        columns={reportColumns}
        dataSource={metrics.reports}
        pagination={false}
        style={{ marginBottom: 8 }}
      />
      <Table<ActivationMetric>
        size="small"
        rowKey={(r) => `${r.level}:${r.approvedAt}`}
        columns={levelColumns}
        dataSource={metrics.activations}
        pagination={false}
        locale={{ emptyText: label('noLevel') }}
      />
    </Card>
  );
}
