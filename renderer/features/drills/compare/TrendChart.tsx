/**
 * The runs' trend as lines, drawn with echarts (tree-shaken to the line chart) on SVG, so it prints and
 * screenshots crisply. Minutes on the left axis; score and percent (both 0–100) on the right. The figures are
 * also in the table above it, so the picture carries a plain label.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const FONT =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

const SYMBOLS = ['circle', 'diamond', 'triangle'];

export interface TrendLine {
  name: string;
  values: (number | null)[];
  color: string;
  /** 0: minutes (left axis); 1: score or percent (right axis). */
  axis: 0 | 1;
}

export function TrendChart({
  labels,
  lines,
  axisNames,
  label,
}: {
  labels: string[];
  lines: TrendLine[];
  axisNames: [string, string];
  label: string;
}) {
  const option = {
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 12 },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, itemWidth: 14, itemHeight: 10, textStyle: { fontFamily: FONT, fontSize: 12 } },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, boundaryGap: true },
    yAxis: [
      {
        type: 'value',
        name: axisNames[0],
        min: 0,
        // Head room above the longest time, so its point never sits on the 100 of the other axis.
        max: (extent: { max: number }) => Math.max(1, Math.ceil(extent.max * 1.4)),
        nameTextStyle: { fontFamily: FONT },
      },
      { type: 'value', name: axisNames[1], min: 0, max: 100, nameTextStyle: { fontFamily: FONT } },
    ],
    series: lines.map((line, index) => ({
      type: 'line',
      name: line.name,
      yAxisIndex: line.axis,
      data: line.values,
      itemStyle: { color: line.color },
      // Shapes tell lines apart where two values meet (a score of 100 and 100% met).
      symbol: SYMBOLS[index % SYMBOLS.length],
      symbolSize: 9,
      // Minutes read below their points, scores above theirs: the two never print on each other.
      label: { show: true, position: line.axis === 0 ? 'bottom' : 'top' },
    })),
  };
  return (
    <div role="img" aria-label={label} data-testid="run-trend-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: 260, width: '100%' }}
        opts={{ renderer: 'svg' }}
      />
    </div>
  );
}
