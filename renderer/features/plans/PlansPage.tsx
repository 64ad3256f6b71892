import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { decodeText } from '@shared/files/decode-text';
import { planLevels } from '@shared/domain/plan/plan-rules';
import { drillDue, localDate, reviewDue, type Due } from '@shared/domain/plan/plan-schedule';
import { PLAN_STATUSES, PLAN_TYPES } from '@shared/domain/plan/plan-schema';
import type { PlanRecord } from '../../db/records';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';
import { DueBadge } from './DueBadge';
import { LevelTag } from './LevelTag';
import { overdueText, usePlanReminders } from './usePlanReminders';
import { useLatestPlans } from './usePlans';

interface Row {
  plan: PlanRecord;
  review: Due;
  drill: Due;
}

const STATUS_COLOURS = { draft: 'default', published: 'success', retired: 'default' } as const;

/** 预案库: every plan at its newest version, with review and drill reminders (应急条例 Art. 6, 8). */
export function PlansPage() {
  const { t } = useTranslation();
  const { plans, platform, now } = useServices();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const requireActor = useActor();
  const records = useLatestPlans();
  const [query, setQuery] = useState('');
  const [hazard, setHazard] = useState<string | null>(null);
  const [planType, setPlanType] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const today = localDate(now());

  const rows = useMemo(
    () =>
      (records ?? [])
        .filter((p) => query.trim() === '' || p.meta.title.includes(query.trim()))
        .filter((p) => hazard === null || p.meta.hazardType === hazard)
        .filter((p) => planType === null || p.meta.planType === planType)
        .filter((p) => status === null || p.status === status)
        .map((p) => ({ plan: p, review: reviewDue(p.meta, today), drill: drillDue(p.meta, today) })),
    [records, query, hazard, planType, status, today],
  );
  const hazards = useMemo(() => [...new Set((records ?? []).map((p) => p.meta.hazardType))], [records]);
  // Reminders count every plan, whatever the filters show: an overdue drill must not hide behind a filter.
  const reminders = usePlanReminders();
  const overdue = reminders ? overdueText(t, reminders) : '';

  const importFile = async () => {
    // Who imports is asked first: a file picked before signing in would otherwise be dropped.
    if (!requireActor()) return;
    const file = await platform.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] });
    if (!file) return;
    const actor = requireActor();
    if (!actor) return;
    try {
      const { id, version, title } = await plans.importFile(decodeText(file.bytes).text, actor);
      void message.success(t('plans.library.imported', { title, version }));
      void navigate(`/plans/${id}/${version}`);
    } catch (error) {
      // A refusal can list several places in the plan: it stays on screen until read.
      modal.error({
        title: t('plans.simulator.importRefused', { name: file.name }),
        content: translateError(t, error),
        width: 560,
      });
    }
  };

  return (
    <Card
      size="small"
      className="page-card"
      title={t('plans.library.title')}
      extra={
        <Space>
          <Button icon={<ImportOutlined />} onClick={() => void importFile()}>
            {t('plans.library.importFile')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/plans/new')}>
            {t('plans.library.create')}
          </Button>
        </Space>
      }
    >
      {overdue ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={overdue} /> : null}
      {reminders && reminders.dueSoon > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('plans.library.dueSoonAlert', { count: reminders.dueSoon })}
        />
      ) : null}
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder={t('plans.library.search')}
          style={{ width: 240 }}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Select
          allowClear
          placeholder={t('plans.library.hazard')}
          aria-label={t('plans.library.hazard')}
          style={{ width: 160 }}
          options={hazards.map((h) => ({ value: h, label: h }))}
          onChange={(v: string | undefined) => setHazard(v ?? null)}
        />
        <Select
          allowClear
          placeholder={t('plans.library.type')}
          aria-label={t('plans.library.type')}
          style={{ width: 160 }}
          options={PLAN_TYPES.map((v) => ({ value: v, label: t(`plans.types.${v}`) }))}
          onChange={(v: string | undefined) => setPlanType(v ?? null)}
        />
        <Select
          allowClear
          placeholder={t('plans.library.status')}
          aria-label={t('plans.library.status')}
          style={{ width: 120 }}
          options={PLAN_STATUSES.map((v) => ({ value: v, label: t(`plans.statuses.${v}`) }))}
          onChange={(v: string | undefined) => setStatus(v ?? null)}
        />
        <Typography.Text type="secondary">{t('plans.library.count', { count: rows.length })}</Typography.Text>
      </Space>
      <Table<Row>
        size="small"
        bordered
        loading={records === undefined}
        rowKey={(r) => `${r.plan.id}@${r.plan.version}`}
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('plans.columns.title'),
            key: 'title',
            width: 300,
            render: (_: unknown, { plan }: Row) => (
              <Link to={`/plans/${plan.id}/${plan.version}`}>{plan.meta.title}</Link>
            ),
          },
          {
            title: t('plans.columns.type'),
            key: 'type',
            width: 110,
            render: (_: unknown, { plan }) => t(`plans.types.${plan.meta.planType}`),
          },
          {
            title: t('plans.columns.hazard'),
            key: 'hazard',
            width: 110,
            render: (_: unknown, { plan }) => plan.meta.hazardType,
          },
          {
            title: t('plans.columns.levels'),
            key: 'levels',
            width: 170,
            render: (_: unknown, { plan }) => (
              <Space size={2}>
                {[...planLevels(plan)].reverse().map((l) => (
                  <LevelTag key={l} level={l} short />
                ))}
              </Space>
            ),
          },
          {
            title: t('plans.columns.version'),
            key: 'version',
            width: 150,
            render: (_: unknown, { plan }) =>
              `v${plan.version}${plan.meta.edition ? ` · ${plan.meta.edition}` : ''}`,
          },
          {
            title: t('plans.columns.status'),
            key: 'status',
            width: 90,
            render: (_: unknown, { plan }) => (
              <Tag color={STATUS_COLOURS[plan.status]}>{t(`plans.statuses.${plan.status}`)}</Tag>
            ),
          },
          {
            title: t('plans.columns.filing'),
            key: 'filing',
            width: 90,
            render: (_: unknown, { plan }) => t(`plans.filing.${plan.meta.filing.status}`),
          },
          {
            title: t('plans.columns.review'),
            key: 'review',
            width: 170,
            render: (_: unknown, r) => <DueBadge due={r.review} />,
          },
          {
            title: t('plans.columns.drill'),
            key: 'drill',
            width: 170,
            render: (_: unknown, r) => <DueBadge due={r.drill} />,
          },
        ]}
      />
    </Card>
  );
}
