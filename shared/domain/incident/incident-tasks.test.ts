import { describe, expect, it } from 'vitest';
import type { PlanTask } from '../plan/plan-context';
import { describeTaskChange, taskBoard, type TaskState } from './incident-tasks';

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
});
