import { Empty, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplayItem } from '@shared/domain/drill/replay';
import { formatOffset } from '@shared/domain/drill/scenario-time';
import { LEVEL_STYLE } from '../../plans/LevelTag';
import { itemText, kindColour, legalColour } from './replay-text';

/** The projector shows the latest this many; the rest are a scroll away in the journal, not on the wall. */
const SHOWN = 200;
/** Lines that already say who spoke (a player's response names the player, not the recorder). */
const SAID_BY_TEXT = new Set<ReplayItem['kind']>(['response', 'note', 'observation']);

/**
 * 演练过程: what has happened by the replay's position, newest first; the items of the latest moment stand
 * out. Each line carries its real time, its scenario time, what kind of record it is and who made it.
 */
/** The law's colour: filled for a level or warning in force, dashed for a level only proposed. */
function tagStyle(style: (typeof LEVEL_STYLE)[keyof typeof LEVEL_STYLE], isProposal: boolean) {
  return isProposal
    ? {
        borderStyle: 'dashed',
        borderColor: style.border,
        color: style.border,
        background: '#fff',
        fontWeight: 600,
      }
    : { ...style, borderColor: style.border, fontWeight: 600 };
}

export const ReplayFeed = memo(function ReplayFeed({ items }: { items: readonly ReplayItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Empty description={t('drillReplay.nothingYet')} />;
  const newestAt = items.at(-1)!.offsetMs;
  const shown = items.slice(-SHOWN).reverse();
  return (
    <div className="replay-feed" data-testid="replay-feed">
      {shown.map((item) => {
        const colour = legalColour(item);
        const style = colour ? LEVEL_STYLE[colour] : null;
        return (
          <div
            key={item.key}
            className={item.offsetMs === newestAt ? 'replay-item replay-item-newest' : 'replay-item'}
            data-testid="replay-item"
            data-kind={item.kind}
          >
            <span className="replay-item-time">
              {dayjs(item.at).format('HH:mm:ss')} · {formatOffset(item.scenarioMs)}
            </span>
            <Tag
              color={style ? undefined : kindColour(item.kind)}
              style={style ? tagStyle(style, item.kind === 'level.propose') : undefined}
              {...(colour ? { 'data-colour': colour } : {})}
            >
              {t(`drillReplay.kind.${item.kind}`)}
              {item.kind === 'observation' ? ` · ${item.capability}` : ''}
            </Tag>
            {'injectNo' in item && item.injectNo && item.kind !== 'action.mark' ? (
              <Tag>{item.injectNo}</Tag>
            ) : null}
            <span className="replay-item-text">{itemText(item, t)}</span>
            {item.by && !SAID_BY_TEXT.has(item.kind) ? (
              <Typography.Text type="secondary" className="replay-item-by">
                {item.by}
              </Typography.Text>
            ) : null}
            {item.kind === 'inject.deliver' && item.isAuto ? (
              <Typography.Text type="secondary" className="replay-item-by">
                {t('drillReplay.auto')}
              </Typography.Text>
            ) : null}
          </div>
        );
      })}
      {items.length > SHOWN ? (
        <Typography.Text type="secondary">
          {t('drillReplay.earlier', { shown: SHOWN, hidden: items.length - SHOWN })}
        </Typography.Text>
      ) : null}
    </div>
  );
});
