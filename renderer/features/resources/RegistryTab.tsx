import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ResourceKind } from '@shared/domain/resources/resource-types';
import { RESOURCE_INPUT_SCHEMAS } from '@shared/domain/resources/resource-schemas';
import { useServices } from '../../services/services';
import { FormModal } from '../../ui/FormModal';
import { RowActions } from '../../ui/RowActions';
import { parseForm } from '../../ui/schema-form';
import { translateError } from '../../ui/translate-error';
import { useElementHeight } from '../../ui/use-element-height';
import { useActor } from '../session/useSession';
import { SheetButtons } from './sheet/SheetButtons';

export interface RegistryRecord {
  id: string;
  name: string;
}

export interface RegistryPageQuery {
  filter: string;
  /** From 1. */
  page: number;
  pageSize: number;
}

/**
 * A registry too large to hold (materials: 100,000 rows) pages through the database: the screen owns the
 * query, the filter box and the pager drive it, and a record opened by id is fetched on its own.
 */
export interface RegistryPaging<R> {
  query: RegistryPageQuery;
  onQuery: (query: RegistryPageQuery) => void;
  /** Records matching the query, all pages; undefined while the first page loads. */
  total: number | undefined;
  /** The filter found more than it lists. */
  capped: boolean;
  find: (id: string) => Promise<R | undefined>;
}

export interface RegistryTabProps<R extends RegistryRecord> {
  kind: ResourceKind;
  rows: readonly R[] | undefined;
  columns: ColumnsType<R>;
  /** The form's items; rendered inside the modal's Form. */
  fields: ReactNode;
  /** Form values for a record (null = a new one). */
  toForm: (record: R | null) => object;
  /** The repository input from the form's values. */
  fromForm: (values: Record<string, unknown>) => Record<string, unknown>;
  /** What the tab's filter box matches (registries held whole). */
  filterText?: (record: R) => string;
  paging?: RegistryPaging<R>;
  /** Extra links in each row, before 编辑/删除. */
  rowActions?: (record: R) => ReactNode;
  toolbar?: ReactNode;
  scrollX?: number;
}

const PAGE_SIZES = [50, 100, 200];

/**
 * One registry as a dense table with add, edit and delete. Forms validate with the repository's schema
 * (errors land on their fields) and a refusal keeps the form open with what was typed. `?open=<id>` (from
 * 一键检索) opens that record's form.
 */
export function RegistryTab<R extends RegistryRecord>(props: RegistryTabProps<R>) {
  const { kind, rows, paging } = props;
  const { t } = useTranslation();
  const { resources } = useServices();
  const { message } = App.useApp();
  const requireActor = useActor();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [editing, setEditing] = useState<{ record: R | null } | null>(null);
  const [filter, setFilter] = useState('');
  const [params, setParams] = useSearchParams();
  const box = useRef<HTMLDivElement>(null);
  const height = useElementHeight(box);

  const openId = params.get('open');
  const find = paging?.find;
  useEffect(() => {
    if (!openId || !rows) return;
    setParams({}, { replace: true });
    const held = rows.find((r) => r.id === openId);
    if (held || !find) {
      if (held) setEditing({ record: held });
      return;
    }
    void find(openId).then((record) => {
      if (record) setEditing({ record });
    });
  }, [openId, rows, setParams, find]);

  useEffect(() => {
    if (editing) form.setFieldsValue(props.toForm(editing.record) as Record<string, unknown>);
    // Only when the form opens: re-filling on every live update would overwrite what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing, form]);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const { filterText } = props;
    if (paging || !filterText || q === '') return rows ?? [];
    return (rows ?? []).filter((r) => filterText(r).toLowerCase().includes(q));
  }, [rows, filter, props, paging]);
  const total = paging ? paging.total : shown.length;

  const save = async (values: Record<string, unknown>) => {
    if (!editing) return;
    const actor = requireActor();
    if (!actor) return;
    const input = parseForm(RESOURCE_INPUT_SCHEMAS[kind], props.fromForm(values), form, t);
    if (!input) return;
    try {
      await resources.saveRecord(kind, input as never, editing.record?.id ?? null, actor);
      void message.success(t('common.saved'));
      setEditing(null);
    } catch (error) {
      void message.error(translateError(t, error));
    }
  };

  const { columns: ownColumns, rowActions } = props;
  // Held across renders, so a new count or an unchanged page after a write redraws no row of the table.
  const columns = useMemo<ColumnsType<R>>(() => {
    const remove = async (record: R) => {
      const actor = requireActor();
      if (!actor) return;
      try {
        await resources.deleteRecord(kind, record.id, actor);
        void message.success(t('common.deleted'));
      } catch (error) {
        void message.error(translateError(t, error));
      }
    };
    return [
      ...ownColumns,
      {
        title: t('resources.fields.actions'),
        key: 'actions',
        width: rowActions ? 210 : 120,
        fixed: 'right',
        render: (_: unknown, record: R) => (
          <RowActions
            name={record.name}
            onEdit={() => setEditing({ record })}
            onDelete={() => void remove(record)}
          >
            {rowActions?.(record)}
          </RowActions>
        ),
      },
    ];
  }, [ownColumns, rowActions, t, requireActor, resources, kind, message]);

  return (
    <div className="registry-tab" data-testid={`registry-${kind}`}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ record: null })}>
          {t('resources.actions.addKind', { kind: t(`resources.kinds.${kind}`) })}
        </Button>
        <Input.Search
          allowClear
          style={{ width: 260 }}
          placeholder={t('resources.search.filterTable')}
          value={paging ? paging.query.filter : filter}
          onChange={(e) =>
            paging
              ? paging.onQuery({ ...paging.query, filter: e.target.value, page: 1 })
              : setFilter(e.target.value)
          }
        />
        <SheetButtons kind={kind} />
        {props.toolbar}
        {total !== undefined && (
          <Typography.Text type="secondary">{t('common.total', { count: total })}</Typography.Text>
        )}
        {paging?.capped && (
          <Typography.Text type="warning">
            {t('resources.search.filterCapped', { count: total })}
          </Typography.Text>
        )}
      </Space>
      <div ref={box} className="registry-table-box">
        <Table<R>
          rowKey="id"
          size="small"
          // Only the rows in view are drawn: a page of 200 materials, redrawn after every stock entry or
          // import, took a quarter of a second of the page's thread when all of its rows were.
          virtual
          pagination={
            paging
              ? {
                  current: paging.query.page,
                  pageSize: paging.query.pageSize,
                  total: paging.total ?? 0,
                  size: 'small',
                  showSizeChanger: true,
                  pageSizeOptions: PAGE_SIZES,
                  onChange: (page, pageSize) => paging.onQuery({ ...paging.query, page, pageSize }),
                }
              : false
          }
          columns={columns}
          dataSource={shown}
          loading={rows === undefined}
          // The pager takes a row of the box.
          scroll={{ x: props.scrollX ?? 1100, y: Math.max(240, height - (paging ? 80 : 40)) }}
        />
      </div>
      <FormModal
        open={editing !== null}
        title={t(editing?.record ? 'resources.actions.editKind' : 'resources.actions.addKind', {
          kind: t(`resources.kinds.${kind}`),
        })}
        form={form}
        onSubmit={(values) => void save(values)}
        onClose={() => setEditing(null)}
      >
        {props.fields}
      </FormModal>
    </div>
  );
}
