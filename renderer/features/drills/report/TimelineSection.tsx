import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineRow } from '@shared/domain/drill/evaluation-report';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { DrillReportChart } from './DrillReportChart';
import { injectTimelineOption, TIMELINE_CHART_MAX, timelineChartHeight } from './report-charts';
import { spanLabel } from './report-format';

/** 三、情景与时间线: the chart of deliveries against first responses, then every inject with what came of it. */
export function TimelineSection({ rows }: { rows: TimelineRow[] }) {
  const { t } = useTranslation();
  const l = (key: string, params: Record<string, unknown> = {}) => t(`drillReport.timeline.${key}`, params);
  const option = useMemo(
    () =>
      injectTimelineOption(rows, {
        planned: t('drillReport.timeline.planned'),
        delivered: t('drillReport.timeline.delivered'),
        firstResponse: t('drillReport.timeline.firstResponse'),
        latency: t('drillReport.timeline.latency'),
        minutes: t('drillReport.timeline.minutes'),
      }),
    [rows, t],
  );
  if (rows.length === 0) return <p className="drill-report-text">{l('empty')}</p>;
  return (
    <>
      <div className="drill-report-figure">
        <div className="drill-report-figure-title">{l('chart')}</div>
        <DrillReportChart
          option={option}
          label={l('chart')}
          height={timelineChartHeight(rows.length)}
          testId="chart-inject-timeline"
        />
        <div className="drill-report-caption">
          {l('chartCaption')}
          {rows.length > TIMELINE_CHART_MAX
            ? l('truncated', { shown: TIMELINE_CHART_MAX, total: rows.length })
            : null}
        </div>
      </div>
      <table className="drill-report-table" data-testid="report-timeline">
        <thead>
          <tr>
            <th style={{ width: '7%' }}>{l('no')}</th>
            <th style={{ width: '14%' }}>{l('plannedAt')}</th>
            <th>{l('synopsis')}</th>
            <th style={{ width: '14%' }}>{l('to')}</th>
            <th style={{ width: '14%' }}>{l('outcome')}</th>
            <th style={{ width: '19%' }}>{l('response')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.injectId}>
              <td>{r.no}</td>
              <td>{formatOffset(r.plannedMs)}</td>
              <td>
                {r.synopsis}
                {r.isAdHoc ? <span className="drill-report-mark">{l('adHoc')}</span> : null}
                {r.responses.map((x) => (
                  <div key={`${x.at}-${x.author}`} className="drill-report-response">
                    {formatOffset(x.scenarioMs)} {x.author}：{x.text}
                  </div>
                ))}
              </td>
              <td>{r.to}</td>
              <td>
                {r.outcome === 'delivered'
                  ? l('outcomes.delivered', { time: formatOffset(r.deliveredMs ?? 0) })
                  : r.skipReason
                    ? l('outcomes.skippedWhy', { reason: l(`skipReasons.${r.skipReason}`) })
                    : l(`outcomes.${r.outcome}`)}
              </td>
              <td>
                {r.firstResponseMs !== null && r.latencyMs !== null
                  ? l('latencyText', {
                      time: formatOffset(r.firstResponseMs),
                      latency: spanLabel(t, r.latencyMs),
                    })
                  : r.outcome === 'delivered'
                    ? l('noResponse')
                    : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
