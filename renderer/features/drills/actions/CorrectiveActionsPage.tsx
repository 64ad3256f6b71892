import { Segmented, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isOverdue, type CorrectiveAction } from '@shared/domain/drill/corrective-action';
import { useClock } from '../../../ui/use-clock';
import { actionTailColumns } from './action-columns';
import { sourceText } from './source-text';
import { OVERDUE_BEAT_MS, useLedger } from './useCorrectiveActions';
import './corrective-actions.css';

const FILTERS = ['all', 'open', 'inProgress', 'overdue', 'closed'] as const;
type Filter = (typeof FILTERS)[number];

function matches(filter: Filter, action: CorrectiveAction, at: number): boolean {
  if (filter === 'all') return true;
  if (filter === 'overdue') return isOverdue(action, at);
  return action.status === filter;
}

/**
 * 整改台账: every corrective action drills found, open ones by deadline first; overdue rows in red with how
 * many days. Filtered by status or 逾期 (`?filter=`) and by run (`?run=`, from a run's 导调台).
 */
export function CorrectiveActionsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('filter') as Filter | null;
  const filter: Filter = requested && FILTERS.includes(requested) ? requested : 'all';
  const runId = params.get('run');
  const at = useClock(OVERDUE_BEAT_MS);
  const ledger = useLedger();
  const ofRun = useMemo(() => (ledger ?? []).filter((a) => !runId || a.runId === runId), [ledger, runId]);
  const rows = ofRun.filter((a) => matches(filter, a, at));
  const field = (name: string) => t(`drillActions.field.${name}`);

  const setParam = (name: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === null) next.delete(name);
      else next.set(name, value);
      return next;
    });

  const columns: ColumnsType<CorrectiveAction> = [
    {
      title: field('issue'),
      key: 'issue',
      width: '30%',
      render: (_: unknown, r) => (
        <>
          <div>{r.issue}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {sourceText(t, r.source)}
          </Typography.Text>
        </>
      ),
    },
    { title: field('measure'), dataIndex: 'measure' },
    { title: field('responsibleUnit'), dataIndex: 'responsibleUnit', width: 140 },
    { title: field('responsiblePerson'), dataIndex: 'responsiblePerson', width: 90 },
    ...actionTailColumns(t, at),
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="corrective-actions">
      <Space wrap>
        <Segmented<Filter>
          value={filter}
          onChange={(value) => setParam('filter', value === 'all' ? null : value)}
          options={FILTERS.map((key) => ({
            value: key,
            label: t('drillActions.filterCount', {
              label: t(`drillActions.filter.${key}`),
              count: ofRun.filter((a) => matches(key, a, at)).length,
            }),
          }))}
          data-testid="action-filter"
        />
        {runId ? (
          <Tag closable onClose={() => setParam('run', null)} data-testid="action-run-filter">
            {t('drillActions.runFilter', {
              title: ofRun[0]?.source.scenarioTitle ?? '',
            })}
          </Tag>
        ) : null}
      </Space>
      <Table<CorrectiveAction>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={ledger === undefined}
        rowClassName={(r) => (isOverdue(r, at) ? 'corrective-action-overdue' : '')}
        pagination={{ pageSize: 50, hideOnSinglePage: true, size: 'small' }}
        locale={{ emptyText: t('drillActions.empty') }}
      />
    </Space>
  );
}
