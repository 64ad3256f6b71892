/**
 * Response and warning levels as the law names them (突发事件应对法 Art. 63, 71). Arrays run from the lowest to
 * the highest, so an index is a rank: Ⅰ is the highest response, 红 the highest warning.
 */

export const RESPONSE_LEVELS = ['IV', 'III', 'II', 'I'] as const;
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];

export const WARNING_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const LEVEL_NUMERAL: Record<ResponseLevel, string> = { IV: 'Ⅳ', III: 'Ⅲ', II: 'Ⅱ', I: 'Ⅰ' };

/** Event grade matching each response level (Art. 3): Ⅰ 特别重大 … Ⅳ 一般. */
export const LEVEL_GRADE: Record<ResponseLevel, string> = {
  I: '特别重大',
  II: '重大',
  III: '较大',
  IV: '一般',
};

/** The colour the law gives each level: Ⅰ红 Ⅱ橙 Ⅲ黄 Ⅳ蓝 — the same scale as warnings. */
export const LEVEL_COLOUR: Record<ResponseLevel, WarningLevel> = {
  I: 'red',
  II: 'orange',
  III: 'yellow',
  IV: 'blue',
};

export const WARNING_NAME: Record<WarningLevel, string> = {
  red: '红色（一级）',
  orange: '橙色（二级）',
  yellow: '黄色（三级）',
  blue: '蓝色（四级）',
};

export function responseRank(level: ResponseLevel): number {
  return RESPONSE_LEVELS.indexOf(level);
}

export function warningRank(level: WarningLevel): number {
  return WARNING_LEVELS.indexOf(level);
}

export function isHigher(a: ResponseLevel, than: ResponseLevel | null): boolean {
  return than === null || responseRank(a) > responseRank(than);
}

/** "Ⅲ级" — the way plans and notices write a level. */
export function levelLabel(level: ResponseLevel): string {
  return `${LEVEL_NUMERAL[level]}级`;
}
