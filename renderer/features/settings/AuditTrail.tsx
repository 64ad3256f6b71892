import { Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/services';
import type { AuditEntry } from '../../db/records';

const LIMIT = 50;

/** The latest changes and shift changes, each with who made it: the accountability the sign-in promises. */
export function AuditTrail() {
  const { t, i18n } = useTranslation();
  const { audit } = useServices();
  const rows = useLiveQuery(() => audit.latest(LIMIT), [audit]) ?? [];
  const label = (group: 'actions' | 'entities', key: string) =>
    i18n.exists(`audit.${group}.${key}`) ? t(`audit.${group}.${key}`) : key;
  return (
    <Card size="small" title={t('settings.audit', { count: LIMIT })}>
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, size: 'small' }}
        columns={[
          {
            title: t('settings.auditColumns.at'),
            dataIndex: 'at',
            width: 150,
            render: (at: number) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('settings.auditColumns.actor'),
            dataIndex: 'actor',
            width: 160,
            render: (a: AuditEntry['actor']) => (a ? `${a.name}（${a.positionName}）` : t('common.system')),
          },
          {
            title: t('settings.auditColumns.action'),
            dataIndex: 'action',
            width: 120,
            render: (a: string) => label('actions', a),
          },
          {
            title: t('settings.auditColumns.entity'),
            dataIndex: 'entity',
            width: 80,
            render: (e: string) => label('entities', e),
          },
          { title: t('settings.auditColumns.summary'), dataIndex: 'summary', ellipsis: true },
        ]}
      />
    </Card>
  );
}
