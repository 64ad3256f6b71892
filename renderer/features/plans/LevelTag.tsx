import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  LEVEL_COLOUR,
  LEVEL_NUMERAL,
  type ResponseLevel,
  type WarningLevel,
} from '@shared/domain/plan/levels';

/** The law's colours (Ⅰ红 Ⅱ橙 Ⅲ黄 Ⅳ蓝); yellow carries dark text so it stays legible on white and in print. */
export const LEVEL_STYLE: Record<WarningLevel, { background: string; color: string; border: string }> = {
  red: { background: '#cf1322', color: '#fff', border: '#a8071a' },
  orange: { background: '#fa8c16', color: '#fff', border: '#d46b08' },
  yellow: { background: '#fadb14', color: '#262626', border: '#d4b106' },
  blue: { background: '#1677ff', color: '#fff', border: '#0958d9' },
};

/** "Ⅳ级响应", or "Ⅳ级" where the column already says it is a response level. */
export function LevelTag({ level, short = false }: { level: ResponseLevel; short?: boolean }) {
  const { t } = useTranslation();
  const style = LEVEL_STYLE[LEVEL_COLOUR[level]];
  const numeral = LEVEL_NUMERAL[level];
  return (
    <Tag style={{ ...style, borderColor: style.border, fontWeight: 600 }} data-level={level}>
      {short ? t('plans.levelShort', { numeral }) : t('plans.level', { numeral })}
    </Tag>
  );
}

export function WarningTag({ level, label }: { level: WarningLevel; label: string }) {
  const style = LEVEL_STYLE[level];
  return <Tag style={{ ...style, borderColor: style.border }}>{label}</Tag>;
}
