import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanTask } from '@shared/domain/plan/plan-context';
import type { Plan } from '@shared/domain/plan/plan-schema';
import { phaseOf, type PlanSnapshot } from '@shared/domain/plan/replay';
import { LevelTag } from '../LevelTag';
import { TaskDue } from '../run/TaskDue';
import { groupOrRoleName } from '../usePlans';

/** The tasks the activations issued, with deadlines on the simulated clock. */
export function TaskList({ plan, snapshot }: { plan: Plan; snapshot: PlanSnapshot }) {
  const { t } = useTranslation();
  const { tasks, now } = snapshot.context;
  // Once the response has ended, a deadline that passed is history, not an alarm.
  const running = ['monitoring', 'warning', 'response'].includes(phaseOf(snapshot));
  return (
    <Card
      size="small"
      title={`${t('plans.simulator.tasks')}（${tasks.length}）`}
      style={{ marginBottom: 12 }}
    >
      <Table<PlanTask>
        size="small"
        rowKey="actionId"
        pagination={false}
        dataSource={tasks}
        locale={{ emptyText: t('plans.simulator.noTasks') }}
        data-testid="task-list"
        columns={[
          {
            title: t('plans.levelTable.level'),
            key: 'level',
            width: 90,
            render: (_: unknown, task) =>
              task.level ? (
                <LevelTag level={task.level} short />
              ) : (
                <Tag>{t('plans.simulator.phase.warning')}</Tag>
              ),
          },
          { title: t('plans.levelTable.measures'), dataIndex: 'text' },
          {
            title: t('plans.detail.groups'),
            key: 'owner',
            width: 120,
            render: (_: unknown, task) => groupOrRoleName(plan, task),
          },
          {
            title: t('plans.simulator.due', { time: '' }).trim(),
            key: 'due',
            width: 150,
            render: (_: unknown, task) => (
              <TaskDue dueAt={task.dueAt} overdue={running && task.dueAt < now} />
            ),
          },
        ]}
      />
    </Card>
  );
}
