import { CopyOutlined, LeftOutlined, RightOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dutyState } from '@shared/domain/duty/duty-state';
import { OFFICERS_REQUIRED, rosterGaps, rosterId, type RosterEntry } from '@shared/domain/duty/roster';
import {
  addDays,
  clockText,
  dateKey,
  sameSlot,
  slotAt,
  slotText,
  slotWindow,
  weekDates,
  type ShiftDefinition,
  type ShiftSlot,
} from '@shared/domain/duty/shifts';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';
import { useDirectoryData } from '../../directory/useDirectoryData';
import { dutyPeople } from './duty-people';
import { RosterDialog } from './RosterDialog';
import { ShiftSettingsDialog } from './ShiftSettingsDialog';

interface Row extends ShiftSlot {
  key: string;
  shift: ShiftDefinition;
  entry: RosterEntry | undefined;
  firstOfDay: boolean;
  past: boolean;
}

/**
 * 值班排班 a week at a time: each date's shifts with the 带班领导 and 值班员, the shift on duty now marked, and
 * what the current and coming shifts lack for the duty state in force. A click on a shift edits it.
 */
export function RosterWeek() {
  const { t } = useTranslation();
  const { duty, incidents, now } = useServices();
  const { message } = App.useApp();
  const write = useSignedWrite();
  const directory = useDirectoryData();
  const people = useMemo(() => dutyPeople(directory), [directory]);
  const [monday, setMonday] = useState(() => weekDates(dateKey(now()))[0]!);
  const [editing, setEditing] = useState<Row | null>(null);
  const [settingShifts, setSettingShifts] = useState(false);
  const dates = useMemo(() => weekDates(monday), [monday]);
  const shifts = useLiveQuery(() => duty.shifts(), [duty]);
  const entries = useLiveQuery(() => duty.rosterOf(dates), [duty, dates]);
  const open = useLiveQuery(() => incidents.listOpen(), [incidents]);
  const state = dutyState(open ?? []);
  const at = now();
  const current = shifts ? slotAt(shifts, at) : null;

  const rows: Row[] = useMemo(() => {
    if (!shifts) return [];
    const byId = new Map((entries ?? []).map((e) => [e.id, e]));
    return dates.flatMap((date) =>
      shifts.map((shift, i) => {
        const slot = { date, shiftKey: shift.key };
        return {
          ...slot,
          key: rosterId(slot),
          shift,
          entry: byId.get(rosterId(slot)),
          firstOfDay: i === 0,
          past: slotWindow(shifts, slot).end <= at,
        };
      }),
    );
  }, [dates, shifts, entries, at]);

  const weekday = (date: string) => t(`duty.roster.weekdays.${new Date(`${date}T00:00`).getDay()}`);
  const stateName = t(`duty.roster.states.${state.kind}`);
  const columns: ColumnsType<Row> = [
    {
      title: t('duty.roster.columns.date'),
      dataIndex: 'date',
      width: 130,
      onCell: (row) => ({ rowSpan: row.firstOfDay ? (shifts?.length ?? 1) : 0 }),
      render: (date: string) => `${date.slice(5)} ${weekday(date)}`,
    },
    {
      title: t('duty.roster.columns.shift'),
      key: 'shift',
      width: 190,
      render: (_, row) => {
        const next = shifts ? shifts[shifts.indexOf(row.shift) + 1] : undefined;
        const end = next ?? shifts?.[0];
        return `${row.shift.name} ${clockText(row.shift.startMinute)}–${next ? '' : t('duty.roster.nextDay')}${end ? clockText(end.startMinute) : ''}`;
      },
    },
    {
      title: t('duty.roster.columns.leader'),
      key: 'leader',
      width: 120,
      render: (_, row) => (row.entry ? people.nameOf(row.entry.leaderId) : ''),
    },
    {
      title: t('duty.roster.columns.officers'),
      key: 'officers',
      render: (_, row) => row.entry?.officerIds.map(people.nameOf).join('、') ?? '',
    },
    {
      title: t('duty.roster.columns.note'),
      key: 'note',
      width: 200,
      ellipsis: true,
      render: (_, r) => r.entry?.note,
    },
    {
      title: t('duty.roster.columns.state'),
      key: 'state',
      width: 300,
      render: (_, row) => {
        const onDuty = current !== null && sameSlot(current, row);
        // Only the shift on duty and those to come must meet the state in force; the past is what it was.
        const gaps = row.past
          ? row.entry
            ? []
            : rosterGaps(undefined, state)
          : rosterGaps(row.entry, state);
        return (
          <Space size={4} wrap>
            {onDuty ? <Tag color="processing">{t('duty.roster.current')}</Tag> : null}
            {gaps.map((gap) =>
              gap.kind === 'unstaffed' ? (
                <Tag key={gap.kind} color={row.past ? 'default' : 'error'}>
                  {t('duty.roster.unstaffed')}
                </Tag>
              ) : (
                <Tag key={gap.kind} color="warning">
                  {t('duty.roster.officersShort', { state: stateName, need: gap.need, have: gap.have })}
                </Tag>
              ),
            )}
          </Space>
        );
      },
    },
  ];

  const copy = async () => {
    let count = 0;
    const done = await write(async (actor) => {
      count = await duty.copyPreviousWeek(monday, actor);
    }, null);
    if (done) void message.info(count > 0 ? t('duty.roster.copied', { count }) : t('duty.roster.copiedNone'));
  };

  return (
    <Card
      size="small"
      title={`${t('duty.roster.title')} · ${t('duty.roster.week', { from: dates[0], to: dates[6] })}`}
      data-testid="duty-roster"
      extra={
        <Space>
          <Button icon={<LeftOutlined />} onClick={() => setMonday(addDays(monday, -7))}>
            {t('duty.roster.previousWeek')}
          </Button>
          <Button onClick={() => setMonday(weekDates(dateKey(now()))[0]!)}>
            {t('duty.roster.thisWeek')}
          </Button>
          <Button onClick={() => setMonday(addDays(monday, 7))}>
            {t('duty.roster.nextWeek')} <RightOutlined />
          </Button>
          <DatePicker
            picker="week"
            allowClear={false}
            value={dayjs(`${monday}T00:00`)}
            onChange={(value) => value && setMonday(weekDates(value.format('YYYY-MM-DD'))[0]!)}
          />
          <Button icon={<CopyOutlined />} onClick={() => void copy()}>
            {t('duty.roster.copyPreviousWeek')}
          </Button>
          <Button icon={<SettingOutlined />} onClick={() => setSettingShifts(true)}>
            {t('duty.roster.shiftSettings')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('duty.roster.presence', OFFICERS_REQUIRED)}
      </Typography.Paragraph>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={rows}
        loading={!shifts || !entries}
        rowClassName={(row) => (current && sameSlot(current, row) ? 'ant-table-row-selected' : '')}
        onRow={(row) => ({ onClick: () => setEditing(row), style: { cursor: 'pointer' } })}
      />
      {editing && shifts ? (
        <RosterDialog
          slot={editing}
          slotName={slotText(shifts, editing)}
          entry={editing.entry}
          people={people}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {settingShifts && shifts ? (
        <ShiftSettingsDialog shifts={shifts} onClose={() => setSettingShifts(false)} />
      ) : null}
    </Card>
  );
}
