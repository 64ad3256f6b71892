import { describe, expect, it } from 'vitest';
import { as, samplePlan, startPlan } from '../../../test/support/plan-driver';
import { activeChartNode, chartGraph, drawingGraph } from './chart-graph';
import { compilePlan } from './compile-plan';

describe('the diagram graph of a compiled plan', () => {
  it('has every lifecycle state and the transitions between them, read from the machine', () => {
    const graph = chartGraph(compilePlan(samplePlan('sample-hazmat')));
    expect(graph.nodes.map((n) => n.id)).toEqual([
      'monitoring',
      'warning',
      'response',
      'response.IV',
      'response.III',
      'response.II',
      'response.I',
      'terminated',
      'aftermath',
      'closed',
    ]);
    const edges = graph.edges.map((e) => `${e.source}→${e.target} ${e.event}`);
    expect(edges).toContain('monitoring→warning warning.issue');
    expect(edges).toContain('warning→response.I level.approve');
    expect(edges).toContain('response.III→response.IV level.stepDown');
    expect(edges).toContain('response.I→terminated response.terminate');
    expect(edges).not.toContain('response.IV→response.III level.stepDown');
  });

  it('is drawn with one arrow into and out of 应急响应 and arrows only between neighbouring levels', () => {
    const drawn = drawingGraph(chartGraph(compilePlan(samplePlan('sample-hazmat'))));
    const edges = drawn.edges.map((e) => `${e.source}→${e.target} ${e.event}`).sort();
    expect(edges).toEqual(
      [
        'aftermath→closed case.close',
        'monitoring→response level.approve',
        'monitoring→warning warning.issue',
        'response.I→response.II level.stepDown',
        'response.II→response.I level.approve',
        'response.II→response.III level.stepDown',
        'response.III→response.II level.approve',
        'response.III→response.IV level.stepDown',
        'response.IV→response.III level.approve',
        'response→terminated response.terminate',
        'terminated→aftermath aftermath.begin',
        'warning→monitoring warning.lift',
        'warning→response level.approve',
      ].sort(),
    );
  });

  it('names the active state of a running plan', () => {
    const run = startPlan(samplePlan('sample-typhoon'));
    expect(activeChartNode(run.snapshot().value)).toBe('monitoring');
    run.warn('台风', 'orange');
    run.observe('windScale', 9);
    run.approve('IV', as.secretary);
    expect(activeChartNode(run.snapshot().value)).toBe('response.IV');
  });
});
