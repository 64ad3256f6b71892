import { AutoComplete, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actionInputSchema,
  deadlineDateOf,
  type ActionInput,
  type CorrectiveAction,
  type FindingInput,
} from '@shared/domain/drill/corrective-action';
import { useServices } from '../../../services/services';
import { useDirectoryData } from '../../directory/useDirectoryData';
import { useSignedWrite } from '../../session/useSignedWrite';
import { parseActionForm } from './action-form';
import { sourceText } from './source-text';

interface Values {
  issue: string;
  measure: string;
  responsibleUnit: string;
  responsiblePerson: string;
  deadline: Dayjs | null;
}
const FIELDS = ['issue', 'measure', 'responsibleUnit', 'responsiblePerson', 'deadline'] as const;

/** A new action from a finding of a run: what the dialog is prefilled with. */
export interface ActionDraftTarget {
  runId: string;
  scenarioTitle: string;
  planIds: readonly string[];
  finding: FindingInput;
  /** 存在问题 as the finding words it. */
  issue: string;
}

export type ActionDialogTarget =
  { kind: 'create'; draft: ActionDraftTarget } | { kind: 'edit'; action: CorrectiveAction };

/**
 * 新增 / 编辑整改事项. Mounted only while open, so it starts from its target every time; a refused save keeps
 * the dialog open with everything typed.
 */
export function ActionDialog({ target, onClose }: { target: ActionDialogTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { correctiveActions, now } = useServices();
  const write = useSignedWrite();
  const directory = useDirectoryData();
  const [form] = Form.useForm<Values>();
  const [isSaving, setSaving] = useState(false);
  const field = (name: string) => t(`drillActions.field.${name}`);

  const initial: Partial<Values> =
    target.kind === 'edit'
      ? { ...target.action, deadline: dayjs(deadlineDateOf(target.action)) }
      : { issue: target.draft.issue };
  const source =
    target.kind === 'edit'
      ? target.action.source
      : { ...target.draft.finding, scenarioTitle: target.draft.scenarioTitle };
  const testsPlans = target.kind === 'create' && target.draft.planIds.length > 0;

  const units = useMemo(
    () => [...new Set(directory.units.map((u) => u.name))].map((value) => ({ value })),
    [directory.units],
  );
  const people = useMemo(
    () =>
      directory.people.map((p) => ({
        value: p.name,
        label: `${p.name}（${directory.unitById.get(p.unitId)?.name ?? ''}）`,
        unit: directory.unitById.get(p.unitId)?.name ?? '',
        key: p.id,
      })),
    [directory],
  );

  const submit = async (values: Values) => {
    const input: ActionInput = {
      issue: values.issue ?? '',
      measure: values.measure ?? '',
      responsibleUnit: values.responsibleUnit ?? '',
      responsiblePerson: values.responsiblePerson ?? '',
      deadlineDate: values.deadline ? values.deadline.format('YYYY-MM-DD') : '',
    };
    if (!parseActionForm(actionInputSchema, input, form, t, FIELDS, { deadlineDate: 'deadline' })) return;
    setSaving(true);
    const ok =
      target.kind === 'edit'
        ? await write(
            (actor) => correctiveActions.update(target.action.id, input, actor),
            t('drillActions.updated'),
          )
        : await write(
            (actor) =>
              correctiveActions.create(
                { ...input, runId: target.draft.runId, finding: target.draft.finding },
                actor,
              ),
            t('drillActions.created'),
          );
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Modal
      open
      width={640}
      title={t(target.kind === 'edit' ? 'drillActions.editTitle' : 'drillActions.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: isSaving }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => void submit(values)}
        data-testid="corrective-action-form"
      >
        <Typography.Paragraph type="secondary" data-testid="action-source">
          {field('source')}：{sourceText(t, source)}
        </Typography.Paragraph>
        <Form.Item name="issue" label={field('issue')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <Form.Item name="measure" label={field('measure')} required>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="responsibleUnit" label={field('responsibleUnit')} required style={{ flex: 3 }}>
            <AutoComplete
              options={units}
              placeholder={t('drillActions.unitPlaceholder')}
              filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
            />
          </Form.Item>
          <Form.Item name="responsiblePerson" label={field('responsiblePerson')} required style={{ flex: 2 }}>
            <AutoComplete
              options={people}
              placeholder={t('drillActions.personPlaceholder')}
              filterOption={(input, option) => String(option?.label ?? '').includes(input.trim())}
              onSelect={(_: string, option: { unit: string }) => {
                // The person's own unit, unless another was written already.
                if (!form.getFieldValue('responsibleUnit') && option.unit)
                  form.setFieldValue('responsibleUnit', option.unit);
              }}
            />
          </Form.Item>
          <Form.Item name="deadline" label={field('deadline')} required style={{ flex: 2 }}>
            <DatePicker
              format="YYYY-MM-DD"
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(dayjs(now()).startOf('day'))}
            />
          </Form.Item>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('drillActions.deadlineHint')}
          {testsPlans ? (
            <>
              <br />
              {t('drillActions.planHint')}
            </>
          ) : null}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
