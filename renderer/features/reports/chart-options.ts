/**
 * echarts options for the summaries, from plain labelled figures. No animation: a chart is read and
 * printed, and a printed or screenshotted chart must show its bars, not their first frame.
 */
const FONT =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";
const BLUE = '#1f5fad';

export interface Series {
  name: string;
  values: number[];
  color: string;
}

/** Bars of zero carry no number: a month of "0 0 0 …" hides the days that had calls. */
const nonZero = (p: { value: unknown }) => (p.value === 0 ? '' : String(p.value));

const base = {
  animation: false,
  textStyle: { fontFamily: FONT, fontSize: 12 },
  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
  grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
};

/** One bar per label; horizontal when the labels are long (street names). */
export function barOption(labels: string[], values: number[], options: { horizontal?: boolean } = {}) {
  const categoryAxis = { type: 'category', data: labels, axisTick: { alignWithLabel: true } };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    ...base,
    grid: { ...base.grid, top: 16 },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [
      {
        type: 'bar',
        data: values,
        itemStyle: { color: BLUE },
        barMaxWidth: 28,
        label: { show: true, position: options.horizontal ? 'right' : 'top', formatter: nonZero },
      },
    ],
  };
}

/** Several named series over the same labels, side by side or stacked. */
export function seriesOption(labels: string[], series: Series[], options: { stacked?: boolean } = {}) {
  return {
    ...base,
    legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontFamily: FONT, fontSize: 12 } },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      itemStyle: { color: s.color },
      barMaxWidth: 28,
      ...(options.stacked
        ? { stack: 'all' }
        : { label: { show: true, position: 'top', formatter: nonZero } }),
    })),
  };
}
