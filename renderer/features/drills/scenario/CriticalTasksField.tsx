import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CRITICAL_TASK_MAX,
  CRITICAL_TASKS_PER_CAPABILITY,
  criticalTaskSchema,
  criticalTasksOf,
  withReferenceTasks,
  type CriticalTasks,
} from '@shared/domain/drill/critical-tasks';
import { schemaRule } from '../../../ui/schema-form';

/**
 * 关键任务 of each capability on the form's list as it stands (one panel each, rendered even when closed so
 * that every task is checked on save). Tasks are kept by capability name: those of a capability taken off the
 * list are dropped when the scenario is saved. 填入参考关键任务 fills only capabilities that have none.
 */
export function CriticalTasksField() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = Form.useFormInstance();
  const capabilities = (Form.useWatch<string[] | undefined>('capabilities', form) ?? []).filter(Boolean);
  const tasks = Form.useWatch<CriticalTasks | undefined>('criticalTasks', { form, preserve: true });
  const field = (key: string, params: Record<string, unknown> = {}) => t(`drills.scenario.${key}`, params);

  const fillReference = () => {
    const current = (form.getFieldValue('criticalTasks') as CriticalTasks | undefined) ?? {};
    const filled = withReferenceTasks(capabilities, current);
    const count = capabilities.filter(
      (c) => criticalTasksOf(filled, c).length > criticalTasksOf(current, c).length,
    ).length;
    if (count === 0) {
      void message.info(field('referenceTasksNone'));
      return;
    }
    form.setFieldValue('criticalTasks', filled);
    void message.success(field('referenceTasksFilled', { count }));
  };

  return (
    <Form.Item label={field('criticalTasks')} extra={field('criticalTasksHint')}>
      <Flex vertical gap={8} data-testid="critical-tasks">
        <div>
          <Button size="small" title={field('fillReferenceTasksHint')} onClick={fillReference}>
            {field('fillReferenceTasks')}
          </Button>
        </div>
        <Collapse
          size="small"
          items={capabilities.map((capability) => {
            const count = criticalTasksOf(tasks, capability).filter((task) => task?.trim()).length;
            return {
              key: capability,
              forceRender: true,
              label: (
                <span>
                  {capability}
                  {count ? (
                    <Typography.Text type="secondary">
                      （{field('criticalTaskCount', { count })}）
                    </Typography.Text>
                  ) : null}
                </span>
              ),
              children: <TaskList capability={capability} />,
            };
          })}
        />
      </Flex>
    </Form.Item>
  );
}

function TaskList({ capability }: { capability: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={['criticalTasks', capability]}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((item, index) => (
            <Flex key={item.key} gap={4} align="start">
              <Typography.Text type="secondary" style={{ width: 24, lineHeight: '24px', textAlign: 'right' }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item
                name={item.name}
                rules={[schemaRule(criticalTaskSchema, t, { required: true })]}
                style={{ flex: 1, marginBottom: 0 }}
              >
                <Input
                  maxLength={CRITICAL_TASK_MAX}
                  aria-label={t('drills.scenario.criticalTask', { capability, n: index + 1 })}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(item.name)}
              />
            </Flex>
          ))}
          {fields.length < CRITICAL_TASKS_PER_CAPABILITY ? (
            <div>
              <Button size="small" icon={<PlusOutlined />} onClick={() => add('')}>
                {t('drills.scenario.addCriticalTask')}
              </Button>
            </div>
          ) : null}
        </Flex>
      )}
    </Form.List>
  );
}
