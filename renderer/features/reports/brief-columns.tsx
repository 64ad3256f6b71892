/** The tables of the 每日简况, column by column; times inside the day show as HH:mm, others with their date. */
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type {
  BriefHighlight,
  BriefIncidentRow,
  BriefIntakeRow,
  BriefLateRow,
  BriefReportRow,
  OnDutyShift,
} from '@shared/domain/duty/daily-brief';
import { casualtyText } from '@shared/domain/duty/intake';
import { isWithin, type Period } from '@shared/domain/duty/periods';
import { LevelTag } from '../plans/LevelTag';
import { durationLabel } from './sheet-parts';

export function briefColumns(t: TFunction, day: Period) {
  const time = (ms: number | null) =>
    ms === null
      ? t('duty.intake.unknownTime')
      : dayjs(ms).format(isWithin(ms, day) ? 'HH:mm' : 'MM-DD HH:mm');
  const intake = (name: string) => t(`duty.intake.fields.${name}`);
  const incident = (name: string) => t(`incidents.fields.${name}`);
  const col = (name: string) => t(`reportsArea.daily.columns.${name}`);

  const intakes: ColumnsType<BriefIntakeRow> = [
    { title: intake('serial'), dataIndex: 'serial', width: 96 },
    { title: intake('receivedAt'), dataIndex: 'receivedAt', width: 84, render: time },
    { title: intake('occurredAt'), dataIndex: 'occurredAt', width: 96, render: time },
    {
      title: intake('category'),
      dataIndex: 'category',
      width: 130,
      render: (c: BriefIntakeRow['category']) => t(`duty.intake.categories.${c}`),
    },
    { title: intake('place'), dataIndex: 'place', width: 180 },
    { title: intake('nature'), dataIndex: 'nature' },
    { title: intake('casualties'), key: 'casualties', width: 160, render: (_, r) => casualtyText(r) },
    { title: t('incidents.linkedColumn'), dataIndex: 'incidentSerial', width: 96 },
  ];

  const incidents: ColumnsType<BriefIncidentRow> = [
    { title: incident('serial'), dataIndex: 'serial', width: 96 },
    { title: incident('title'), dataIndex: 'title' },
    { title: incident('place'), dataIndex: 'place', width: 180 },
    {
      title: col('grade'),
      dataIndex: 'grade',
      width: 90,
      render: (g: BriefIncidentRow['grade']) => t(`incidents.reports.grades.${g}`),
    },
    {
      title: incident('level'),
      dataIndex: 'level',
      width: 130,
      render: (level: BriefIncidentRow['level']) =>
        level ? <LevelTag level={level} /> : t('reportsArea.daily.noLevel'),
    },
    {
      title: col('movement'),
      key: 'movement',
      width: 150,
      render: (_, r) =>
        `${t(`reportsArea.daily.movements.${r.movement}`)}${r.closedAt !== null ? ` ${time(r.closedAt)}` : ''}`,
    },
    { title: col('logLines'), dataIndex: 'logLines', width: 100, align: 'right' },
  ];

  const highlights: ColumnsType<BriefHighlight> = [
    { title: col('time'), dataIndex: 'at', width: 84, render: time },
    { title: col('incident'), dataIndex: 'incidentSerial', width: 96 },
    { title: col('change'), dataIndex: 'text' },
  ];

  const reports: ColumnsType<BriefReportRow> = [
    { title: t('incidents.reports.sentAt'), dataIndex: 'sentAt', width: 84, render: time },
    {
      title: col('incident'),
      key: 'incident',
      render: (_, r) => `${r.incidentSerial} ${r.incidentTitle}`,
    },
    { title: col('report'), dataIndex: 'title', width: 84 },
    {
      title: t('incidents.reports.channel'),
      dataIndex: 'channel',
      width: 84,
      render: (c: BriefReportRow['channel']) => t(`incidents.reports.channels.${c}`),
    },
    { title: t('incidents.reports.recipient'), dataIndex: 'recipient', width: 180 },
    {
      title: col('timing'),
      key: 'timing',
      width: 150,
      render: (_, r) =>
        r.timing === 'late' ? (
          <Tag color="error">
            {t('reportsArea.daily.timing.late')} {durationLabel(t, r.lateByMs)}
          </Tag>
        ) : (
          t(`reportsArea.daily.timing.${r.timing}`)
        ),
    },
  ];

  const late: ColumnsType<BriefLateRow> = [
    {
      title: col('incident'),
      key: 'incident',
      render: (_, r) => `${r.incidentSerial} ${r.incidentTitle}`,
    },
    { title: col('deadline'), dataIndex: 'label', width: 200 },
    { title: col('dueAt'), dataIndex: 'dueAt', width: 110, render: time },
    {
      title: col('state'),
      key: 'state',
      width: 150,
      render: (_, r) => (
        <>
          <Tag color={r.state === 'late' ? 'error' : 'warning'}>
            {t(`reportsArea.daily.states.${r.state}`)}
          </Tag>
          {r.isFlagged ? t('reportsArea.daily.flagged') : null}
        </>
      ),
    },
    { title: col('overBy'), key: 'overBy', width: 120, render: (_, r) => durationLabel(t, r.lateByMs) },
  ];

  const onDuty: ColumnsType<OnDutyShift> = [
    { title: t('reportsArea.daily.onDuty.shift'), dataIndex: 'shift', width: 140 },
    { title: t('reportsArea.daily.onDuty.leader'), dataIndex: 'leader', width: 140 },
    {
      title: t('reportsArea.daily.onDuty.officers'),
      dataIndex: 'officers',
      render: (names: string[]) => names.join('、'),
    },
  ];

  return { intakes, incidents, highlights, reports, late, onDuty };
}
