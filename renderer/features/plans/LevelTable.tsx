import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { levelLabel, RESPONSE_LEVELS, responseRank, type ResponseLevel } from '@shared/domain/plan/levels';
import { gateApproval, levelOf, planLevels } from '@shared/domain/plan/plan-rules';
import type { Plan, PlanLevel } from '@shared/domain/plan/plan-schema';
import { describeTrigger, observationLabels } from '@shared/domain/plan/triggers';
import { LevelTag } from './LevelTag';
import { groupOrRoleName, roleNames } from './usePlans';

/**
 * 响应分级表 — 谁启动、启动条件、响应措施 — highest level first, as plans print it. Each level lists its own
 * measures and says which lower levels it includes, rather than repeating them.
 */
export function LevelTable({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const labels = observationLabels(plan);
  const levels = [...planLevels(plan)].reverse().map((l) => levelOf(plan, l) as PlanLevel);

  const lowerLevels = (level: ResponseLevel) =>
    RESPONSE_LEVELS.filter((l) => responseRank(l) < responseRank(level) && levelOf(plan, l)).reverse();

  return (
    <Table<PlanLevel>
      className="level-table"
      size="small"
      bordered
      rowKey="level"
      pagination={false}
      dataSource={levels}
      title={() => (
        <Typography.Text strong>{t('plans.levelTable.caption', { title: plan.meta.title })}</Typography.Text>
      )}
      columns={[
        {
          title: t('plans.levelTable.level'),
          key: 'level',
          width: 100,
          render: (_: unknown, d) => <LevelTag level={d.level} />,
        },
        {
          title: t('plans.levelTable.conditions'),
          key: 'conditions',
          width: '30%',
          render: (_: unknown, d) => (
            <ol className="level-table-list">
              {d.triggers.map((trigger, i) => (
                <li key={i}>{describeTrigger(trigger, labels)}</li>
              ))}
            </ol>
          ),
        },
        {
          title: t('plans.levelTable.whoStarts'),
          key: 'who',
          width: 200,
          render: (_: unknown, d) => (
            <div>
              {d.recommenderRoleIds.length > 0 ? (
                <div>{t('plans.levelTable.recommend', { roles: roleNames(plan, d.recommenderRoleIds) })}</div>
              ) : null}
              <div>
                {t('plans.levelTable.approve', { roles: roleNames(plan, d.approval.roleIds) })}
                {d.approval.mode === 'all' ? t('plans.levelTable.jointly') : ''}
              </div>
            </div>
          ),
        },
        {
          title: t('plans.levelTable.measures'),
          key: 'measures',
          render: (_: unknown, d) => {
            const lower = d.includesLowerLevels ? lowerLevels(d.level) : [];
            return (
              <div>
                {lower.length > 0 ? (
                  <Typography.Text type="secondary">
                    {t('plans.levelTable.includesLower', { lower: lower.map(levelLabel).join('、') })}
                  </Typography.Text>
                ) : null}
                <ol className="level-table-list">
                  {d.actions.map((a) => (
                    <li key={a.id}>
                      {a.text}
                      <Typography.Text type="secondary">
                        {' '}
                        （{groupOrRoleName(plan, a)}，
                        {a.deadlineMinutes === 0
                          ? t('plans.levelTable.immediately')
                          : t('plans.levelTable.deadline', { minutes: a.deadlineMinutes })}
                        ）
                      </Typography.Text>
                    </li>
                  ))}
                </ol>
                <Gate plan={plan} level={d} gate="deescalation" />
                <Gate plan={plan} level={d} gate="termination" />
              </div>
            );
          },
        },
      ]}
    />
  );
}

function Gate({ plan, level, gate }: { plan: Plan; level: PlanLevel; gate: 'deescalation' | 'termination' }) {
  const { t } = useTranslation();
  if (gate === 'deescalation' && !level.deescalation) return null;
  const conditions = level[gate]?.conditions ?? [];
  const labels = observationLabels(plan);
  return (
    <div className="level-table-gate">
      <Typography.Text strong>
        {t(gate === 'termination' ? 'plans.levelTable.termination' : 'plans.levelTable.stepDown')}：
      </Typography.Text>
      {t('plans.levelTable.byApprover', { roles: roleNames(plan, gateApproval(level, gate).roleIds) })}；
      {conditions.length > 0
        ? t('plans.levelTable.when', {
            conditions: conditions.map((c) => describeTrigger(c, labels)).join('，'),
          })
        : t('plans.levelTable.approverJudges')}
    </div>
  );
}
