import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BLIND_MODES,
  DRILL_FORMS,
  DRILL_PURPOSES,
  DRILL_SCOPES,
  scenarioInputSchema,
  type Inject,
  type Scenario,
  type ScenarioInput,
} from '@shared/domain/drill/scenario';
import { AQT9009_CAPABILITIES, RATING_SCALES } from '@shared/domain/drill/evaluation';
import { useServices } from '../../../services/services';
import { TagsInput } from '../../../ui/EditableList';
import { parseForm } from '../../../ui/schema-form';
import { CriticalTasksField } from './CriticalTasksField';

type Values = Omit<ScenarioInput, 'plans' | 'injects'> & { plans?: string[] };

const LISTS = [
  'objectives',
  'units',
  'positions',
  'controllers',
  'evaluators',
  'observers',
  'trustedAgents',
  'capabilities',
] as const;

/**
 * 方案信息: what is exercised, how, against which plan versions, and by whom. Checked with the schema the
 * repository enforces; a refusal lands on its field and nothing typed is lost.
 */
export function ScenarioBasicsForm({
  scenario,
  onSave,
}: {
  scenario: Scenario | null;
  onSave: (input: ScenarioInput) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const { plans } = useServices();
  const [form] = Form.useForm<Values>();
  const planRows = useLiveQuery(() => plans.listLatest(), [plans]);
  const field = (name: string) => t(`drills.scenario.${name}`);
  useEffect(() => {
    if (!scenario) return;
    form.setFieldsValue({ ...scenario, plans: scenario.plans.map((p) => `${p.id}@${p.version}`) });
    // Replaced whole, not merged: tasks dropped on save must not linger in the form.
    form.setFieldValue('criticalTasks', scenario.criticalTasks ?? {});
  }, [scenario, form]);

  const submit = async (values: Values) => {
    const injects: Inject[] = scenario?.injects ?? [];
    const input = {
      ...values,
      // Read from the store: a capability's panel may be closed, and a removed one's tasks are pruned by the schema.
      criticalTasks: (form.getFieldValue('criticalTasks') as ScenarioInput['criticalTasks']) ?? {},
      plans: (values.plans ?? []).map((key) => {
        const [id = '', version = '0'] = key.split('@');
        return { id, version: Number(version) };
      }),
      injects,
    };
    const parsed = parseForm(scenarioInputSchema, input, form, t);
    if (parsed) await onSave(parsed);
  };

  const options = (values: readonly string[], group: string) =>
    values.map((value) => ({ value, label: t(`drills.${group}.${value}`) }));

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="small"
      onFinish={(v) => void submit(v)}
      initialValues={{
        form: 'tabletop',
        scope: 'combined',
        purpose: 'inspection',
        blind: 'open',
        ratingScale: 'psmu',
        capabilities: [...AQT9009_CAPABILITIES],
        criticalTasks: {},
      }}
      data-testid="scenario-form"
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="title" label={field('title')} required>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="hazard" label={field('hazard')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="blind" label={field('blind')}>
            <Select aria-label={field('blind')} options={options(BLIND_MODES, 'blind')} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="form" label={field('form')} required>
            <Select aria-label={field('form')} options={options(DRILL_FORMS, 'form')} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="scope" label={field('scope')} required>
            <Select aria-label={field('scope')} options={options(DRILL_SCOPES, 'scope')} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="purpose" label={field('purpose')} required>
            <Select aria-label={field('purpose')} options={options(DRILL_PURPOSES, 'purpose')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="plans" label={field('plans')}>
            <Select
              mode="multiple"
              aria-label={field('plans')}
              loading={planRows === undefined}
              options={(planRows ?? []).map((p) => ({
                value: `${p.id}@${p.version}`,
                label: `${p.meta.title}（v${p.version}）`,
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="ratingScale" label={field('ratingScale')}>
            <Select aria-label={field('ratingScale')} options={options(RATING_SCALES, 'evaluation.scales')} />
          </Form.Item>
        </Col>
        {LISTS.map((name) => (
          <Col span={name === 'objectives' || name === 'capabilities' ? 24 : 8} key={name}>
            <Form.Item
              name={name}
              label={field(name)}
              extra={
                name === 'objectives'
                  ? field('listHint')
                  : name === 'capabilities'
                    ? field('capabilitiesHint')
                    : undefined
              }
            >
              <TagsInput aria-label={field(name)} />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <CriticalTasksField />
        </Col>
      </Row>
      <Button type="primary" htmlType="submit">
        {t('common.save')}
      </Button>
    </Form>
  );
}
