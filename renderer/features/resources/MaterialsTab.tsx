import { Button, Form, Input, InputNumber, Select, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  classTree,
  className,
  nextFreeCode,
  type MaterialClass,
} from '@shared/domain/resources/material-code';
import { MATERIAL_SOURCES, type Material } from '@shared/domain/resources/resource-types';
import type { MaterialWithStock } from '../../db/repositories/resource-repository';
import { useServices } from '../../services/services';
import { enumOptions, WarehouseSelect } from './form-parts';
import { RegistryTab, type RegistryPageQuery, type RegistryPaging } from './RegistryTab';
import { StockEntryModal } from './StockEntryModal';
import { useMaterialsPage, useWarehouses } from './useResources';

type MaterialRow = MaterialWithStock;

const NO_CLASSES: MaterialClass[] = [];
const FIRST_PAGE: RegistryPageQuery = { filter: '', page: 1, pageSize: 50 };

/**
 * 物资: the items a page at a time in code order (an office may hold 100,000), each with its stock on hand
 * from the ledger, below-minimum in red, and 出入库 per row.
 */
export function MaterialsTab() {
  const { t } = useTranslation();
  const { resources } = useServices();
  const navigate = useNavigate();
  const [query, setQuery] = useState(FIRST_PAGE);
  const page = useMaterialsPage(query);
  const warehouses = useWarehouses();
  const classes = useLiveQuery(() => resources.materialClasses(), [resources]) ?? NO_CLASSES;
  const [stockFor, setStockFor] = useState<Material | null>(null);
  const warehouseName = useMemo(() => new Map((warehouses ?? []).map((w) => [w.id, w.name])), [warehouses]);
  const paging = useMemo<RegistryPaging<MaterialRow>>(
    () => ({
      query,
      onQuery: setQuery,
      total: page?.total,
      capped: page?.capped ?? false,
      find: (id) => resources.materialWithStock(id),
    }),
    [query, page, resources],
  );

  const columns = useMemo<ColumnsType<MaterialRow>>(
    () => [
      { title: t('resources.fields.code'), dataIndex: 'code', width: 90, fixed: 'left' },
      {
        title: t('resources.fields.name'),
        dataIndex: 'name',
        width: 170,
        fixed: 'left',
        render: (name: string, r: MaterialRow) => (
          <Typography.Link onClick={() => void navigate(`/resources/material/${r.id}`)}>
            {name}
          </Typography.Link>
        ),
      },
      { title: t('resources.fields.spec'), dataIndex: 'spec', width: 150, ellipsis: true },
      { title: t('resources.fields.unit'), dataIndex: 'unit', width: 60 },
      {
        title: t('resources.fields.total'),
        dataIndex: 'total',
        width: 100,
        align: 'right',
        render: (total: number, r: MaterialRow) => (
          <Typography.Text strong type={r.minimumStock > 0 && total < r.minimumStock ? 'danger' : undefined}>
            {total.toLocaleString('zh-CN')}
          </Typography.Text>
        ),
      },
      { title: t('resources.fields.minimumStock'), dataIndex: 'minimumStock', width: 90, align: 'right' },
      {
        title: t('resources.fields.warehouse'),
        dataIndex: 'warehouseId',
        width: 180,
        ellipsis: true,
        render: (id: string) => warehouseName.get(id) ?? '',
      },
      {
        title: t('resources.fields.source'),
        dataIndex: 'source',
        width: 90,
        render: (v: Material['source']) => <Tag>{t(`resources.sources.${v}`)}</Tag>,
      },
      {
        title: t('resources.fields.type'),
        key: 'class',
        ellipsis: true,
        render: (_: unknown, r: MaterialRow) => className(r.code, classes),
      },
    ],
    [t, navigate, warehouseName, classes],
  );
  const rowActions = useCallback(
    (r: MaterialRow) => (
      <Button type="link" size="small" onClick={() => setStockFor(r)}>
        {t('resources.actions.stock')}
      </Button>
    ),
    [t],
  );

  return (
    <>
      <RegistryTab<MaterialRow>
        kind="material"
        rows={page?.rows}
        paging={paging}
        columns={columns}
        scrollX={1250}
        toForm={(r) => r ?? { source: 'purchase', minimumStock: 0, warehouseId: warehouses?.[0]?.id }}
        fromForm={(v) => v}
        rowActions={rowActions}
        fields={
          <>
            <Form.Item
              label={t('resources.fields.materialClass')}
              extra={t('resources.fields.materialClassHint')}
            >
              <MaterialClassPicker classes={classes} />
            </Form.Item>
            <Form.Item
              name="code"
              label={t('resources.fields.code')}
              required
              extra={<CodeClassHint classes={classes} />}
            >
              <Input maxLength={7} placeholder="2010101" />
            </Form.Item>
            <Form.Item name="name" label={t('resources.fields.name')} required>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="spec" label={t('resources.fields.spec')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="unit" label={t('resources.fields.unit')} required>
              <Input maxLength={10} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="warehouseId" label={t('resources.fields.warehouse')} required>
              <WarehouseSelect />
            </Form.Item>
            <Form.Item name="minimumStock" label={t('resources.fields.minimumStock')}>
              <InputNumber min={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="source" label={t('resources.fields.source')}>
              <Select options={enumOptions(MATERIAL_SOURCES, (v) => t(`resources.sources.${v}`))} />
            </Form.Item>
            <Form.Item name="note" label={t('resources.fields.note')}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
          </>
        }
      />
      {stockFor && <StockEntryModal material={stockFor} onClose={() => setStockFor(null)} />}
    </>
  );
}

/** Names the class a typed code falls in, so a keeper sees 2010101 is "编织袋类" before saving. */
function CodeClassHint({ classes }: { classes: readonly { code: string; name: string }[] }) {
  const code = Form.useWatch<string | undefined>('code');
  if (!code || code.length === 0) return null;
  return <Typography.Text type="secondary">{className(code, classes)}</Typography.Text>;
}

/** 分类: pick a class from the GB/T 38565 tree, and the code field gets the first free code under it. */
function MaterialClassPicker({ classes }: { classes: readonly MaterialClass[] }) {
  const form = Form.useFormInstance();
  const { resources } = useServices();
  const tree = useMemo(() => classTree(classes), [classes]);
  return (
    <TreeSelect
      showSearch
      allowClear
      treeNodeFilterProp="title"
      treeData={tree}
      aria-label="materialClass"
      onChange={(value: string | undefined) => {
        if (!value) return;
        void resources.materialCodesUnder(value).then((taken) => {
          const code = nextFreeCode(value, taken);
          if (code) form.setFieldValue('code', code);
        });
      }}
    />
  );
}
