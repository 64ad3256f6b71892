import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationReport, ReportKind } from '@shared/domain/drill/evaluation-report';
import { useServices } from '../../../services/services';

/**
 * The official sheet: the drill's name over the report's kind in red over a red rule, the 编号 and the moment
 * it was generated, then the numbered sections. The same box on screen, in the print preview and on paper
 * (a fixed 180 mm measure, so the charts are drawn once at the width they print).
 */
export function ReportSheet({
  kind,
  report,
  children,
}: {
  kind: ReportKind;
  report: EvaluationReport;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { now } = useServices();
  const number = `${t(`drillReport.numberPrefix.${kind}`)}-${dayjs(report.overview.numberedAt).format('YYYYMMDDHHmm')}`;
  return (
    <article className="drill-report-sheet" data-testid="drill-report-sheet" data-kind={kind}>
      <header className="drill-report-head">
        <h1 className="drill-report-title">
          {t(`drillReport.titles.${kind}`, { title: report.overview.title })}
        </h1>
        <div className="drill-report-sub">
          <span data-testid="drill-report-number">{t('drillReport.number', { number })}</span>
          <span>{t('drillReport.generatedAt', { time: dayjs(now()).format('YYYY-MM-DD HH:mm') })}</span>
        </div>
      </header>
      {children}
    </article>
  );
}
