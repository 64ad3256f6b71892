import { ArrowLeftOutlined, DesktopOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { elapsedText, type Incident } from '@shared/domain/incident/incident';
import { LEVEL_NUMERAL } from '@shared/domain/plan/levels';
import { phaseOf, type PlanSnapshot } from '@shared/domain/plan/replay';
import { LevelTag, WarningTag } from '../plans/LevelTag';
import { useServices } from '../../services/services';
import { AnnouncementButton } from './ending/AnnouncementSheet';
import { ArchiveButton } from './ending/ClosingPanel';

/**
 * What the command hall must see at a glance: the event, where, how long since it happened, the level in
 * its legal colour, the level the plan proposes and the warnings in force.
 */
export function IncidentHeader({
  incident,
  snapshot,
  at,
  onBack,
}: {
  incident: Incident;
  snapshot: PlanSnapshot | null;
  at: number;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { platform } = useServices();
  const navigate = useNavigate();
  const context = snapshot?.context;
  const warnings = Object.entries(context?.facts.warnings ?? {});
  // Until the chart is replayed, the incident row's summary says where it stands.
  const level = context?.level ?? incident.level;
  const ended = ['terminated', 'aftermath', 'closed'].includes(snapshot ? phaseOf(snapshot) : incident.phase);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="incident-header">
      <Space wrap align="center" size={[12, 4]}>
        <Button size="small" icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('incidents.console.back')}
        </Button>
        <Typography.Text type="secondary">
          {t('incidents.fields.serial')} {incident.serial}
        </Typography.Text>
        {incident.drill ? (
          <Button
            size="small"
            danger
            data-testid="incident-drill"
            onClick={() => void navigate(`/drills/runs/${incident.drill?.runId ?? ''}`)}
          >
            {t('drills.watermark')} · {incident.drill.scenarioTitle}
          </Button>
        ) : null}
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="incident-title">
          {incident.title}
        </Typography.Title>
        <span data-testid="incident-level">
          {level ? (
            <>
              <LevelTag level={level} />
              {ended ? t('plans.simulator.ended') : null}
            </>
          ) : (
            <Tag>{t('plans.simulator.noLevel')}</Tag>
          )}
        </span>
        {context?.proposal ? (
          <Tag color="orange" data-testid="incident-proposal">
            {t('plans.simulator.proposal')}
            {t('plans.level', { numeral: LEVEL_NUMERAL[context.proposal.level] })}
          </Tag>
        ) : null}
        <Tag color={incident.status === 'open' ? 'processing' : 'default'}>
          {t(`incidents.statuses.${incident.status}`)}
        </Tag>
        {ended && incident.plan ? <AnnouncementButton incident={incident} /> : null}
        <ArchiveButton incident={incident} />
        <Button
          size="small"
          icon={<DesktopOutlined />}
          onClick={() =>
            void platform.openWindow({ route: `/screen/incidents/${incident.id}`, title: incident.title })
          }
        >
          {t('incidents.console.bigScreen')}
        </Button>
      </Space>
      <div style={{ marginTop: 6 }}>
        <Space wrap size={[16, 4]}>
          <span>
            {t('incidents.fields.place')}：{incident.place}
          </span>
          <span>
            {t('incidents.console.occurredAt', {
              time: dayjs(incident.occurredAt).format('YYYY-MM-DD HH:mm'),
            })}
          </span>
          <Typography.Text strong data-testid="incident-elapsed">
            {t('incidents.console.elapsed', { text: elapsedText(incident.occurredAt, at) })}
          </Typography.Text>
          {incident.plan ? (
            <Typography.Text type="secondary">
              {t('incidents.console.planOf', { title: incident.plan.title, version: incident.plan.version })}
            </Typography.Text>
          ) : null}
          {warnings.length > 0 ? (
            <span data-testid="incident-warnings">
              {t('incidents.console.warnings')}：
              {warnings.map(([type, level]) => (
                <WarningTag key={type} level={level} label={t(`plans.warningInForce.${level}`, { type })} />
              ))}
            </span>
          ) : null}
        </Space>
      </div>
    </Card>
  );
}
