import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_SECTIONS,
  type EvaluationReport,
  type ReportSection,
} from '@shared/domain/drill/evaluation-report';
import type { PlanRevision } from '@shared/domain/drill/plan-revision';
import { SheetSection } from '../../reports/sheet-parts';
import { FindingsSection } from './FindingsSection';
import { MetricsSection } from './MetricsSection';
import { ConclusionText, OverviewTable, ProcessText } from './OverviewSection';
import { RecommendationsList } from './RecommendationsList';
import { ReportSheet } from './ReportSheet';
import { RevisionsSection } from './RevisionsSection';
import { TimelineSection } from './TimelineSection';

/**
 * 评估报告 (AQ/T 9009-2015): 演练基本情况, 评估过程, 情景与时间线, 评估发现, 演练数据, 改进的意见和建议,
 * 预案修订建议, 评估结论 — numbered in that order.
 */
export function EvaluationSheet({
  report,
  revisions,
  scenarioTitle,
}: {
  report: EvaluationReport;
  revisions: PlanRevision[];
  scenarioTitle: string;
}) {
  const { t } = useTranslation();
  const source = {
    runId: report.runId,
    scenarioTitle,
    planIds: report.overview.plans.map((p) => p.id),
  };
  const body: Record<(typeof REPORT_SECTIONS.evaluation)[number], ReactNode> = {
    overview: <OverviewTable overview={report.overview} />,
    process: <ProcessText report={report} />,
    timeline: <TimelineSection rows={report.timeline} />,
    findings: (
      <FindingsSection findings={report.findings} actionFindings={report.actionFindings} source={source} />
    ),
    metrics: (
      <MetricsSection metrics={report.metrics} runId={report.runId} endedAt={report.overview.endedAt} />
    ),
    recommendations: <RecommendationsList items={report.recommendations} />,
    revisions: <RevisionsSection report={report} revisions={revisions} scenarioTitle={scenarioTitle} />,
    conclusion: <ConclusionText report={report} />,
  };
  return (
    <ReportSheet kind="evaluation" report={report}>
      {REPORT_SECTIONS.evaluation.map((section: ReportSection, i) => (
        <SheetSection
          key={section}
          index={i}
          title={t(`drillReport.sections.${section}`)}
          testId={`report-section-${section}`}
        >
          {body[section as keyof typeof body]}
        </SheetSection>
      ))}
    </ReportSheet>
  );
}
