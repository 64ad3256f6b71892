import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  adHocTaskSchema,
  splitBoard,
  TASK_STATUSES,
  taskBoard,
  taskUpdateSchema,
  type BoardTask,
  type TaskStage,
  type TaskState,
  type TaskStatus,
} from '@shared/domain/incident/incident-tasks';
import type { PlanTask } from '@shared/domain/plan/plan-context';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { useServices } from '../../services/services';
import { FormModal } from '../../ui/FormModal';
import { parseForm } from '../../ui/schema-form';
import { useSignedWrite } from '../session/useSignedWrite';
import { TaskTable } from './TaskTable';

type Editing = { kind: 'update'; task: BoardTask } | { kind: 'add'; stage: TaskStage } | null;

/** Quick-add 善后 tasks (Art. 86: 恢复秩序; 应急条例: 调查评估); the operator sets owner and deadline. */
const AFTERMATH_SUGGESTIONS = ['resettle', 'assessLoss', 'rebuild', 'investigate'] as const;

/**
 * The incident's tasks: those the plan issued at each level (kept when the level rises) and ad-hoc ones, each
 * with status, owner and notes; overdue ones are flagged while the response runs. Once the response has
 * ended, the 善后 tasks follow in a section of their own, overdue while the incident is open. Every change
 * is logged.
 */
export function TaskBoard({
  incidentId,
  plan,
  planTasks,
  states,
  running,
  ended,
  readOnly,
  at,
}: {
  incidentId: string;
  plan: Plan | null;
  planTasks: readonly PlanTask[];
  states: readonly TaskState[];
  running: boolean;
  /** The response has ended (terminated, 善后, closed): the 善后 section shows. */
  ended: boolean;
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
  const board = taskBoard(planTasks, states, at, running, ended && !readOnly);
  const { response, aftermath } = splitBoard(board);
  const statusText = (s: TaskStatus) => t(`incidents.tasks.statuses.${s}`);
  const count = (tasks: readonly BoardTask[]) =>
    t('incidents.tasks.count', {
      count: tasks.length,
      done: tasks.filter((task) => task.status === 'done').length,
      overdue: tasks.filter((task) => task.overdue).length,
    });

  const setStatus = (task: BoardTask, status: TaskStatus) =>
    void write(
      (actor) =>
        incidents.updateTask(incidentId, task.key, { status, owner: task.owner, notes: task.notes }, actor),
      null,
    );
  const edit = (task: BoardTask) => {
    updateForm.setFieldsValue({ status: task.status, owner: task.owner, notes: task.notes });
    setEditing({ kind: 'update', task });
  };
  const add = (stage: TaskStage, text = '') => {
    addForm.resetFields();
    addForm.setFieldsValue({ text, dueAt: dayjs(now()).add(stage === 'aftermath' ? 24 : 1, 'hour') });
    setEditing({ kind: 'add', stage });
  };
  const table = (tasks: readonly BoardTask[], emptyText: string) => (
    <TaskTable
      tasks={tasks}
      plan={plan}
      readOnly={readOnly}
      emptyText={emptyText}
      onStatus={setStatus}
      onEdit={edit}
    />
  );

  return (
    <>
      <Card
        size="small"
        title={`${t('incidents.tasks.title')} · ${count(response)}`}
        extra={
          readOnly ? null : (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add('response')}>
              {t('incidents.tasks.add')}
            </Button>
          )
        }
        style={{ marginBottom: 12 }}
        data-testid="incident-tasks"
      >
        {table(response, t('incidents.tasks.empty'))}
      </Card>
      {ended ? (
        <Card
          size="small"
          title={`${t('incidents.aftermath.title')} · ${count(aftermath)}`}
          extra={
            readOnly ? null : (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add('aftermath')}>
                {t('incidents.aftermath.add')}
              </Button>
            )
          }
          style={{ marginBottom: 12 }}
          data-testid="aftermath-tasks"
        >
          {readOnly ? null : (
            <Space wrap size={[6, 6]} style={{ marginBottom: 8 }} data-testid="aftermath-suggestions">
              <Typography.Text type="secondary">{t('incidents.aftermath.suggest')}</Typography.Text>
              {AFTERMATH_SUGGESTIONS.map((key) => (
                <Button
                  key={key}
                  size="small"
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add('aftermath', t(`incidents.aftermath.suggestionTexts.${key}`))}
                >
                  {t(`incidents.aftermath.suggestions.${key}`)}
                </Button>
              ))}
            </Space>
          )}
          {table(aftermath, t('incidents.aftermath.empty'))}
        </Card>
      ) : null}
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
        title={
          editing?.kind === 'add' && editing.stage === 'aftermath'
            ? t('incidents.aftermath.addTitle')
            : t('incidents.tasks.addTitle')
        }
        form={addForm}
        onClose={() => setEditing(null)}
        onSubmit={(values) => {
          if (editing?.kind !== 'add') return;
          const input = parseForm(
            adHocTaskSchema,
            { ...values, dueAt: values.dueAt?.valueOf(), stage: editing.stage },
            addForm,
            t,
          );
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
    </>
  );
}
