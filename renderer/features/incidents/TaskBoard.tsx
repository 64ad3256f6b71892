import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adHocTaskSchema,
  TASK_STATUSES,
  taskBoard,
  taskUpdateSchema,
  type BoardTask,
  type TaskState,
  type TaskStatus,
} from '@shared/domain/incident/incident-tasks';
import type { PlanTask } from '@shared/domain/plan/plan-context';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { useServices } from '../../services/services';
import { FormModal } from '../../ui/FormModal';
import { parseForm } from '../../ui/schema-form';
import { LevelTag } from '../plans/LevelTag';
import { TaskDue } from '../plans/run/TaskDue';
import { groupOrRoleName } from '../plans/usePlans';
import { useSignedWrite } from '../session/useSignedWrite';

const STATUS_COLOUR: Record<TaskStatus, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  done: 'success',
  blocked: 'warning',
};

type Editing = { kind: 'update'; task: BoardTask } | { kind: 'add' } | null;

/**
 * The incident's tasks: those the plan issued at each level (kept when the level rises) and ad-hoc ones, each
 * with status, owner and notes; overdue ones are flagged while the response runs. Every change is logged.
 */
export function TaskBoard({
  incidentId,
  plan,
  planTasks,
  states,
  running,
  readOnly,
  at,
}: {
  incidentId: string;
  plan: Plan | null;
  planTasks: readonly PlanTask[];
  states: readonly TaskState[];
  running: boolean;
  readOnly: boolean;
  /** The console's clock beat: overdue moves with it. */
  at: number;
}) {
  const { t } = useTranslation();
  const { incidents, now } = useServices();
  const write = useSignedWrite();
  const [editing, setEditing] = useState<Editing>(null);
  const [updateForm] = Form.useForm<{ status: TaskStatus; owner: string; notes: string }>();
  const [addForm] = Form.useForm<{ text: string; dueAt: Dayjs | null; owner: string }>();
  const board = taskBoard(planTasks, states, at, running);
  const done = board.filter((task) => task.status === 'done').length;
  const overdue = board.filter((task) => task.overdue).length;
  const statusText = (s: TaskStatus) => t(`incidents.tasks.statuses.${s}`);

  const setStatus = (task: BoardTask, status: TaskStatus) =>
    void write(
      (actor) =>
        incidents.updateTask(incidentId, task.key, { status, owner: task.owner, notes: task.notes }, actor),
      null,
    );

  return (
    <Card
      size="small"
      title={`${t('incidents.tasks.title')} · ${t('incidents.tasks.count', { count: board.length, done, overdue })}`}
      extra={
        readOnly ? null : (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => {
              addForm.resetFields();
              addForm.setFieldsValue({ dueAt: dayjs(now()).add(1, 'hour') });
              setEditing({ kind: 'add' });
            }}
          >
            {t('incidents.tasks.add')}
          </Button>
        )
      }
      style={{ marginBottom: 12 }}
      data-testid="incident-tasks"
    >
      <Table<BoardTask>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={board}
        scroll={{ x: 960, y: 320 }}
        rowClassName={(task) => (task.overdue ? 'task-overdue' : '')}
        locale={{ emptyText: t('incidents.tasks.empty') }}
        columns={[
          {
            title: t('incidents.tasks.level'),
            key: 'level',
            width: 86,
            render: (_: unknown, task) =>
              task.level ? (
                <LevelTag level={task.level} short />
              ) : (
                <Tag>{task.adHoc ? t('incidents.tasks.adHoc') : t('incidents.tasks.prepare')}</Tag>
              ),
          },
          { title: t('incidents.tasks.text'), dataIndex: 'text', width: 300 },
          {
            title: t('plans.detail.groups'),
            key: 'group',
            width: 110,
            render: (_: unknown, task) => (plan && !task.adHoc ? groupOrRoleName(plan, task) : ''),
          },
          {
            title: t('incidents.tasks.dueAt'),
            key: 'due',
            width: 140,
            render: (_: unknown, task) => <TaskDue dueAt={task.dueAt} overdue={task.overdue} />,
          },
          {
            title: t('incidents.tasks.status'),
            key: 'status',
            width: 110,
            render: (_: unknown, task) =>
              readOnly ? (
                <Tag color={STATUS_COLOUR[task.status]}>{statusText(task.status)}</Tag>
              ) : (
                <Select<TaskStatus>
                  size="small"
                  value={task.status}
                  aria-label={`${t('incidents.tasks.status')} ${task.text}`}
                  style={{ width: 96 }}
                  options={TASK_STATUSES.map((s) => ({ value: s, label: statusText(s) }))}
                  onChange={(status) => setStatus(task, status)}
                />
              ),
          },
          { title: t('incidents.tasks.owner'), dataIndex: 'owner', width: 80 },
          { title: t('incidents.tasks.notes'), dataIndex: 'notes', width: 140, ellipsis: true },
          {
            key: 'edit',
            width: 44,
            render: (_: unknown, task) =>
              readOnly ? null : (
                <Button
                  size="small"
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={`${t('incidents.tasks.edit')} ${task.text}`}
                  onClick={() => {
                    updateForm.setFieldsValue({ status: task.status, owner: task.owner, notes: task.notes });
                    setEditing({ kind: 'update', task });
                  }}
                />
              ),
          },
        ]}
      />
      <FormModal
        open={editing?.kind === 'update'}
        title={editing?.kind === 'update' ? `${t('incidents.tasks.edit')}：${editing.task.text}` : ''}
        form={updateForm}
        onClose={() => setEditing(null)}
        onSubmit={(values) => {
          if (editing?.kind !== 'update') return;
          const update = parseForm(taskUpdateSchema, values, updateForm, t);
          if (!update) return;
          void write((actor) => incidents.updateTask(incidentId, editing.task.key, update, actor)).then(
            (ok) => ok && setEditing(null),
          );
        }}
      >
        <Form.Item name="status" label={t('incidents.tasks.status')} required>
          <Select options={TASK_STATUSES.map((s) => ({ value: s, label: statusText(s) }))} />
        </Form.Item>
        <Form.Item name="owner" label={t('incidents.tasks.owner')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="notes" label={t('incidents.tasks.notes')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={editing?.kind === 'add'}
        title={t('incidents.tasks.addTitle')}
        form={addForm}
        onClose={() => setEditing(null)}
        onSubmit={(values) => {
          const input = parseForm(adHocTaskSchema, { ...values, dueAt: values.dueAt?.valueOf() }, addForm, t);
          if (!input) return;
          void write((actor) => incidents.addTask(incidentId, input, actor)).then(
            (ok) => ok && setEditing(null),
          );
        }}
      >
        <Form.Item name="text" label={t('incidents.tasks.text')} required>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="dueAt" label={t('incidents.tasks.dueAt')} required>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="owner" label={t('incidents.tasks.owner')}>
          <Input maxLength={30} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
