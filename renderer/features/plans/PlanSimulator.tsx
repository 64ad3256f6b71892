import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Popconfirm, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import { activeChartNode } from '@shared/domain/plan/chart-graph';
import type { PlanMachine } from '@shared/domain/plan/compile-plan';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { useServices } from '../../services/services';
import type { DirectoryData } from '../directory/useDirectoryData';
import { useSession } from '../session/useSession';
import { useSignedWrite } from '../session/useSignedWrite';
import { DecisionPanel } from './run/DecisionPanel';
import { FactsPanel } from './run/FactsPanel';
import { FourOnesPanel } from './run/FourOnesPanel';
import { JournalList } from './simulator/JournalList';
import { TaskList } from './simulator/TaskList';
import { TimeBar } from './simulator/TimeBar';
import { PlanDiagramCard } from './diagram/LazyPlanDiagram';
import { useSimulation } from './useSimulation';

/** 模拟推演: a trainer's sandbox for one plan version; each run is stored as its events and survives a reload. */
export function PlanSimulator({
  plan,
  machine,
  directory,
}: {
  plan: Plan;
  machine: PlanMachine;
  directory: DirectoryData;
}) {
  const { t } = useTranslation();
  const { plans, now } = useServices();
  const write = useSignedWrite();
  const session = useSession();
  const runs = useLiveQuery(
    () => plans.listSimulations(plan.id, plan.version),
    [plans, plan.id, plan.version],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const current = chosen && runs?.some((r) => r.id === chosen) ? chosen : (runs?.[0]?.id ?? null);
  const simulation = useSimulation(current, machine);
  const [actingAs, setActingAs] = useState<Actor | null>(null);
  const actor = actingAs ?? session?.actor ?? null;

  const create = async () => {
    const startedAt = Math.floor(now() / 60_000) * 60_000;
    let id = '';
    const ok = await write(async (signedIn) => {
      id = await plans.createSimulation(
        plan.id,
        plan.version,
        t('plans.simulator.defaultName', { time: dayjs(startedAt).format('MM-DD HH:mm') }),
        startedAt,
        signedIn,
      );
    }, null);
    if (ok) setChosen(id);
  };

  return (
    <div className="plan-simulator">
      <Alert type="info" showIcon title={t('plans.simulator.intro')} style={{ marginBottom: 8 }} />
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('plans.simulator.runs')}：</Typography.Text>
        <Select
          style={{ width: 220 }}
          value={current}
          placeholder={t('plans.simulator.noRun')}
          options={(runs ?? []).map((r) => ({ value: r.id, label: r.name }))}
          onChange={(v: string) => setChosen(v)}
          aria-label={t('plans.simulator.runs')}
        />
        <Button icon={<PlusOutlined />} onClick={() => void create()}>
          {t('plans.simulator.newRun')}
        </Button>
        {current ? (
          <Popconfirm
            title={t('common.confirmDelete', { name: runs?.find((r) => r.id === current)?.name ?? '' })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => void write(() => plans.deleteSimulation(current), t('common.deleted'))}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('plans.simulator.deleteRun')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      {simulation ? (
        <>
          <TimeBar simulation={simulation} directory={directory} actor={actor} onActingAs={setActingAs} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={9}>
              <FactsPanel plan={plan} run={simulation} actor={actor} />
              <FourOnesPanel run={simulation} directory={directory} actor={actor} />
            </Col>
            <Col xs={24} xl={15}>
              <DecisionPanel plan={plan} run={simulation} actor={actor} />
              <TaskList plan={plan} snapshot={simulation.snapshot} />
              <PlanDiagramCard
                machine={machine}
                active={activeChartNode(simulation.snapshot.value)}
                caption={t('plans.diagram.hint')}
              />
              <JournalList snapshot={simulation.snapshot} />
            </Col>
          </Row>
        </>
      ) : runs !== undefined && runs.length === 0 ? (
        <Empty description={t('plans.simulator.noRun')} />
      ) : null}
    </div>
  );
}
