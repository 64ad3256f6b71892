import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditableList } from '../../../ui/EditableList';
import type { PlanGroup, PlanRole } from '@shared/domain/plan/plan-schema';
import { newId } from './plan-form';

/** 响应措施: what, who (a working group or a role), and within how many minutes of activation. */
export function ActionList({
  name,
  groups,
  roles,
}: {
  name: (string | number)[];
  groups: PlanGroup[];
  roles: PlanRole[];
}) {
  const { t } = useTranslation();
  const owners = [
    { label: t('plans.detail.groups'), options: groups.map((g) => ({ value: `g:${g.id}`, label: g.name })) },
    { label: t('plans.detail.roles'), options: roles.map((r) => ({ value: `r:${r.id}`, label: r.name })) },
  ];
  return (
    <EditableList
      name={name}
      addLabel={t('plans.editor.addAction')}
      newItem={() => ({ id: newId('a'), text: '', owner: undefined, deadlineMinutes: 60 })}
    >
      {(field) => (
        <>
          <Form.Item
            name={[field.name, 'text']}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            style={{ width: 420 }}
          >
            <Input.TextArea
              autoSize
              placeholder={t('plans.editor.actionText')}
              aria-label={t('plans.editor.actionText')}
              maxLength={300}
            />
          </Form.Item>
          <Form.Item
            name={[field.name, 'owner']}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              style={{ width: 160 }}
              options={owners}
              placeholder={t('plans.editor.owner')}
              aria-label={t('plans.editor.owner')}
            />
          </Form.Item>
          <Form.Item name={[field.name, 'deadlineMinutes']}>
            <InputNumber
              min={0}
              max={10080}
              precision={0}
              addonAfter={t('plans.editor.minutes')}
              style={{ width: 130 }}
              aria-label={t('plans.editor.deadline')}
            />
          </Form.Item>
        </>
      )}
    </EditableList>
  );
}
