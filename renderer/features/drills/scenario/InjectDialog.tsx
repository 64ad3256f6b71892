import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_METHODS, injectSchema, type Contingency, type Inject } from '@shared/domain/drill/scenario';
import { formatOffset, parseOffset } from '@shared/domain/drill/scenario-time';
import { FormModal } from '../../../ui/FormModal';
import { parseForm } from '../../../ui/schema-form';

interface Values extends Omit<Inject, 'offsetMs' | 'contingency' | 'id'> {
  offset: string;
  contingencyKind: 'none' | Contingency['kind'];
  contingencyTarget?: string;
}

function toValues(inject: Inject | null, nextNo: string, offsetMs: number | null): Partial<Values> {
  if (!inject) {
    const offset = offsetMs === null ? '' : formatOffset(offsetMs);
    return { no: nextNo, offset, method: 'phone', expectedActions: [], contingencyKind: 'none' };
  }
  const c = inject.contingency;
  return {
    ...inject,
    offset: formatOffset(inject.offsetMs),
    contingencyKind: c?.kind ?? 'none',
    contingencyTarget: c
      ? c.kind === 'unlessObserved'
        ? `${c.injectId}:${c.actionId}`
        : c.injectId
      : undefined,
  };
}

function contingencyOf(values: Values): Contingency | null {
  const target = values.contingencyTarget ?? '';
  if (values.contingencyKind === 'unlessObserved') {
    const [injectId = '', actionId = ''] = target.split(':');
    return { kind: 'unlessObserved', injectId, actionId };
  }
  if (values.contingencyKind === 'afterDelivered') return { kind: 'afterDelivered', injectId: target };
  return null;
}

/** One row of the script (MSEL): edited in a form, checked with the schema the scenario is saved with. */
export function InjectDialog({
  open,
  inject,
  others,
  nextNo,
  initialOffsetMs = null,
  title,
  onSave,
  onClose,
}: {
  open: boolean;
  inject: Inject | null;
  /** The other injects of the script, for contingency targets. */
  others: readonly Inject[];
  nextNo: string;
  /** A new inject's offset to start from (the console's ad-hoc inject: now). */
  initialOffsetMs?: number | null;
  title?: string;
  onSave: (inject: Inject) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('contingencyKind', form);
  const field = (name: string) => t(`drills.inject.${name}`);
  useEffect(() => {
    if (open) form.setFieldsValue(toValues(inject, nextNo, initialOffsetMs));
    // Only at opening: the console's clock moves on while the form is filled in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, inject, nextNo, form]);

  const submit = async (values: Values) => {
    const offsetMs = parseOffset(values.offset ?? '');
    if (offsetMs === null) {
      form.setFields([{ name: 'offset', errors: [field('offsetInvalid')] }]);
      return;
    }
    const { offset: _offset, contingencyKind: _kind, contingencyTarget: _target, ...rest } = values;
    const candidate = {
      ...rest,
      id: inject?.id ?? crypto.randomUUID(),
      offsetMs,
      expectedActions: (values.expectedActions ?? []).map((a) => ({ ...a, id: a.id ?? crypto.randomUUID() })),
      contingency: contingencyOf(values),
    };
    const parsed = parseForm(injectSchema, candidate, form, t);
    if (parsed && (await onSave(parsed))) onClose();
  };

  const targets =
    kind === 'unlessObserved'
      ? others.flatMap((o) =>
          o.expectedActions.map((a) => ({ value: `${o.id}:${a.id}`, label: `${o.no} · ${a.text}` })),
        )
      : others.map((o) => ({ value: o.id, label: `${o.no} · ${o.synopsis}` }));

  return (
    <FormModal<Values>
      open={open}
      title={title ?? (inject ? field('edit') : field('add'))}
      form={form}
      onSubmit={(v) => void submit(v)}
      onClose={onClose}
    >
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="no" label={field('no')} required>
            <Input maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="offset" label={field('offset')} required extra={field('offsetHint')}>
            <Input maxLength={20} placeholder="T+1h20m" />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item name="scenarioLabel" label={field('scenarioLabel')} extra={field('scenarioLabelHint')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="synopsis" label={field('synopsis')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="text" label={field('text')} required>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="from" label={field('from')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="to" label={field('to')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="method" label={field('method')}>
            <Select
              aria-label={field('method')}
              options={DELIVERY_METHODS.map((m) => ({ value: m, label: t(`drills.method.${m}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={field('expectedActions')}>
        <Form.List name="expectedActions">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'text']} style={{ width: 300, marginBottom: 4 }}>
                    <Input
                      aria-label={field('actionText')}
                      placeholder={field('actionText')}
                      maxLength={200}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'windowMinutes']} style={{ marginBottom: 4 }} initialValue={30}>
                    <InputNumber
                      aria-label={field('windowMinutes')}
                      min={1}
                      max={1440}
                      addonAfter={field('minutes')}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ windowMinutes: 30 })}
              >
                {field('addAction')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="controller" label={field('controller')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="objective" label={field('objective')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="planClause" label={field('planClause')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="evaluatorNotes" label={field('evaluatorNotes')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item name="contingencyKind" label={field('contingency')}>
        <Select
          aria-label={field('contingency')}
          options={(['none', 'unlessObserved', 'afterDelivered'] as const).map((k) => ({
            value: k,
            label: field(k === 'none' ? 'contingencyNone' : k),
          }))}
        />
      </Form.Item>
      {kind && kind !== 'none' ? (
        <Form.Item name="contingencyTarget" rules={[{ required: true, message: t('validation.required') }]}>
          <Select aria-label={field('contingencyOn')} options={targets} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}
