import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EVENT_CATEGORIES } from '@shared/domain/duty/intake';
import { incidentInputSchema, type IncidentInput } from '@shared/domain/incident/incident';
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
  planId: string | null;
}

/**
 * 立案: a new incident, empty or filled from a 接报, with the published plan to run. Problems land on their
 * fields and nothing typed is lost; once opened, the console shows it.
 */
export function OpenIncidentDialog({
  initial,
  onClose,
}: {
  initial: IncidentInput | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { incidents, now } = useServices();
  const write = useSignedWrite();
  const navigate = useNavigate();
  const plans = useLatestPlans();
  const [form] = Form.useForm<Values>();
  // Only published plans run; a plan with a newer draft still runs its published version.
  const published = (plans ?? []).filter((p) => p.status === 'published');

  useEffect(() => {
    form.setFieldsValue({
      title: initial?.title ?? '',
      place: initial?.place ?? '',
      category: initial?.category,
      occurredAt: dayjs(initial?.occurredAt ?? now()),
      planId: initial?.planId ?? null,
    });
  }, [form, initial, now]);

  const submit = (values: Values) => {
    const input = parseForm(
      incidentInputSchema,
      { ...values, occurredAt: values.occurredAt?.valueOf(), intakeId: initial?.intakeId ?? null },
      form,
      t,
    );
    if (!input) return;
    let id = '';
    void write(async (actor) => {
      id = await incidents.open(input, actor);
    }, null).then(async (ok) => {
      if (!ok) return;
      onClose();
      await navigate(`/incidents/${id}`);
    });
  };

  const field = (name: string) => t(`incidents.fields.${name}`);
  return (
    <FormModal open title={t('incidents.list.open')} form={form} onSubmit={submit} onClose={onClose}>
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
        extra={<Typography.Text type="secondary">{t('incidents.planHint')}</Typography.Text>}
      >
        <Select
          aria-label={field('plan')}
          options={[
            { value: null, label: t('incidents.noPlan') },
            ...published.map((p) => ({ value: p.id, label: p.meta.title })),
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}
