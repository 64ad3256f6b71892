import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WARNING_LEVELS, WARNING_NAME } from '@shared/domain/plan/levels';
import type { Observation, Trigger } from '@shared/domain/plan/plan-schema';

type Kind = Trigger['kind'];
const KINDS: Kind[] = ['threshold', 'flag', 'warning', 'elapsed', 'upperOrder', 'all'];

export interface TriggerContext {
  observations: Observation[];
  warningTypes: string[];
}

/**
 * 启动条件 builder: each row is one condition of the "any one of" list (or, inside 同时满足, of the "all of"
 * list). The fields shown follow the kind, so a planner never sees a field that does not apply.
 */
export function TriggerList({
  name,
  path,
  context,
  nested = false,
}: {
  /** The list's name relative to the enclosing Form.List, as antd nests names. */
  name: (string | number)[];
  /** The same list's absolute path in the form, to watch a row's kind. */
  path: (string | number)[];
  context: TriggerContext;
  nested?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <div
              key={field.key}
              className="trigger-row"
              data-testid={nested ? undefined : `trigger-${index + 1}`}
            >
              <Space align="start" wrap>
                <Typography.Text className="trigger-number">{nested ? '·' : `${index + 1}.`}</Typography.Text>
                <Form.Item
                  name={[field.name, 'kind']}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Select
                    style={{ width: 150 }}
                    aria-label={t('plans.editor.triggerKind')}
                    options={KINDS.filter((k) => !nested || k !== 'all').map((k) => ({
                      value: k,
                      label: t(`plans.editor.kinds.${k}`),
                    }))}
                  />
                </Form.Item>
                <div className="trigger-fields">
                  <TriggerFields fieldName={field.name} path={[...path, field.name]} context={context} />
                </div>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              </Space>
            </div>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'threshold' })}>
            {nested ? t('plans.editor.addPart') : t('plans.editor.addTrigger')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

function TriggerFields({
  fieldName,
  path,
  context,
}: {
  fieldName: number;
  path: (string | number)[];
  context: TriggerContext;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch([...path, 'kind'], { form, preserve: true }) as Kind | undefined;
  const base = [fieldName];
  const required = [{ required: true, message: t('validation.required') }];
  const observations = (k: Observation['kind']) =>
    context.observations
      .filter((o) => o.kind === k && o.key)
      .map((o) => ({ value: o.key, label: o.unit ? `${o.label}（${o.unit}）` : o.label }));
  switch (kind) {
    case 'threshold':
      return (
        <>
          <Form.Item name={[...base, 'observation']} rules={required}>
            <Select
              style={{ width: 200 }}
              options={observations('number')}
              placeholder={t('plans.editor.observation')}
              aria-label={t('plans.editor.observation')}
            />
          </Form.Item>
          <Form.Item name={[...base, 'atLeast']}>
            <InputNumber
              style={{ width: 150 }}
              addonAfter={t('plans.editor.atLeast')}
              aria-label={t('plans.editor.atLeastLabel')}
            />
          </Form.Item>
          <Form.Item name={[...base, 'below']}>
            <InputNumber
              style={{ width: 150 }}
              addonAfter={t('plans.editor.below')}
              aria-label={t('plans.editor.belowLabel')}
            />
          </Form.Item>
        </>
      );
    case 'flag':
      return (
        <Form.Item name={[...base, 'observation']} rules={required}>
          <Select
            style={{ width: 240 }}
            options={observations('flag')}
            placeholder={t('plans.editor.observation')}
            aria-label={t('plans.editor.observation')}
          />
        </Form.Item>
      );
    case 'warning':
      return (
        <>
          <Form.Item name={[...base, 'warningType']} rules={required}>
            <Select
              style={{ width: 140 }}
              options={context.warningTypes.map((w) => ({ value: w, label: w }))}
              placeholder={t('plans.editor.warningType')}
              aria-label={t('plans.editor.warningType')}
            />
          </Form.Item>
          <Form.Item name={[...base, 'atLeast']} rules={required}>
            <Select
              style={{ width: 170 }}
              aria-label={t('plans.editor.warningAtLeast')}
              options={WARNING_LEVELS.map((l) => ({
                value: l,
                label: `${WARNING_NAME[l]}${t('plans.editor.orAbove')}`,
              }))}
            />
          </Form.Item>
        </>
      );
    case 'elapsed':
      return (
        <>
          <Form.Item name={[...base, 'since']} rules={required}>
            <Select
              style={{ width: 150 }}
              options={observations('moment')}
              placeholder={t('plans.editor.since')}
              aria-label={t('plans.editor.since')}
            />
          </Form.Item>
          <Form.Item name={[...base, 'minutes']} rules={required}>
            <InputNumber
              min={1}
              precision={0}
              style={{ width: 150 }}
              addonAfter={t('plans.editor.minutesLater')}
              aria-label={t('plans.editor.elapsedMinutes')}
            />
          </Form.Item>
          <Form.Item name={[...base, 'unless']} rules={required}>
            <Select
              style={{ width: 170 }}
              options={observations('flag')}
              placeholder={t('plans.editor.unless')}
              aria-label={t('plans.editor.unless')}
            />
          </Form.Item>
          <Form.Item name={[...base, 'alternative', 'when']}>
            <Select
              allowClear
              style={{ width: 150 }}
              options={observations('flag')}
              placeholder={t('plans.editor.alternativeWhen')}
              aria-label={t('plans.editor.alternativeWhen')}
            />
          </Form.Item>
          <Form.Item name={[...base, 'alternative', 'minutes']}>
            <InputNumber
              min={1}
              precision={0}
              style={{ width: 130 }}
              addonAfter={t('plans.editor.minutes')}
              aria-label={t('plans.editor.alternativeMinutes')}
            />
          </Form.Item>
        </>
      );
    case 'upperOrder':
      return <Typography.Text type="secondary">{t('plans.editor.upperOrderHint')}</Typography.Text>;
    case 'all':
      return (
        <div className="trigger-nested">
          <TriggerList name={[fieldName, 'of']} path={[...path, 'of']} context={context} nested />
        </div>
      );
    default:
      return null;
  }
}
