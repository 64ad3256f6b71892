import { ArrowLeftOutlined, FullscreenExitOutlined, FullscreenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { SealGate } from '../seal/SealGate';
import { DrillWatermark } from '../DrillWatermark';
import { ReplayStage } from './ReplayStage';
import { useReplayMaterial } from './useReplayMaterial';
import './replay.css';

/**
 * 复盘: a finished run played back on its own timeline for the after-action meeting — on the projector, full
 * screen if wanted. A sealed scenario's run asks for the passphrase first, as its 导调台 does.
 */
export function ReplayPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const material = useReplayMaterial(id);
  const page = useRef<HTMLDivElement>(null);
  if (material === undefined) return <Spin />;
  if (material === null) return <Alert type="warning" message={t('errors.notFound')} />;
  const { run, scenario } = material.loaded;
  return (
    <div className="replay-page" ref={page} data-testid="drill-replay">
      <DrillWatermark />
      <Card
        size="small"
        title={
          <Space>
            <Button
              size="small"
              type="text"
              aria-label={t('drillReplay.back')}
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate(`/drills/runs/${run.id}`)}
            />
            <span>
              {t('drillReplay.title')} · {run.title}
            </span>
            <Typography.Text type="secondary">
              {t('drills.scenario.director')}：{run.directorName}
            </Typography.Text>
          </Space>
        }
        extra={<FullScreenButton target={page} />}
      >
        <SealGate scenarioId={run.scenarioId} seal={scenario.seal}>
          {material.span ? (
            <ReplayStage
              items={material.items}
              span={material.span}
              marks={material.loaded.snapshot.context.marks}
              hasIncident={material.hasIncident}
            />
          ) : (
            <Alert type="info" showIcon message={t('drillReplay.notOver')} />
          )}
        </SealGate>
      </Card>
    </div>
  );
}

/** The replay alone on the screen (the projector), and back. */
function FullScreenButton({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const [isFull, setFull] = useState(false);
  useEffect(() => {
    const follow = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);
  if (!document.fullscreenEnabled) return null;
  return (
    <Button
      size="small"
      icon={isFull ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
      onClick={() => void (isFull ? document.exitFullscreen() : target.current?.requestFullscreen())}
    >
      {isFull ? t('drillReplay.exitFullScreen') : t('drillReplay.fullScreen')}
    </Button>
  );
}
