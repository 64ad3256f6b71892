/**
 * The five figures of a 周报 / 月报, each a chart with the same figures as a table under it (readable by a
 * screen reader and on paper when a chart is not).
 */
import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DeadlineOutcome, PeriodSummary, Spread } from '@shared/domain/duty/duty-statistics';
import { barOption, seriesOption } from './chart-options';
import { ReportChart } from './ReportChart';
import { SheetSection } from './sheet-parts';

const minutes = (value: number | null) => (value === null ? '—' : String(Math.round(value * 10) / 10));

function Block<T extends object>({
  index,
  id,
  title,
  option,
  columns,
  rows,
  note,
}: {
  index: number;
  id: string;
  title: string;
  option: object;
  columns: ColumnsType<T>;
  rows: T[];
  note?: string;
}) {
  return (
    <div className="chart-block">
      <SheetSection index={index} title={title} testId={`summary-${id}`}>
        <ReportChart option={option} label={title} />
        <Table<T>
          rowKey={(row) => JSON.stringify(row)}
          size="small"
          bordered
          pagination={false}
          columns={columns}
          dataSource={rows}
        />
        {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
      </SheetSection>
    </div>
  );
}

/** Days laid out as a calendar: a week per row, Monday first. */
function calendarRows(byDay: PeriodSummary['byDay']) {
  const offset = (new Date(byDay[0]?.day ?? 0).getDay() + 6) % 7;
  const cells = [...Array<null>(offset).fill(null), ...byDay];
  const rows: { key: number; days: (PeriodSummary['byDay'][number] | null)[] }[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push({ key: i, days: cells.slice(i, i + 7) });
  return rows;
}

export function SummaryBlocks({ summary }: { summary: PeriodSummary }) {
  const { t } = useTranslation();
  const col = (name: string) => t(`reportsArea.period.columns.${name}`);
  const chart = (name: string) => t(`reportsArea.period.charts.${name}`);
  const count = { title: col('count'), dataIndex: 'count', width: 110, align: 'right' as const };

  const categories = summary.byCategory.map((c) => ({
    label: t(`duty.intake.categories.${c.category}`),
    count: c.count,
  }));
  const streets = summary.byStreet.map((s) => ({
    label: s.name ?? t('reportsArea.period.noStreet'),
    count: s.count,
  }));
  const days = summary.byDay.map((d) => dayjs(d.day).format(t('reportsArea.formats.shortDate')));
  const delays: (Spread & { label: string })[] = [
    { label: t('reportsArea.period.intakeDelay'), ...summary.intakeDelay },
    { label: t('reportsArea.period.reportDelay'), ...summary.reportDelay },
  ];
  const kinds = summary.deadlines.map((d) => ({ ...d, label: t(`incidents.reports.kinds.${d.kind}`) }));
  const outcomes = [
    ['met', '#52c41a'],
    ['late', '#cf1322'],
    ['overdue', '#fa8c16'],
    ['pending', '#bfbfbf'],
  ] as const;
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    dayjs(summary.byDay[0]?.day ?? 0)
      .day((i + 1) % 7)
      .format('dd'),
  );

  return (
    <div className="summary-grid">
      <Block
        index={0}
        id="category"
        title={chart('byCategory')}
        option={barOption(
          categories.map((c) => c.label),
          categories.map((c) => c.count),
        )}
        columns={[{ title: col('category'), dataIndex: 'label' }, count]}
        rows={categories}
      />
      <Block
        index={1}
        id="street"
        title={chart('byStreet')}
        option={barOption(
          streets.map((s) => s.label),
          streets.map((s) => s.count),
          { horizontal: true },
        )}
        columns={[{ title: col('street'), dataIndex: 'label' }, count]}
        rows={streets}
      />
      <Block
        index={2}
        id="day"
        title={chart('byDay')}
        option={barOption(
          days,
          summary.byDay.map((d) => d.count),
        )}
        columns={weekdays.map((name, i) => ({
          title: name,
          key: String(i),
          align: 'center' as const,
          render: (_: unknown, row: ReturnType<typeof calendarRows>[number]) => {
            const day = row.days[i];
            return day ? (
              <span className="calendar-cell">
                <span className="calendar-date">{dayjs(day.day).format('D')}</span>
                {day.count > 0 ? <b>{day.count}</b> : <span className="calendar-zero">0</span>}
              </span>
            ) : null;
          },
        }))}
        rows={calendarRows(summary.byDay)}
      />
      <Block
        index={3}
        id="delays"
        title={chart('delays')}
        option={seriesOption(
          delays.map((d) => d.label),
          [
            {
              name: t('reportsArea.period.median'),
              values: delays.map((d) => Math.round((d.medianMinutes ?? 0) * 10) / 10),
              color: '#1f5fad',
            },
            {
              name: t('reportsArea.period.max'),
              values: delays.map((d) => Math.round((d.maxMinutes ?? 0) * 10) / 10),
              color: '#8fb3e6',
            },
          ],
        )}
        columns={[
          { title: col('measure'), dataIndex: 'label' },
          { title: col('measured'), dataIndex: 'count', width: 80, align: 'right' },
          { title: col('median'), dataIndex: 'medianMinutes', width: 120, align: 'right', render: minutes },
          { title: col('max'), dataIndex: 'maxMinutes', width: 120, align: 'right', render: minutes },
        ]}
        rows={delays}
        note={
          summary.reportDelay.withoutReport > 0
            ? t('reportsArea.period.withoutReport', { count: summary.reportDelay.withoutReport })
            : undefined
        }
      />
      <Block<DeadlineOutcome & { label: string }>
        index={4}
        id="deadlines"
        title={chart('deadlines')}
        option={seriesOption(
          kinds.map((k) => k.label),
          outcomes.map(([key, color]) => ({ name: col(key), values: kinds.map((k) => k[key]), color })),
          { stacked: true },
        )}
        columns={[
          { title: col('kind'), dataIndex: 'label' },
          ...outcomes.map(([key]) => ({
            title: col(key),
            dataIndex: key,
            width: 90,
            align: 'right' as const,
          })),
        ]}
        rows={kinds}
      />
    </div>
  );
}
