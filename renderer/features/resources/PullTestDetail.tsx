/**
 * One pull test: a row per notified team with its 已响应 and 已集结 times and minutes, the slowest flagged
 * orange and, once closed, the missing red. 记录响应 / 记录集结 stamp the time of the click (editable in the
 * dialog before saving). Minutes of waiting follow the services' clock on a ticker while the test is open.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  pullTestSummary,
  type PullTest,
  type PullTestStage,
  type PullTestTeamResult,
  type PullTestTeamStatus,
} from '@shared/domain/resources/pull-test';
import type { Team } from '@shared/domain/resources/resource-types';
import { useServices } from '../../services/services';
import { useClock } from '../../ui/use-clock';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';

const TICK_MS = 15_000;
const STATUS_COLOURS: Record<PullTestTeamStatus, string> = {
  waiting: 'default',
  acknowledged: 'processing',
  ready: 'success',
  missing: 'red',
};

/** Status of one team in one test, with 最慢 beside it when it was the slowest. */
export function PullTestStatusTag({ result }: { result: PullTestTeamResult }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Tag color={STATUS_COLOURS[result.status]}>{t(`pullTests.status.${result.status}`)}</Tag>
      {result.isSlowest && <Tag color="orange">{t('pullTests.slowest')}</Tag>}
    </Space>
  );
}

interface Recording {
  teamId: string;
  stage: PullTestStage;
  at: number;
}

export function PullTestDetail({ test, teamById }: { test: PullTest; teamById: ReadonlyMap<string, Team> }) {
  const { t } = useTranslation();
  const { pullTests, now } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const isOpen = test.closedAt === null;
  const clock = useClock(TICK_MS, isOpen);
  const [recording, setRecording] = useState<Recording | null>(null);
  const summary = pullTestSummary(test, clock);
  const teamName = (id: string) => teamById.get(id)?.name ?? t('pullTests.deletedTeam');
  const time = (at: number) =>
    dayjs(at).format(dayjs(at).isSame(test.startedAt, 'day') ? 'HH:mm:ss' : 'MM-DD HH:mm:ss');

  // The time is taken at the click: that is when the call came in or the team stood ready.
  const startRecording = (teamId: string, stage: PullTestStage) => {
    const at = now();
    if (requireActor()) setRecording({ teamId, stage, at });
  };

  const close = async () => {
    const actor = requireActor();
    if (!actor) return;
    try {
      await pullTests.close(test.id, actor);
      void message.success(t('pullTests.closedMessage', { name: test.name }));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  };

  /** The stage's time and minutes, and while the test is open the button that records it. */
  const stageCell = (r: PullTestTeamResult, stage: PullTestStage) => {
    const at = stage === 'acknowledged' ? r.acknowledgedAt : r.readyAt;
    const minutes = stage === 'acknowledged' ? r.acknowledgedMinutes : r.readyMinutes;
    return (
      <Space size={4} wrap>
        {at === null || minutes === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          t('pullTests.at', { time: time(at), minutes })
        )}
        {isOpen && (
          <Button type="link" size="small" onClick={() => startRecording(r.teamId, stage)}>
            {stage === 'acknowledged' ? t('pullTests.recordAcknowledged') : t('pullTests.recordReady')}
          </Button>
        )}
      </Space>
    );
  };

  const columns: ColumnsType<PullTestTeamResult> = [
    {
      title: t('pullTests.fields.team'),
      key: 'team',
      render: (_: unknown, r: PullTestTeamResult) => (
        <Typography.Text strong type={r.status === 'missing' ? 'danger' : undefined}>
          {teamName(r.teamId)}
        </Typography.Text>
      ),
    },
    {
      title: t('pullTests.fields.headcount'),
      key: 'headcount',
      width: 150,
      align: 'right',
      render: (_: unknown, r: PullTestTeamResult) =>
        `${r.headcountReady ?? '—'} / ${teamById.get(r.teamId)?.headcount ?? '—'}`,
    },
    {
      title: t('pullTests.fields.acknowledged'),
      key: 'acknowledged',
      width: 190,
      render: (_: unknown, r: PullTestTeamResult) => stageCell(r, 'acknowledged'),
    },
    {
      title: t('pullTests.fields.ready'),
      key: 'ready',
      width: 190,
      render: (_: unknown, r: PullTestTeamResult) => stageCell(r, 'ready'),
    },
    {
      title: t('pullTests.fields.status'),
      key: 'status',
      width: 160,
      render: (_: unknown, r: PullTestTeamResult) => (
        <Space size={4} wrap>
          <PullTestStatusTag result={r} />
          {isOpen && r.waitingMinutes !== null && (
            <Typography.Text type="secondary">
              {t('pullTests.waitingFor', { minutes: r.waitingMinutes })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];

  const author = test.createdBy ? `${test.createdBy.name}（${test.createdBy.positionName}）` : '';
  return (
    <Card
      size="small"
      data-testid="pull-test-detail"
      title={
        <Space>
          {test.name}
          {isOpen ? (
            <Tag color="processing">{t('pullTests.running')}</Tag>
          ) : (
            <Tag>{t('pullTests.closed')}</Tag>
          )}
        </Space>
      }
      extra={
        isOpen && (
          <Popconfirm
            title={t('pullTests.closeConfirm', { name: test.name })}
            onConfirm={() => void close()}
            okText={t('pullTests.close')}
            cancelText={t('common.cancel')}
          >
            <Button danger size="small">
              {t('pullTests.close')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Descriptions
        size="small"
        column={4}
        items={[
          {
            key: 'startedAt',
            label: t('pullTests.fields.startedAt'),
            children: dayjs(test.startedAt).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            key: 'closedAt',
            label: t('pullTests.fields.closedAt'),
            children: test.closedAt === null ? '—' : dayjs(test.closedAt).format('YYYY-MM-DD HH:mm:ss'),
          },
          { key: 'startedBy', label: t('pullTests.fields.startedBy'), children: author },
          { key: 'note', label: t('pullTests.fields.note'), children: test.note || '—' },
        ]}
      />
      <Typography.Paragraph data-testid="pull-test-summary" style={{ marginBottom: 8 }}>
        {t('pullTests.summary', summary.counts)}
      </Typography.Paragraph>
      <Table<PullTestTeamResult>
        rowKey="teamId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={summary.teams}
      />
      {recording && (
        <RecordCheckpointModal
          test={test}
          recording={recording}
          team={teamById.get(recording.teamId) ?? null}
          teamName={teamName(recording.teamId)}
          onClose={() => setRecording(null)}
        />
      )}
    </Card>
  );
}

interface RecordValues {
  at: Dayjs;
  headcount?: number | null;
}

/** Confirms one stamped time (editable) and, for 已集结, how many stood ready. A refusal keeps it open. */
function RecordCheckpointModal(props: {
  test: PullTest;
  recording: Recording;
  team: Team | null;
  teamName: string;
  onClose: () => void;
}) {
  const { test, recording } = props;
  const { t } = useTranslation();
  const { pullTests } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [form] = Form.useForm<RecordValues>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stage = t(`pullTests.stages.${recording.stage}`);
  const previous = test.checkpoints[recording.teamId]?.headcountReady ?? null;

  const submit = async (values: RecordValues) => {
    const actor = requireActor();
    if (!actor) return;
    setBusy(true);
    setRefusal(null);
    try {
      const headcount = recording.stage === 'ready' ? (values.headcount ?? null) : null;
      await pullTests.record(
        test.id,
        recording.teamId,
        recording.stage,
        values.at.valueOf(),
        headcount,
        actor,
      );
      void message.success(t('pullTests.recorded', { stage, team: props.teamName }));
      props.onClose();
    } catch (error) {
      setRefusal(translateError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('pullTests.recordTitle', { stage, team: props.teamName })}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={480}
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal}
          style={{ marginBottom: 12 }}
          data-testid="pull-test-refusal"
        />
      )}
      <Form<RecordValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ at: dayjs(recording.at), headcount: previous }}
        requiredMark
      >
        <Form.Item
          name="at"
          label={t('pullTests.fields.time')}
          extra={t('pullTests.timeHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker showTime format="YYYY-MM-DD HH:mm:ss" allowClear={false} style={{ width: 240 }} />
        </Form.Item>
        {recording.stage === 'ready' && (
          <Form.Item
            name="headcount"
            label={t('pullTests.fields.headcountReady')}
            extra={props.team ? t('pullTests.roster', { count: props.team.headcount }) : undefined}
          >
            <InputNumber min={0} precision={0} style={{ width: 240 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
