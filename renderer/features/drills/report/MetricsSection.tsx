import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportMetrics } from '@shared/domain/drill/evaluation-report';
import { useClock } from '../../../ui/use-clock';
import { DrillIncidentFigures } from './DrillIncidentFigures';
import { DrillReportChart } from './DrillReportChart';
import { latencyHistogramOption } from './report-charts';
import { percent, spanLabel } from './report-format';

/**
 * 五、演练数据: the run's own figures, each count beside the share evaluated; the first-response histogram with
 * the unanswered injects as a bar of their own; the 拉动 muster times when units were called; the 演练事件's
 * reporting, level and 四个一 figures when the run opened one.
 */
export function MetricsSection({
  metrics: m,
  runId,
  endedAt,
}: {
  metrics: ReportMetrics;
  runId: string;
  /** The 演练事件's figures are read at the end of the drill (now, for a run still under way). */
  endedAt: number | null;
}) {
  const { t } = useTranslation();
  const now = useClock(60_000);
  const l = (key: string, params: Record<string, unknown> = {}) => t(`drillReport.metrics.${key}`, params);
  const option = useMemo(
    () =>
      latencyHistogramOption(m.latencyHistogram, m.unanswered, {
        bin: (b) =>
          b.toMinutes === null
            ? t('drillReport.metrics.binOpen', { from: b.fromMinutes })
            : t('drillReport.metrics.bin', { from: b.fromMinutes, to: b.toMinutes }),
        unanswered: t('drillReport.timeline.noResponse'),
      }),
    [m.latencyHistogram, m.unanswered, t],
  );
  // The muster list is the run's only once someone was called; then every unit shows, those never called too.
  const called = m.callout.some((r) => r.notifiedAt !== null) ? m.callout : [];
  const figures: [string, string][] = [
    [l('injects'), l('injectsText', { delivered: m.delivered, skipped: m.skipped, open: m.open })],
    [l('actions'), l('actionsText', { ...m.actions })],
    [l('actionCoverage'), percent(m.actions.coverage)],
    [
      l('latency'),
      m.responseLatency.count
        ? l('latencyText', {
            count: m.responseLatency.count,
            median: spanLabel(t, m.responseLatency.medianMs ?? 0),
            max: spanLabel(t, m.responseLatency.maxMs ?? 0),
          })
        : '—',
    ],
    [l('unanswered'), l('unansweredText', { count: m.unanswered })],
  ];
  return (
    <>
      <table className="drill-report-form" data-testid="report-metrics">
        <tbody>
          {figures.map(([label, value]) => (
            <tr key={label} data-metric={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="drill-report-figure">
        <div className="drill-report-figure-title">{l('histogram')}</div>
        <DrillReportChart option={option} label={l('histogram')} height={220} testId="chart-latency" />
        <div className="drill-report-caption">
          {l('histogramCaption', {
            delivered: m.delivered,
            answered: m.delivered - m.unanswered,
            unanswered: m.unanswered,
          })}
        </div>
      </div>
      {called.length > 0 ? (
        <>
          <h4 className="drill-report-subtitle">{l('callout')}</h4>
          <table className="drill-report-table" data-testid="report-callout">
            <thead>
              <tr>
                <th>{l('unit')}</th>
                <th>{l('status')}</th>
                <th>{l('acknowledged')}</th>
                <th>{l('arrived')}</th>
              </tr>
            </thead>
            <tbody>
              {called.map((r) => (
                <tr key={r.unit} className={r.isSlowest ? 'drill-report-slowest' : undefined}>
                  <td>{r.unit}</td>
                  <td>{l(`calloutStatus.${r.status}`)}</td>
                  <td>
                    {r.acknowledgedMinutes === null ? '—' : l('minutes', { minutes: r.acknowledgedMinutes })}
                  </td>
                  <td>{r.arrivedMinutes === null ? '—' : l('minutes', { minutes: r.arrivedMinutes })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <DrillIncidentFigures runId={runId} at={endedAt ?? now} />
    </>
  );
}
