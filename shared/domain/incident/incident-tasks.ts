/**
 * The task board of an incident. The plan issues tasks (its chart's `tasks`: each level's cumulative actions,
 * with deadlines from activation, kept when the level rises); people add ad-hoc ones; both carry a status,
 * an owner and notes kept beside the chart in one row per task. Overdue means not done past its deadline
 * while the response runs. 善后 tasks (stage `aftermath`: 人员安置, 损失评估 …, added once the response has
 * ended) are a board of their own: overdue while the incident is still open, whatever the chart's phase.
 */
import { z } from '../../validation/z';
import type { Actor } from '../org/types';
import type { ResponseLevel } from '../plan/levels';
import type { PlanTask } from '../plan/plan-context';

export const TASK_STATUSES = ['notStarted', 'inProgress', 'done', 'blocked'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_TEXT: Record<TaskStatus, string> = {
  notStarted: '未开始',
  inProgress: '进行中',
  done: '已完成',
  blocked: '受阻',
};

const text = (max: number) => z.string().trim().max(max, { error: 'tooLong' }).default('');

export const taskUpdateSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: 'required' }),
  owner: text(30),
  notes: text(500),
});
export type TaskUpdate = z.input<typeof taskUpdateSchema>;

export const TASK_STAGES = ['response', 'aftermath'] as const;
export type TaskStage = (typeof TASK_STAGES)[number];

export const adHocTaskSchema = z.object({
  text: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  dueAt: z.number({ error: 'required' }).int().positive({ error: 'required' }),
  owner: text(30),
  stage: z.enum(TASK_STAGES).default('response'),
});
export type AdHocTaskInput = z.input<typeof adHocTaskSchema>;

/** One row per task that someone has touched or added: the chart's tasks need no row until then. */
export interface TaskState {
  /** `${incidentId}:${taskKey}`. */
  id: string;
  incidentId: string;
  /** The plan action's id, or `adhoc-<uuid>`. */
  taskKey: string;
  status: TaskStatus;
  owner: string;
  notes: string;
  adHoc: { text: string; dueAt: number; issuedAt: number } | null;
  /** 'aftermath' for a 善后 task; absent on rows written before there were stages (response tasks). */
  stage?: TaskStage;
  updatedAt: number;
  updatedBy: Actor | null;
}

export interface BoardTask {
  key: string;
  text: string;
  level: ResponseLevel | null;
  groupId: string | null;
  roleId: string | null;
  issuedAt: number;
  dueAt: number;
  status: TaskStatus;
  owner: string;
  notes: string;
  adHoc: boolean;
  stage: TaskStage;
  overdue: boolean;
}

export function taskStateId(incidentId: string, taskKey: string): string {
  return `${incidentId}:${taskKey}`;
}

/**
 * `running`: the response runs (its tasks can be overdue); `aftermathRunning`: the incident is open after the
 * response ended (善后 tasks can be overdue).
 */
export function taskBoard(
  planTasks: readonly PlanTask[],
  states: readonly TaskState[],
  now: number,
  running: boolean,
  aftermathRunning = false,
): BoardTask[] {
  const byKey = new Map(states.map((s) => [s.taskKey, s]));
  const mark = (task: Omit<BoardTask, 'overdue'>): BoardTask => ({
    ...task,
    overdue:
      (task.stage === 'aftermath' ? aftermathRunning : running) && task.status !== 'done' && task.dueAt < now,
  });
  const fromPlan = planTasks.map((t) => {
    const state = byKey.get(t.actionId);
    return mark({
      key: t.actionId,
      text: t.text,
      level: t.level,
      groupId: t.groupId,
      roleId: t.roleId,
      issuedAt: t.issuedAt,
      dueAt: t.dueAt,
      status: state?.status ?? 'notStarted',
      owner: state?.owner ?? '',
      notes: state?.notes ?? '',
      adHoc: false,
      stage: 'response',
    });
  });
  // Rows come in key order (random ids): added tasks are listed in the order they were issued.
  const added = states
    .filter((s) => s.adHoc)
    .sort(
      (a, b) =>
        (a.adHoc?.issuedAt ?? 0) - (b.adHoc?.issuedAt ?? 0) || (a.adHoc?.dueAt ?? 0) - (b.adHoc?.dueAt ?? 0),
    );
  const adHoc = added.flatMap((s) =>
    s.adHoc
      ? [
          mark({
            key: s.taskKey,
            text: s.adHoc.text,
            level: null,
            groupId: null,
            roleId: null,
            issuedAt: s.adHoc.issuedAt,
            dueAt: s.adHoc.dueAt,
            status: s.status,
            owner: s.owner,
            notes: s.notes,
            adHoc: true,
            stage: s.stage ?? 'response',
          }),
        ]
      : [],
  );
  return [...fromPlan, ...adHoc];
}

/** The response's tasks and the 善后 tasks, each in board order. */
export function splitBoard(board: readonly BoardTask[]): { response: BoardTask[]; aftermath: BoardTask[] } {
  return {
    response: board.filter((task) => task.stage !== 'aftermath'),
    aftermath: board.filter((task) => task.stage === 'aftermath'),
  };
}

/** 善后 tasks not yet done: closing the case with any of these left deserves a second look. */
export function unfinishedAftermath(board: readonly BoardTask[]): BoardTask[] {
  return splitBoard(board).aftermath.filter((task) => task.status !== 'done');
}

/** The log line of a task change: what the task is and what changed, in the duty log's words. */
export function describeTaskChange(
  text: string,
  before: Pick<BoardTask, 'status' | 'owner' | 'notes'>,
  after: Pick<BoardTask, 'status' | 'owner' | 'notes'>,
): string | null {
  const parts: string[] = [];
  if (before.status !== after.status)
    parts.push(`${TASK_STATUS_TEXT[before.status]}→${TASK_STATUS_TEXT[after.status]}`);
  if (before.owner !== after.owner) parts.push(`负责人：${after.owner || '（空）'}`);
  if (before.notes !== after.notes) parts.push(`备注：${after.notes || '（空）'}`);
  return parts.length ? `任务「${text}」${parts.join('；')}` : null;
}
