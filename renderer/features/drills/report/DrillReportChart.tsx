/**
 * The report's charts, drawn as SVG: vector marks print crisply and at any scale, and the print path (Electron
 * printToPDF, or the browser's print) needs no canvas snapshot. Reached only through the lazily loaded report
 * route, so start-up never loads echarts.
 */
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** A chart box; its figures are in the table beside it, so the image carries a plain label. */
export function DrillReportChart({
  option,
  label,
  height,
  testId,
}: {
  option: object;
  label: string;
  height: number;
  testId: string;
}) {
  return (
    <div className="drill-report-chart" role="img" aria-label={label} data-testid={testId}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'svg' }}
      />
    </div>
  );
}
