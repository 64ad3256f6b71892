import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import { advanceRun, replayRun } from './drill-machine';
import type { RunEvent, RunEventDraft } from './run-events';
import { injectSchema } from './scenario';

const T = Date.parse('2026-06-10T09:30:00+08:00');
const by: Actor = { personId: 'e', name: '胡雪军', positionId: 'x', positionName: '评估' };
const injects = [
  injectSchema.parse({
    id: 'i1',
    no: '1',
    offsetMs: 0,
    synopsis: '液氯储罐泄漏',
    text: '企业报告泄漏。',
    planClause: '4.1 信息报告',
    expectedActions: [{ id: 'a1', text: '按时限报告', windowMinutes: 5 }],
  }),
  injectSchema.parse({ id: 'i2', no: '2', offsetMs: 60_000, synopsis: '气味', text: '居民报告。' }),
];
const input = { injects, directorId: 'd' };
const started: RunEvent[] = [
  { type: 'comms.checked', at: T, by },
  { type: 'clock.start', at: T, by },
];
const observe = (draft: Partial<Extract<RunEventDraft, { type: 'eval.observe' }>>): RunEvent => ({
  type: 'eval.observe',
  text: '值班员未同步书面报告',
  capability: '预警与信息报告',
  injectId: 'i1',
  ...draft,
  at: T + 1000,
  by,
});

function takes(event: RunEvent): boolean {
  return advanceRun(replayRun(input, started).snapshot, [event]).accepted;
}

describe('evaluators’ findings', () => {
  it('records the kind, the expected action and the plan clause of an observation', () => {
    const { snapshot } = replayRun(input, [
      ...started,
      observe({ finding: 'problem', actionId: 'a1', planClause: ' 4.1 信息报告 ' }),
    ]);
    expect(snapshot.context.entries).toEqual([
      expect.objectContaining({
        kind: 'observation',
        finding: 'problem',
        actionId: 'a1',
        planClause: '4.1 信息报告',
        injectId: 'i1',
        author: '胡雪军',
      }),
    ]);
  });

  it('reads an observation written before findings existed as a plain, unlinked record', () => {
    const { snapshot } = replayRun(input, [...started, observe({})]);
    expect(snapshot.context.entries[0]).toMatchObject({ finding: 'note', actionId: null, planClause: '' });
  });

  it('refuses an unknown kind, an action that is not the inject’s, an action without inject, a clause too long', () => {
    expect(takes(observe({ finding: 'strength' }))).toBe(true);
    expect(takes(observe({ finding: 'praise' as never }))).toBe(false);
    expect(takes(observe({ actionId: 'a1' }))).toBe(true);
    expect(takes(observe({ injectId: 'i2', actionId: 'a1' }))).toBe(false);
    expect(takes(observe({ injectId: null, actionId: 'a1' }))).toBe(false);
    expect(takes(observe({ actionId: 'zz' }))).toBe(false);
    expect(takes(observe({ planClause: '条'.repeat(100) }))).toBe(true);
    expect(takes(observe({ planClause: '条'.repeat(101) }))).toBe(false);
    expect(takes(observe({ text: '  ' }))).toBe(false);
  });
});
