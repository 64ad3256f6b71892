import { Button, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportPlanRef } from '@shared/domain/drill/evaluation-report';
import { CHANGE_MAX, EVIDENCE_MAX, type PlanRevision } from '@shared/domain/drill/plan-revision';
import { PLAN_CLAUSE_MAX } from '@shared/domain/drill/evaluation';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';
import { planLabel } from './report-format';

interface Values {
  plan: string;
  clause: string;
  evidence: string;
  suggestedChange: string;
}

const planKey = (p: { id: string; version: number }) => `${p.id}@${p.version}`;

/**
 * Edits a proposed 预案修订建议: the plan (of those the drill tested), the clause, the evidence and the change
 * suggested; 保存并提交 sends it to the plan, which needs the change written. A refusal keeps what was typed.
 */
export function RevisionDialog({
  revision,
  plans,
  onClose,
}: {
  revision: PlanRevision;
  plans: ReportPlanRef[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { planRevisions } = useServices();
  const write = useSignedWrite();
  const [form] = Form.useForm<Values>();
  const l = (key: string) => t(`drillReport.revisions.${key}`);
  const own = { id: revision.planId, version: revision.planVersion, title: null };
  // The suggestion's own plan stays choosable even when the scenario no longer lists it.
  const options = [...plans, ...(plans.some((p) => planKey(p) === planKey(own)) ? [] : [own])].map((p) => ({
    value: planKey(p),
    label: planLabel(t, p),
  }));

  const save = async (andSend: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    if (andSend && !values.suggestedChange.trim()) {
      form.setFields([{ name: 'suggestedChange', errors: [l('changeNeeded')] }]);
      return;
    }
    const [planId = '', version = '0'] = values.plan.split(/@(?=\d+$)/);
    const ok = await write(
      async (actor) => {
        await planRevisions.update(
          revision.id,
          {
            planId,
            planVersion: Number(version),
            clause: values.clause,
            evidence: values.evidence,
            suggestedChange: values.suggestedChange,
          },
          actor,
        );
        if (andSend) await planRevisions.send(revision.id, actor);
      },
      andSend ? l('submitted') : l('saved'),
    );
    if (ok) onClose();
  };

  return (
    <Modal
      open
      title={l('editTitle')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="save" onClick={() => void save(false)}>
          {l('save')}
        </Button>,
        <Button key="send" type="primary" onClick={() => void save(true)}>
          {l('saveAndSubmit')}
        </Button>,
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid="revision-form"
        initialValues={{
          plan: planKey(own),
          clause: revision.clause,
          evidence: revision.evidence,
          suggestedChange: revision.suggestedChange,
        }}
      >
        <Form.Item
          name="plan"
          label={l('plan')}
          rules={[{ required: true, message: t('drillReport.errors.planRequired') }]}
        >
          <Select options={options} />
        </Form.Item>
        <Form.Item
          name="clause"
          label={l('clause')}
          rules={[{ required: true, whitespace: true, message: t('drillReport.errors.clauseRequired') }]}
        >
          <Input maxLength={PLAN_CLAUSE_MAX} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={l('evidence')}
          rules={[{ required: true, whitespace: true, message: t('drillReport.errors.evidenceRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={EVIDENCE_MAX} />
        </Form.Item>
        <Form.Item name="suggestedChange" label={l('suggestedChange')}>
          <Input.TextArea rows={4} maxLength={CHANGE_MAX} placeholder={l('changePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
