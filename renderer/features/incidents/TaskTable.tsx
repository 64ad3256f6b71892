import { EditOutlined } from '@ant-design/icons';
import { Button, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type BoardTask, type TaskStatus } from '@shared/domain/incident/incident-tasks';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { LevelTag } from '../plans/LevelTag';
import { TaskDue } from '../plans/run/TaskDue';
import { groupOrRoleName } from '../plans/usePlans';

const STATUS_COLOUR: Record<TaskStatus, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  done: 'success',
  blocked: 'warning',
};

/** One list of tasks (the response's or the 善后 ones): status in place, the rest through `onEdit`. */
export function TaskTable({
  tasks,
  plan,
  readOnly,
  emptyText,
  onStatus,
  onEdit,
}: {
  tasks: readonly BoardTask[];
  plan: Plan | null;
  readOnly: boolean;
  emptyText: string;
  onStatus: (task: BoardTask, status: TaskStatus) => void;
  onEdit: (task: BoardTask) => void;
}) {
  const { t } = useTranslation();
  const statusText = (s: TaskStatus) => t(`incidents.tasks.statuses.${s}`);
  const source = (task: BoardTask) =>
    task.stage === 'aftermath'
      ? t('incidents.tasks.aftermath')
      : task.adHoc
        ? t('incidents.tasks.adHoc')
        : t('incidents.tasks.prepare');
  return (
    <Table<BoardTask>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={[...tasks]}
      scroll={{ x: 960, y: 320 }}
      rowClassName={(task) => (task.overdue ? 'task-overdue' : '')}
      locale={{ emptyText }}
      columns={[
        {
          title: t('incidents.tasks.level'),
          key: 'level',
          width: 86,
          render: (_: unknown, task) =>
            task.level ? <LevelTag level={task.level} short /> : <Tag>{source(task)}</Tag>,
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
                onChange={(status) => onStatus(task, status)}
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
                onClick={() => onEdit(task)}
              />
            ),
        },
      ]}
    />
  );
}
