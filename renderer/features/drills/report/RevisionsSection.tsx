import { App, Button, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationReport } from '@shared/domain/drill/evaluation-report';
import { newDrafts, type PlanRevision } from '@shared/domain/drill/plan-revision';
import { useServices } from '../../../services/services';
import { useSignedWrite } from '../../session/useSignedWrite';
import { evidenceText, planLabel, REVISION_COLOUR } from './report-format';
import { RevisionDialog } from './RevisionDialog';

/**
 * 七、预案修订建议: the run's suggestions (which clause, the evidence, the change, where it stands), made with
 * 生成修订建议 from the problems that name a plan clause, edited, and submitted to the plan. The buttons stay
 * off the paper.
 */
export function RevisionsSection({
  report,
  revisions,
  scenarioTitle,
}: {
  report: EvaluationReport;
  revisions: PlanRevision[];
  scenarioTitle: string;
}) {
  const { t } = useTranslation();
  const { planRevisions } = useServices();
  const write = useSignedWrite();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<PlanRevision | null>(null);
  const plans = report.overview.plans;
  const [chosenPlan, setChosenPlan] = useState(0);
  const l = (key: string, params: Record<string, unknown> = {}) => t(`drillReport.revisions.${key}`, params);
  const pending = newDrafts(report.revisionCandidates, revisions);
  const planOf = (r: PlanRevision) =>
    plans.find((p) => p.id === r.planId && p.version === r.planVersion) ?? {
      id: r.planId,
      version: r.planVersion,
      title: null,
    };

  const generate = () => {
    const target = plans[chosenPlan];
    if (!target) return;
    const drafts = pending.map((c) => {
      const plan = c.plan ?? target;
      return {
        runId: report.runId,
        scenarioTitle,
        sourceKey: c.sourceKey,
        planId: plan.id,
        planVersion: plan.version,
        clause: c.clause,
        evidence: evidenceText(t, c.finding),
        capability: c.finding.capability,
        injectNo: c.finding.injectNo ?? '',
      };
    });
    void write((actor) => planRevisions.createMany(drafts, actor), l('generated', { count: drafts.length }));
  };

  const submit = (r: PlanRevision) => {
    // Without its change written it cannot go: open it to write one.
    if (!r.suggestedChange.trim()) {
      void message.warning(l('changeNeeded'));
      setEditing(r);
    } else void write((actor) => planRevisions.send(r.id, actor), l('submitted'));
  };

  return (
    <div data-testid="report-revisions">
      <p className="drill-report-text drill-report-note">{l('intro')}</p>
      {pending.length > 0 ? (
        <Space className="no-print drill-report-tools" wrap>
          {plans.length === 0 ? (
            <Typography.Text type="warning">{l('noPlans')}</Typography.Text>
          ) : (
            <>
              {plans.length > 1 && pending.some((c) => c.plan === null) ? (
                <Select
                  aria-label={l('targetPlan')}
                  style={{ minWidth: 260 }}
                  value={chosenPlan}
                  onChange={setChosenPlan}
                  options={plans.map((p, i) => ({ value: i, label: planLabel(t, p) }))}
                />
              ) : null}
              <Button type="primary" onClick={generate}>
                {l('generateCount', { count: pending.length })}
              </Button>
            </>
          )}
        </Space>
      ) : null}
      {revisions.length === 0 ? (
        <p className="drill-report-text">{l('empty')}</p>
      ) : (
        <table className="drill-report-table" data-testid="revision-table">
          <thead>
            <tr>
              <th style={{ width: '7%' }}>{t('drillReport.timeline.no')}</th>
              <th style={{ width: '19%' }}>
                {l('plan')} / {l('clause')}
              </th>
              <th>{l('evidence')}</th>
              <th style={{ width: '25%' }}>{l('suggestedChange')}</th>
              <th style={{ width: '9%' }}>{l('status')}</th>
              <th className="no-print" style={{ width: '14%' }}>
                {l('actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r, i) => (
              <tr key={r.id} data-testid="revision-row">
                <td>{i + 1}</td>
                <td>
                  <div>{planLabel(t, planOf(r))}</div>
                  <strong>{r.clause}</strong>
                </td>
                <td>{r.evidence}</td>
                <td>{r.suggestedChange || <Typography.Text type="secondary">—</Typography.Text>}</td>
                <td>
                  <Tag color={REVISION_COLOUR[r.status]}>{l(`statuses.${r.status}`)}</Tag>
                </td>
                <td className="no-print">
                  {r.status === 'proposed' ? (
                    <Space size={4} wrap>
                      <Button size="small" onClick={() => setEditing(r)}>
                        {l('edit')}
                      </Button>
                      <Button size="small" type="primary" onClick={() => submit(r)}>
                        {l('submit')}
                      </Button>
                      <Popconfirm
                        title={l('removeConfirm')}
                        onConfirm={() =>
                          void write((actor) => planRevisions.remove(r.id, actor), l('removed'))
                        }
                      >
                        <Button size="small" danger>
                          {l('remove')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing ? <RevisionDialog revision={editing} plans={plans} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
