/**
 * Plan engine figures, in Node (no browser): compiling the largest sample plan into its statechart, and
 * evaluating every level's triggers once against a full set of facts (what each observation or tick costs).
 */
import { performance } from 'node:perf_hooks';
import samples from '../../resources/sample-data/plans.json';
import { compilePlan } from '../../shared/domain/plan/compile-plan';
import { initialContext, triggeredLevel } from '../../shared/domain/plan/plan-context';
import { planSchema, type Plan } from '../../shared/domain/plan/plan-schema';
import { median, type Figure } from './report';

function largestSample(): Plan {
  const [largest] = [...samples.plans].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length);
  return planSchema.parse(largest);
}

export function planCompileFigure(): Figure {
  const plan = largestSample();
  for (let i = 0; i < 20; i += 1) compilePlan(plan);
  const runs: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const started = performance.now();
    compilePlan(plan);
    runs.push(performance.now() - started);
  }
  return { name: 'plan_compile_ms', value: Number(median(runs).toFixed(3)), unit: 'ms', goal: 10 };
}

export function triggerEvalFigure(): Figure {
  const plan = largestSample();
  const now = Date.UTC(2026, 6, 1);
  // Every observation known, so every trigger does its full work; nothing reaches a level (worst case).
  const observations = Object.fromEntries(
    plan.observations.map((o) => [
      o.key,
      { value: o.kind === 'flag' ? false : o.kind === 'moment' ? now : 0, at: now },
    ]),
  );
  const context = { ...initialContext(plan, now), facts: { observations, warnings: {}, upperOrder: null } };
  const iterations = 20_000;
  for (let i = 0; i < 2_000; i += 1) triggeredLevel(plan, context, now + i);
  const started = performance.now();
  for (let i = 0; i < iterations; i += 1) triggeredLevel(plan, context, now + i);
  const micros = ((performance.now() - started) * 1000) / iterations;
  return { name: 'trigger_eval_us', value: Number(micros.toFixed(2)), unit: 'us', goal: 50 };
}
