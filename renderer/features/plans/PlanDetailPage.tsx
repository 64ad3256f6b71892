import { EditOutlined, ExportOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Select, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { activeChartNode } from '@shared/domain/plan/chart-graph';
import { formatPlanIssue } from '@shared/domain/plan/check-plan';
import type { PlanMachine } from '@shared/domain/plan/compile-plan';
import { replay } from '@shared/domain/plan/replay';
import { useServices } from '../../services/services';
import { PlanRevisionsCard } from '../drills/report/PlanRevisionsCard';
import { useDirectoryData } from '../directory/useDirectoryData';
import { useSignedWrite } from '../session/useSignedWrite';
import { PlanDiagramCard } from './diagram/LazyPlanDiagram';
import { LevelTable } from './LevelTable';
import { PlanOverview } from './PlanOverview';
import { PlanSimulator } from './PlanSimulator';
import { useCompiledPlan, usePlanVersion, usePlanVersions } from './usePlans';

const TABS = ['overview', 'levels', 'diagram', 'simulator'] as const;

/** One plan version: overview, level table (printable), and the simulator. */
export function PlanDetailPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const { plans, platform } = useServices();
  const write = useSignedWrite();
  const id = params['id'] ?? '';
  const version = Number(params['version']);
  const tab = (TABS as readonly string[]).includes(params['tab'] ?? '')
    ? (params['tab'] as string)
    : 'overview';
  const record = usePlanVersion(id, version);
  const versions = usePlanVersions(id);
  const compiled = useCompiledPlan(record);
  const directory = useDirectoryData();

  if (record === undefined || !directory.loaded) return <Skeleton active />;
  if (record === null) return <Empty description={t('plans.detail.notFound')} />;

  const exportFile = async () => {
    await platform.saveFile({
      defaultName: `${record.meta.title}-v${record.version}.json`,
      filters: [{ name: 'JSON', extensions: ['json'] }],
      content: plans.exportFile(record),
    });
  };

  return (
    <Card
      size="small"
      className="page-card"
      title={
        <Space>
          <Link to="/plans">{t('plans.library.title')}</Link>
          <span>/</span>
          <span>{record.meta.title}</span>
          <Tag color={record.status === 'published' ? 'success' : 'default'}>
            {t(`plans.statuses.${record.status}`)}
          </Tag>
        </Space>
      }
      extra={
        <Space>
          <Typography.Text type="secondary">{t('plans.detail.versions')}</Typography.Text>
          <Select
            size="small"
            value={record.version}
            style={{ width: 150 }}
            aria-label={t('plans.detail.versions')}
            options={versions.map((v) => ({
              value: v.version,
              label: `${t('plans.detail.versionOf', { version: v.version })} · ${t(`plans.statuses.${v.status}`)}`,
            }))}
            onChange={(v: number) => void navigate(`/plans/${id}/${v}/${tab}`)}
          />
          <Button
            icon={<EditOutlined />}
            onClick={() => void navigate(`/plans/${id}/${record.version}/edit`)}
          >
            {t('plans.detail.edit')}
          </Button>
          {record.status === 'draft' ? (
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={!compiled?.ok}
              onClick={() =>
                void write(
                  (actor) => plans.publish(id, record.version, actor),
                  t('plans.detail.published', { version: record.version }),
                )
              }
            >
              {t('plans.detail.publish')}
            </Button>
          ) : null}
          <Button icon={<ExportOutlined />} onClick={() => void exportFile()}>
            {t('plans.detail.exportFile')}
          </Button>
        </Space>
      }
    >
      {compiled && !compiled.ok ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('plans.detail.compileError')}
          description={
            <ul className="plan-issues">
              {compiled.error.issues.map((issue, i) => (
                <li key={i}>{formatPlanIssue(issue, t('plans.issueLanguage') === 'en' ? 'en' : 'zh-CN')}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      <PlanRevisionsCard planId={record.id} />
      <Tabs
        size="small"
        activeKey={tab}
        onChange={(key) => void navigate(`/plans/${id}/${record.version}/${key}`)}
        items={[
          {
            key: 'overview',
            label: t('plans.detail.overview'),
            children: <PlanOverview plan={record} directory={directory} />,
          },
          {
            key: 'levels',
            label: t('plans.detail.levels'),
            children: (
              <>
                <Space style={{ marginBottom: 8 }} className="no-print">
                  <Button
                    icon={<PrinterOutlined />}
                    onClick={() =>
                      void platform.printToPdf({
                        defaultName: `${record.meta.title}-响应分级表.pdf`,
                        landscape: true,
                      })
                    }
                  >
                    {t('plans.detail.print')}
                  </Button>
                </Space>
                <LevelTable plan={record} />
              </>
            ),
          },
          {
            key: 'diagram',
            label: t('plans.detail.diagram'),
            disabled: !compiled?.ok,
            children: compiled?.ok ? (
              <LatestRunDiagram planId={record.id} version={record.version} machine={compiled.machine} />
            ) : null,
          },
          {
            key: 'simulator',
            label: t('plans.detail.simulator'),
            disabled: !compiled?.ok,
            children: compiled?.ok ? (
              <PlanSimulator plan={record} machine={compiled.machine} directory={directory} />
            ) : null,
          },
        ]}
      />
    </Card>
  );
}

/** The chart with the state of the most recent simulation of this version lit, if there is one. */
function LatestRunDiagram({
  planId,
  version,
  machine,
}: {
  planId: string;
  version: number;
  machine: PlanMachine;
}) {
  const { t } = useTranslation();
  const { plans } = useServices();
  const latest = useLiveQuery(
    async () => (await plans.listSimulations(planId, version))[0] ?? null,
    [plans, planId, version],
  );
  const active = useMemo(
    () => (latest ? activeChartNode(replay(machine, latest.startedAt, latest.events).value) : null),
    [latest, machine],
  );
  if (latest === undefined) return null;
  return (
    <PlanDiagramCard
      machine={machine}
      active={active}
      caption={latest ? t('plans.diagram.litFrom', { name: latest.name }) : t('plans.diagram.noRun')}
    />
  );
}
