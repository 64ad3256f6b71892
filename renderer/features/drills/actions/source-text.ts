import type { TFunction } from 'i18next';
import type { ActionSource } from '@shared/domain/drill/corrective-action';

/** Where a problem was found, as one line: 演练 · 评估项目 · 情景 · 预案条款. */
export function sourceText(
  t: TFunction,
  source: Pick<ActionSource, 'scenarioTitle'> &
    Partial<Pick<ActionSource, 'capability' | 'injectNo' | 'planClause'>>,
): string {
  return [
    source.scenarioTitle,
    source.capability ? t('drillActions.source.capability', { value: source.capability }) : '',
    source.injectNo ? t('drillActions.source.inject', { value: source.injectNo }) : '',
    source.planClause ? t('drillActions.source.planClause', { value: source.planClause }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
