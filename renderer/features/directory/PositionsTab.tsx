import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { positionInputSchema, type PositionInput } from '@shared/domain/org/schemas';
import { POSITION_CATEGORIES, type Position } from '@shared/domain/org/types';
import { useServices } from '../../services/services';
import { parseForm, schemaRule } from '../../ui/schema-form';
import { translateError } from '../../ui/translate-error';
import { useActor } from '../session/useSession';
import type { DirectoryData } from './useDirectoryData';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; position: Position };

export function PositionsTab({ data }: { data: DirectoryData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { directory } = useServices();
  const requireActor = useActor();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const holders = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of data.people) for (const id of p.positionIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }, [data.people]);

  const remove = async (position: Position) => {
    const actor = requireActor();
    if (!actor) return;
    try {
      await directory.deletePosition(position.id, actor);
      void message.success(t('common.deleted'));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  };

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
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  onClick={() => requireActor() && setEditing({ mode: 'edit', position: p })}
                >
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.confirmDelete', { name: p.name })}
                  onConfirm={() => void remove(p)}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
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
  const { message } = App.useApp();
  const { directory } = useServices();
  const requireActor = useActor();
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
    const actor = requireActor();
    if (!actor) return;
    const values = parseForm(positionInputSchema, raw, form, t);
    if (!values) return;
    try {
      await directory.savePosition(values, position?.id ?? null, actor);
      void message.success(t('common.saved'));
      onClose();
    } catch (error) {
      void message.error(translateError(t, error));
    }
  };

  return (
    <Modal
      open={editing.mode !== 'closed'}
      title={position ? t('directory.editPosition') : t('directory.addPosition')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark>
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
      </Form>
    </Modal>
  );
}
