import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { positionInputSchema, type PositionInput } from '@shared/domain/org/schemas';
import { POSITION_CATEGORIES, type Position } from '@shared/domain/org/types';
import { useServices } from '../../services/services';
import { FormModal } from '../../ui/FormModal';
import { RowActions } from '../../ui/RowActions';
import { parseForm, schemaRule } from '../../ui/schema-form';
import { useActor } from '../session/useSession';
import { useSignedWrite } from '../session/useSignedWrite';
import type { DirectoryData } from './useDirectoryData';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; position: Position };

export function PositionsTab({ data }: { data: DirectoryData }) {
  const { t } = useTranslation();
  const { directory } = useServices();
  const requireActor = useActor();
  const write = useSignedWrite();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const holders = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of data.people) for (const id of p.positionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [data.people]);

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => requireActor() && setEditing({ mode: 'new' })}
        >
          {t('directory.addPosition')}
        </Button>
      </Space>
      <Table<Position>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={data.positions}
        columns={[
          { title: t('directory.columns.name'), dataIndex: 'name', width: 140 },
          {
            title: t('directory.columns.category'),
            dataIndex: 'category',
            width: 100,
            render: (c: Position['category']) => <Tag>{t(`positionCategories.${c}`)}</Tag>,
          },
          { title: t('directory.columns.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('directory.columns.holders'),
            key: 'holders',
            width: 90,
            render: (_: unknown, p) => holders.get(p.id) ?? 0,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, p) => (
              <RowActions
                name={p.name}
                onEdit={() => requireActor() && setEditing({ mode: 'edit', position: p })}
                onDelete={() =>
                  void write((actor) => directory.deletePosition(p.id, actor), t('common.deleted'))
                }
              />
            ),
          },
        ]}
      />
      <PositionModal editing={editing} onClose={() => setEditing({ mode: 'closed' })} />
    </>
  );
}

function PositionModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t } = useTranslation();
  const { directory } = useServices();
  const write = useSignedWrite();
  const [form] = Form.useForm<PositionInput>();
  const position = editing.mode === 'edit' ? editing.position : null;

  useEffect(() => {
    if (editing.mode === 'closed') return;
    form.resetFields();
    form.setFieldsValue(
      editing.mode === 'edit'
        ? { ...editing.position }
        : { name: '', category: 'duty', description: '', sortOrder: 0 },
    );
  }, [editing, form]);

  const save = async (raw: PositionInput) => {
    const values = parseForm(positionInputSchema, raw, form, t);
    if (values && (await write((actor) => directory.savePosition(values, position?.id ?? null, actor))))
      onClose();
  };

  return (
    <FormModal
      open={editing.mode !== 'closed'}
      title={position ? t('directory.editPosition') : t('directory.addPosition')}
      form={form}
      onSubmit={(v) => void save(v)}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('directory.columns.name')}
        rules={[schemaRule(positionInputSchema.shape.name, t, { required: true })]}
      >
        <Input maxLength={30} autoFocus />
      </Form.Item>
      <Form.Item
        name="category"
        label={t('directory.columns.category')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          options={POSITION_CATEGORIES.map((c) => ({ value: c, label: t(`positionCategories.${c}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('directory.columns.description')}
        rules={[schemaRule(positionInputSchema.shape.description, t)]}
      >
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('directory.columns.sortOrder')}>
        <InputNumber precision={0} style={{ width: 120 }} />
      </Form.Item>
    </FormModal>
  );
}
