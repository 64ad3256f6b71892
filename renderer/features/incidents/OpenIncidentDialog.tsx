import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EVENT_CATEGORIES } from '@shared/domain/duty/intake';
import { incidentInputSchema, type IncidentInput } from '@shared/domain/incident/incident';
import type { PlanRecord } from '../../db/records';
import { useServices } from '../../services/services';
import { FormModal } from '../../ui/FormModal';
import { parseForm } from '../../ui/schema-form';
import { useLatestPlans } from '../plans/usePlans';
import { useSignedWrite } from '../session/useSignedWrite';

interface Values {
  title: string;
  place: string;
  category: IncidentInput['category'] | undefined;
  occurredAt: Dayjs | null;
  /** A plan's id; in a drill, `id@version` of a version the scenario tests. */
  planId: string | null;
}

/** The run a 演练事件 belongs to, and the plan versions its scenario tests. */
export interface DrillIncidentTarget {
  runId: string;
  /** The scenario's title, for the incident's unless the controller writes another. */
  title: string;
  plans: readonly { id: string; version: number }[];
}

/**
 * 立案: a new incident, empty or filled from a 接报, with the published plan to run. Problems land on their
 * fields and nothing typed is lost; once opened, the console shows it.
 */
export function OpenIncidentDialog({
  initial,
  drill = null,
  onClose,
}: {
  initial: IncidentInput | null;
  /** Opens the run's 演练事件 instead: only the tested plan versions, and the console stays where it is. */
  drill?: DrillIncidentTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { incidents, now } = useServices();
  const write = useSignedWrite();
  const navigate = useNavigate();
  const plans = useLatestPlans();
  const tested = useTestedPlans(drill);
  const [form] = Form.useForm<Values>();
  // Only published plans run; a plan with a newer draft still runs its published version.
  const published = (plans ?? []).filter((p) => p.status === 'published');
  const planOptions = drill
    ? (tested ?? []).map((p) => ({
        value: `${p.id}@${p.version}`,
        label: t('incidents.drillPlanVersion', { title: p.meta.title, version: p.version }),
      }))
    : [
        { value: null, label: t('incidents.noPlan') },
        ...published.map((p) => ({ value: p.id, label: p.meta.title })),
      ];

  useEffect(() => {
    form.setFieldsValue({
      title: initial?.title ?? drill?.title ?? '',
      place: initial?.place ?? '',
      category: initial?.category,
      occurredAt: dayjs(initial?.occurredAt ?? now()),
      planId: initial?.planId ?? (drill?.plans[0] ? `${drill.plans[0].id}@${drill.plans[0].version}` : null),
    });
  }, [form, initial, now, drill]);

  const submit = (values: Values) => {
    const [planId = null, version] = drill ? (values.planId?.split('@') ?? []) : [values.planId];
    const input = parseForm(
      incidentInputSchema,
      { ...values, planId, occurredAt: values.occurredAt?.valueOf(), intakeId: initial?.intakeId ?? null },
      form,
      t,
    );
    if (!input) return;
    if (drill && !planId) {
      form.setFields([{ name: 'planId', errors: [t('validation.required')] }]);
      return;
    }
    let id = '';
    void write(
      async (actor) => {
        id = drill
          ? await incidents.openForDrill(drill.runId, { ...input, planVersion: Number(version) }, actor)
          : await incidents.open(input, actor);
      },
      drill ? t('incidents.drillOpened') : null,
    ).then(async (ok) => {
      if (!ok) return;
      onClose();
      if (!drill) await navigate(`/incidents/${id}`);
    });
  };

  const field = (name: string) => t(`incidents.fields.${name}`);
  return (
    <FormModal
      open
      title={drill ? t('incidents.openDrill') : t('incidents.list.open')}
      form={form}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="title" label={field('title')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="place" label={field('place')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label={field('category')} required>
        <Select
          options={EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`duty.intake.categories.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="occurredAt" label={field('occurredAt')} required>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isAfter(dayjs(now()), 'day')}
        />
      </Form.Item>
      <Form.Item
        name="planId"
        label={field('plan')}
        required={Boolean(drill)}
        extra={
          <Typography.Text type="secondary">
            {drill ? t('incidents.drillPlanHint') : t('incidents.planHint')}
          </Typography.Text>
        }
      >
        <Select aria-label={field('plan')} options={planOptions} />
      </Form.Item>
    </FormModal>
  );
}

/** The plan versions a drill's scenario tests, as stored (a drill may test a superseded or draft version). */
function useTestedPlans(drill: DrillIncidentTarget | null): PlanRecord[] | undefined {
  const { plans } = useServices();
  const keys = drill?.plans.map((p) => `${p.id}@${p.version}`).join(',') ?? '';
  return useLiveQuery(async () => {
    if (!drill) return [];
    const rows = await Promise.all(drill.plans.map((p) => plans.get(p.id, p.version)));
    return rows.filter((p): p is PlanRecord => p !== undefined);
    // The keys stand for the list: a new array with the same versions must not query again.
  }, [plans, keys]);
}
