import type { TFunction } from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { drillDue, localDate, reviewDue } from '@shared/domain/plan/plan-schedule';
import { useServices } from '../../services/services';

export interface PlanReminders {
  reviewOverdue: number;
  drillOverdue: number;
  dueSoon: number;
}

/**
 * Review and drill reminders over every plan's newest version (应急条例 Art. 6, 8). Kept apart from the plan
 * screens so the shell and the home screen can show them without loading the plan engine.
 */
export function usePlanReminders(): PlanReminders | undefined {
  const { plans, now } = useServices();
  return useLiveQuery(async () => {
    const today = localDate(now());
    const latest = await plans.listLatest();
    const dues = latest
      .filter((p) => p.status !== 'retired')
      .map((p) => ({ review: reviewDue(p.meta, today), drill: drillDue(p.meta, today) }));
    return {
      reviewOverdue: dues.filter((d) => d.review.state === 'overdue').length,
      drillOverdue: dues.filter((d) => d.drill.state === 'overdue').length,
      dueSoon: dues.filter((d) => d.review.state === 'dueSoon' || d.drill.state === 'dueSoon').length,
    };
  }, [plans, now]);
}

/** "1 个预案评审逾期，2 个预案演练逾期", leaving out what is zero; empty when nothing is overdue. */
export function overdueText(t: TFunction, reminders: PlanReminders): string {
  return [
    reminders.reviewOverdue ? t('plans.library.reviewOverdue', { count: reminders.reviewOverdue }) : '',
    reminders.drillOverdue ? t('plans.library.drillOverdue', { count: reminders.drillOverdue }) : '',
  ]
    .filter(Boolean)
    .join(t('plans.library.listSeparator'));
}
