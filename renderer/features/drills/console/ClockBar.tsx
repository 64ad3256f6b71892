import {
  AuditOutlined,
  InboxOutlined,
  FieldTimeOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  StopOutlined,
  DesktopOutlined,
  CheckCircleOutlined,
  FlagOutlined,
} from '@ant-design/icons';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ARCHIVABLE_RUN_STATUSES } from '@shared/domain/archive/archive-package';
import { statusOf, type DrillSnapshot } from '@shared/domain/drill/drill-machine';
import type { DrillRun } from '@shared/domain/drill/drill-run';
import type { RunEventDraft } from '@shared/domain/drill/run-events';
import { formatScenarioClock } from '@shared/domain/drill/scenario-time';
import { clockAt, scenarioTimeAt, SPEEDS, type TimelineMark } from '@shared/domain/drill/timeline';
import type { Actor } from '@shared/domain/org/types';
import { useServices } from '../../../services/services';
import { useClock } from '../../../ui/use-clock';
import { ConfirmActDialog } from '../../session/ConfirmActDialog';
import { useActPermission } from '../../session/useActPermission';
import { useConfirmAct } from '../../session/useConfirmAct';
import { ArchiveExportButton } from '../../archive/ArchiveExportButton';
import { RunStatusTag } from '../RunStatusTag';
import { DrillReportButton } from '../report/DrillReportButton';
import { ReplayButton } from '../replay/ReplayButton';
import { OffsetDialog } from './OffsetDialog';

/**
 * The drill clock and its controls. Which buttons are live is asked of the drill machine with the signed-in
 * person (ENDEX only for the 总指挥), never decided here; ENDEX also needs the desk's 导调人员 or 系统管理员
 * role, and a PIN typed again where the person has one.
 */
export function ClockBar({
  run,
  snapshot,
  at,
  actor,
  send,
}: {
  run: DrillRun;
  snapshot: DrillSnapshot;
  at: number;
  actor: Actor | null;
  send: (draft: RunEventDraft, success?: string | null) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const [aborting, setAborting] = useState(false);
  const [jumping, setJumping] = useState(false);
  const status = statusOf(snapshot);
  const clock = clockAt(snapshot.context.marks, at);
  const label = (key: string) => t(`drills.console.${key}`);
  const can = (draft: RunEventDraft) =>
    actor !== null && snapshot.can({ ...draft, at, by: actor } as Parameters<DrillSnapshot['can']>[0]);
  const isUnderWay = status === 'running' || status === 'paused';
  const isDirector = can({ type: 'run.endex' });
  const endexRoleWhy = useActPermission('drill.endex');
  const canEndex = isDirector && endexRoleWhy === null;
  const { confirm, dialogProps } = useConfirmAct();

  return (
    <Space wrap size={12} align="center" data-testid="drill-clock-bar">
      <RunStatusTag status={status} />
      <LiveClock marks={snapshot.context.marks} isRunning={status === 'running'} />
      <Select
        aria-label={label('speed')}
        size="small"
        style={{ width: 90 }}
        value={clock.speed}
        disabled={!(status === 'ready' || isUnderWay)}
        options={SPEEDS.map((s) => ({ value: s, label: `×${s}` }))}
        onChange={(speed: number) => void send({ type: 'clock.speed', speed })}
      />
      {status === 'draft' ? (
        <Button icon={<CheckCircleOutlined />} onClick={() => void send({ type: 'comms.checked' })}>
          {label('commsChecked')}
        </Button>
      ) : null}
      {status === 'ready' ? (
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          onClick={() => void send({ type: 'clock.start' })}
        >
          {label('start')}
        </Button>
      ) : null}
      {status === 'running' ? (
        <Button icon={<PauseCircleOutlined />} onClick={() => void send({ type: 'clock.pause' })}>
          {label('pause')}
        </Button>
      ) : null}
      {status === 'paused' ? (
        <Button
          type="primary"
          icon={<PlayCircleOutlined />}
          onClick={() => void send({ type: 'clock.resume' })}
        >
          {label('resume')}
        </Button>
      ) : null}
      {isUnderWay ? (
        <Button icon={<FieldTimeOutlined />} onClick={() => setJumping(true)}>
          {label('jump')}
        </Button>
      ) : null}
      {isUnderWay && canEndex ? (
        <Popconfirm
          title={label('endexConfirm')}
          // The pop-over closes at once; a PIN, where the person has one, is asked in its own dialog.
          onConfirm={() => {
            void confirm('drill.endex').then((isConfirmed) => isConfirmed && send({ type: 'run.endex' }));
          }}
        >
          <Button icon={<FlagOutlined />}>{label('endex')}</Button>
        </Popconfirm>
      ) : null}
      {isUnderWay && !canEndex ? (
        // The tooltip wraps the disabled button itself: antd can only explain a disabled button it holds.
        <Tooltip
          title={
            isDirector ? endexRoleWhy : t('drills.console.endexOnlyDirector', { name: run.directorName })
          }
        >
          <Button icon={<FlagOutlined />} disabled>
            {label('endex')}
          </Button>
        </Tooltip>
      ) : null}
      {isUnderWay ? (
        <Button danger icon={<StopOutlined />} onClick={() => setAborting(true)}>
          {label('abort')}
        </Button>
      ) : null}
      {status === 'ended' || status === 'aborted' ? (
        <Button icon={<AuditOutlined />} onClick={() => void send({ type: 'run.evaluate' })}>
          {label('evaluate')}
        </Button>
      ) : null}
      {status === 'evaluating' ? (
        <Popconfirm title={label('archiveConfirm')} onConfirm={() => void send({ type: 'run.archive' })}>
          <Button icon={<InboxOutlined />}>{label('archive')}</Button>
        </Popconfirm>
      ) : null}
      <DrillReportButton runId={run.id} status={status} />
      <ReplayButton runId={run.id} status={status} />
      {ARCHIVABLE_RUN_STATUSES.includes(status) ? <ArchiveExportButton kind="drill" id={run.id} /> : null}
      <Button
        icon={<DesktopOutlined />}
        onClick={() =>
          void platform.openWindow({
            route: `/screen/drills/${run.id}`,
            title: `${t('drills.participant.title')} · ${run.title}`,
          })
        }
      >
        {label('participantScreen')}
      </Button>
      <ReasonDialog
        open={aborting}
        onClose={() => setAborting(false)}
        onSubmit={async (reason) => {
          if (await send({ type: 'run.abort', reason })) setAborting(false);
        }}
      />
      <ConfirmActDialog {...dialogProps} />
      <OffsetDialog
        open={jumping}
        title={t('drills.console.jump')}
        label={t('drills.console.jumpTo')}
        initialMs={null}
        onClose={() => setJumping(false)}
        onSubmit={(toMs) => send({ type: 'clock.jump', toMs })}
      />
    </Space>
  );
}

function ReasonDialog({
  open,
  onClose,
  onSubmit,
}: {
  open: boolean;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={t('drills.console.abort')}
      okText={t('drills.console.abort')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('drills.console.abortHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void onSubmit(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('drills.console.abortReason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea rows={2} maxLength={200} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * The clocks alone re-render four times a second while the drill clock runs; the rest of the console follows
 * a slower beat. The real clock keeps going when the drill clock stands, and a mark newer than the last beat
 * (a pause, a jump) counts at once, or a paused console would read up to a beat short.
 */
function LiveClock({ marks, isRunning }: { marks: readonly TimelineMark[]; isRunning: boolean }) {
  const { t } = useTranslation();
  const beat = useClock(isRunning ? 250 : 1000, true);
  const at = Math.max(beat, marks.at(-1)?.at ?? 0);
  return (
    <>
      <span>
        <Typography.Text type="secondary">{t('drills.console.scenarioClock')} </Typography.Text>
        <span className="drill-clock" data-testid="scenario-clock">
          {formatScenarioClock(scenarioTimeAt(marks, at))}
        </span>
      </span>
      <Typography.Text type="secondary">
        {t('drills.console.realClock')} {dayjs(at).format('HH:mm:ss')}
      </Typography.Text>
    </>
  );
}
