import { Alert, Button, Drawer, Form, Input, Select, Space, Tooltip, TreeSelect, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, derivedRoles, sortRoles, type Role } from '@shared/domain/org/roles';
import { personInputSchema, pinSchema, type PersonInput } from '@shared/domain/org/schemas';
import type { Person } from '@shared/domain/org/types';
import { useServices } from '../../services/services';
import { parseForm, schemaRule } from '../../ui/schema-form';
import { useActPermission } from '../session/useActPermission';
import { useSignedWrite } from '../session/useSignedWrite';
import { unitTreeSelectData } from './unit-tree-select';
import type { DirectoryData } from './useDirectoryData';

type FormValues = PersonInput & { pin?: string };
const fields = personInputSchema.shape;

export function PersonDrawer({
  data,
  person,
  open,
  onClose,
}: {
  data: DirectoryData;
  person: Person | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { directory } = useServices();
  const write = useSignedWrite();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  // undefined: roles not touched in this edit; null: back to following the positions; else chosen by hand.
  const [chosenRoles, setChosenRoles] = useState<Role[] | null | undefined>(undefined);
  const rolesWhy = useActPermission('roles.change');
  const isAdministratorStored = useLiveQuery(() => directory.isAdministratorStored(), [directory], true);
  const positionIds: string[] = Form.useWatch('positionIds', form) ?? person?.positionIds ?? [];
  const followsPositions =
    chosenRoles === null || (chosenRoles === undefined && !Array.isArray(person?.roles));
  const shownRoles = followsPositions
    ? derivedRoles(positionIds, data.positions)
    : sortRoles(chosenRoles ?? person?.roles ?? []);

  useEffect(() => {
    if (!open) return;
    setChosenRoles(undefined);
    form.resetFields();
    form.setFieldsValue(
      person
        ? {
            name: person.name,
            unitId: person.unitId,
            title: person.title,
            positionIds: person.positionIds,
            mobile: person.mobile,
            officePhone: person.officePhone,
            note: person.note,
            pin: '',
          }
        : { name: '', title: '', positionIds: [], mobile: '', officePhone: '', note: '', pin: '' },
    );
  }, [open, person, form]);

  const save = async (raw: FormValues) => {
    const values = parseForm(personInputSchema, raw, form, t);
    if (!values) return;
    setSaving(true);
    const saved = await write((actor) =>
      directory.savePerson(
        values,
        person?.id ?? null,
        actor,
        raw.pin || undefined,
        rolesToSave(person, chosenRoles, derivedRoles(values.positionIds, data.positions)),
      ),
    );
    setSaving(false);
    if (saved) onClose();
  };

  const clearPin = async () => {
    if (
      person &&
      (await write((actor) => directory.setPin(person.id, null, actor), t('directory.pinCleared')))
    )
      onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={person ? t('directory.editPerson') : t('directory.addPerson')}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark>
        <Form.Item
          name="name"
          label={t('directory.columns.name')}
          rules={[schemaRule(fields.name, t, { required: true })]}
        >
          <Input maxLength={30} autoFocus />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('directory.columns.unit')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <TreeSelect
            treeData={unitTreeSelectData(data.units)}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
          />
        </Form.Item>
        <Form.Item name="title" label={t('directory.columns.title')} rules={[schemaRule(fields.title, t)]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="positionIds" label={t('directory.columns.positions')}>
          <Select
            mode="multiple"
            options={data.positions.map((p) => ({ value: p.id, label: p.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('roles.field')} extra={t('roles.byPositionHint')}>
          {isAdministratorStored ? null : (
            <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('roles.firstSetup')} />
          )}
          <Tooltip title={rolesWhy}>
            <Select
              mode="multiple"
              aria-label={t('roles.field')}
              data-testid="person-roles"
              disabled={rolesWhy !== null}
              value={shownRoles}
              onChange={(roles: Role[]) => setChosenRoles(sortRoles(roles))}
              options={ROLES.map((r) => ({
                value: r,
                label:
                  followsPositions && shownRoles.includes(r)
                    ? `${t(`roles.names.${r}`)}（${t('roles.byPosition')}）`
                    : t(`roles.names.${r}`),
              }))}
            />
          </Tooltip>
          {followsPositions || rolesWhy !== null ? null : (
            <Button size="small" type="link" onClick={() => setChosenRoles(null)}>
              {t('roles.resetToPositions')}
            </Button>
          )}
        </Form.Item>
        <Form.Item name="mobile" label={t('directory.columns.mobile')} rules={[schemaRule(fields.mobile, t)]}>
          <Input inputMode="tel" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="officePhone"
          label={t('directory.columns.officePhone')}
          rules={[schemaRule(fields.officePhone, t)]}
        >
          <Input inputMode="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="note" label={t('directory.columns.note')} rules={[schemaRule(fields.note, t)]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="pin"
          label={`${t('directory.pinField')}（${person?.pin ? t('directory.pinSet') : t('directory.pinNone')}）`}
          extra={t('directory.pinFieldHint')}
          rules={[
            {
              validator: async (_r, v: string | undefined) => {
                if (v && !pinSchema.safeParse(v).success) throw new Error(t('validation.pinInvalid'));
              },
            },
          ]}
        >
          <Input.Password inputMode="numeric" maxLength={8} autoComplete="new-password" />
        </Form.Item>
        {person?.pin ? (
          <Button size="small" onClick={() => void clearPin()}>
            {t('directory.clearPin')}
          </Button>
        ) : null}
        {person ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('directory.columns.updated')}：
            {t('directory.lastChangedBy', {
              name: person.updatedBy
                ? `${person.updatedBy.name}（${person.updatedBy.positionName}）`
                : t('common.system'),
              time: dayjs(person.updatedAt).format('YYYY-MM-DD HH:mm'),
            })}
          </Typography.Paragraph>
        ) : null}
      </Form>
    </Drawer>
  );
}

/**
 * What the save sends as roles: undefined unless this edit changes them, so an ordinary edit never needs the
 * right to change roles. Picking exactly what the positions give a person who follows them is no change.
 */
function rolesToSave(
  person: Person | null,
  chosen: Role[] | null | undefined,
  derived: readonly Role[],
): Role[] | null | undefined {
  const stored = Array.isArray(person?.roles) ? sortRoles(person.roles) : null;
  if (chosen === undefined) return undefined;
  if (chosen === null) return stored ? null : undefined;
  const same = (a: readonly Role[]) => a.join('|') === chosen.join('|');
  if (stored ? same(stored) : same(derived)) return undefined;
  return chosen;
}
