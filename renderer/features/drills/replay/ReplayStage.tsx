import { Col, Row, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayItem } from '@shared/domain/drill/replay';
import {
  isAtEnd,
  nextMoment,
  pause,
  play,
  previousMoment,
  replayTally,
  seek,
  setSpeed,
  visibleCount,
} from '@shared/domain/drill/replay-clock';
import { formatScenarioClock } from '@shared/domain/drill/scenario-time';
import { scenarioTimeAt, type TimelineMark } from '@shared/domain/drill/timeline';
import { LEVEL_COLOUR, LEVEL_NUMERAL, type ResponseLevel } from '@shared/domain/plan/levels';
import { LEVEL_STYLE, LevelTag } from '../../plans/LevelTag';
import { ReplayControls } from './ReplayControls';
import { ReplayFeed } from './ReplayFeed';
import { useReplayClock } from './useReplayClock';

/** Keys that belong to a field being typed in, not to the replay. */
const TYPING =
  'textarea, [contenteditable="true"], .ant-select, input:not([type="radio"]):not([type="checkbox"])';

/**
 * The replay itself: the scenario clock and the real clock of the moment, the response level then, the
 * counts so far, the controls and the records as they appeared. Space plays and pauses; ← and → step to the
 * previous and next moment.
 */
export function ReplayStage({
  items,
  span,
  marks,
  hasIncident,
}: {
  items: readonly ReplayItem[];
  span: { startAt: number; durationMs: number };
  marks: readonly TimelineMark[];
  hasIncident: boolean;
}) {
  const { t } = useTranslation();
  const label = (key: string, params: Record<string, unknown> = {}) => t(`drillReplay.${key}`, params);
  const { clock, positionMs, isPlaying, act } = useReplayClock(span.durationMs);
  const count = visibleCount(items, positionMs);
  const visible = useMemo(() => items.slice(0, count), [items, count]);
  const tally = useMemo(() => replayTally(visible), [visible]);
  const delivered = useMemo(() => items.filter((i) => i.kind === 'inject.deliver'), [items]);
  const markers = useMemo(
    () => delivered.map((i) => ({ offsetMs: i.offsetMs, label: i.kind === 'inject.deliver' ? i.no : '' })),
    [delivered],
  );
  const at = span.startAt + positionMs;
  const next = nextMoment(items, positionMs);
  const atEnd = !isPlaying && positionMs >= span.durationMs;

  const controls = {
    toggle: () => act((c, now) => (c.isPlaying && !isAtEnd(c, now) ? pause(c, now) : play(c, now))),
    previous: () => act((c, now) => seek(c, previousMoment(items, positionMs), now)),
    next: () => act((c, now) => seek(c, next ?? span.durationMs, now)),
  };
  // The keys act on what is on screen now, not on what it was when they were bound.
  const latest = useRef(controls);
  useEffect(() => {
    latest.current = controls;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target?.closest(TYPING) || event.altKey || event.ctrlKey || event.metaKey) return;
      const action =
        event.key === ' '
          ? latest.current.toggle
          : event.key === 'ArrowLeft'
            ? latest.current.previous
            : event.key === 'ArrowRight'
              ? latest.current.next
              : null;
      if (!action) return;
      // Taken here, before a focused button, speed choice or slider handle acts on the same key.
      event.preventDefault();
      event.stopPropagation();
      if (target instanceof HTMLButtonElement) target.blur();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <Row gutter={[16, 16]} className="replay-stage">
      <Col xs={24} lg={8}>
        <div className="replay-board" data-testid="replay-board">
          <Typography.Text type="secondary">{label('scenarioClock')}</Typography.Text>
          <div className="replay-clock" data-testid="replay-scenario-clock">
            {formatScenarioClock(scenarioTimeAt(marks, at))}
          </div>
          <Typography.Text type="secondary">{label('realClock')}</Typography.Text>
          <div className="replay-real-clock" data-testid="replay-real-clock">
            {dayjs(at).format('YYYY-MM-DD HH:mm:ss')}
          </div>
          <div className="replay-level" data-testid="replay-level">
            <Typography.Text type="secondary">{label('level')}</Typography.Text>
            {!hasIncident ? (
              <Typography.Text type="secondary">{label('noIncident')}</Typography.Text>
            ) : tally.level ? (
              <LevelTag level={tally.level} />
            ) : (
              <Tag>{label('noLevel')}</Tag>
            )}
            {tally.proposed ? <ProposedTag level={tally.proposed} /> : null}
          </div>
          <div className="replay-counters" data-testid="replay-counters">
            <Statistic
              title={label('counters.delivered')}
              value={tally.delivered}
              suffix={`/ ${delivered.length}`}
            />
            <Statistic title={label('counters.responses')} value={tally.responses} />
            <Statistic title={label('counters.notes')} value={tally.notes} />
            <Statistic title={label('counters.observations')} value={tally.observations} />
            {tally.skipped ? <Statistic title={label('counters.skipped')} value={tally.skipped} /> : null}
          </div>
        </div>
      </Col>
      <Col xs={24} lg={16}>
        <ReplayControls
          positionMs={positionMs}
          durationMs={span.durationMs}
          isPlaying={isPlaying}
          isAtEnd={atEnd}
          speed={clock.speed}
          markers={markers}
          scenarioMsAt={(p) => scenarioTimeAt(marks, span.startAt + p)}
          onPlay={() => act(play)}
          onPause={() => act(pause)}
          onSpeed={(speed) => act((c, now) => setSpeed(c, speed, now))}
          onSeek={(p) => act((c, now) => seek(c, p, now))}
          onPrevious={controls.previous}
          onNext={controls.next}
          hasNext={next !== null || positionMs < span.durationMs}
        />
        <div className="replay-feed-head">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {label('feed')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="replay-progress">
            {label('progress', { shown: count, total: items.length })}
          </Typography.Text>
        </div>
        <ReplayFeed items={visible} />
      </Col>
    </Row>
  );
}

/** A level proposed and not yet decided: dashed, in the level's colour, so it never reads as the level in force. */
function ProposedTag({ level }: { level: ResponseLevel }) {
  const { t } = useTranslation();
  const colour = LEVEL_STYLE[LEVEL_COLOUR[level]].border;
  return (
    <Tag style={{ borderStyle: 'dashed', borderColor: colour, color: colour, background: '#fff' }}>
      {t('drillReplay.proposed', { level: LEVEL_NUMERAL[level] })}
    </Tag>
  );
}
