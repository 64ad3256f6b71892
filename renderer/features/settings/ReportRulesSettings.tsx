import { DeleteOutlined, EditOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_CHANNELS, REPORT_KINDS } from '@shared/domain/incident/reports';
import { EVENT_GRADES, type ReportRule } from '@shared/domain/incident/report-deadlines';
import { reportRuleSchema, reportRulesSchema, withRule } from '@shared/domain/incident/report-rules';
import { useServices } from '../../services/services';
import { FormModal } from '../../ui/FormModal';
import { parseForm, schemaRule } from '../../ui/schema-form';
import { useSignedWrite } from '../session/useSignedWrite';

type RuleFields = Omit<ReportRule, 'id' | 'withinMinutes'> & { withinMinutes: number | null };
type Editing = { id: string; isNew: boolean } | null;

const FROMS = ['occurrence', 'receipt'] as const;
const NEW_RULE: RuleFields = {
  label: '',
  kind: 'initial',
  channel: 'written',
  minGrade: 'general',
  withinMinutes: 60,
  from: 'receipt',
};

/**
 * 信息报送时限规则 of this jurisdiction: the rules every incident's countdowns are computed from. The whole set
 * is saved at once (signed and audited) and checked again by the repository; a refused rule stays in the
 * form with the message on its field.
 */
export function ReportRulesSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useServices();
  const write = useSignedWrite();
  const stored = useLiveQuery(() => settings.getReportRules(), [settings]);
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<RuleFields>();
  const rules = stored?.rules ?? [];
  const k = (key: string, options: Record<string, string | number> = {}) =>
    t(`settings.reportRules.${key}`, options);

  /** Checks the whole set first, so a set the repository would refuse says why in words. */
  const saveSet = async (next: ReportRule[], success: string): Promise<boolean> => {
    const checked = reportRulesSchema.safeParse(next);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      if (issue?.message === 'initialRuleRequired' && editing)
        form.setFields([{ name: 'kind', errors: [t('validation.initialRuleRequired')] }]);
      else void message.error(t(`validation.${issue?.message ?? 'invalid'}`));
      return false;
    }
    return write((actor) => settings.saveReportRules(checked.data, actor), success);
  };

  const submit = async (values: RuleFields) => {
    if (!editing) return;
    const rule = parseForm(reportRuleSchema, { ...values, id: editing.id }, form, t);
    if (!rule) return;
    if (await saveSet(withRule(rules, rule), k('saved'))) setEditing(null);
  };

  const open = (rule: ReportRule | null) => {
    form.resetFields();
    form.setFieldsValue(rule ?? NEW_RULE);
    setEditing(rule ? { id: rule.id, isNew: false } : { id: `rule-${crypto.randomUUID()}`, isNew: true });
  };

  return (
    <Card
      size="small"
      title={k('title')}
      data-testid="report-rules"
      extra={
        <Space>
          {stored?.isSample ? <Tag>{k('sample')}</Tag> : null}
          <Button size="small" icon={<PlusOutlined />} onClick={() => open(null)}>
            {k('add')}
          </Button>
          <Popconfirm
            title={k('resetConfirm')}
            okText={k('reset')}
            cancelText={t('common.cancel')}
            onConfirm={() => void write((actor) => settings.resetReportRules(actor), k('resetDone'))}
          >
            <Button size="small" icon={<RollbackOutlined />} disabled={stored?.isSample !== false}>
              {k('reset')}
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {k('hint')}
      </Typography.Paragraph>
      <Table<ReportRule>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rules}
        columns={[
          { title: k('fields.label'), dataIndex: 'label', ellipsis: true },
          {
            title: k('fields.kind'),
            dataIndex: 'kind',
            width: 56,
            render: (kind: ReportRule['kind']) => t(`incidents.reports.kinds.${kind}`),
          },
          {
            title: k('fields.channel'),
            dataIndex: 'channel',
            width: 80,
            render: (channel: ReportRule['channel']) => t(`incidents.reports.channels.${channel}`),
          },
          {
            title: k('fields.minGrade'),
            dataIndex: 'minGrade',
            width: 120,
            render: (grade: ReportRule['minGrade']) =>
              k('gradeAndAbove', { grade: t(`incidents.reports.grades.${grade}`) }),
          },
          {
            title: k('fields.within'),
            key: 'within',
            width: 170,
            render: (_: unknown, rule) =>
              `${k(`froms.${rule.from}`)} ${k('minutes', { count: rule.withinMinutes })}`,
          },
          {
            key: 'actions',
            width: 64,
            render: (_: unknown, rule) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={`${t('common.edit')} ${rule.label}`}
                  onClick={() => open(rule)}
                />
                <Popconfirm
                  title={k('deleteConfirm', { label: rule.label })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    void saveSet(
                      rules.filter((r) => r.id !== rule.id),
                      t('common.deleted'),
                    )
                  }
                >
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('common.delete')} ${rule.label}`}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FormModal
        open={editing !== null}
        title={editing?.isNew ? k('addTitle') : k('editTitle')}
        form={form}
        onClose={() => setEditing(null)}
        onSubmit={(values) => void submit(values)}
      >
        <Form.Item
          name="label"
          label={k('fields.label')}
          required
          rules={[schemaRule(reportRuleSchema.shape.label, t, { required: true })]}
        >
          <Input maxLength={40} placeholder={k('labelPlaceholder')} />
        </Form.Item>
        <Space size={12} wrap>
          <Form.Item name="kind" label={k('fields.kind')} required>
            <Select
              style={{ width: 110 }}
              options={REPORT_KINDS.map((kind) => ({
                value: kind,
                label: t(`incidents.reports.kinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="channel" label={k('fields.channel')} required>
            <Select
              style={{ width: 110 }}
              options={REPORT_CHANNELS.map((c) => ({
                value: c,
                label: t(`incidents.reports.channels.${c}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="minGrade" label={k('fields.minGrade')} required>
            <Select
              style={{ width: 140 }}
              options={EVENT_GRADES.map((g) => ({
                value: g,
                label: k('gradeAndAbove', { grade: t(`incidents.reports.grades.${g}`) }),
              }))}
            />
          </Form.Item>
        </Space>
        <Space size={12} wrap align="start">
          <Form.Item name="from" label={k('fields.from')} required>
            <Select
              style={{ width: 130 }}
              options={FROMS.map((f) => ({ value: f, label: k(`froms.${f}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="withinMinutes"
            label={k('fields.withinMinutes')}
            required
            rules={[schemaRule(reportRuleSchema.shape.withinMinutes, t, { required: true })]}
          >
            <InputNumber style={{ width: 130 }} />
          </Form.Item>
        </Space>
      </FormModal>
    </Card>
  );
}
