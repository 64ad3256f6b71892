import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationReport, ReportOverview } from '@shared/domain/drill/evaluation-report';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { listLabel, percent, planLabel, spanLabel } from './report-format';

/** 桌面推演 · 综合演练 · 检验性 · 公开演练 */
export function typeLabel(t: TFunction, o: ReportOverview): string {
  return [
    t(`drills.form.${o.form}`),
    t(`drills.scope.${o.scope}`),
    t(`drills.purpose.${o.purpose}`),
    t(`drills.blind.${o.blind}`),
  ].join(' · ');
}

/** "2026-06-10 09:30 至 09:38，实际用时 8分钟，情景时间 T+8m" */
export function timeLabel(t: TFunction, o: ReportOverview): string {
  if (o.startedAt === null) return t('drillReport.overview.notStarted');
  const sameDay = o.endedAt !== null && dayjs(o.endedAt).isSame(o.startedAt, 'day');
  return t('drillReport.overview.timeText', {
    from: dayjs(o.startedAt).format('YYYY-MM-DD HH:mm'),
    to:
      o.endedAt === null
        ? t('drillReport.overview.underWay')
        : dayjs(o.endedAt).format(sameDay ? 'HH:mm' : 'YYYY-MM-DD HH:mm'),
    real: o.realDurationMs === null ? '—' : spanLabel(t, o.realDurationMs),
    scenario: formatOffset(o.scenarioDurationMs),
  });
}

/** 一、演练基本情况: the drill's particulars as a form of label and value rows. */
export function OverviewTable({ overview: o }: { overview: ReportOverview }) {
  const { t } = useTranslation();
  const l = (key: string) => t(`drillReport.overview.${key}`);
  const rows: [string, ReactNode][] = [
    [l('title'), o.title],
    [l('type'), typeLabel(t, o)],
    ...(o.hazard ? [[l('hazard'), o.hazard] as [string, ReactNode]] : []),
    [l('time'), timeLabel(t, o)],
    [l('plans'), o.plans.length ? o.plans.map((p) => planLabel(t, p)).join(l('separator')) : l('noPlans')],
    [
      l('objectives'),
      o.objectives.length ? (
        <ol className="drill-report-list">
          {o.objectives.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ol>
      ) : (
        l('none')
      ),
    ],
    [l('units'), listLabel(t, o.units)],
    ...(o.positions.length ? [[l('positions'), listLabel(t, o.positions)] as [string, ReactNode]] : []),
    [l('director'), o.director],
    [l('controllers'), listLabel(t, o.controllers)],
    [l('evaluators'), listLabel(t, o.evaluators)],
    ...(o.observers.length ? [[l('observers'), listLabel(t, o.observers)] as [string, ReactNode]] : []),
    [l('outcome'), t(`drillReport.overview.outcomes.${o.outcome}`, { reason: o.abortReason ?? '' })],
  ];
  return (
    <table className="drill-report-form" data-testid="report-overview">
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 二、演练评估过程: who evaluated, against what, on which scale, and how much of it. */
export function ProcessText({ report }: { report: EvaluationReport }) {
  const { t } = useTranslation();
  const p = report.process;
  const scale = t(`drills.evaluation.scales.${report.scale}`);
  const obs = p.observations;
  const actions = report.metrics.actions;
  return (
    <div className="drill-report-text" data-testid="report-process">
      <p>
        {p.evaluators.length
          ? t('drillReport.process.text', {
              evaluators: listLabel(t, p.evaluators),
              count: p.evaluators.length,
              scale,
              capabilities: p.capabilities,
              rated: p.rated,
              coverage: percent(p.coverage),
            })
          : t('drillReport.process.noEvaluators', {
              capabilities: p.capabilities,
              rated: p.rated,
              coverage: percent(p.coverage),
            })}
      </p>
      <p>
        {t('drillReport.process.observations', {
          total: obs.strength + obs.problem + obs.note,
          ...obs,
        })}
      </p>
      <p>
        {t('drillReport.process.actions', {
          total: actions.total,
          evaluated: actions.total - actions.unevaluated,
          coverage: percent(actions.coverage),
        })}
      </p>
    </div>
  );
}

/** 八、评估结论: the grade the mean score comes to, for the rated capabilities only, and the signature lines. */
export function ConclusionText({ report }: { report: EvaluationReport }) {
  const { t } = useTranslation();
  const c = report.conclusion;
  return (
    <div className="drill-report-text" data-testid="report-conclusion">
      {c.meanScore === null ? (
        <p>{t('drillReport.conclusion.none', { total: c.total })}</p>
      ) : (
        <>
          <p>
            {t('drillReport.conclusion.text', {
              total: c.total,
              rated: c.rated,
              coverage: percent(c.coverage),
              score: c.meanScore,
              grade: c.grade,
            })}
            {c.isPartial ? t('drillReport.conclusion.partial', { unrated: c.total - c.rated }) : null}
          </p>
          <p className="drill-report-note">{t('drillReport.conclusion.gradeNote')}</p>
        </>
      )}
      <div className="drill-report-sign">
        <span>{t('drillReport.conclusion.signLeader')}</span>
        <span>{t('drillReport.conclusion.signDate')}</span>
      </div>
    </div>
  );
}
