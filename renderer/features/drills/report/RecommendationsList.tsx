import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '@shared/domain/drill/evaluation-report';

/** One recommendation as a sentence: the problem, and what to do about it by its kind. */
export function recommendationText(t: TFunction, r: Recommendation): string {
  return t(`drillReport.recommendations.${r.kind}`, {
    capability: r.capability ?? '',
    text: r.text.replace(/[。．.]+$/, ''),
    clause: r.planClause,
    no: r.injectNo ?? '',
    window: r.windowMinutes ?? '',
    clauseText: r.planClause ? t('drillReport.recommendations.clauseText', { clause: r.planClause }) : '',
  });
}

/** 六、改进的意见和建议 (and the 总结报告's next steps): every problem, numbered. */
export function RecommendationsList({ items, extra = [] }: { items: Recommendation[]; extra?: string[] }) {
  const { t } = useTranslation();
  if (items.length === 0 && extra.length === 0)
    return <p className="drill-report-text">{t('drillReport.recommendations.none')}</p>;
  return (
    <ol className="drill-report-numbered" data-testid="report-recommendations">
      {items.map((r) => (
        <li key={r.key}>{recommendationText(t, r)}</li>
      ))}
      {extra.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ol>
  );
}
