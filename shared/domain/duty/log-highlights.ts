/**
 * The incident log lines a daily brief names on their own: a response level started, adjusted or ended, and
 * an event grade changed. The log keeps no event type, only the sealed text, so these patterns follow the
 * wording of plan-step.ts (level decisions), report-repository.ts (grade) and the chart's 关闭 line; the
 * tests replay a real plan to catch a change of wording there.
 */
import type { LogEntry } from '../incident/log-chain';

export const HIGHLIGHT_KINDS = ['levelStarted', 'levelAdjusted', 'responseEnded', 'gradeChanged'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

const PATTERNS: readonly [HighlightKind, RegExp][] = [
  ['levelStarted', /^批准启动\S+响应/],
  ['levelAdjusted', /响应调整为\S+响应/],
  ['responseEnded', /^宣布\S*响应终止/],
  ['gradeChanged', /^事件分级由\S+调整为/],
];

export function highlightKind(entry: Pick<LogEntry, 'category' | 'text'>): HighlightKind | null {
  if (entry.category !== 'decision') return null;
  return PATTERNS.find(([, pattern]) => pattern.test(entry.text))?.[0] ?? null;
}

/** The chart's line when a case is closed (case.close). */
export function isClosingLine(entry: Pick<LogEntry, 'category' | 'text'>): boolean {
  return entry.category === 'decision' && entry.text.startsWith('关闭：');
}
