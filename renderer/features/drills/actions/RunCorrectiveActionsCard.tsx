import { Button, Card, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isOverdue, type CorrectiveAction } from '@shared/domain/drill/corrective-action';
import type { Scenario } from '@shared/domain/drill/scenario';
import { useClock } from '../../../ui/use-clock';
import { actionTailColumns } from './action-columns';
import { CreateCorrectiveActionButton } from './CreateCorrectiveActionButton';
import { OVERDUE_BEAT_MS, useRunActions } from './useCorrectiveActions';
import './corrective-actions.css';

/** 整改台账 on a finished run's 导调台: what this run's evaluation put on the ledger, and a way to add more. */
export function RunCorrectiveActionsCard({
  runId,
  scenario,
}: {
  runId: string;
  scenario: Pick<Scenario, 'title' | 'plans'>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const at = useClock(OVERDUE_BEAT_MS);
  const rows = useRunActions(runId);
  const field = (name: string) => t(`drillActions.field.${name}`);
  const columns: ColumnsType<CorrectiveAction> = [
    { title: field('issue'), dataIndex: 'issue' },
    {
      title: `${field('responsibleUnit')} / ${field('responsiblePerson')}`,
      key: 'who',
      width: 260,
      render: (_: unknown, r) => `${r.responsibleUnit} / ${r.responsiblePerson}`,
    },
    ...actionTailColumns(t, at),
  ];
  return (
    <Card
      size="small"
      title={t('drillActions.tab')}
      data-testid="run-corrective-actions"
      extra={
        <Space>
          <Button size="small" type="link" onClick={() => void navigate(`/drills/actions?run=${runId}`)}>
            {t('drillActions.openLedger')}
          </Button>
          <CreateCorrectiveActionButton
            size="small"
            runId={runId}
            scenarioTitle={scenario.title}
            planIds={scenario.plans.map((p) => p.id)}
          />
        </Space>
      }
    >
      <Table<CorrectiveAction>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === undefined}
        pagination={false}
        rowClassName={(r) => (isOverdue(r, at) ? 'corrective-action-overdue' : '')}
        locale={{ emptyText: t('drillActions.runEmpty') }}
      />
    </Card>
  );
}
