import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** A task's deadline as "11-23 03:15", in a red 已超时 tag when it has passed unfinished. */
export function TaskDue({ dueAt, overdue }: { dueAt: number; overdue: boolean }) {
  const { t } = useTranslation();
  const time = dayjs(dueAt).format('MM-DD HH:mm');
  return overdue ? (
    <Tag color="error">
      {time} {t('plans.simulator.overdue')}
    </Tag>
  ) : (
    <>{time}</>
  );
}
