import type { TFunction } from 'i18next';
import type { DeadlineState } from '@shared/domain/incident/report-deadlines';
import { durationText } from '@shared/domain/incident/reports';

/** 剩余 12分钟 / 可能迟报（已超 5分钟）/ 已按时报送 / 迟报 3分钟: one wording for the console and the wall. */
export function deadlineText(t: TFunction, s: DeadlineState): string {
  switch (s.state) {
    case 'pending':
    case 'dueSoon':
      return t('incidents.reports.remaining', { text: durationText(s.remainingMs) });
    case 'overdue':
      return t('incidents.reports.overdue', { text: durationText(s.lateByMs) });
    case 'met':
      return t('incidents.reports.met');
    case 'late':
      return t('incidents.reports.late', { text: durationText(s.lateByMs) });
  }
}
