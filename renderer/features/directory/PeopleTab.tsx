import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Tag, Typography, type InputRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { peopleToCsv } from '@shared/domain/org/people-csv';
import { matchesQuery } from '@shared/domain/org/search';
import { effectiveRoles } from '@shared/domain/org/roles';
import type { Person } from '@shared/domain/org/types';
import { descendantIds } from '@shared/domain/org/unit-tree';
import { useServices } from '../../services/services';
import { translateError } from '../../ui/translate-error';
import { useElementHeight } from '../../ui/use-element-height';
import { useActor } from '../session/useSession';
import { useSignedWrite } from '../session/useSignedWrite';
import { RowActions } from '../../ui/RowActions';
import { ImportPeopleDialog } from './ImportPeopleDialog';
import { PersonDrawer } from './PersonDrawer';
import { UnitTreePanel } from './UnitTreePanel';
import type { DirectoryData } from './useDirectoryData';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; person: Person };

/** One collator for the whole list: `localeCompare` with a locale builds one per comparison (4× slower). */
const BY_NAME = new Intl.Collator('zh-CN');

export function PeopleTab({ data }: { data: DirectoryData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { platform, directory } = useServices();
  const requireActor = useActor();
  const write = useSignedWrite();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [importOpen, setImportOpen] = useState(false);
  const searchRef = useRef<InputRef>(null);
  const tableBox = useRef<HTMLDivElement>(null);
  const tableHeight = useElementHeight(tableBox);

  const startNew = () => {
    if (requireActor()) setEditing({ mode: 'new' });
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      } else if (event.altKey && event.code === 'KeyN') {
        event.preventDefault();
        startNew();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const rows = useMemo(() => {
    const inUnits = unitId === null ? null : descendantIds(data.units, unitId);
    return data.people
      .filter((p) => inUnits === null || inUnits.has(p.unitId))
      .filter((p) => {
        if (deferredQuery.trim() === '') return true;
        const unitName = data.unitById.get(p.unitId)?.name ?? '';
        const positions = p.positionIds.map((id) => data.positionById.get(id)?.name ?? '').join(' ');
        return matchesQuery(p.searchText, deferredQuery, `${unitName} ${positions}`);
      })
      .sort((a, b) => BY_NAME.compare(a.name, b.name));
  }, [data, unitId, deferredQuery]);

  useEffect(() => {
    if (data.loaded) performance.mark('directory-interactive');
  }, [data.loaded]);

  const exportCsv = async () => {
    try {
      const csv = peopleToCsv(rows, data);
      const result = await platform.saveFile({
        defaultName: `通讯录-${new Date().toISOString().slice(0, 10)}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        content: csv,
      });
      if (result.saved) void message.success(t('directory.exported', { count: rows.length }));
    } catch (error) {
      void message.error(translateError(t, error));
    }
  };

  const columns: ColumnsType<Person> = [
    {
      title: t('directory.columns.name'),
      dataIndex: 'name',
      width: 96,
      fixed: 'left',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('directory.columns.unit'),
      dataIndex: 'unitId',
      width: 180,
      ellipsis: true,
      render: (id: string) => data.unitById.get(id)?.name ?? '—',
    },
    { title: t('directory.columns.title'), dataIndex: 'title', width: 100, ellipsis: true },
    {
      title: t('directory.columns.positions'),
      dataIndex: 'positionIds',
      width: 200,
      render: (ids: string[]) => (
        <span data-testid="person-positions-cell">
          {ids.map((id) => (
            <Tag key={id}>{data.positionById.get(id)?.name ?? '?'}</Tag>
          ))}
        </span>
      ),
    },
    {
      // Who may sign on this laptop is read at a glance; roles that follow the positions are shown as such.
      title: t('roles.field'),
      key: 'roles',
      width: 170,
      render: (_: unknown, person: Person) => {
        const { roles, isDerived } = effectiveRoles(person, data.positions);
        if (roles.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <span data-testid="person-roles-cell" title={isDerived ? t('roles.byPosition') : undefined}>
            {roles.map((r) => (
              <Tag key={r} bordered={!isDerived} color={r === 'administrator' ? 'gold' : undefined}>
                {t(`roles.names.${r}`)}
              </Tag>
            ))}
          </span>
        );
      },
    },
    { title: t('directory.columns.mobile'), dataIndex: 'mobile', width: 120 },
    { title: t('directory.columns.officePhone'), dataIndex: 'officePhone', width: 130 },
    { title: t('directory.columns.note'), dataIndex: 'note', ellipsis: true },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_: unknown, person: Person) => (
        <RowActions
          name={person.name}
          onEdit={() => requireActor() && setEditing({ mode: 'edit', person })}
          onDelete={() =>
            void write((actor) => directory.deletePerson(person.id, actor), t('common.deleted'))
          }
        />
      ),
    },
  ];

  return (
    <div className="directory-people">
      <div className="directory-tree">
        <UnitTreePanel units={data.units} people={data.people} selectedUnitId={unitId} onSelect={setUnitId} />
      </div>
      <div className="directory-list">
        <Space className="directory-toolbar" wrap>
          <Input.Search
            ref={searchRef}
            allowClear
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('directory.searchPlaceholder')}
            aria-label={t('common.search')}
            style={{ width: 380 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={startNew} title="Alt+N">
            {t('directory.addPerson')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => requireActor() && setImportOpen(true)}>
            {t('directory.importPeople')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()}>
            {t('directory.exportPeople')}
          </Button>
          <Typography.Text type="secondary" data-testid="people-count">
            {t('directory.peopleCount', { count: rows.length })}
          </Typography.Text>
        </Space>
        <div className="directory-table" ref={tableBox}>
          <Table<Person>
            rowKey="id"
            size="small"
            virtual
            bordered
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1100, y: Math.max(200, tableHeight - 40) }}
            locale={{ emptyText: t('directory.noResults') }}
            onRow={(person) => ({
              'data-testid': `person-row-${person.id}`,
              onDoubleClick: () => requireActor() && setEditing({ mode: 'edit', person }),
            })}
          />
        </div>
      </div>
      <PersonDrawer
        data={data}
        person={editing.mode === 'edit' ? editing.person : null}
        open={editing.mode !== 'closed'}
        onClose={() => setEditing({ mode: 'closed' })}
      />
      <ImportPeopleDialog data={data} open={importOpen} onClose={() => setImportOpen(false)} />
    </div>
  );
}
