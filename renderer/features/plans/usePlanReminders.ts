import type { TFunction } from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { drillDue, localDate, reviewDue } from '@shared/domain/plan/plan-schedule';
import { useServices } from '../../services/services';
import { useClock } from '../../ui/use-clock';

/** How often the reminders re-read the desk's clock: they change with the date, so a few seconds late is nothing. */
const DATE_BEAT_MS = 5000;

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
  const { plans } = useServices();
  // The date, not the moment: the query runs again when the day turns (or the desk clock is moved), not at
  // every beat.
  const today = localDate(useClock(DATE_BEAT_MS));
  return useLiveQuery(async () => {
    const latest = await plans.listLatest();
    const dues = latest
      .filter((p) => p.status !== 'retired')
      .map((p) => ({ review: reviewDue(p.meta, today), drill: drillDue(p.meta, today) }));
    return {
      reviewOverdue: dues.filter((d) => d.review.state === 'overdue').length,
      drillOverdue: dues.filter((d) => d.drill.state === 'overdue').length,
      dueSoon: dues.filter((d) => d.review.state === 'dueSoon' || d.drill.state === 'dueSoon').length,
    };
  }, [plans, today]);
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
