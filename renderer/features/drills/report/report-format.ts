/** Words of the report sheets: durations, lists, plan references and a finding's provenance line. */
import type { TFunction } from 'i18next';
import type { ReportFinding, ReportPlanRef } from '@shared/domain/drill/evaluation-report';
import type { RevisionStatus } from '@shared/domain/drill/plan-revision';
import { formatOffset } from '@shared/domain/drill/scenario-time';

/** "45秒", "3分钟", "3分20秒", "1小时05分" — a scenario or real span as a reader says it. */
export function spanLabel(t: TFunction, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return t('drillReport.duration.seconds', { seconds: total });
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes < 60) {
    return seconds === 0
      ? t('drillReport.duration.minutes', { minutes })
      : t('drillReport.duration.minutesSeconds', { minutes, seconds });
  }
  return t('drillReport.duration.hours', {
    hours: Math.floor(minutes / 60),
    minutes: String(minutes % 60).padStart(2, '0'),
  });
}

/** Names joined as Chinese lists them (、), or 无. */
export function listLabel(t: TFunction, items: readonly string[]): string {
  return items.length ? items.join(t('drillReport.overview.separator')) : t('drillReport.overview.none');
}

export function planLabel(t: TFunction, plan: ReportPlanRef): string {
  return plan.title
    ? t('drillReport.overview.planRef', { title: plan.title, version: plan.version })
    : t('drillReport.overview.planMissing', { id: plan.id, version: plan.version });
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;

/** Who saw it and when, and what it is about: "江天成 · T+7m · 情景 2「…」 · 预期行动：… · 预案条款：…". */
export function findingMeta(t: TFunction, f: ReportFinding): string {
  return [
    t('drillReport.findings.meta', { author: f.author, time: formatOffset(f.scenarioMs) }),
    f.injectNo ? t('drillReport.findings.inject', { no: f.injectNo, synopsis: f.injectSynopsis }) : null,
    f.actionText ? t('drillReport.findings.action', { text: f.actionText }) : null,
    f.planClause ? t('drillReport.findings.clause', { clause: f.planClause }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The evidence a 预案修订建议 starts from: the problem as the evaluator wrote it, with who, when and where. */
export function evidenceText(t: TFunction, f: ReportFinding): string {
  return t('drillReport.revisions.evidenceText', {
    capability: f.capability,
    author: f.author,
    time: formatOffset(f.scenarioMs),
    inject: f.injectNo
      ? t('drillReport.revisions.evidenceInject', { no: f.injectNo, synopsis: f.injectSynopsis })
      : '',
    text: f.text,
  });
}

/** The colours of a suggestion's status tag, in the report and on the plan. */
export const REVISION_COLOUR: Record<RevisionStatus, string> = {
  proposed: 'default',
  sent: 'processing',
  adopted: 'success',
  rejected: 'warning',
};
