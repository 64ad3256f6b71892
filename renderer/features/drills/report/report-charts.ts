/**
 * echarts options of the report's two charts, from the report model. No animation (a printed chart must show
 * its marks, not their first frame); figures in scenario minutes to one decimal.
 */
import type { LatencyBin, TimelineRow } from '@shared/domain/drill/evaluation-report';

const FONT =
  "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', -apple-system, 'Segoe UI', sans-serif";
const BLUE = '#1f5fad';
const GREEN = '#389e0d';
const GREY = '#8c8c8c';
const LATENCY = '#b7eb8f';

/** The chart draws this many injects at most (a page's height); the table below has them all. */
export const TIMELINE_CHART_MAX = 40;

const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);
const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const base = {
  animation: false,
  textStyle: { fontFamily: FONT, fontSize: 11 },
  legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontFamily: FONT, fontSize: 11 } },
  // echarts 6's spelling of containLabel: the axis labels stay inside the box.
  grid: { left: 8, right: 24, top: 30, bottom: 24, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
};

export interface TimelineChartLabels {
  planned: string;
  delivered: string;
  firstResponse: string;
  latency: string;
  minutes: string;
}

/** Height in px that gives each inject a readable row. */
export const timelineChartHeight = (rows: number) => 70 + 24 * Math.min(rows, TIMELINE_CHART_MAX);

/**
 * One row per inject (first at the top): the planned moment, the delivery, the first response, and between
 * the last two a bar as long as the response took — all in scenario minutes.
 */
export function injectTimelineOption(rows: readonly TimelineRow[], labels: TimelineChartLabels) {
  const shown = rows.slice(0, TIMELINE_CHART_MAX);
  const points = (pick: (r: TimelineRow) => number | null) =>
    shown.flatMap((r, i) => {
      const x = minutes(pick(r));
      return x === null ? [] : [[x, i]];
    });
  const answered = (r: TimelineRow) => r.latencyMs !== null && r.deliveredMs !== null;
  return {
    ...base,
    tooltip: { trigger: 'item' },
    xAxis: {
      type: 'value',
      name: labels.minutes,
      nameLocation: 'middle',
      nameGap: 22,
      min: 0,
      splitLine: { lineStyle: { type: 'dashed', color: '#e8e8e8' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((r) => `${r.no} ${short(r.synopsis, 12)}`),
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        stack: 'response',
        silent: true,
        barWidth: 8,
        itemStyle: { color: 'transparent' },
        data: shown.map((r) => (answered(r) ? minutes(r.deliveredMs) : null)),
      },
      {
        type: 'bar',
        stack: 'response',
        name: labels.latency,
        barWidth: 8,
        itemStyle: { color: LATENCY },
        data: shown.map((r) => (answered(r) ? minutes(r.latencyMs) : null)),
      },
      {
        type: 'scatter',
        name: labels.planned,
        symbol: 'emptyCircle',
        symbolSize: 9,
        itemStyle: { color: GREY },
        data: points((r) => r.plannedMs),
      },
      {
        type: 'scatter',
        name: labels.delivered,
        symbol: 'diamond',
        symbolSize: 12,
        itemStyle: { color: BLUE },
        data: points((r) => r.deliveredMs),
      },
      {
        type: 'scatter',
        name: labels.firstResponse,
        symbol: 'triangle',
        symbolSize: 11,
        itemStyle: { color: GREEN },
        data: points((r) => r.firstResponseMs),
      },
    ],
  };
}

/**
 * The first-response histogram: one bar per bin, and a grey bar of the delivered injects nobody answered,
 * so the distribution never looks better than the run was.
 */
export function latencyHistogramOption(
  bins: readonly LatencyBin[],
  unanswered: number,
  labels: { bin: (b: LatencyBin) => string; unanswered: string },
) {
  const data = [
    ...bins.map((b) => ({ value: b.count, itemStyle: { color: BLUE } })),
    { value: unanswered, itemStyle: { color: GREY } },
  ];
  return {
    ...base,
    legend: undefined,
    grid: { ...base.grid, top: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: [...bins.map(labels.bin), labels.unanswered],
      axisLabel: { interval: 0, fontSize: 10 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data,
        barMaxWidth: 32,
        label: {
          show: true,
          position: 'top',
          formatter: (p: { value: number }) => (p.value ? String(p.value) : ''),
        },
      },
    ],
  };
}
