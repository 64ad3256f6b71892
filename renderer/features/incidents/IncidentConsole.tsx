import { Alert, Button, Col, ConfigProvider, Empty, Row, Select, Space, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { taskBoard, unfinishedAftermath } from '@shared/domain/incident/incident-tasks';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import { phaseOf } from '@shared/domain/plan/replay';
import { useServices } from '../../services/services';
import { useAfterFirstPaint } from '../../ui/use-after-first-paint';
import { useDirectoryData } from '../directory/useDirectoryData';
import { DecisionPanel } from '../plans/run/DecisionPanel';
import { FactsPanel } from '../plans/run/FactsPanel';
import { FourOnesPanel } from '../plans/run/FourOnesPanel';
import type { PlanRun } from '../plans/run/plan-run';
import { useLatestPlans } from '../plans/usePlans';
import { ConfirmActDialog } from '../session/ConfirmActDialog';
import { useActPermission } from '../session/useActPermission';
import { useConfirmAct } from '../session/useConfirmAct';
import { useSession } from '../session/useSession';
import { useSignedWrite } from '../session/useSignedWrite';
import { DrillWatermark } from '../drills/DrillWatermark';
import { IncidentHeader } from './IncidentHeader';
import { DispatchPanel } from './dispatch/DispatchPanel';
import { ClosingPanel } from './ending/ClosingPanel';
import { IncidentLog } from './log/IncidentLog';
import { NotificationsPanel } from './notify/NotificationsPanel';
import { ReportsPanel } from './reports/ReportsPanel';
import { TaskBoard } from './TaskBoard';
import { useIncident, type IncidentView } from './useIncident';

/** Elapsed time and time-based triggers move on this beat; minutes are what the plan and reports count. */
const BEAT_MS = 30_000;

/**
 * 指挥台: the screen an operator lives in during an incident. The header and the log paint first, from the
 * incident row alone; the panels that replay the chart and read the rest follow once the browser has
 * painted, so a long log opens at once and an operator can type into it while the rest arrives.
 */
export function IncidentConsole() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { incidents, reports, notifications, now } = useServices();
  const incident = useLiveQuery(async () => (await incidents.get(id)) ?? null, [incidents, id]);
  const painted = useAfterFirstPaint();
  const view = useIncident(painted ? id : null);
  const [at, setAt] = useState(now);
  const hasPlan = Boolean(incident?.plan);
  const isOpen = incident?.status === 'open';

  useEffect(() => {
    // The beat's writes (ticks, overdue flags) wait for the first paint too.
    if (!painted) return undefined;
    const beat = () => {
      setAt(now());
      if (hasPlan && isOpen) void incidents.tick(id);
      if (isOpen) void reports.flagOverdue(id);
      if (isOpen) void notifications.flagOverdue(id);
    };
    beat();
    const timer = setInterval(beat, BEAT_MS);
    return () => clearInterval(timer);
  }, [incidents, reports, notifications, id, now, hasPlan, isOpen, painted]);

  if (incident === undefined) return <Spin />;
  if (incident === null) return <Empty description={t('errors.notFound')} />;
  const ready = view?.incident.id === incident.id ? view : null;

  return (
    <div className="incident-console">
      {incident.drill ? <DrillWatermark /> : null}
      <IncidentHeader
        incident={incident}
        snapshot={ready?.run?.snapshot ?? null}
        at={at}
        onBack={() => void navigate('/incidents')}
      />
      {incident.status === 'closed' ? <ClosingPanel incident={incident} /> : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={9}>
          {ready ? <LeftPanels view={ready} at={at} /> : null}
        </Col>
        <Col xs={24} xl={15}>
          {ready ? <RightPanels view={ready} at={at} /> : null}
          <IncidentLog incidentId={incident.id} count={incident.logCount} />
        </Col>
      </Row>
    </div>
  );
}

/** Facts, 四个一 (or attaching a plan), dispatch and notices. */
function LeftPanels({ view, at }: { view: IncidentView; at: number }) {
  const directory = useDirectoryData();
  const session = useSession();
  const { incident, plan, run } = view;
  const isOpen = incident.status === 'open';
  const actor = session?.actor ?? null;
  return (
    <>
      {plan && run ? (
        // A closed incident shows what was recorded; its chart takes no more facts.
        <ConfigProvider componentDisabled={!isOpen}>
          <FactsPanel plan={plan} run={run} actor={actor} />
          <FourOnesPanel run={run} directory={directory} actor={actor} />
        </ConfigProvider>
      ) : isOpen ? (
        <AttachPlan incidentId={incident.id} />
      ) : null}
      <DispatchPanel incidentId={incident.id} readOnly={!isOpen} />
      <NotificationsPanel
        incidentId={incident.id}
        plan={plan}
        directory={directory}
        at={at}
        readOnly={!isOpen}
      />
    </>
  );
}

/** Decisions, reports and tasks; the log follows them in the same column. */
function RightPanels({ view, at }: { view: IncidentView; at: number }) {
  const { t } = useTranslation();
  const session = useSession();
  const { incident, plan, run, taskStates } = view;
  const signed = useSignedLevels(run);
  const isOpen = incident.status === 'open';
  // Once closed, deadlines are history: they are judged at the closing time, not counted down.
  const reportClock = incident.status === 'closed' ? incident.updatedAt : at;
  const phase = run ? phaseOf(run.snapshot) : null;
  const running = phase ? ['monitoring', 'warning', 'response'].includes(phase) : isOpen;
  const ended = phase !== null && ['terminated', 'aftermath', 'closed'].includes(phase);
  const planTasks = run?.snapshot.context.tasks ?? [];
  // Closing with 善后 left undone is allowed (the office decides) but asked about first.
  const unfinished = unfinishedAftermath(taskBoard(planTasks, taskStates, at, false, ended && isOpen));
  const closeWarning = unfinished.length
    ? t('incidents.aftermath.closeWarning', {
        count: unfinished.length,
        tasks: unfinished.map((task) => task.text).join('、'),
      })
    : null;
  return (
    <>
      {plan && signed.run ? (
        <DecisionPanel
          plan={plan}
          run={signed.run}
          actor={session?.actor ?? null}
          closeWarning={closeWarning}
          refuse={signed.refuse}
        />
      ) : null}
      <ConfirmActDialog {...signed.dialogProps} />
      <ReportsPanel incident={incident} at={reportClock} />
      <TaskBoard
        incidentId={incident.id}
        plan={plan}
        planTasks={planTasks}
        states={taskStates}
        running={running}
        ended={ended}
        readOnly={!isOpen}
        at={at}
      />
    </>
  );
}

/**
 * Signing a level is an act of the desk's roles as well as of the plan's: the button says why a person
 * without the role may not, and a person with a PIN types it again before the approval is sent.
 */
function useSignedLevels(run: PlanRun | null) {
  const roleWhy = useActPermission('level.approve');
  const { confirm, dialogProps } = useConfirmAct();
  const signedRun = useMemo(
    () =>
      run && {
        ...run,
        send: async (event: PlanEvent) =>
          event.type === 'level.approve' && !(await confirm('level.approve')) ? false : run.send(event),
      },
    [run, confirm],
  );
  const refuse = (event: PlanEvent) => (event.type === 'level.approve' ? roleWhy : null);
  return { run: signedRun, refuse, dialogProps };
}

function AttachPlan({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const { incidents } = useServices();
  const write = useSignedWrite();
  const plans = useLatestPlans();
  const [planId, setPlanId] = useState<string | null>(null);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('incidents.console.adHoc')}
      description={
        <Space.Compact>
          <Select
            style={{ width: 240 }}
            placeholder={t('incidents.console.choosePlan')}
            aria-label={t('incidents.console.choosePlan')}
            value={planId}
            onChange={(v: string) => setPlanId(v)}
            options={(plans ?? [])
              .filter((p) => p.status === 'published')
              .map((p) => ({ value: p.id, label: p.meta.title }))}
          />
          <Button
            type="primary"
            disabled={planId === null}
            onClick={() => planId && void write((actor) => incidents.attachPlan(incidentId, planId, actor))}
          >
            {t('incidents.console.attach')}
          </Button>
        </Space.Compact>
      }
    />
  );
}
