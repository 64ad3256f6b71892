import {
  CaretRightOutlined,
  PauseOutlined,
  RedoOutlined,
  StepBackwardOutlined,
  StepForwardOutlined,
} from '@ant-design/icons';
import { Button, Segmented, Slider, Space, Typography } from 'antd';
import type { SliderSingleProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScenarioClock } from '@shared/domain/drill/scenario-time';
import { SPEEDS } from '@shared/domain/drill/timeline';

export interface ReplayMarker {
  offsetMs: number;
  label: string;
}

/** Whole seconds as "m:ss" or "h:mm:ss", for how far into the run the replay stands. */
function runTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return h > 0 ? `${h}:${pad(m)}:${pad(total % 60)}` : `${m}:${pad(total % 60)}`;
}

/**
 * 播放/暂停, the speed, stepping between events and the timeline to jump on, with a mark where each inject
 * went out. The slider reads and sets real time from the run's start; its tooltip says the scenario time.
 */
export function ReplayControls({
  positionMs,
  durationMs,
  isPlaying,
  isAtEnd,
  speed,
  markers,
  scenarioMsAt,
  onPlay,
  onPause,
  onSpeed,
  onSeek,
  onPrevious,
  onNext,
  hasNext,
}: {
  positionMs: number;
  durationMs: number;
  isPlaying: boolean;
  isAtEnd: boolean;
  speed: number;
  markers: readonly ReplayMarker[];
  scenarioMsAt: (positionMs: number) => number;
  onPlay: () => void;
  onPause: () => void;
  onSpeed: (speed: number) => void;
  onSeek: (positionMs: number) => void;
  onPrevious: () => void;
  onNext: () => void;
  hasNext: boolean;
}) {
  const { t } = useTranslation();
  const label = (key: string, params: Record<string, unknown> = {}) => t(`drillReplay.${key}`, params);
  const marks = useMemo<SliderSingleProps['marks']>(
    () =>
      Object.fromEntries(
        markers.map((m) => [m.offsetMs, { label: <span className="replay-mark">{m.label}</span> }]),
      ),
    [markers],
  );
  return (
    <div className="replay-controls" data-testid="replay-controls">
      <Space wrap size={12} align="center">
        {isPlaying ? (
          <Button size="large" icon={<PauseOutlined />} onClick={onPause}>
            {label('pause')}
          </Button>
        ) : (
          <Button
            size="large"
            type="primary"
            icon={isAtEnd ? <RedoOutlined /> : <CaretRightOutlined />}
            onClick={onPlay}
            disabled={durationMs === 0}
          >
            {isAtEnd ? label('replayAgain') : label('play')}
          </Button>
        )}
        <Segmented<number>
          size="large"
          aria-label={label('speed')}
          value={speed}
          options={SPEEDS.map((s) => ({ value: s, label: `×${s}` }))}
          onChange={onSpeed}
        />
        <Button size="large" icon={<StepBackwardOutlined />} onClick={onPrevious} disabled={positionMs === 0}>
          {label('previous')}
        </Button>
        <Button size="large" icon={<StepForwardOutlined />} onClick={onNext} disabled={!hasNext}>
          {label('next')}
        </Button>
        <Typography.Text type="secondary" data-testid="replay-elapsed">
          {label('elapsed', { elapsed: runTime(positionMs), total: runTime(durationMs) })}
        </Typography.Text>
      </Space>
      <Slider
        className="replay-slider"
        ariaLabelForHandle={label('slider')}
        min={0}
        max={Math.max(1, durationMs)}
        step={1}
        value={positionMs}
        marks={marks}
        onChange={(value: number) => onSeek(value)}
        tooltip={{ formatter: (value) => formatScenarioClock(scenarioMsAt(value ?? 0)) }}
      />
      <Typography.Text type="secondary" className="replay-keys">
        {label('keys')}
      </Typography.Text>
    </div>
  );
}
