import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Table, TreeSelect } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitInputSchema, type UnitInput } from '@shared/domain/org/schemas';
import { UNIT_KINDS, type Unit } from '@shared/domain/org/types';
import { buildUnitTree, type UnitNode } from '@shared/domain/org/unit-tree';
import { useServices } from '../../services/services';
import { parseForm, schemaRule } from '../../ui/schema-form';
import { FormModal } from '../../ui/FormModal';
import { RowActions } from '../../ui/RowActions';
import { useActor } from '../session/useSession';
import { useSignedWrite } from '../session/useSignedWrite';
import { unitTreeSelectData } from './unit-tree-select';
import type { DirectoryData } from './useDirectoryData';

interface UnitRow {
  key: string;
  unit: Unit;
  members: number;
  children?: UnitRow[];
}

type Editing = { mode: 'closed' } | { mode: 'new'; parentId: string | null } | { mode: 'edit'; unit: Unit };

export function UnitsTab({ data }: { data: DirectoryData }) {
  const { t } = useTranslation();
  const { directory } = useServices();
  const requireActor = useActor();
  const write = useSignedWrite();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });

  const rows = useMemo(() => {
    const members = new Map<string, number>();
    for (const p of data.people) members.set(p.unitId, (members.get(p.unitId) ?? 0) + 1);
    const toRow = (node: UnitNode): UnitRow => {
      const children = node.children.map(toRow);
      return {
        key: node.unit.id,
        unit: node.unit,
        members: members.get(node.unit.id) ?? 0,
        ...(children.length ? { children } : {}),
      };
    };
    return buildUnitTree(data.units).map(toRow);
  }, [data]);

  const columns: ColumnsType<UnitRow> = [
    { title: t('directory.columns.name'), key: 'name', render: (_: unknown, r) => r.unit.name },
    {
      title: t('directory.columns.kind'),
      key: 'kind',
      width: 140,
      render: (_: unknown, r) => t(`unitKinds.${r.unit.kind}`),
    },
    {
      title: t('directory.columns.phone'),
      key: 'phone',
      width: 140,
      render: (_: unknown, r) => r.unit.phone,
    },
    {
      title: t('directory.columns.address'),
      key: 'address',
      ellipsis: true,
      render: (_: unknown, r) => r.unit.address,
    },
    {
      title: t('directory.columns.holders'),
      key: 'members',
      width: 90,
      render: (_: unknown, r) => r.members,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, r) => (
        <RowActions
          name={r.unit.name}
          onEdit={() => requireActor() && setEditing({ mode: 'edit', unit: r.unit })}
          onDelete={() => void write((actor) => directory.deleteUnit(r.unit.id, actor), t('common.deleted'))}
        >
          <Button
            type="link"
            size="small"
            onClick={() => requireActor() && setEditing({ mode: 'new', parentId: r.unit.id })}
          >
            {t('directory.addUnit')}
          </Button>
        </RowActions>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => requireActor() && setEditing({ mode: 'new', parentId: null })}
        >
          {t('directory.addUnit')}
        </Button>
      </Space>
      <Table<UnitRow>
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
      />
      <UnitModal data={data} editing={editing} onClose={() => setEditing({ mode: 'closed' })} />
    </>
  );
}

function UnitModal({
  data,
  editing,
  onClose,
}: {
  data: DirectoryData;
  editing: Editing;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { directory } = useServices();
  const write = useSignedWrite();
  const [form] = Form.useForm<UnitInput>();
  const unit = editing.mode === 'edit' ? editing.unit : null;

  useEffect(() => {
    if (editing.mode === 'closed') return;
    form.resetFields();
    form.setFieldsValue(
      editing.mode === 'edit'
        ? { ...editing.unit }
        : { name: '', kind: 'department', parentId: editing.parentId, phone: '', address: '', sortOrder: 0 },
    );
  }, [editing, form]);

  const save = async (raw: UnitInput) => {
    const values = parseForm(unitInputSchema, { ...raw, parentId: raw.parentId ?? null }, form, t);
    if (values && (await write((actor) => directory.saveUnit(values, unit?.id ?? null, actor)))) onClose();
  };

  return (
    <FormModal
      open={editing.mode !== 'closed'}
      title={unit ? t('directory.editUnit') : t('directory.addUnit')}
      form={form}
      onSubmit={(v) => void save(v)}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('directory.columns.name')}
        rules={[schemaRule(unitInputSchema.shape.name, t, { required: true })]}
      >
        <Input maxLength={60} autoFocus />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('directory.columns.kind')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('directory.columns.parent')}>
        <TreeSelect
          allowClear
          placeholder={t('directory.topLevel')}
          treeData={unitTreeSelectData(data.units, unit?.id)}
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('directory.columns.phone')}
        rules={[schemaRule(unitInputSchema.shape.phone, t)]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="address"
        label={t('directory.columns.address')}
        rules={[schemaRule(unitInputSchema.shape.address, t)]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('directory.columns.sortOrder')}>
        <InputNumber precision={0} style={{ width: 120 }} />
      </Form.Item>
    </FormModal>
  );
}
