import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { statusOf } from '@shared/domain/drill/drill-machine';
import { scenarioTimeAt } from '@shared/domain/drill/timeline';
import { useServices } from '../../../services/services';
import { useClock } from '../../../ui/use-clock';
import { InjectDialog } from '../scenario/InjectDialog';
import { useSession } from '../../session/useSession';
import { DrillIncidentCard } from '../DrillIncidentCard';
import { DrillWatermark } from '../DrillWatermark';
import { useDrillRun } from '../useDrillRun';
import { useDrillTicker } from '../useDrillTicker';
import { RunCorrectiveActionsCard } from '../actions/RunCorrectiveActionsCard';
import { SealGate } from '../seal/SealGate';
import { CalloutPanel } from './CalloutPanel';
import { ClockBar } from './ClockBar';
import { DrillIncidentMetricsPanel } from './DrillIncidentMetricsPanel';
import { EvaluationPanel } from './EvaluationPanel';
import { InjectTimeline } from './InjectTimeline';
import { injectRows, type InjectRow } from './inject-rows';
import { OffsetDialog } from './OffsetDialog';
import { OverduePanel } from './OverduePanel';
import { RandomStart } from './RandomStart';
import { RunMetricsPanel } from './RunMetricsPanel';
import { RunNotesPanel } from './RunNotesPanel';

/** Statuses and overdue marks follow this beat; the clocks on screen have their own, faster one. */
const BEAT_MS = 1000;

/**
 * 导调台: the controllers' console of one run — the drill clock and its controls, injects overdue after an
 * interruption, the timeline of the script with its expected actions, and the notes and player responses.
 * While the clock runs and someone is signed in, this screen's ticker delivers injects as they fall due.
 */
export function DrillConsole() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { now } = useServices();
  const session = useSession();
  const actor = session?.actor ?? null;
  const { loaded, send } = useDrillRun(id);
  const status = loaded ? statusOf(loaded.snapshot) : null;
  const isUnderWay = status === 'running' || status === 'paused';
  const isOver = status !== null && ['aborted', 'ended', 'evaluating', 'archived'].includes(status);
  const beat = useClock(BEAT_MS, isUnderWay);
  const state = loaded?.snapshot.context ?? null;
  // The beat stands still unless the drill is under way; a mark made since (a speed chosen before the start,
  // ENDEX) must count at once, or the screen reads the clock as it was before it.
  const at = Math.max(beat, state?.lastAt ?? 0);
  // An armed random start needs the ticker as much as a running clock does.
  const shouldTick = status === 'running' || (status === 'ready' && state?.startWindow != null);
  const tickerPlace = useDrillTicker(id, state, loaded?.run.lastSeq ?? 0, shouldTick, actor);
  const rows = useMemo(() => (state ? injectRows(state, at) : []), [state, at]);
  // The table renders in the background (interruptible), so the ticker's timer never waits behind it.
  const deferredRows = useDeferredValue(rows);
  const [retiming, setRetiming] = useState<InjectRow | null>(null);
  const onRetime = useCallback((row: InjectRow) => setRetiming(row), []);
  const [isAdding, setAdding] = useState(false);

  if (loaded === undefined) return <Spin />;
  if (loaded === null || !state || !status) return <Alert type="warning" message={t('errors.notFound')} />;
  const { run, snapshot, scenario } = loaded;
  const scenarioMs = scenarioTimeAt(state.marks, at);
  const overdue = rows.filter((r) => r.status === 'overdue');

  return (
    <Space
      direction="vertical"
      size={12}
      style={{ width: '100%' }}
      data-testid="drill-console"
      data-ticker={tickerPlace}
    >
      <DrillWatermark />
      <Card
        size="small"
        title={
          <Space>
            <Button
              size="small"
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate('/drills/runs')}
            />
            <span>
              {t('drills.console.title')} · {run.title}
            </span>
            <Typography.Text type="secondary">
              {t('drills.scenario.director')}：{run.directorName}
            </Typography.Text>
          </Space>
        }
      >
        <SealGate scenarioId={run.scenarioId} seal={scenario.seal}>
          <ClockBar run={run} snapshot={snapshot} at={at} actor={actor} send={send} />
          {scenario.blind === 'doubleBlind' ? (
            <RandomStart state={state} isReady={status === 'ready'} send={send} />
          ) : null}
        </SealGate>
        {status === 'running' && session === null ? (
          <Alert style={{ marginTop: 8 }} type="warning" showIcon message={t('drills.console.signInToRun')} />
        ) : null}
        {state.abortReason ? (
          <Alert
            style={{ marginTop: 8 }}
            type="error"
            message={t('drills.console.aborted', { reason: state.abortReason })}
          />
        ) : null}
        {status === 'ended' && state.endedAt ? (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            message={t('drills.console.ended', { time: dayjs(state.endedAt).format('YYYY-MM-DD HH:mm:ss') })}
          />
        ) : null}
        {state.gaps.length ? (
          // One line however many: each gap is in the journal, the screen needs only that it happened.
          <Alert
            style={{ marginTop: 8 }}
            type="info"
            message={t('drills.console.gaps', {
              count: state.gaps.length,
              from: dayjs(state.gaps.at(-1)!.from).format('HH:mm:ss'),
              to: dayjs(state.gaps.at(-1)!.to).format('HH:mm:ss'),
            })}
          />
        ) : null}
      </Card>
      <SealGate scenarioId={run.scenarioId} seal={scenario.seal} asksHere={false}>
        {/* One item of the outer Space, so the cards inside keep their gaps. */}
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <DrillIncidentCard
            runId={run.id}
            title={scenario.title}
            plans={scenario.plans}
            canOpen={['draft', 'ready', 'running', 'paused'].includes(status)}
          />
          {scenario.blind === 'doubleBlind' || scenario.form === 'live' ? (
            <CalloutPanel units={scenario.units} state={state} at={at} isUnderWay={isUnderWay} send={send} />
          ) : null}
          {isOver ? <RunMetricsPanel state={state} units={scenario.units} at={at} /> : null}
          {isOver ? <DrillIncidentMetricsPanel runId={run.id} at={state.endedAt ?? at} /> : null}
          {isOver || isUnderWay ? (
            <EvaluationPanel
              scenario={scenario}
              state={state}
              actor={actor}
              canRate={isOver && status !== 'archived'}
              canObserve={status !== 'archived'}
              send={send}
            />
          ) : null}
          {isOver ? <RunCorrectiveActionsCard runId={run.id} scenario={scenario} /> : null}
          <OverduePanel rows={overdue} scenarioMs={scenarioMs} at={at} send={send} onRetime={onRetime} />
          <InjectDialog
            open={isAdding}
            inject={null}
            others={state.injects}
            nextNo={t('drills.console.adHocNo', { n: state.injects.length + 1 })}
            initialOffsetMs={scenarioMs}
            title={t('drills.console.adHoc')}
            onClose={() => setAdding(false)}
            onSave={(inject) =>
              // Written for now or earlier, it goes to the players at once, in the same row.
              send({
                type: 'inject.add',
                inject,
                deliverNow: inject.offsetMs <= scenarioTimeAt(state.marks, now()),
              })
            }
          />
          <OffsetDialog
            open={retiming !== null}
            title={
              retiming
                ? t('drills.console.retimeTitle', {
                    no: retiming.inject.no,
                    synopsis: retiming.inject.synopsis,
                  })
                : ''
            }
            label={t('drills.console.retimeTo')}
            initialMs={retiming ? Math.max(retiming.inject.offsetMs, scenarioMs + 60_000) : null}
            onClose={() => setRetiming(null)}
            onSubmit={(offsetMs) =>
              retiming
                ? send({ type: 'inject.retime', injectId: retiming.inject.id, offsetMs })
                : Promise.resolve(false)
            }
          />
          <Card
            size="small"
            title={t('drills.console.timeline')}
            extra={
              isUnderWay ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  {t('drills.console.adHoc')}
                </Button>
              ) : null
            }
          >
            <InjectTimeline
              rows={deferredRows}
              state={state}
              scenarioMs={scenarioMs}
              at={at}
              isUnderWay={isUnderWay}
              send={send}
              onRetime={onRetime}
            />
          </Card>
          <Card size="small" title={`${t('drills.console.notes')} / ${t('drills.console.responses')}`}>
            <RunNotesPanel state={state} isUnderWay={isUnderWay} send={send} />
          </Card>
        </Space>
      </SealGate>
    </Space>
  );
}
