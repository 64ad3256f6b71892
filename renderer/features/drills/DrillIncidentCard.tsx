import { AlertOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEVEL_NUMERAL } from '@shared/domain/plan/levels';
import { FOUR_ONES, fourOnesHolder } from '@shared/domain/plan/plan-context';
import { phaseOf } from '@shared/domain/plan/replay';
import { useServices } from '../../services/services';
import { OpenIncidentDialog } from '../incidents/OpenIncidentDialog';
import { useIncident } from '../incidents/useIncident';
import { LevelTag } from '../plans/LevelTag';

/**
 * 推演事件: the 演练事件 the run exercises on the plan's real chart — its response level in the legal colour,
 * the level the plan proposes, and the 四个一 as they stand — with the way into the incident console, where
 * players propose and approve levels, fill the 四个一, issue tasks and write reports. The console may open
 * it while the run is not over; the participant screen only shows it.
 */
export function DrillIncidentCard({
  runId,
  title,
  plans,
  canOpen,
}: {
  runId: string;
  /** The scenario's title: the 演练事件's title unless the controller writes another. */
  title: string;
  plans: readonly { id: string; version: number }[];
  canOpen: boolean;
}) {
  const { t } = useTranslation();
  const { incidents, platform } = useServices();
  const [isOpening, setOpening] = useState(false);
  const linked = useLiveQuery(async () => (await incidents.forDrillRun(runId)) ?? null, [incidents, runId]);
  const view = useIncident(linked?.id ?? null);
  if (linked === undefined) return null;
  if (linked === null) {
    if (!canOpen) return null;
    return (
      <Card size="small" title={t('drills.incident.title')} data-testid="drill-incident">
        <Space wrap>
          <Typography.Text type="secondary">
            {plans.length ? t('drills.incident.none') : t('drills.incident.noPlans')}
          </Typography.Text>
          {plans.length ? (
            <Button icon={<AlertOutlined />} onClick={() => setOpening(true)}>
              {t('incidents.openDrill')}
            </Button>
          ) : null}
        </Space>
        {isOpening ? (
          <OpenIncidentDialog
            initial={null}
            drill={{ runId, title, plans }}
            onClose={() => setOpening(false)}
          />
        ) : null}
      </Card>
    );
  }
  const context = view?.run?.snapshot.context;
  const level = context?.level ?? linked.level;
  const phase = view?.run ? phaseOf(view.run.snapshot) : linked.phase;
  return (
    <Card
      size="small"
      data-testid="drill-incident"
      title={
        <Space>
          <span>{t('drills.incident.title')}</span>
          <Typography.Text type="secondary">{linked.serial}</Typography.Text>
        </Space>
      }
      extra={
        <Button
          size="small"
          type="primary"
          // A window of its own: the 导调台 (and its ticker) and the 参演人员 screen stay where they are.
          onClick={() => void platform.openWindow({ route: `/incidents/${linked.id}`, title: linked.title })}
        >
          {t('drills.incident.enter')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('incidents.fields.title')}>{linked.title}</Descriptions.Item>
        <Descriptions.Item label={t('incidents.fields.level')}>
          <span data-testid="drill-incident-level">
            {level ? <LevelTag level={level} /> : <Tag>{t('plans.simulator.noLevel')}</Tag>}
          </span>
          {context?.proposal ? (
            <Tag color="orange">
              {t('plans.simulator.proposal')}
              {t('plans.level', { numeral: LEVEL_NUMERAL[context.proposal.level] })}
            </Tag>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('incidents.fields.phase')}>
          {t(`plans.simulator.phase.${phase}`)}
        </Descriptions.Item>
        {FOUR_ONES.map((item) => {
          const holder = context ? fourOnesHolder(context.fourOnes, item) : null;
          return (
            <Descriptions.Item key={item} label={t(`plans.fourOnes.${item}`)}>
              <span data-testid={`drill-four-ones-${item}`}>
                {holder ? <Tag color="success">✓</Tag> : <Tag>—</Tag>}
                {holder ?? t('drills.incident.notYet')}
              </span>
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </Card>
  );
}
