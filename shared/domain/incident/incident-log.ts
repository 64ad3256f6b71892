/**
 * How the plan's journal reaches the incident log: every journal entry a sent event produced becomes one
 * sealed log line, filed under observation (facts reported) or decision (what people or the plan decided),
 * linked back to its journal number.
 */
import type { JournalEntry } from '../plan/plan-context';
import type { LogCategory, LogEntryInput } from './log-chain';

const OBSERVATIONS = new Set([
  'observation.record',
  'warning.issue',
  'warning.lift',
  'order.receive',
  'time.tick',
]);

export function logCategoryOfJournal(entry: Pick<JournalEntry, 'event'>): LogCategory {
  return OBSERVATIONS.has(entry.event) ? 'observation' : 'decision';
}

export function journalToLog(entries: readonly JournalEntry[]): LogEntryInput[] {
  return entries.map((entry) => ({
    at: entry.at,
    author: entry.by,
    category: logCategoryOfJournal(entry),
    text: entry.why,
    links: [{ kind: 'journal', id: String(entry.seq) }],
    corrects: null,
  }));
}
