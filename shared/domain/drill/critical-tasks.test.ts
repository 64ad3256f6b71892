import { describe, expect, it } from 'vitest';
import {
  AQT9009_CRITICAL_TASKS,
  CRITICAL_TASK_MAX,
  criticalTasksOf,
  pruneCriticalTasks,
  referenceTasksOf,
  withReferenceTasks,
} from './critical-tasks';
import { AQT9009_CAPABILITIES } from './evaluation';
import { scenarioInputSchema } from './scenario';

const basics = {
  title: '液氯泄漏桌面推演',
  form: 'tabletop',
  scope: 'combined',
  purpose: 'inspection',
} as const;

describe('关键任务', () => {
  it('has short reference tasks for each of AQ/T 9009’s twelve capabilities, and none for a capability of its own', () => {
    expect(Object.keys(AQT9009_CRITICAL_TASKS)).toEqual([...AQT9009_CAPABILITIES]);
    for (const tasks of Object.values(AQT9009_CRITICAL_TASKS)) {
      expect(tasks.length).toBeGreaterThan(0);
      for (const task of tasks) expect(task.length).toBeLessThanOrEqual(60);
    }
    expect(referenceTasksOf('预警与信息报告')[0]).toBe('按规定时限向上级政府和有关部门完成初报、续报');
    expect(referenceTasksOf('舆情处置')).toEqual([]);
    expect(referenceTasksOf('toString')).toEqual([]);
  });

  it('gives a capability’s tasks, none when it has none or the scenario predates them', () => {
    const tasks = { 信息公开: ['1小时内发布首条权威信息'] };
    expect(criticalTasksOf(tasks, '信息公开')).toEqual(['1小时内发布首条权威信息']);
    expect(criticalTasksOf(tasks, '紧急动员')).toEqual([]);
    expect(criticalTasksOf(undefined, '信息公开')).toEqual([]);
    expect(criticalTasksOf(tasks, 'constructor')).toEqual([]);
  });

  it('fills in reference tasks only where a listed capability has none', () => {
    const filled = withReferenceTasks(['信息公开', '紧急动员', '舆情处置'], { 信息公开: ['自定任务'] });
    expect(filled).toEqual({ 信息公开: ['自定任务'], 紧急动员: [...AQT9009_CRITICAL_TASKS.紧急动员] });
  });

  it('keeps only the tasks of listed capabilities, and drops empty lists', () => {
    expect(
      pruneCriticalTasks(['信息公开', '紧急动员'], { 信息公开: ['甲'], 紧急动员: [], 旧项目: ['乙'] }),
    ).toEqual({ 信息公开: ['甲'] });
  });
});

describe('方案的关键任务', () => {
  it('defaults to none, so a scenario saved before them still parses', () => {
    expect(scenarioInputSchema.parse(basics).criticalTasks).toEqual({});
  });

  it('drops the tasks of a renamed or removed capability on save, and trims what is kept', () => {
    const parsed = scenarioInputSchema.parse({
      ...basics,
      capabilities: ['预警与信息报告', '信息发布'],
      criticalTasks: { 预警与信息报告: ['  30分钟内电话初报  '], 信息公开: ['发布首条权威信息'] },
    });
    expect(parsed.criticalTasks).toEqual({ 预警与信息报告: ['30分钟内电话初报'] });
  });

  it('refuses an empty, over-long or twenty-first task, on its place', () => {
    const issues = (tasks: string[]) =>
      scenarioInputSchema
        .safeParse({ ...basics, capabilities: ['信息公开'], criticalTasks: { 信息公开: tasks } })
        .error?.issues.map((i) => ({ path: i.path, message: i.message }));
    expect(issues(['  '])).toEqual([{ path: ['criticalTasks', '信息公开', 0], message: 'required' }]);
    expect(issues(['好', 'x'.repeat(CRITICAL_TASK_MAX + 1)])).toEqual([
      { path: ['criticalTasks', '信息公开', 1], message: 'tooLong' },
    ]);
    expect(issues(Array.from({ length: 21 }, (_, i) => `任务${i}`))).toEqual([
      { path: ['criticalTasks', '信息公开'], message: 'tooMany' },
    ]);
    expect(issues(Array.from({ length: 20 }, (_, i) => `任务${i}`))).toBeUndefined();
  });
});
