import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Skeleton, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { checkPlanInput, formatPlanIssue } from '@shared/domain/plan/check-plan';
import { localDate } from '@shared/domain/plan/plan-schedule';
import type { Observation, PlanGroup, PlanRole } from '@shared/domain/plan/plan-schema';
import { useServices } from '../../../services/services';
import { PlanRevisionsCard } from '../../drills/report/PlanRevisionsCard';
import { useDirectoryData, type DirectoryData } from '../../directory/useDirectoryData';
import { useSignedWrite } from '../../session/useSignedWrite';
import { usePlanVersion } from '../usePlans';
import { LevelsSection } from './LevelsSection';
import { MetaSection } from './MetaSection';
import { MonitoringSection } from './MonitoringSection';
import { OrganisationSection } from './OrganisationSection';
import { fromFormValues, newPlanValues, toFormValues, type PlanFormValues } from './plan-form';

/** 预案编辑: a new plan, or the next version of an existing one. Forms, not JSON. */
export function PlanEditorPage() {
  const params = useParams();
  const id = params['id'];
  const version = Number(params['version']);
  const record = usePlanVersion(id ?? '', id ? version : 0);
  const directory = useDirectoryData();
  const { now } = useServices();
  const { t } = useTranslation();
  if (!directory.loaded || (id && record === undefined)) return <Skeleton active />;
  if (id && !record) return <Empty description={t('plans.detail.notFound')} />;
  const initial = record ? toFormValues(record) : newPlanValues(directory.positions, localDate(now()));
  return (
    <PlanEditor
      key={record ? `${record.id}@${record.version}` : 'new'}
      initial={initial}
      isNew={!record}
      directory={directory}
    />
  );
}

function PlanEditor({
  initial,
  isNew,
  directory,
}: {
  initial: PlanFormValues;
  isNew: boolean;
  directory: DirectoryData;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { plans } = useServices();
  const navigate = useNavigate();
  const write = useSignedWrite();
  const [form] = Form.useForm<PlanFormValues>();
  const [tab, setTab] = useState('meta');
  // `preserve`: ids and the level of each card have no field of their own but belong to the plan.
  const values = (Form.useWatch([], { form, preserve: true }) as PlanFormValues | undefined) ?? initial;
  const roles: PlanRole[] = (values.roles ?? []).filter(Boolean);
  const groups: PlanGroup[] = (values.groups ?? []).filter(Boolean);
  const observations: Observation[] = (values.observations ?? []).filter(Boolean);
  const context = useMemo(
    () => ({ observations, warningTypes: values.warningTypes ?? [] }),
    [observations, values.warningTypes],
  );
  const check = useMemo(() => checkPlanInput(fromFormValues({ ...initial, ...values })), [initial, values]);

  const save = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('plans.editor.fixFields'));
      return;
    }
    const input = fromFormValues({ ...initial, ...form.getFieldsValue(true) });
    let saved = 0;
    const ok = await write(async (actor) => {
      saved = await plans.save(input, actor);
    }, null);
    if (!ok) return;
    void message.success(t('plans.editor.saved', { version: saved }));
    void navigate(`/plans/${input.id}/${saved}/levels`);
  };

  return (
    <Card
      size="small"
      className="page-card"
      title={
        <Space>
          <Link to="/plans">{t('plans.library.title')}</Link>
          <span>/</span>
          <span>
            {isNew ? t('plans.library.create') : `${initial.meta.title} · ${t('plans.detail.edit')}`}
          </span>
        </Space>
      }
      extra={
        <Space>
          <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={() => void save()}>
            {t('plans.editor.saveDraft')}
          </Button>
        </Space>
      }
    >
      {!isNew && initial.status !== 'draft' ? (
        <Alert type="info" showIcon title={t('plans.detail.readOnly')} style={{ marginBottom: 8 }} />
      ) : null}
      {check.ok ? (
        <Alert type="success" showIcon title={t('plans.editor.compiles')} style={{ marginBottom: 8 }} />
      ) : (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('plans.editor.issues', { count: check.issues.length })}
          description={
            <ul className="plan-issues" data-testid="plan-issues">
              {check.issues.slice(0, 12).map((issue, i) => (
                <li key={i}>{formatPlanIssue(issue, t('plans.issueLanguage') === 'en' ? 'en' : 'zh-CN')}</li>
              ))}
              {check.issues.length > 12 ? <li>…</li> : null}
            </ul>
          }
        />
      )}
      {isNew ? null : <PlanRevisionsCard planId={initial.id} />}
      <Form form={form} name="plan" layout="vertical" size="small" initialValues={initial} requiredMark>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'meta',
              label: t('plans.editor.tabs.meta'),
              forceRender: true,
              children: <MetaSection directory={directory} planId={initial.id} />,
            },
            {
              key: 'organisation',
              label: t('plans.editor.tabs.organisation'),
              forceRender: true,
              children: <OrganisationSection directory={directory} />,
            },
            {
              key: 'monitoring',
              label: t('plans.editor.tabs.monitoring'),
              forceRender: true,
              children: <MonitoringSection roles={roles} groups={groups} />,
            },
            {
              key: 'levels',
              label: t('plans.editor.tabs.levels'),
              forceRender: true,
              children: <LevelsSection roles={roles} groups={groups} context={context} />,
            },
          ]}
        />
      </Form>
      <Typography.Text type="secondary">{t('plans.editor.draftHint')}</Typography.Text>
    </Card>
  );
}
