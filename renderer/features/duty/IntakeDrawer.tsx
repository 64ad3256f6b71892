import { App, Button, DatePicker, Divider, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_CATEGORIES, intakeInputSchema, type Intake } from '@shared/domain/duty/intake';
import { useServices } from '../../services/services';
import { parseForm } from '../../ui/schema-form';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';

interface Values extends Record<string, unknown> {
  receivedAt?: Dayjs | null;
  occurredAt?: Dayjs | null;
}

const DATE_TIME = 'YYYY-MM-DD HH:mm';

/**
 * 接报登记 as the call goes: the receipt time is filled with now (24-hour clock) and everything else is typed
 * while listening. Problems land on their fields and nothing typed is lost; a correction keeps the number.
 */
export function IntakeDrawer({ intake, onClose }: { intake: Intake | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { intakes, now } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    form.setFieldsValue(
      intake
        ? {
            ...intake,
            receivedAt: dayjs(intake.receivedAt),
            occurredAt: intake.occurredAt ? dayjs(intake.occurredAt) : null,
          }
        : { receivedAt: dayjs(now()), dead: 0, injured: 0, missing: 0 },
    );
  }, [form, intake, now]);

  const save = async (values: Values) => {
    const actor = requireActor();
    if (!actor) return;
    const input = parseForm(
      intakeInputSchema,
      {
        ...values,
        receivedAt: values.receivedAt?.valueOf(),
        occurredAt: values.occurredAt ? values.occurredAt.valueOf() : null,
      },
      form,
      t,
    );
    if (!input) return;
    try {
      const saved = await intakes.save(input, intake?.id ?? null, actor);
      void message.success(
        t(intake ? 'duty.intake.corrected' : 'duty.intake.saved', { serial: saved.serial }),
      );
      onClose();
    } catch (error) {
      void message.error(translateError(t, error));
    }
  };

  const field = (name: string) => t(`duty.intake.fields.${name}`);
  const count = (name: 'dead' | 'injured' | 'missing') => (
    <Form.Item name={name} label={field(name)}>
      <InputNumber min={0} precision={0} style={{ width: 120 }} />
    </Form.Item>
  );

  return (
    <Drawer
      open
      width={720}
      title={intake ? `${t('duty.intake.edit')} ${intake.serial}` : t('duty.intake.new')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark>
        <Divider titlePlacement="start">{t('duty.intake.sections.report')}</Divider>
        <Space wrap align="start">
          <Form.Item name="receivedAt" label={field('receivedAt')} required>
            <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="sourceUnit" label={field('sourceUnit')}>
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="sourcePerson" label={field('sourcePerson')} required>
            <Input maxLength={30} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="sourcePhone" label={field('sourcePhone')} required>
            <Input maxLength={30} style={{ width: 150 }} />
          </Form.Item>
        </Space>
        <Divider titlePlacement="start">{t('duty.intake.sections.event')}</Divider>
        <Space wrap align="start">
          <Form.Item name="occurredAt" label={field('occurredAt')}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="category" label={field('category')} required>
            <Select
              style={{ width: 160 }}
              options={EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`duty.intake.categories.${c}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="place" label={field('place')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nature" label={field('nature')} required>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <Form.Item name="scope" label={field('scope')}>
          <Input maxLength={500} />
        </Form.Item>
        <Divider titlePlacement="start">{t('duty.intake.sections.impact')}</Divider>
        <Space wrap align="start">
          {count('dead')}
          {count('injured')}
          {count('missing')}
        </Space>
        <Form.Item name="losses" label={field('losses')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="trend" label={field('trend')}>
          <Input maxLength={500} />
        </Form.Item>
        <Divider titlePlacement="start">{t('duty.intake.sections.response')}</Divider>
        <Form.Item name="leadersOnScene" label={field('leadersOnScene')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="measuresTaken" label={field('measuresTaken')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
