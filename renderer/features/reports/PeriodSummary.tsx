import { PrinterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Segmented, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PeriodSummary as Summary } from '@shared/domain/duty/duty-statistics';
import type { PeriodKind } from '@shared/domain/duty/periods';
import { useServices } from '../../services/services';
import { printPage } from '../../ui/print-sheet';
import { Headline, PrintableSheet } from './sheet-parts';
import { SummaryBlocks } from './SummaryBlocks';
import { useChosenPeriod, useJurisdiction, usePeriodSummary } from './useSummaries';

/** 周报 / 月报 of the chosen week (Monday first) or month; the kind and a day of it are in the address. */
export function PeriodSummary() {
  const { t } = useTranslation();
  const { platform, now } = useServices();
  const [params] = useSearchParams();
  const kind: Exclude<PeriodKind, 'day'> = params.get('kind') === 'month' ? 'month' : 'week';
  const { at, period, choose } = useChosenPeriod(kind);
  const { summary, isLoading } = usePeriodSummary(period);
  const jurisdiction = useJurisdiction();
  const kindName = t(`reportsArea.period.kinds.${kind}`);
  const format = t('reportsArea.formats.date');
  const range = t('reportsArea.period.range', {
    from: dayjs(period.start).format(format),
    to: dayjs(period.end - 1).format(format),
  });

  return (
    <div className="reports-pane">
      <Space className="reports-toolbar no-print" wrap>
        <Segmented
          value={kind}
          options={(['week', 'month'] as const).map((value) => ({
            value,
            label: t(`reportsArea.period.kinds.${value}`),
          }))}
          onChange={(value) => choose(at, { kind: value })}
        />
        <DatePicker
          picker={kind}
          allowClear={false}
          value={dayjs(at)}
          onChange={(value) => value && choose(value.valueOf(), { kind })}
          disabledDate={(d) => d.valueOf() > now()}
          aria-label={t('reportsArea.period.kind')}
        />
        <Button
          icon={<PrinterOutlined />}
          disabled={!summary}
          onClick={() =>
            void printPage(platform, `${kindName}-${dayjs(period.start).format('YYYY-MM-DD')}.pdf`)
          }
        >
          {t('reportsArea.print')}
        </Button>
      </Space>
      <PrintableSheet
        testId="period-summary"
        title={t('reportsArea.period.sheetTitle', {
          jurisdiction,
          kind: t(`reportsArea.period.titleKinds.${kind}`),
        })}
        subtitle={range}
        asOf={summary?.asOf}
        isLoading={isLoading}
      >
        {summary ? (
          <>
            <SummaryHeadline summary={summary} />
            {isEmpty(summary) ? (
              <Empty description={t('reportsArea.period.empty')} />
            ) : (
              <SummaryBlocks summary={summary} />
            )}
          </>
        ) : null}
      </PrintableSheet>
    </div>
  );
}

const isEmpty = (s: Summary) =>
  s.totals.intakes === 0 &&
  s.totals.reportsSent === 0 &&
  s.deadlines.every((d) => d.met + d.late + d.overdue + d.pending === 0);

function SummaryHeadline({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const n = summary.totals;
  const h = (key: string, values: Record<string, number>) => t(`reportsArea.period.headline.${key}`, values);
  return (
    <Headline
      items={[
        { key: 'intakes', text: h('intakes', { count: n.intakes }) },
        { key: 'toIncidents', text: h('toIncidents', { count: n.intakesToIncidents }) },
        {
          key: 'casualties',
          text: h('casualties', { dead: n.dead, injured: n.injured, missing: n.missing }),
          isAlert: n.dead + n.missing > 0,
        },
        { key: 'opened', text: h('opened', { count: n.incidentsOpened }) },
        { key: 'reports', text: h('reports', { count: n.reportsSent }) },
        { key: 'late', text: h('late', { count: n.reportsLate }), isAlert: n.reportsLate > 0 },
        {
          key: 'overdue',
          text: h('overdue', { count: n.deadlinesOverdue }),
          isAlert: n.deadlinesOverdue > 0,
        },
      ]}
    />
  );
}
