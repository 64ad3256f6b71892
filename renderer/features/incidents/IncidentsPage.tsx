import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Incident } from '@shared/domain/incident/incident';
import { useServices } from '../../services/services';
import { LevelTag } from '../plans/LevelTag';
import { OpenIncidentDialog } from './OpenIncidentDialog';

/** 事件处置: every incident, newest event first; a row opens its console. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { incidents } = useServices();
  const navigate = useNavigate();
  const rows = useLiveQuery(() => incidents.list(), [incidents]);
  const [opening, setOpening] = useState(false);
  const field = (name: string) => t(`incidents.fields.${name}`);

  const columns: ColumnsType<Incident> = [
    { title: field('serial'), dataIndex: 'serial', width: 120 },
    {
      title: field('occurredAt'),
      dataIndex: 'occurredAt',
      width: 140,
      render: (ms: number) => dayjs(ms).format('YYYY-MM-DD HH:mm'),
    },
    {
      title: field('title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, r) => (
        <>
          {r.drill ? <Tag color="red">{t('drills.watermark')}</Tag> : null}
          {title}
        </>
      ),
    },
    { title: field('place'), dataIndex: 'place', width: 200, ellipsis: true },
    {
      title: field('category'),
      dataIndex: 'category',
      width: 110,
      render: (c: Incident['category']) => <Tag>{t(`duty.intake.categories.${c}`)}</Tag>,
    },
    {
      title: field('level'),
      key: 'level',
      width: 110,
      render: (_: unknown, r) =>
        r.level ? <LevelTag level={r.level} /> : <Tag>{t('plans.simulator.noLevel')}</Tag>,
    },
    {
      title: field('phase'),
      key: 'phase',
      width: 100,
      render: (_: unknown, r) => (r.plan ? t(`plans.simulator.phase.${r.phase}`) : '—'),
    },
    {
      title: field('status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Incident['status']) => (
        <Tag color={s === 'open' ? 'processing' : 'default'}>{t(`incidents.statuses.${s}`)}</Tag>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={`${t('incidents.list.title')} · ${t('incidents.list.count', { count: rows?.length ?? 0 })}`}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
          {t('incidents.list.open')}
        </Button>
      }
      data-testid="incident-list"
    >
      <Table<Incident>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 50, hideOnSinglePage: true, size: 'small' }}
        columns={columns}
        dataSource={rows ?? []}
        loading={rows === undefined}
        locale={{ emptyText: t('incidents.list.empty') }}
        onRow={(r) => ({ onClick: () => void navigate(`/incidents/${r.id}`), style: { cursor: 'pointer' } })}
      />
      {opening ? <OpenIncidentDialog initial={null} onClose={() => setOpening(false)} /> : null}
    </Card>
  );
}
