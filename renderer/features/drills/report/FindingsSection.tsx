import { useTranslation } from 'react-i18next';
import type {
  ActionFinding,
  CapabilityFindings,
  ReportFinding,
} from '@shared/domain/drill/evaluation-report';
import { CreateCorrectiveActionButton } from '../actions/CreateCorrectiveActionButton';
import { findingMeta } from './report-format';

export interface FindingSource {
  runId: string;
  scenarioTitle: string;
  planIds: string[];
}

/**
 * 四、评估发现: every capability, its 关键任务 numbered under its name, with each evaluator's rating, the mean
 * and how many of the evaluators rated it (unrated ones too), then the strengths, problems and notes of each capability that has any, and the expected
 * actions the controllers did not see done in time. Each problem can go to the 整改台账 from here.
 */
export function FindingsSection({
  findings,
  actionFindings,
  source,
}: {
  findings: CapabilityFindings[];
  actionFindings: ActionFinding[];
  source: FindingSource;
}) {
  const { t } = useTranslation();
  const l = (key: string, params: Record<string, unknown> = {}) => t(`drillReport.findings.${key}`, params);
  const hasTasks = findings.some((c) => c.criticalTasks.length > 0);
  const detailed = findings.filter((c) => c.strengths.length + c.problems.length + c.notes.length > 0);
  return (
    <>
      <table className="drill-report-table" data-testid="report-capabilities">
        <thead>
          <tr>
            <th style={{ width: hasTasks ? '34%' : '22%' }}>
              {l(hasTasks ? 'capabilityWithTasks' : 'capability')}
            </th>
            <th>{l('ratings')}</th>
            <th style={{ width: '10%' }}>{l('mean')}</th>
            <th style={{ width: '12%' }}>{l('coverage')}</th>
            <th style={{ width: '12%' }}>{l('counts')}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((c) => (
            <tr key={c.capability} className={c.meanScore === null ? 'drill-report-unrated' : undefined}>
              <td>
                {c.capability}
                {c.isListed ? null : l('unlisted')}
                {c.criticalTasks.length ? (
                  <ol
                    className="drill-report-tasks"
                    aria-label={l('criticalTasksOf', { capability: c.capability })}
                    data-testid="report-critical-tasks"
                  >
                    {c.criticalTasks.map((task, i) => (
                      <li key={i}>{task}</li>
                    ))}
                  </ol>
                ) : null}
              </td>
              <td>
                {c.ratings.length
                  ? c.ratings
                      .map((r) => `${r.evaluatorName}：${r.rating}`)
                      .join(t('drillReport.overview.separator'))
                  : l('notRated')}
              </td>
              <td>{c.meanScore ?? '—'}</td>
              <td>{l('coverageText', { raters: c.raters, total: c.evaluatorsTotal })}</td>
              <td>{l('countsText', { strengths: c.strengths.length, problems: c.problems.length })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detailed.length === 0 ? <p className="drill-report-text">{l('noFindings')}</p> : null}
      {detailed.map((c, i) => (
        <div key={c.capability} className="drill-report-capability" data-testid="report-capability">
          <h4 className="drill-report-subtitle">
            {l('detailTitle', {
              n: t('reportsArea.numerals').split(',')[i] ?? i + 1,
              capability: c.capability,
            })}
          </h4>
          <FindingList title={l('strengths')} items={c.strengths} kind="strength" />
          <FindingList title={l('problems')} items={c.problems} kind="problem" source={source} />
          <FindingList title={l('notes')} items={c.notes} kind="note" />
        </div>
      ))}
      <h4 className="drill-report-subtitle">{l('actionsTitle')}</h4>
      {actionFindings.length === 0 ? (
        <p className="drill-report-text">{l('allActionsMet')}</p>
      ) : (
        <ul className="drill-report-findings" data-testid="report-action-findings">
          {actionFindings.map((a) => (
            <li key={`${a.injectId}:${a.actionId}`}>
              <span className={`drill-report-badge is-${a.mark ?? 'unevaluated'}`}>
                {l(`actionMarks.${a.mark ?? 'unevaluated'}`)}
              </span>
              {l('actionText', {
                no: a.injectNo,
                synopsis: a.synopsis,
                text: a.text,
                window: a.windowMinutes,
              })}
              {a.planClause ? ` · ${l('clause', { clause: a.planClause })}` : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function FindingList({
  title,
  items,
  kind,
  source,
}: {
  title: string;
  items: ReportFinding[];
  kind: ReportFinding['kind'];
  source?: FindingSource;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div className={`drill-report-finding-group is-${kind}`}>
      <div className="drill-report-finding-title">{title}</div>
      <ol className="drill-report-findings" data-testid={`report-${kind}s`}>
        {items.map((f) => (
          <li key={f.key}>
            <div className="drill-report-finding-text">
              <span>{f.text}</span>
              {source ? (
                <span className="no-print drill-report-finding-action">
                  <CreateCorrectiveActionButton
                    size="small"
                    runId={source.runId}
                    scenarioTitle={source.scenarioTitle}
                    planIds={source.planIds}
                    finding={{
                      text: f.text,
                      capability: f.capability,
                      ...(f.injectId ? { injectId: f.injectId } : {}),
                      ...(f.injectNo ? { injectNo: f.injectNo } : {}),
                      ...(f.planClause ? { planClause: f.planClause } : {}),
                    }}
                  />
                </span>
              ) : null}
            </div>
            <div className="drill-report-finding-meta">{findingMeta(t, f)}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
