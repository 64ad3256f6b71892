import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../plan/plan-context';
import {
  adHocTaskSchema,
  describeTaskChange,
  splitBoard,
  taskBoard,
  unfinishedAftermath,
  type TaskState,
} from './incident-tasks';

const planTask = (actionId: string, dueAt: number, level: PlanTask['level'] = 'IV'): PlanTask => ({
  actionId,
  level,
  text: `措施${actionId}`,
  groupId: null,
  roleId: null,
  issuedAt: 0,
  dueAt,
});
const state = (taskKey: string, patch: Partial<TaskState> = {}): TaskState => ({
  id: `inc:${taskKey}`,
  incidentId: 'inc',
  taskKey,
  status: 'notStarted',
  owner: '',
  notes: '',
  adHoc: null,
  updatedAt: 0,
  updatedBy: null,
  ...patch,
});

describe('the task board', () => {
  it('merges the chart tasks with their states and the ad-hoc tasks, and flags overdue only while running', () => {
    const tasks = [planTask('a', 100), planTask('b', 300)];
    const states = [
      state('a', { status: 'done', owner: '黄欣刚' }),
      state('adhoc-1', { adHoc: { text: '转移低洼户', dueAt: 150, issuedAt: 50 }, status: 'blocked' }),
    ];
    const board = taskBoard(tasks, states, 200, true);
    expect(board.map((t) => [t.key, t.status, t.owner, t.overdue, t.adHoc])).toEqual([
      ['a', 'done', '黄欣刚', false, false],
      ['b', 'notStarted', '', false, false],
      ['adhoc-1', 'blocked', '', true, true],
    ]);
    expect(taskBoard(tasks, states, 200, false).some((t) => t.overdue)).toBe(false);
  });

  it('keeps the tasks of a lower level in the board after escalation', () => {
    const iv = [planTask('iv-1', 100)];
    const iii = [...iv, planTask('iii-1', 500, 'III')];
    expect(taskBoard(iii, [], 0, true).map((t) => [t.key, t.level])).toEqual([
      ['iv-1', 'IV'],
      ['iii-1', 'III'],
    ]);
  });

  it('describes what changed in the words of the duty log, and nothing when nothing changed', () => {
    const before = { status: 'notStarted', owner: '', notes: '' } as const;
    expect(describeTaskChange('会商', before, { status: 'inProgress', owner: '黄欣刚', notes: '' })).toBe(
      '任务「会商」未开始→进行中；负责人：黄欣刚',
    );
    expect(describeTaskChange('会商', before, { ...before, notes: '等待气象数据' })).toBe(
      '任务「会商」备注：等待气象数据',
    );
    expect(describeTaskChange('会商', before, before)).toBeNull();
  });

  it('keeps 善后 tasks apart from the response tasks; rows without a stage read as response tasks', () => {
    const tasks = [planTask('a', 100)];
    const states = [
      state('adhoc-1', { adHoc: { text: '转移低洼户', dueAt: 150, issuedAt: 50 } }),
      state('adhoc-2', { adHoc: { text: '人员安置', dueAt: 900, issuedAt: 800 }, stage: 'aftermath' }),
      state('adhoc-3', {
        adHoc: { text: '损失评估', dueAt: 950, issuedAt: 800 },
        stage: 'aftermath',
        status: 'done',
      }),
    ];
    const board = taskBoard(tasks, states, 1000, false, true);
    const { response, aftermath } = splitBoard(board);
    expect(response.map((t) => [t.key, t.stage, t.overdue])).toEqual([
      ['a', 'response', false],
      ['adhoc-1', 'response', false],
    ]);
    // After the response ended its tasks are history; the 善后 tasks run on and can be overdue.
    expect(aftermath.map((t) => [t.text, t.stage, t.status, t.overdue])).toEqual([
      ['人员安置', 'aftermath', 'notStarted', true],
      ['损失评估', 'aftermath', 'done', false],
    ]);
    expect(unfinishedAftermath(board).map((t) => t.text)).toEqual(['人员安置']);
    // Once the case is closed nothing is overdue any more.
    expect(taskBoard(tasks, states, 1000, false, false).some((t) => t.overdue)).toBe(false);
  });

  it('takes a 善后 stage on a new task and defaults to the response, refusing an unknown stage', () => {
    const task = { text: '恢复重建', dueAt: 1, owner: '' };
    expect(adHocTaskSchema.parse(task).stage).toBe('response');
    expect(adHocTaskSchema.parse({ ...task, stage: 'aftermath' }).stage).toBe('aftermath');
    expect(adHocTaskSchema.safeParse({ ...task, stage: 'recovery' }).success).toBe(false);
  });
});
