import { Card, Col, Descriptions, List, Row, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WARNING_NAME } from '@shared/domain/plan/levels';
import type { Plan } from '@shared/domain/plan/plan-schema';
import type { DirectoryData } from '../directory/useDirectoryData';
import { WarningTag } from './LevelTag';
import { groupOrRoleName, useLatestPlans } from './usePlans';

/** Metadata, the command organisation bound to the directory, and the warning levels of one plan version. */
export function PlanOverview({ plan, directory }: { plan: Plan; directory: DirectoryData }) {
  const { t } = useTranslation();
  const plans = useLatestPlans();
  const unitName = (id: string | null) => (id ? (directory.unitById.get(id)?.name ?? id) : '—');
  const personName = (id: string) => directory.people.find((p) => p.id === id)?.name ?? id;
  const m = plan.meta;
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <Descriptions size="small" bordered column={3} styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('plans.columns.type')}>
            {t(`plans.types.${m.planType}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.columns.hazard')}>
            {t(`plans.categories.${m.hazardCategory}`)} · {m.hazardType}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.commandBody')}>{plan.commandBody}</Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.issuingUnit')}>
            {unitName(m.issuingUnitId)}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.edition')}>{m.edition || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.effectiveDate')}>
            {m.effectiveDate ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.nextReviewDate')}>
            {m.nextReviewDate ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.lastDrillDate')}>
            {m.lastDrillDate ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.drillInterval')}>
            {t('plans.detail.months', { count: m.drillIntervalMonths })}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.columns.filing')}>
            {t(`plans.filing.${m.filing.status}`)}
            {m.filing.withUnit ? ` · ${m.filing.withUnit}` : ''}
            {m.filing.date ? ` · ${m.filing.date}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.discretionaryRaise')}>
            {plan.discretionaryRaise ? t('common.yes') : t('common.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.editor.parentPlan')} span={3}>
            {m.parentPlanId
              ? (plans?.find((p) => p.id === m.parentPlanId)?.meta.title ?? m.parentPlanId)
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.summary')} span={3}>
            {m.summary || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.detail.revisionTriggers')} span={3}>
            {m.revisionTriggers.join('；') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('plans.detail.roles')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={plan.roles}
            columns={[
              { title: t('plans.detail.roleName'), dataIndex: 'name', width: 140 },
              {
                title: t('plans.detail.boundTo'),
                key: 'bound',
                render: (_: unknown, r) => (
                  <>
                    {r.positionIds.map((id) => (
                      <Tag key={id}>{directory.positionById.get(id)?.name ?? id}</Tag>
                    ))}
                    {r.personIds.map(personName).join('、')}
                  </>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('plans.detail.groups')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={plan.groups}
            columns={[
              { title: t('plans.detail.groupName'), dataIndex: 'name', width: 110 },
              {
                title: t('plans.detail.leadUnit'),
                key: 'lead',
                width: 150,
                render: (_: unknown, g) => unitName(g.leadUnitId),
              },
              {
                title: t('plans.detail.members'),
                key: 'members',
                render: (_: unknown, g) => g.memberUnitIds.map(unitName).join('、'),
              },
              { title: t('plans.detail.duties'), dataIndex: 'duties', ellipsis: true },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('plans.detail.warningLevels')}>
          <List
            size="small"
            dataSource={[...plan.warningLevels].reverse()}
            renderItem={(w) => (
              <List.Item>
                <WarningTag level={w.level} label={WARNING_NAME[w.level]} />
                <Typography.Text>{w.meaning}</Typography.Text>
                <Typography.Text type="secondary">（{w.measures.join('；')}）</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('plans.detail.preResponse')}>
          <List
            size="small"
            dataSource={plan.preResponseActions}
            renderItem={(a) => (
              <List.Item>
                {a.text}
                <Typography.Text type="secondary">（{groupOrRoleName(plan, a)}）</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}
