import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FOUR_ONES_PARTS } from '@shared/domain/drill/drill-incident-metrics';
import { LEVEL_NUMERAL } from '@shared/domain/plan/levels';
import { durationText } from '@shared/domain/incident/reports';
import { useDrillIncidentMetrics } from '../useDrillIncidentMetrics';

/**
 * 演练事件 figures on the report's paper: the reporting deadlines met or missed, each level from its proposal to
 * its approval, and the 四个一, as measured at the end of the drill. Nothing for a run that opened none.
 */
export function DrillIncidentFigures({ runId, at }: { runId: string; at: number }) {
  const { t } = useTranslation();
  const metrics = useDrillIncidentMetrics(runId, at);
  if (!metrics) return null;
  const l = (key: string, params: Record<string, unknown> = {}) => t(`drills.incidentMetrics.${key}`, params);
  const time = (ms: number | null) => (ms === null ? '—' : dayjs(ms).format('HH:mm:ss'));
  const duration = (ms: number | null) => (ms === null ? '—' : durationText(ms));
  const { fourOnes } = metrics;
  return (
    <div data-testid="report-incident-metrics">
      <h4 className="drill-report-subtitle">{l('title')}</h4>
      <table className="drill-report-form">
        <tbody>
          <tr>
            <th scope="row">{l('reports')}</th>
            <td>{l('reportsMet', { met: metrics.reportsMet, total: metrics.reports.length })}</td>
          </tr>
          <tr>
            <th scope="row">{l('fourOnes')}</th>
            <td>
              {fourOnes.completedAt !== null
                ? l('fourOnesDone', {
                    at: time(fourOnes.completedAt),
                    after: duration(fourOnes.completionMs),
                  })
                : l('fourOnesMissing', {
                    parts: FOUR_ONES_PARTS.filter((p) => fourOnes.parts[p] === null)
                      .map((p) => l(`parts.${p}`))
                      .join('、'),
                  })}
            </td>
          </tr>
          <tr>
            <th scope="row">{l('tasks')}</th>
            <td>{l('tasksText', { issued: metrics.tasks.issued, done: metrics.tasks.done })}</td>
          </tr>
        </tbody>
      </table>
      <table className="drill-report-table">
        <thead>
          <tr>
            <th>{l('deadline')}</th>
            <th>{l('dueAt')}</th>
            <th>{l('sentAt')}</th>
            <th>{l('outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.reports.map((r) => (
            <tr key={`${r.kind}:${r.channel}`}>
              <td>{r.label}</td>
              <td>{time(r.dueAt)}</td>
              <td>{time(r.sentAt)}</td>
              <td>
                {l(`outcomes.${r.outcome}`)}
                {r.lateByMs !== null ? ` ${duration(r.lateByMs)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {metrics.activations.length > 0 ? (
        <table className="drill-report-table">
          <thead>
            <tr>
              <th>{l('level')}</th>
              <th>{l('source')}</th>
              <th>{l('proposedAt')}</th>
              <th>{l('approvedAt')}</th>
              <th>{l('toApproval')}</th>
            </tr>
          </thead>
          <tbody>
            {metrics.activations.map((a) => (
              <tr key={`${a.level}:${a.approvedAt}`}>
                <td>{t('plans.level', { numeral: LEVEL_NUMERAL[a.level] })}</td>
                <td>{l(`sources.${a.source ?? 'order'}`)}</td>
                <td>{time(a.proposedAt)}</td>
                <td>{time(a.approvedAt)}</td>
                <td>{duration(a.proposalToApprovalMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{l('noLevel')}</p>
      )}
    </div>
  );
}
