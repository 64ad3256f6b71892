/**
 * The incident log is append-only and hash-chained: each entry stores the hash of the one before it and its
 * own hash over everything it says. Editing, deleting or reordering any entry breaks the chain from that
 * point, and `verifyChain` names the first entry that no longer fits. Corrections are new entries that
 * point at the entry they correct; nothing is ever rewritten.
 */
import { canonicalJson, sha256HexSync } from '../../integrity/hash';
import type { Actor } from '../org/types';

export const GENESIS_HASH = '0'.repeat(64);

export const LOG_CATEGORIES = [
  'intake',
  'decision',
  'observation',
  'task',
  'report',
  'resource',
  'notice',
  'note',
  'correction',
] as const;
export type LogCategory = (typeof LOG_CATEGORIES)[number];

export interface LogLink {
  /** `announcement`: the incident's 终止公告 (its id is the incident's). */
  kind: 'task' | 'report' | 'resource' | 'notice' | 'journal' | 'announcement';
  id: string;
}

export interface LogEntryInput {
  at: number;
  author: Actor | null;
  category: LogCategory;
  text: string;
  links: LogLink[];
  /** The entry this one corrects, for category 'correction'. */
  corrects: string | null;
}

export interface LogEntry extends LogEntryInput {
  id: string;
  incidentId: string;
  seq: number;
  prevHash: string;
  hash: string;
}

function hashed(entry: Omit<LogEntry, 'hash'>): string {
  return sha256HexSync(canonicalJson(entry));
}

/** The next entry of the chain after `previous` (null for the first), sealed with its hash. */
export function sealEntry(
  input: LogEntryInput,
  previous: Pick<LogEntry, 'seq' | 'hash'> | null,
  ids: { id: string; incidentId: string },
): LogEntry {
  const body: Omit<LogEntry, 'hash'> = {
    ...input,
    ...ids,
    seq: (previous?.seq ?? 0) + 1,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  return { ...body, hash: hashed(body) };
}

export type ChainCheck =
  { ok: true; count: number } | { ok: false; brokenAt: number; reason: 'sequence' | 'link' | 'content' };

/**
 * Checks entries in log order; reports the first whose number, link to its predecessor or content is wrong.
 * `previous` is the last entry already checked, so a long log can be verified page by page.
 */
export function verifyChain(entries: readonly LogEntry[], previous: LogEntry | null = null): ChainCheck {
  let last = previous;
  for (const entry of entries) {
    const expectedSeq = (last?.seq ?? 0) + 1;
    if (entry.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: 'sequence' };
    if (entry.prevHash !== (last?.hash ?? GENESIS_HASH))
      return { ok: false, brokenAt: entry.seq, reason: 'link' };
    const { hash, ...body } = entry;
    if (hashed(body) !== hash) return { ok: false, brokenAt: entry.seq, reason: 'content' };
    last = entry;
  }
  return { ok: true, count: entries.length };
}
