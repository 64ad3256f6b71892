import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_SECTIONS,
  summaryView,
  type EvaluationReport,
  type ReportFinding,
} from '@shared/domain/drill/evaluation-report';
import type { PlanRevision } from '@shared/domain/drill/plan-revision';
import { SheetSection } from '../../reports/sheet-parts';
import { typeLabel } from './OverviewSection';
import { RecommendationsList } from './RecommendationsList';
import { listLabel, percent, planLabel, spanLabel } from './report-format';
import { ReportSheet } from './ReportSheet';

const TITLES = {
  overview: 'summaryOverview',
  strengths: 'strengths',
  problems: 'problems',
  nextSteps: 'nextSteps',
};

/**
 * 总结报告 (AQ/T 9007-2019 7.2), for leadership: 演练基本概要, 取得的经验, 发现的问题, 下一步工作建议 — the same
 * report as the 评估报告, shorter and in sentences.
 */
export function SummarySheet({ report, revisions }: { report: EvaluationReport; revisions: PlanRevision[] }) {
  const { t } = useTranslation();
  const view = summaryView(report);
  const s = (key: string, params: Record<string, unknown> = {}) => t(`drillReport.summary.${key}`, params);
  const o = report.overview;
  const m = report.metrics;
  const c = report.conclusion;
  const revisionCount = Math.max(view.revisionCount, revisions.length);
  const problemCount = view.problems.length + view.actionProblems.length;

  const body: Record<(typeof REPORT_SECTIONS.summary)[number], ReactNode> = {
    overview: (
      <div className="drill-report-text is-indented" data-testid="summary-overview">
        <p>
          {s('overviewText', {
            date:
              o.startedAt === null
                ? t('drillReport.overview.notStarted')
                : dayjs(o.startedAt).format(s('dateFormat')),
            units: listLabel(t, o.units),
            title: o.title,
            type: typeLabel(t, o),
            plans: o.plans.length
              ? s('overviewPlans', {
                  plans: o.plans.map((p) => planLabel(t, p)).join(t('drillReport.overview.separator')),
                })
              : s('overviewNoPlans'),
          })}
          {o.outcome === 'aborted' ? s('abortedText', { reason: o.abortReason }) : null}
        </p>
        <p>
          {s('figuresText', {
            delivered: m.delivered,
            skipped: m.skipped,
            open: m.open,
            latency:
              m.responseLatency.medianMs === null
                ? s('noLatency')
                : s('latencyText', { median: spanLabel(t, m.responseLatency.medianMs) }),
            ...m.actions,
            coverage: percent(m.actions.coverage),
          })}
          {c.meanScore === null
            ? s('noScore', { total: c.total })
            : s('scoreText', { rated: c.rated, total: c.total, score: c.meanScore, grade: c.grade })}
        </p>
      </div>
    ),
    strengths: view.strengths.length ? (
      <FindingSentences items={view.strengths} testId="summary-strengths" />
    ) : (
      <p className="drill-report-text">{s('noStrengths')}</p>
    ),
    problems:
      problemCount === 0 ? (
        <p className="drill-report-text">{s('noProblems')}</p>
      ) : (
        <ol className="drill-report-numbered" data-testid="summary-problems">
          {view.problems.map((f) => (
            <li key={f.key}>{findingSentence(t, f)}</li>
          ))}
          {view.actionProblems.map((a) => (
            <li key={`${a.injectId}:${a.actionId}`}>
              {s('actionProblem', { no: a.injectNo, text: a.text, mark: s(`marks.${a.mark}`) })}
            </li>
          ))}
        </ol>
      ),
    nextSteps: (
      <RecommendationsList
        items={view.nextSteps}
        extra={[
          ...(revisionCount > 0 ? [s('revisionsStep', { count: revisionCount })] : []),
          ...(problemCount > 0 ? [s('correctiveStep')] : []),
        ]}
      />
    ),
  };
  return (
    <ReportSheet kind="summary" report={report}>
      {REPORT_SECTIONS.summary.map((section, i) => (
        <SheetSection
          key={section}
          index={i}
          title={t(`drillReport.sections.${TITLES[section]}`)}
          testId={`summary-section-${section}`}
        >
          {body[section]}
        </SheetSection>
      ))}
    </ReportSheet>
  );
}

/** "【紧急动员】疏散指令经街道转达用时过长（情景 2）" */
function findingSentence(t: TFunction, f: ReportFinding): string {
  return t('drillReport.summary.findingText', {
    capability: f.capability,
    text: f.text,
    inject: f.injectNo ? t('drillReport.summary.injectRef', { no: f.injectNo }) : '',
  });
}

function FindingSentences({ items, testId }: { items: ReportFinding[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ol className="drill-report-numbered" data-testid={testId}>
      {items.map((f) => (
        <li key={f.key}>{findingSentence(t, f)}</li>
      ))}
    </ol>
  );
}
