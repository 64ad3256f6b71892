import { Button, Card, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Actor } from '@shared/domain/org/types';
import {
  RESPONSE_LEVELS,
  levelLabel,
  WARNING_LEVELS,
  WARNING_NAME,
  type ResponseLevel,
  type WarningLevel,
} from '@shared/domain/plan/levels';
import type { WarningNotice } from '@shared/domain/plan/plan-context';
import type { Observation, Plan } from '@shared/domain/plan/plan-schema';
import { formatLocalTime } from '@shared/domain/plan/plan-step';
import { TagsInput } from '../../../ui/EditableList';
import { useActingEmit, type BuildEvent as Build, type PlanRun } from './plan-run';

/** Observations, warnings and upper-level orders as a duty officer would enter them. */
export function FactsPanel({ plan, run, actor }: { plan: Plan; run: PlanRun; actor: Actor | null }) {
  const { t } = useTranslation();
  const { context } = run.snapshot;
  const emit = useActingEmit(run, actor);
  return (
    <Card size="small" title={t('plans.simulator.observations')} style={{ marginBottom: 12 }}>
      <Form layout="vertical" size="small" component="div">
        {plan.observations.map((o) => (
          <ObservationRow
            key={o.key}
            observation={o}
            current={context.facts.observations[o.key]?.value}
            emit={emit}
          />
        ))}
        {plan.warningTypes.length > 0 ? (
          <WarningRow plan={plan} warnings={context.facts.warnings} emit={emit} />
        ) : null}
        <OrderRow emit={emit} />
      </Form>
    </Card>
  );
}

function ObservationRow({
  observation: o,
  current,
  emit,
}: {
  observation: Observation;
  current: number | boolean | undefined;
  emit: (b: Build) => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(null);
  // No default: recording 是 for 已得到控制 by a careless click would end a response's condition.
  const [flag, setFlag] = useState<boolean | null>(null);
  const shown =
    current === undefined
      ? '—'
      : typeof current === 'boolean'
        ? current
          ? t('common.yes')
          : t('common.no')
        : o.kind === 'moment'
          ? formatLocalTime(current)
          : `${current}${o.unit}`;
  const record = (v: number | boolean) =>
    emit((by, at) => ({ type: 'observation.record', key: o.key, value: v, at, by }));
  return (
    <Form.Item label={`${o.label}：${shown}`} style={{ marginBottom: 8 }}>
      {o.kind === 'number' ? (
        <Space.Compact>
          <InputNumber
            aria-label={o.label}
            value={value}
            onChange={(v) => setValue(v)}
            addonAfter={o.unit || undefined}
            style={{ width: 180 }}
          />
          <Button disabled={value === null} onClick={() => value !== null && record(value)}>
            {t('plans.simulator.record')}
          </Button>
        </Space.Compact>
      ) : o.kind === 'flag' ? (
        <Space.Compact>
          <Select
            aria-label={o.label}
            value={flag}
            style={{ width: 100 }}
            options={[
              { value: true, label: t('common.yes') },
              { value: false, label: t('common.no') },
            ]}
            onChange={(v: boolean) => setFlag(v)}
            placeholder={t('plans.simulator.choose')}
          />
          <Button disabled={flag === null} onClick={() => flag !== null && record(flag)}>
            {t('plans.simulator.record')}
          </Button>
        </Space.Compact>
      ) : (
        <Button
          onClick={() => emit((by, at) => ({ type: 'observation.record', key: o.key, value: at, at, by }))}
        >
          {t('plans.simulator.now')}
        </Button>
      )}
    </Form.Item>
  );
}

function WarningRow({
  plan,
  warnings,
  emit,
}: {
  plan: Plan;
  warnings: Record<string, WarningLevel>;
  emit: (b: Build) => void;
}) {
  const { t } = useTranslation();
  const [warningType, setWarningType] = useState(plan.warningTypes[0] ?? '');
  const [level, setLevel] = useState<WarningLevel>('blue');
  const [noticeOpen, setNoticeOpen] = useState(false);
  const active = Object.entries(warnings)
    .map(([type, l]) => `${type}${t(`plans.warningLevel.${l}`)}`)
    .join('、');
  return (
    <Form.Item label={`${t('plans.simulator.warnings')}：${active || '—'}`} style={{ marginBottom: 8 }}>
      <Space.Compact>
        <Select
          aria-label={t('plans.simulator.warnings')}
          value={warningType}
          style={{ width: 170 }}
          options={plan.warningTypes.map((w) => ({ value: w, label: w }))}
          onChange={setWarningType}
        />
        <Select
          aria-label={t('plans.simulator.warningLevel')}
          value={level}
          style={{ width: 90 }}
          options={WARNING_LEVELS.map((l) => ({ value: l, label: t(`plans.warningLevel.${l}`) }))}
          onChange={(v: WarningLevel) => setLevel(v)}
        />
        <Button onClick={() => setNoticeOpen(true)}>{t('plans.simulator.issueWarning')}</Button>
        <Button
          disabled={!warnings[warningType]}
          onClick={() => emit((by, at) => ({ type: 'warning.lift', warningType, at, by }))}
        >
          {t('plans.simulator.liftWarning')}
        </Button>
      </Space.Compact>
      <WarningNoticeDialog
        open={noticeOpen}
        plan={plan}
        warningType={warningType}
        level={level}
        onClose={() => setNoticeOpen(false)}
        onIssue={(notice) => {
          setNoticeOpen(false);
          emit((by, at) => ({
            type: 'warning.issue',
            warningType,
            level,
            notice: { ...notice, startsAt: at },
            at,
            by,
          }));
        }}
      />
    </Form.Item>
  );
}

interface NoticeValues {
  area: string;
  issuer: string;
  content: string;
  measures: string[];
}

/** The warning notice as Art. 64 asks: area, issuer, what to watch for and what to do; measures from the plan. */
function WarningNoticeDialog({
  open,
  plan,
  warningType,
  level,
  onClose,
  onIssue,
}: {
  open: boolean;
  plan: Plan;
  warningType: string;
  level: WarningLevel;
  onClose: () => void;
  onIssue: (notice: Omit<WarningNotice, 'startsAt'>) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NoticeValues>();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={t('plans.simulator.noticeTitle', { type: warningType, level: WARNING_NAME[level] })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('plans.simulator.issueWarning')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => onIssue({ ...v, measures: v.measures ?? [] })}
        // The dialog is rebuilt at every opening, so these are the notice's defaults each time.
        initialValues={{
          area: '',
          issuer: plan.commandBody,
          content: plan.warningLevels.find((w) => w.level === level)?.meaning ?? '',
          measures: plan.warningLevels.find((w) => w.level === level)?.measures ?? [],
        }}
      >
        <Form.Item name="area" label={t('plans.simulator.noticeArea')} rules={required}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="issuer" label={t('plans.simulator.noticeIssuer')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="content" label={t('plans.simulator.noticeContent')} rules={required}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t('plans.simulator.noticeMeasures')}
          extra={t('plans.editor.measuresHint')}
        >
          <TagsInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OrderRow({ emit }: { emit: (b: Build) => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<ResponseLevel>('IV');
  return (
    <Form.Item label={t('plans.simulator.upperOrder')} style={{ marginBottom: 0 }}>
      <Space.Compact>
        <Select
          aria-label={t('plans.simulator.upperOrder')}
          value={level}
          style={{ width: 100 }}
          options={[...RESPONSE_LEVELS].reverse().map((l) => ({ value: l, label: levelLabel(l) }))}
          onChange={(v: ResponseLevel) => setLevel(v)}
        />
        <Button
          onClick={() => emit((by, at) => ({ type: 'order.receive', level, from: '上级指挥机构', at, by }))}
        >
          {t('plans.simulator.receiveOrder')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
