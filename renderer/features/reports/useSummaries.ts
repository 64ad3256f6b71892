/**
 * The brief and the summary of the chosen period, live: a 接报 recorded in another window shows up without a
 * reload. While a newly chosen period is being added up, the previous figures stay on screen, marked as
 * loading, so the page does not jump.
 */
import dayjs from 'dayjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSearchParams } from 'react-router';
import type { DailyBrief } from '@shared/domain/duty/daily-brief';
import type { PeriodSummary } from '@shared/domain/duty/duty-statistics';
import { periodOf, type Period, type PeriodKind } from '@shared/domain/duty/periods';
import { dateKey } from '@shared/domain/duty/shifts';
import { useServices } from '../../services/services';

const DATE = 'YYYY-MM-DD';

/** The period in the address (`?date=2026-11-23`), so a reload shows the same brief; today by default. */
export function useChosenPeriod(kind: PeriodKind) {
  const { now } = useServices();
  const [params, setParams] = useSearchParams();
  const text = params.get('date') ?? '';
  // A date-only text is read as local midnight.
  const at = /^\d{4}-\d{2}-\d{2}$/.test(text) && dayjs(text).isValid() ? dayjs(text).valueOf() : now();
  return {
    at,
    period: periodOf(kind, at),
    choose: (ms: number, extra: Record<string, string> = {}) =>
      setParams({ ...Object.fromEntries(params), ...extra, date: dayjs(ms).format(DATE) }, { replace: true }),
  };
}

export function useDailyBrief(day: Period): { brief: DailyBrief | undefined; isLoading: boolean } {
  const { summaries, duty } = useServices();
  const result = useLiveQuery(
    async () => ({
      start: day.start,
      brief: await summaries.dailyBrief(day, { onDuty: await duty.onDutyOf(dateKey(day.start)) }),
    }),
    [summaries, duty, day.start, day.end],
  );
  return { brief: result?.brief, isLoading: result?.start !== day.start };
}

export function usePeriodSummary(period: Period): { summary: PeriodSummary | undefined; isLoading: boolean } {
  const { summaries } = useServices();
  const result = useLiveQuery(
    async () => ({ key: `${period.start}-${period.end}`, summary: await summaries.periodSummary(period) }),
    [summaries, period.start, period.end],
  );
  return { summary: result?.summary, isLoading: result?.key !== `${period.start}-${period.end}` };
}

export function useJurisdiction(): string {
  const { settings } = useServices();
  return useLiveQuery(() => settings.getInstallSettings(), [settings])?.jurisdictionName ?? '';
}
