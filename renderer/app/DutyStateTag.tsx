import { Tag } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { dutyState } from '@shared/domain/duty/duty-state';
import { LEVEL_COLOUR, LEVEL_NUMERAL } from '@shared/domain/plan/levels';
import { LEVEL_STYLE } from '../features/plans/LevelTag';
import { useServices } from '../services/services';
import { useAfterFirstPaint } from '../ui/use-after-first-paint';

/** 日常 / 预警 / 响应（Ⅲ级） in every screen's header, in the level's colour; a click opens the incidents. */
export function DutyStateTag() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { incidents } = useServices();
  const ready = useAfterFirstPaint();
  const rows = useLiveQuery(async () => (ready ? incidents.listOpen() : undefined), [incidents, ready]);
  if (!rows) return null;
  const state = dutyState(rows);
  const style =
    state.kind === 'response'
      ? {
          ...LEVEL_STYLE[LEVEL_COLOUR[state.level]],
          borderColor: LEVEL_STYLE[LEVEL_COLOUR[state.level]].border,
        }
      : undefined;
  return (
    <Tag
      color={state.kind === 'routine' ? 'success' : state.kind === 'warning' ? 'orange' : undefined}
      style={{ ...style, cursor: 'pointer' }}
      role="link"
      data-testid="duty-state"
      onClick={() => void navigate('/incidents')}
    >
      {state.kind === 'response'
        ? t('incidents.dutyState.response', { numeral: LEVEL_NUMERAL[state.level] })
        : t(`incidents.dutyState.${state.kind}`)}
    </Tag>
  );
}
