import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  comparisonRows,
  comparisonTrend,
  isFinished,
  type ComparisonRow,
} from '@shared/domain/drill/run-comparison';
import { useServices } from '../../../services/services';
import { latenessParts } from '../console/inject-rows';
import { TrendChart } from './TrendChart';

/** Most runs a trainer sets side by side at first; more can be picked. */
const DEFAULT_RUNS = 6;

interface MetricRow {
  key: string;
  label: string;
  cells: ReactNode[];
}

/**
 * 多次演练对比: finished runs of one scenario side by side (one column per run, oldest first) with what each
 * measured and how it was rated — coverage beside every count — and the trend across them.
 */
export function RunComparison({ scenarioId }: { scenarioId: string }) {
  const { t } = useTranslation();
  const { drills } = useServices();
  const label = (key: string, params: Record<string, unknown> = {}) =>
    t(`drillReplay.compare.${key}`, params);
  const runs = useLiveQuery(() => drills.listRuns(scenarioId), [drills, scenarioId]);
  // Numbered by when each was created, so a run keeps its number whichever are picked.
  const finished = useMemo(
    () => (runs ?? []).filter((r) => isFinished(r.status)).sort((a, b) => a.createdAt - b.createdAt),
    [runs],
  );
  const [picked, setPicked] = useState<string[] | null>(null);
  const ids = useMemo(() => picked ?? finished.slice(-DEFAULT_RUNS).map((r) => r.id), [picked, finished]);
  const loaded = useLiveQuery(() => Promise.all(ids.map((id) => drills.load(id))), [drills, ids.join(',')]);
  const rows = useMemo(
    () =>
      comparisonRows(
        (loaded ?? []).flatMap((l) =>
          l ? [{ run: l.run, scenario: l.scenario, state: l.snapshot.context }] : [],
        ),
      ),
    [loaded],
  );
  if (runs === undefined) return null;
  const byId = new Map(
    finished.map((r, i) => [r.id, { n: i + 1, date: dayjs(r.createdAt).format('MM-DD') }]),
  );
  const runLabel = (runId: string) => label('runLabel', byId.get(runId) ?? { n: '?', date: '' });

  return (
    <Card size="small" title={label('title')} data-testid="run-comparison">
      {finished.length < 2 ? (
        <Alert type="info" showIcon message={label('needTwo', { count: finished.length })} />
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Select
            mode="multiple"
            aria-label={label('pick')}
            placeholder={label('pickPlaceholder')}
            style={{ width: '100%' }}
            value={ids}
            onChange={(value: string[]) => setPicked(value)}
            options={finished.map((r) => ({
              value: r.id,
              label: `${runLabel(r.id)} · ${r.directorName}`,
            }))}
          />
          {ids.length < 2 ? <Alert type="warning" showIcon message={label('pickTwo')} /> : null}
          {ids.length >= 2 && rows.length >= 2 ? <Compared rows={rows} runLabel={runLabel} /> : null}
        </Space>
      )}
    </Card>
  );
}

function Compared({ rows, runLabel }: { rows: ComparisonRow[]; runLabel: (runId: string) => string }) {
  const { t } = useTranslation();
  const label = (key: string, params: Record<string, unknown> = {}) =>
    t(`drillReplay.compare.${key}`, params);
  const none = label('none');
  const duration = (ms: number | null) => {
    if (ms === null) return none;
    const parts = latenessParts(ms);
    return t(`drills.console.${parts.key}`, parts);
  };
  const percent = (share: number) => `${Math.round(share * 100)}%`;
  const metric = (key: string, cell: (row: ComparisonRow) => ReactNode): MetricRow => ({
    key,
    label: label(`rows.${key}`),
    cells: rows.map(cell),
  });
  const metrics: MetricRow[] = [
    metric('date', (r) => dayjs(r.startedAt).format('YYYY-MM-DD HH:mm')),
    metric('director', (r) => r.directorName),
    metric('status', (r) =>
      r.isAborted ? <Tag color="red">{label('aborted')}</Tag> : t(`drills.status.${r.status}`),
    ),
    metric('injects', (r) => (
      <>
        {label('rows.injectsValue', { ...r })}
        {r.open ? (
          <Typography.Text type="secondary">（{label('rows.openInjects', { ...r })}）</Typography.Text>
        ) : null}
      </>
    )),
    metric('medianResponse', (r) => duration(r.medianResponseMs)),
    metric('longestResponse', (r) => duration(r.longestResponseMs)),
    metric('actions', (r) => label('rows.actionsValue', { ...r.actions })),
    metric('actionsCoverage', (r) => percent(r.actions.coverage)),
    metric('meanScore', (r) => (r.meanScore === null ? none : String(r.meanScore))),
    metric('scoreCoverage', (r) =>
      label('rows.scoreCoverageValue', {
        percent: Math.round(r.scoreCoverage * 100),
        rated: r.rated,
        total: r.capabilities,
      }),
    ),
    metric('slowest', (r) =>
      r.slowestUnit
        ? label(r.slowestUnit.hasArrived ? 'rows.slowestArrived' : 'rows.slowestWaiting', r.slowestUnit)
        : none,
    ),
  ];
  const columns: ColumnsType<MetricRow> = [
    { title: label('metric'), dataIndex: 'label', width: 200, fixed: 'left' },
    ...rows.map((row, i) => ({
      title: runLabel(row.runId),
      key: row.runId,
      render: (_: unknown, m: MetricRow) => m.cells[i],
    })),
  ];
  const trend = comparisonTrend(rows);
  return (
    <>
      <Table<MetricRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={metrics}
        pagination={false}
        scroll={{ x: 200 + rows.length * 180 }}
        data-testid="run-comparison-table"
      />
      <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
        {label('trend')}
      </Typography.Title>
      <TrendChart
        label={label('trendLabel')}
        labels={rows.map((r) => runLabel(r.runId))}
        axisNames={[label('axisMinutes'), label('axisPercent')]}
        lines={[
          {
            name: label('series.medianResponse'),
            values: trend.medianResponseMinutes,
            color: '#1f5fad',
            axis: 0,
          },
          { name: label('series.actionsMet'), values: trend.actionsMetPercent, color: '#389e0d', axis: 1 },
          { name: label('series.meanScore'), values: trend.meanScore, color: '#d46b08', axis: 1 },
        ]}
      />
    </>
  );
}
