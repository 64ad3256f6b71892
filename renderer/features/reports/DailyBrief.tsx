import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DailyBrief as Brief } from '@shared/domain/duty/daily-brief';
import { useServices } from '../../services/services';
import { briefColumns } from './brief-columns';
import { printPage } from '../../ui/print-sheet';
import { Headline, PrintableSheet, SheetSection } from './sheet-parts';
import { useChosenPeriod, useDailyBrief, useJurisdiction } from './useSummaries';

/**
 * 每日简况 of the chosen day (today by default), in the layout it is printed in: the headline figures,
 * then one numbered section per table. The 值班人员 section appears only when the brief carries a roster.
 */
export function DailyBrief() {
  const { t } = useTranslation();
  const { platform, now } = useServices();
  const { at, period, choose } = useChosenPeriod('day');
  const { brief, isLoading } = useDailyBrief(period);
  const jurisdiction = useJurisdiction();
  const dateText = dayjs(period.start).format(t('reportsArea.formats.longDate'));

  return (
    <div className="reports-pane">
      <Space className="reports-toolbar no-print" wrap>
        <Typography.Text>{t('reportsArea.daily.date')}</Typography.Text>
        <DatePicker
          allowClear={false}
          value={dayjs(at)}
          onChange={(value) => value && choose(value.valueOf())}
          disabledDate={(d) => d.valueOf() > now()}
          aria-label={t('reportsArea.daily.date')}
        />
        <Button
          icon={<PrinterOutlined />}
          disabled={!brief}
          onClick={() => void printPage(platform, `每日简况-${dayjs(period.start).format('YYYY-MM-DD')}.pdf`)}
        >
          {t('reportsArea.print')}
        </Button>
      </Space>
      <PrintableSheet
        testId="daily-brief"
        title={t('reportsArea.daily.sheetTitle', { jurisdiction })}
        subtitle={dateText}
        asOf={brief?.asOf}
        isLoading={isLoading}
      >
        {brief ? <BriefBody brief={brief} /> : null}
      </PrintableSheet>
    </div>
  );
}

function BriefBody({ brief }: { brief: Brief }) {
  const { t } = useTranslation();
  const columns = briefColumns(t, brief.day);
  const n = brief.totals;
  const h = (key: string, values: Record<string, number>) => t(`reportsArea.daily.headline.${key}`, values);
  const sections = [
    brief.onDuty ? { key: 'onDuty', rows: brief.onDuty, columns: columns.onDuty } : null,
    { key: 'intakes', rows: brief.intakes, columns: columns.intakes },
    { key: 'incidents', rows: brief.incidents, columns: columns.incidents },
    { key: 'highlights', rows: brief.highlights, columns: columns.highlights },
    { key: 'reports', rows: brief.reports, columns: columns.reports },
    { key: 'late', rows: brief.late, columns: columns.late },
  ].filter((s) => s !== null) as { key: string; rows: object[]; columns: ColumnsType<object> }[];

  return (
    <>
      <Headline
        items={[
          { key: 'intakes', text: h('intakes', { count: n.intakes }) },
          { key: 'toIncidents', text: h('toIncidents', { count: n.intakesToIncidents }) },
          {
            key: 'casualties',
            text: h('casualties', { dead: n.dead, injured: n.injured, missing: n.missing }),
            isAlert: n.dead + n.missing > 0,
          },
          { key: 'inHand', text: h('inHand', { count: n.incidentsInHand }) },
          {
            key: 'openedClosed',
            text: h('openedClosed', { opened: n.incidentsOpened, closed: n.incidentsClosed }),
          },
          { key: 'logLines', text: h('logLines', { count: n.logLines }) },
          { key: 'reports', text: h('reports', { count: n.reportsSent }) },
          { key: 'late', text: h('late', { count: n.reportsLate }), isAlert: n.reportsLate > 0 },
          {
            key: 'overdue',
            text: h('overdue', { count: n.deadlinesOverdue }),
            isAlert: n.deadlinesOverdue > 0,
          },
        ]}
      />
      {sections.map((section, index) => (
        <SheetSection
          key={section.key}
          index={index}
          title={t(`reportsArea.daily.sections.${section.key}`)}
          testId={`brief-${section.key}`}
        >
          {section.rows.length === 0 ? (
            // An empty section is one line, as a written brief says 无: the sheet stays short.
            <div className="brief-empty">
              {t(`reportsArea.daily.empty.${section.key}`, { defaultValue: '' })}
            </div>
          ) : (
            <Table
              rowKey={(row) => ('id' in row ? String(row.id) : JSON.stringify(row))}
              size="small"
              bordered
              pagination={false}
              columns={section.columns}
              dataSource={section.rows}
            />
          )}
        </SheetSection>
      ))}
    </>
  );
}
