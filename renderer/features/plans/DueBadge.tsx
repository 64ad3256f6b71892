import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Due } from '@shared/domain/plan/plan-schedule';

const COLOURS = { ok: 'default', dueSoon: 'warning', overdue: 'error', unknown: 'default' } as const;

/** Review and drill reminders: overdue in red, due within 60 days in amber. */
export function DueBadge({ due }: { due: Due }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[due.state]} data-due={due.state}>
      {t(`plans.due.${due.state}`, { date: due.date ?? '' })}
    </Tag>
  );
}
