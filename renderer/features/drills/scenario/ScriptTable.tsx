import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { scriptOrder, type Inject } from '@shared/domain/drill/scenario';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { InjectDialog } from './InjectDialog';

/**
 * 演练脚本: the MSEL in delivery order. Each add, edit or delete saves the scenario at once, so nothing typed
 * into the script waits on a second "save" to survive a reload.
 */
export function ScriptTable({
  injects,
  onChange,
  extra,
}: {
  injects: readonly Inject[];
  onChange: (injects: Inject[]) => Promise<boolean>;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Inject | 'new' | null>(null);
  const rows = scriptOrder(injects);
  const field = (name: string) => t(`drills.inject.${name}`);
  const nextNo = String(rows.reduce((max, r) => Math.max(max, Number.parseInt(r.no, 10) || 0), 0) + 1);

  const save = (inject: Inject) =>
    onChange(
      injects.some((i) => i.id === inject.id)
        ? injects.map((i) => (i.id === inject.id ? inject : i))
        : [...injects, inject],
    );
  const remove = (inject: Inject) =>
    onChange(
      injects
        .filter((i) => i.id !== inject.id)
        .map((i) => (i.contingency?.injectId === inject.id ? { ...i, contingency: null } : i)),
    );

  const columns: ColumnsType<Inject> = [
    { title: field('no'), dataIndex: 'no', width: 60 },
    {
      title: field('offset'),
      key: 'offset',
      width: 110,
      render: (_: unknown, r) => (
        <span>
          {formatOffset(r.offsetMs)}
          {r.scenarioLabel ? <div className="muted">{r.scenarioLabel}</div> : null}
        </span>
      ),
    },
    { title: field('synopsis'), dataIndex: 'synopsis', width: 180, ellipsis: true },
    { title: field('text'), dataIndex: 'text', ellipsis: true },
    {
      title: `${field('from')} → ${field('to')}`,
      key: 'route',
      width: 180,
      ellipsis: true,
      render: (_: unknown, r) => `${r.from || '—'} → ${r.to || '—'}`,
    },
    {
      title: field('method'),
      dataIndex: 'method',
      width: 70,
      render: (m: string) => t(`drills.method.${m}`),
    },
    {
      title: field('expectedActions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, r) =>
        r.expectedActions.map((a) => (
          <div key={a.id}>
            {a.text}（{a.windowMinutes}
            {field('minutes')}）
          </div>
        )),
    },
    {
      title: field('contingency'),
      key: 'contingency',
      width: 90,
      render: (_: unknown, r) =>
        r.contingency ? (
          <Tooltip title={field(r.contingency.kind)}>
            <Tag color="gold">{t(`drills.inject.contingencyTag.${r.contingency.kind}`)}</Tag>
          </Tooltip>
        ) : null,
    },
    {
      title: t('common.actions'),
      key: 'ops',
      width: 110,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => setEditing(r)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('drills.inject.confirmDelete', { no: r.no, synopsis: r.synopsis })}
            onConfirm={() => void remove(r)}
          >
            <Button size="small" type="link" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {field('add')}
        </Button>
        {extra}
      </Space>
      <Table<Inject>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 100, hideOnSinglePage: true, size: 'small' }}
        data-testid="script-table"
      />
      <InjectDialog
        open={editing !== null}
        inject={editing === 'new' ? null : editing}
        others={rows.filter((r) => editing === 'new' || r.id !== editing?.id)}
        nextNo={nextNo}
        onSave={save}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
