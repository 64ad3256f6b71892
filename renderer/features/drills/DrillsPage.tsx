import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { DrillRun } from '@shared/domain/drill/drill-run';
import type { Scenario } from '@shared/domain/drill/scenario';
import { useServices } from '../../services/services';
import { RunStatusTag } from './RunStatusTag';
import { CorrectiveActionsPage } from './actions/CorrectiveActionsPage';

const TABS = ['scenarios', 'runs', 'actions'] as const;

/** 演练: the scenarios (方案与脚本) and every run of them, newest first; a row opens its editor or console. */
export function DrillsPage() {
  const { t } = useTranslation();
  const { tab = 'scenarios' } = useParams();
  const navigate = useNavigate();
  return (
    <Card size="small" className="page-card" data-testid="drills-page">
      <Tabs
        activeKey={tab}
        onChange={(key) => void navigate(`/drills/${key}`)}
        items={TABS.map((key) => ({
          key,
          label: key === 'actions' ? t('drillActions.tab') : t(`drills.tabs.${key}`),
          children:
            key === 'actions' ? <CorrectiveActionsPage /> : key === 'runs' ? <RunList /> : <ScenarioList />,
        }))}
        tabBarExtraContent={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/drills/scenarios/new')}
          >
            {t('drills.newScenario')}
          </Button>
        }
      />
    </Card>
  );
}

function ScenarioList() {
  const { t } = useTranslation();
  const { drills } = useServices();
  const navigate = useNavigate();
  const rows = useLiveQuery(() => drills.listScenarios(), [drills]);
  const field = (name: string) => t(`drills.scenario.${name}`);
  const columns: ColumnsType<Scenario> = [
    { title: field('title'), dataIndex: 'title', ellipsis: true },
    { title: field('form'), dataIndex: 'form', width: 100, render: (v: string) => t(`drills.form.${v}`) },
    { title: field('scope'), dataIndex: 'scope', width: 100, render: (v: string) => t(`drills.scope.${v}`) },
    {
      title: field('blind'),
      dataIndex: 'blind',
      width: 150,
      render: (v: string, r) => (
        <>
          <Tag>{t(`drills.blind.${v}`)}</Tag>
          {r.seal ? <Tag color="red">{t('drills.seal.tag')}</Tag> : null}
        </>
      ),
    },
    { title: field('hazard'), dataIndex: 'hazard', width: 140, ellipsis: true },
    {
      title: field('injectCount'),
      key: 'count',
      width: 90,
      // Even the size of a sealed script is a hint.
      render: (_: unknown, r) => (r.seal ? '—' : r.injects.length),
    },
    {
      title: field('updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      render: (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return (
    <Table<Scenario>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows ?? []}
      loading={rows === undefined}
      pagination={{ pageSize: 50, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: t('drills.noScenarios') }}
      onRow={(r) => ({
        onClick: () => void navigate(`/drills/scenarios/${r.id}`),
        style: { cursor: 'pointer' },
      })}
    />
  );
}

/** Runs, newest first; of one scenario when `scenarioId` is given. */
export function RunList({ scenarioId }: { scenarioId?: string }) {
  const { t } = useTranslation();
  const { drills } = useServices();
  const navigate = useNavigate();
  const rows = useLiveQuery(() => drills.listRuns(scenarioId), [drills, scenarioId]);
  const columns: ColumnsType<DrillRun> = [
    {
      title: t('drills.scenario.title'),
      key: 'title',
      ellipsis: true,
      render: (_: unknown, r) => r.title,
    },
    { title: t('drills.scenario.director'), dataIndex: 'directorName', width: 120 },
    {
      title: t('drills.console.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: DrillRun['status']) => <RunStatusTag status={s} />,
    },
    {
      title: t('drills.scenario.updatedAt'),
      dataIndex: 'updatedAt',
      width: 140,
      render: (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm'),
    },
  ];
  return (
    <Table<DrillRun>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows ?? []}
      loading={rows === undefined}
      pagination={{ pageSize: 50, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: t('drills.noRuns') }}
      onRow={(r) => ({ onClick: () => void navigate(`/drills/runs/${r.id}`), style: { cursor: 'pointer' } })}
      data-testid="drill-runs"
    />
  );
}
