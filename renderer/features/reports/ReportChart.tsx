/**
 * The one place echarts is imported, tree-shaken to the bar chart, its axes, tooltip and legend, drawn on
 * canvas. This module is reached only through the lazily loaded summary tab, so start-up never loads it.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart box; the figures it draws are also in the table beside it, so the image carries a plain label. */
export function ReportChart({
  option,
  label,
  height = 220,
}: {
  option: object;
  label: string;
  height?: number;
}) {
  return (
    <div className="report-chart" role="img" aria-label={label} data-testid="report-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
