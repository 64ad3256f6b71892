import { Card, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '@shared/domain/plan/plan-context';
import type { PlanSnapshot } from '@shared/domain/plan/replay';

/** The chart's own journal, newest first: who did what, when, and why. */
export function JournalList({ snapshot }: { snapshot: PlanSnapshot }) {
  const { t } = useTranslation();
  const entries = [...snapshot.context.journal].reverse();
  return (
    <Card size="small" title={`${t('plans.simulator.journal')}（${entries.length}）`}>
      <Table<JournalEntry>
        size="small"
        rowKey="seq"
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        dataSource={entries}
        columns={[
          { title: '#', dataIndex: 'seq', width: 50 },
          {
            title: t('settings.auditColumns.at'),
            key: 'at',
            width: 110,
            render: (_: unknown, e) => dayjs(e.at).format('MM-DD HH:mm'),
          },
          {
            title: t('settings.auditColumns.actor'),
            key: 'by',
            width: 150,
            render: (_: unknown, e) => (e.by ? `${e.by.name}（${e.by.positionName}）` : t('common.system')),
          },
          { title: t('plans.simulator.reasons'), dataIndex: 'why' },
        ]}
      />
    </Card>
  );
}
