/**
 * 拉动: the pull tests on the left (newest first), the chosen one on the right with one row per team, and
 * below it one team's results over every test. The chosen test is in the address (`?test=`), so a reload
 * keeps it; without one, the newest is shown.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { teamHistory, type PullTest, type TeamHistoryRow } from '@shared/domain/resources/pull-test';
import type { Team } from '@shared/domain/resources/resource-types';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';
import { PullTestDetail, PullTestStatusTag } from './PullTestDetail';

export function PullTestsTab() {
  const { t } = useTranslation();
  const { pullTests, resources, now } = useServices();
  const tests = useLiveQuery(() => pullTests.list(), [pullTests]);
  const teams = useLiveQuery(() => resources.listTeams(), [resources]);
  const teamById = useMemo(() => new Map((teams ?? []).map((team) => [team.id, team])), [teams]);
  const [params, setParams] = useSearchParams();
  const [starting, setStarting] = useState(false);
  const selectedId = params.get('test') ?? tests?.[0]?.id ?? null;
  const selected = tests?.find((test) => test.id === selectedId) ?? null;
  const select = (id: string) => setParams({ test: id }, { replace: true });

  const columns: ColumnsType<PullTest> = [
    {
      title: t('pullTests.fields.name'),
      key: 'name',
      render: (_: unknown, test: PullTest) => (
        <>
          <Typography.Text strong>{test.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {dayjs(test.startedAt).format('YYYY-MM-DD HH:mm')} ·{' '}
            {t('pullTests.teamCount', { count: test.teamIds.length })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('pullTests.fields.status'),
      key: 'state',
      width: 80,
      render: (_: unknown, test: PullTest) =>
        test.closedAt === null ? (
          <Tag color="processing">{t('pullTests.running')}</Tag>
        ) : (
          <Tag>{t('pullTests.closed')}</Tag>
        ),
    },
  ];

  return (
    <Row gutter={12} data-testid="pull-tests">
      <Col span={6}>
        <Card
          size="small"
          title={t('pullTests.listTitle')}
          extra={
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setStarting(true)}>
              {t('pullTests.start')}
            </Button>
          }
        >
          <Table<PullTest>
            data-testid="pull-test-list"
            rowKey="id"
            size="small"
            showHeader={false}
            pagination={{ pageSize: 12, hideOnSinglePage: true, size: 'small' }}
            loading={tests === undefined}
            columns={columns}
            dataSource={tests ?? []}
            locale={{ emptyText: t('pullTests.listEmpty') }}
            rowSelection={{
              type: 'radio',
              selectedRowKeys: selected ? [selected.id] : [],
              onChange: ([id]) => typeof id === 'string' && select(id),
            }}
            onRow={(test) => ({ onClick: () => select(test.id), style: { cursor: 'pointer' } })}
          />
        </Card>
      </Col>
      <Col span={18}>
        {selected ? (
          <PullTestDetail test={selected} teamById={teamById} />
        ) : (
          <Card size="small">
            <Empty description={tests?.length ? t('pullTests.pick') : t('pullTests.empty')} />
          </Card>
        )}
        <TeamHistory tests={tests ?? []} teams={teams ?? []} now={now} onOpen={select} />
      </Col>
      {starting && (
        <StartPullTestModal
          teams={teams ?? []}
          onClose={() => setStarting(false)}
          onStarted={(id) => {
            setStarting(false);
            select(id);
          }}
        />
      )}
    </Row>
  );
}

interface StartValues {
  name: string;
  teamIds: string[];
  note?: string;
}

/** 发起拉动: the teams are notified when OK is pressed, and that is the time every team is measured from. */
function StartPullTestModal(props: {
  teams: readonly Team[];
  onClose: () => void;
  onStarted: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { pullTests } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [form] = Form.useForm<StartValues>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: StartValues) => {
    const actor = requireActor();
    if (!actor) return;
    setBusy(true);
    try {
      const id = await pullTests.start(values.name, values.teamIds, values.note ?? '', actor);
      void message.success(t('pullTests.started', { name: values.name.trim() }));
      props.onStarted(id);
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('pullTests.start')}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      width={560}
    >
      <Form<StartValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark>
        <Form.Item
          name="name"
          label={t('pullTests.fields.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} placeholder={t('pullTests.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="teamIds"
          label={t('pullTests.fields.teams')}
          rules={[{ required: true, message: t('pullTests.errors.noTeams') }]}
        >
          <Select
            mode="multiple"
            showSearch
            optionFilterProp="label"
            placeholder={t('pullTests.teamsPlaceholder')}
            options={props.teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('pullTests.fields.note')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Typography.Text type="secondary">{t('pullTests.startHint')}</Typography.Text>
      </Form>
    </Modal>
  );
}

/** 队伍拉动历史: one team's results, newest first; a row opens that test above. */
function TeamHistory(props: {
  tests: readonly PullTest[];
  teams: readonly Team[];
  now: () => number;
  onOpen: (testId: string) => void;
}) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState<string | null>(null);
  const rows = teamId === null ? [] : teamHistory(props.tests, teamId, props.now());
  const minutes = (value: number | null) => (value === null ? '—' : t('pullTests.minutes', { count: value }));
  const columns: ColumnsType<TeamHistoryRow> = [
    { title: t('pullTests.history.test'), dataIndex: 'testName', ellipsis: true },
    {
      title: t('pullTests.fields.startedAt'),
      dataIndex: 'startedAt',
      width: 150,
      render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: t('pullTests.fields.acknowledged'),
      dataIndex: 'acknowledgedMinutes',
      width: 100,
      align: 'right',
      render: minutes,
    },
    {
      title: t('pullTests.fields.ready'),
      dataIndex: 'readyMinutes',
      width: 100,
      align: 'right',
      render: minutes,
    },
    {
      title: t('pullTests.fields.headcountReady'),
      dataIndex: 'headcountReady',
      width: 90,
      align: 'right',
      render: (value: number | null) => value ?? '—',
    },
    {
      title: t('pullTests.fields.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, row: TeamHistoryRow) => <PullTestStatusTag result={row} />,
    },
  ];
  return (
    <Card
      size="small"
      title={t('pullTests.history.title')}
      style={{ marginTop: 12 }}
      data-testid="pull-test-history"
      extra={
        <Select
          showSearch
          allowClear
          optionFilterProp="label"
          aria-label={t('pullTests.history.title')}
          placeholder={t('pullTests.history.pick')}
          style={{ width: 280 }}
          value={teamId}
          onChange={(value: string | undefined) => setTeamId(value ?? null)}
          options={props.teams.map((team) => ({ value: team.id, label: team.name }))}
        />
      }
    >
      <Table<TeamHistoryRow>
        rowKey="testId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: teamId === null ? t('pullTests.history.pick') : t('pullTests.history.empty') }}
        onRow={(row) => ({ onClick: () => props.onOpen(row.testId), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}
