import { SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { whyCannotReceive, type Handover } from '@shared/domain/duty/handover';
import { slotAt, slotText } from '@shared/domain/duty/shifts';
import { useServices } from '../../../services/services';
import { useDirectoryData } from '../../directory/useDirectoryData';
import { useSession } from '../../session/useSession';
import { useSignedWrite } from '../../session/useSignedWrite';
import { dutyPeople } from '../roster/duty-people';
import { HandoverDialog } from './HandoverDialog';
import { HandoverSheet } from './HandoverSheet';

const DATE_TIME = 'MM-DD HH:mm';

/**
 * 交接班: the shift on duty and who stands it, the sheet waiting for 接班 (confirmable only by its receiver,
 * signed in), 交班 for the outgoing officer, and every sheet handed over, each printable.
 */
export function HandoverPanel() {
  const { t } = useTranslation();
  const { duty, settings, now } = useServices();
  const write = useSignedWrite();
  const session = useSession();
  const directory = useDirectoryData();
  const people = useMemo(() => dutyPeople(directory), [directory]);
  const [handingOver, setHandingOver] = useState(false);
  const [viewing, setViewing] = useState<Handover | null>(null);
  const data = useLiveQuery(async () => {
    const shifts = await duty.shifts();
    const current = slotAt(shifts, now());
    const [roster, sheets, install] = await Promise.all([
      duty.rosterAt(current),
      duty.listHandovers(),
      settings.getInstallSettings(),
    ]);
    return { shifts, current, roster, sheets, jurisdiction: install.jurisdictionName };
  }, [duty, settings, now]);
  if (!data) return <Card size="small" loading />;
  const { shifts, current, roster, sheets, jurisdiction } = data;
  const pending = sheets[0]?.receivedAt === null ? sheets[0] : undefined;
  const actor = session?.actor ?? null;
  const refusal = pending && actor ? whyCannotReceive(pending, actor) : null;

  const columns: ColumnsType<Handover> = [
    {
      title: t('duty.handover.columns.handedAt'),
      dataIndex: 'handedAt',
      width: 120,
      render: (at: number) => dayjs(at).format(DATE_TIME),
    },
    {
      title: t('duty.handover.columns.shift'),
      key: 'shift',
      width: 240,
      render: (_, h) => `${slotText(shifts, h.from)} → ${slotText(shifts, h.to)}`,
    },
    { title: t('duty.handover.columns.handedBy'), key: 'by', width: 100, render: (_, h) => h.handedBy.name },
    { title: t('duty.handover.columns.receiver'), dataIndex: 'receiverName', width: 100 },
    {
      title: t('duty.handover.columns.receivedAt'),
      dataIndex: 'receivedAt',
      width: 120,
      render: (at: number | null) =>
        at === null ? (
          <Tag color="warning">{t('duty.handover.notReceived')}</Tag>
        ) : (
          dayjs(at).format(DATE_TIME)
        ),
    },
    {
      title: t('duty.handover.columns.items'),
      key: 'items',
      render: (_, h) => t('duty.handover.itemCount', { count: h.items.length }),
    },
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Card
        size="small"
        title={`${t('duty.handover.currentShift')}：${slotText(shifts, current)}`}
        data-testid="handover-current"
        extra={
          <Tooltip title={t('duty.handover.handOverHint')}>
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setHandingOver(true)}>
              {t('duty.handover.handOver')}
            </Button>
          </Tooltip>
        }
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('duty.roster.title')}>
            {roster
              ? t('duty.handover.onDuty', {
                  leader: people.nameOf(roster.leaderId),
                  officers: roster.officerIds.map(people.nameOf).join('、'),
                })
              : t('duty.handover.noRoster')}
          </Descriptions.Item>
        </Descriptions>
        {pending ? (
          <Alert
            type="warning"
            showIcon
            data-testid="handover-pending"
            style={{ marginTop: 8 }}
            title={t('duty.handover.pendingTitle', {
              from: slotText(shifts, pending.from),
              to: slotText(shifts, pending.to),
              name: pending.receiverName,
            })}
            description={
              refusal === 'notReceiver' || refusal === 'selfReceipt'
                ? t('duty.handover.receiveAsOther', {
                    name: pending.receiverName,
                    current: actor?.name ?? '',
                  })
                : t('duty.handover.pendingBy', {
                    name: pending.handedBy.name,
                    time: dayjs(pending.handedAt).format(DATE_TIME),
                  })
            }
            action={
              <Space orientation="vertical">
                <Button size="small" onClick={() => setViewing(pending)}>
                  {t('duty.handover.sheetTitle')}
                </Button>
                <Button
                  size="small"
                  type="primary"
                  disabled={refusal !== null}
                  onClick={() => void write((a) => duty.receive(pending.id, a), t('duty.handover.received'))}
                >
                  {t('duty.handover.receive')}
                </Button>
              </Space>
            }
          />
        ) : null}
      </Card>
      <Card size="small" title={t('duty.handover.history')}>
        <Table<Handover>
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={columns}
          dataSource={sheets}
          locale={{ emptyText: t('duty.handover.empty') }}
          onRow={(record) => ({ onClick: () => setViewing(record), style: { cursor: 'pointer' } })}
        />
      </Card>
      {handingOver ? <HandoverDialog shifts={shifts} onClose={() => setHandingOver(false)} /> : null}
      {viewing ? (
        <HandoverSheet
          handover={viewing}
          shifts={shifts}
          jurisdiction={jurisdiction}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </Space>
  );
}
