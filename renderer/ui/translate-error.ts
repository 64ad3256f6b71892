/** Turns anything a repository or the platform throws into one sentence in the current language. */
import type { TFunction } from 'i18next';
import { formatPlanIssue } from '@shared/domain/plan/check-plan';
import { RepositoryError } from '../db/repositories/repository-error';

export function translateError(t: TFunction, error: unknown): string {
  if (error instanceof RepositoryError) {
    const language = t('plans.issueLanguage') === 'en' ? 'en' : 'zh-CN';
    const issues = error.planIssues.map((issue) => formatPlanIssue(issue, language));
    const detail = issues.join(language === 'en' ? '; ' : '；');
    return t(`errors.${error.code}`, issues.length ? { ...error.params, detail } : error.params);
  }
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return t('errors.storageFull');
  return t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) });
}
