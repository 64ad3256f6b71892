import { describe, expect, it } from 'vitest';
import { latencyHistogram, type TimelineRow } from '@shared/domain/drill/evaluation-report';
import { injectTimelineOption, latencyHistogramOption, TIMELINE_CHART_MAX } from './report-charts';

const MIN = 60_000;
const row = (no: number, over: Partial<TimelineRow> = {}): TimelineRow => ({
  injectId: `i${no}`,
  no: String(no),
  synopsis: `情景${no}`,
  to: '',
  plannedMs: no * MIN,
  outcome: 'delivered',
  deliveredAt: 0,
  deliveredMs: no * MIN,
  skipReason: null,
  firstResponseMs: null,
  latencyMs: null,
  isAdHoc: false,
  planClause: '',
  responses: [],
  ...over,
});
const labels = {
  planned: '计划',
  delivered: '下发',
  firstResponse: '首次响应',
  latency: '响应用时',
  minutes: '分钟',
};

describe('report charts', () => {
  it('draws the response bar from delivery to first answer, and no bar for an unanswered inject', () => {
    const option = injectTimelineOption(
      [
        row(1, { firstResponseMs: 4 * MIN, latencyMs: 3 * MIN }),
        row(2),
        row(3, { outcome: 'open', deliveredMs: null }),
      ],
      labels,
    );
    const [base, bar, planned, delivered, answered] = option.series;
    expect(base?.data).toEqual([1, null, null]);
    expect(bar?.data).toEqual([3, null, null]);
    expect(planned?.data).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
    expect(delivered?.data).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(answered?.data).toEqual([[4, 0]]);
  });

  it('draws at most a page of injects', () => {
    const rows = Array.from({ length: TIMELINE_CHART_MAX + 5 }, (_, i) => row(i + 1));
    expect(injectTimelineOption(rows, labels).yAxis.data).toHaveLength(TIMELINE_CHART_MAX);
  });

  it('gives the unanswered injects a grey bar of their own after the bins', () => {
    const option = latencyHistogramOption(latencyHistogram([30_000, 2 * MIN]), 4, {
      bin: (b) => `${b.fromMinutes}`,
      unanswered: '无响应',
    });
    expect(option.xAxis.data.at(-1)).toBe('无响应');
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 4]);
    expect(option.series[0]?.data.at(-1)?.itemStyle.color).not.toBe(
      option.series[0]?.data[0]?.itemStyle.color,
    );
  });
});
