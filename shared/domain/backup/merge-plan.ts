/**
 * Merging a bundle exported on another machine (a field vehicle back at headquarters) into this one, as a
 * pure plan over plain rows. Records are keyed by their UUID primary keys, so most rows are either new
 * (added) or the same on both sides (identical); the rest are shown to a person, never decided here:
 *
 * - a record edited on both machines (same key, different content) is a conflict: 保留本机 or 采用导入;
 * - the append-only streams (incident events and log, drill journal) merge by prefix: when one side's stream
 *   is the start of the other's the longer one is taken, so nothing is duplicated or lost, and a hash chain
 *   that verified on its machine still verifies here. Streams that fork (same seq, different content), or
 *   whose chain or numbering is broken, block the merge of that incident or run: the only way forward is to
 *   keep this machine's copy of it, so local evidence is never replaced;
 * - a different record holding the same 事件编号/接报编号/物资编码 (two machines numbering on their own)
 *   blocks too, and again only this machine's record can be kept.
 *
 * Settings are never merged (this machine's win); stock balances are a cache rebuilt from the ledger.
 */
import { canonicalJson } from '../../integrity/hash';
import { verifyChain, type LogEntry } from '../incident/log-chain';
import type { TableRows } from './backup-bundle';

export type Row = Record<string, unknown>;

export interface TableKeys {
  primKey: string | readonly string[];
  /** Single-field unique indexes (`&serial`, `&code`). */
  unique: readonly string[];
}
export type SchemaInfo = Readonly<Record<string, TableKeys>>;

export const NOT_MERGED: Readonly<Record<string, 'localWins' | 'rebuilt'>> = {
  settings: 'localWins',
  stockBalances: 'rebuilt',
};

interface StreamSpec {
  owner: string;
  field: string;
  isChained: boolean;
}
const STREAMS: Readonly<Record<string, StreamSpec>> = {
  incidentEvents: { owner: 'incidents', field: 'incidentId', isChained: false },
  incidentLog: { owner: 'incidents', field: 'incidentId', isChained: true },
  drillJournal: { owner: 'drillRuns', field: 'runId', isChained: false },
};

interface OwnerSpec {
  field: string;
  /** Rows that belong to the record: nothing of an incoming record that is not merged is merged either. */
  dependents: readonly string[];
  /** Fields the owner row caches from one of its streams: they follow the stream that is taken. */
  cache: Readonly<Record<string, string>>;
}
const OWNERS: Readonly<Record<string, OwnerSpec>> = {
  incidents: {
    field: 'incidentId',
    dependents: [
      'incidentEvents',
      'incidentLog',
      'incidentTasks',
      'incidentReports',
      'incidentDispatches',
      'incidentNotifications',
    ],
    cache: {
      level: 'incidentEvents',
      phase: 'incidentEvents',
      status: 'incidentEvents',
      eventCount: 'incidentEvents',
      logCount: 'incidentLog',
    },
  },
  drillRuns: {
    field: 'runId',
    dependents: ['drillJournal', 'drillRunScenarios', 'correctiveActions', 'planRevisions'],
    cache: { status: 'drillJournal', lastSeq: 'drillJournal' },
  },
  materials: { field: 'materialId', dependents: ['stockEntries'], cache: {} },
};
/** Rewritten by every append to a stream, so not content of their own: the later side's pair is kept. */
const TOUCHED = ['updatedAt', 'updatedBy'];
/**
 * Fields a machine only ever takes away, never edits: an imported material's opening stock leaves the row when
 * its first entry posts it (stock-opening.ts). Rows that differ by it alone are one record, the side without
 * it is the later one (whose ledger begins with the opening's entry).
 */
const POSTED_ONCE: Readonly<Record<string, string>> = { materials: 'opening' };
/** One search-index row per resource record, with the record's id: it follows its record. */
const INDEX_TABLE = 'resourceIndex';

export type Side = 'local' | 'incoming';
export type Write = readonly [table: string, row: Row];

export interface Conflict {
  id: string;
  table: string;
  label: string;
  /** Top-level fields whose values differ. */
  fields: string[];
  local: Row;
  incoming: Row;
  onLocal: Write[];
  onIncoming: Write[];
}

export interface Blocker {
  id: string;
  kind: 'fork' | 'uniqueKey';
  /** The owner table for a fork (incidents, drillRuns); the table of the clash for a unique key. */
  table: string;
  label: string;
  /** fork: the stream and the first seq that does not fit, and why; uniqueKey: the field. */
  stream?: string;
  seq?: number;
  reason?: 'fork' | 'chain' | 'sequence';
  field?: string;
}

export interface TableCount {
  added: number;
  identical: number;
  /** Replaced without asking: an owner row whose only changes are its caches of a longer stream. */
  updated: number;
  conflicts: number;
  /** Not merged: settings, balances, the rows of a blocked record, index rows that follow a kept record. */
  skipped: number;
}

export interface MergePlan {
  counts: Record<string, TableCount>;
  conflicts: Conflict[];
  blockers: Blocker[];
  /** Written whatever the resolutions are. */
  writes: Write[];
}

const keyOf = (row: Row, path: string | readonly string[]): string =>
  JSON.stringify(typeof path === 'string' ? row[path] : path.map((p) => row[p]));
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);
const without = (row: Row, fields: readonly string[]): Row =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !fields.includes(k)));
const asRows = (rows: unknown[] | undefined) => (rows ?? []) as Row[];

export function recordLabel(table: string, row: Row | null | undefined): string {
  if (!row) return '';
  const text = (key: string) => (typeof row[key] === 'string' && row[key] !== '' ? String(row[key]) : null);
  if (text('serial')) return [text('serial'), text('title') ?? text('nature')].filter(Boolean).join(' ');
  if (text('code')) return [text('code'), text('name')].filter(Boolean).join(' ');
  const plain = text('name') ?? text('title') ?? text('key') ?? text('summary') ?? text('date');
  if (plain) return plain;
  return keyOf(row, table === 'drillRunScenarios' ? 'runId' : 'id').replaceAll('"', '');
}

function diffFields(a: Row, b: Row): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => !same(a[k], b[k])).sort();
}

function groupBy(rows: Row[], field: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const id = String(row[field]);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  for (const group of groups.values()) group.sort((a, b) => Number(a['seq']) - Number(b['seq']));
  return groups;
}

/** What is wrong with a stream on its own: numbering that is not 1, 2, 3 …, or a chain that does not verify. */
function streamProblem(rows: Row[], isChained: boolean): Pick<Blocker, 'seq' | 'reason'> | null {
  const gap = rows.findIndex((row, i) => row['seq'] !== i + 1);
  if (gap >= 0) return { seq: gap + 1, reason: 'sequence' };
  if (!isChained) return null;
  const check = verifyChain(rows as unknown as LogEntry[]);
  return check.ok ? null : { seq: check.brokenAt, reason: 'chain' };
}

export function planMerge(local: TableRows, incoming: TableRows, schema: SchemaInfo): MergePlan {
  const counts: Record<string, TableCount> = {};
  const count = (table: string) =>
    (counts[table] ??= { added: 0, identical: 0, updated: 0, conflicts: 0, skipped: 0 });
  const conflicts: Conflict[] = [];
  const blockers: Blocker[] = [];
  const writes: Write[] = [];
  const tables = Object.keys(schema);
  const localByKey = new Map(
    tables.map((t) => [t, new Map(asRows(local[t]).map((r) => [keyOf(r, schema[t]!.primKey), r]))]),
  );
  const localRow = (table: string, id: string) => localByKey.get(table)?.get(JSON.stringify(id));
  const incomingRow = (table: string, id: string) => asRows(incoming[table]).find((r) => r['id'] === id);

  /** Owners whose incoming copy is not merged at all, by owner table. */
  const blocked = new Map<string, Set<string>>(Object.keys(OWNERS).map((t) => [t, new Set()]));
  const blockerIds = new Set<string>();
  const block = (blocker: Blocker, owner: string | null, id: string) => {
    if ((owner && blocked.get(owner)?.has(id)) || blockerIds.has(blocker.id)) return;
    if (owner) blocked.get(owner)!.add(id);
    blockerIds.add(blocker.id);
    blockers.push(blocker);
    count(blocker.table).conflicts += 1;
  };

  // A different record already holds the serial or code.
  for (const table of tables) {
    const { primKey, unique } = schema[table]!;
    if (unique.length === 0 || NOT_MERGED[table]) continue;
    const held = unique.map(
      (field) =>
        new Map(asRows(local[table]).map((r) => [JSON.stringify(r[field]), keyOf(r, primKey)] as const)),
    );
    for (const row of asRows(incoming[table])) {
      const key = keyOf(row, primKey);
      if (localByKey.get(table)!.has(key)) continue;
      unique.forEach((field, i) => {
        const holder = held[i]!.get(JSON.stringify(row[field]));
        if (row[field] === undefined || holder === undefined) return;
        const id = `unique:${table}:${key}`;
        block(
          { id, kind: 'uniqueKey', table, label: recordLabel(table, row), field },
          OWNERS[table] ? table : null,
          String(row['id']),
        );
      });
    }
  }

  // Streams: the longer side when one is a prefix of the other.
  const taken = new Map<string, Side>(); // `${stream}:${ownerId}` → side whose stream is kept
  const streamWrites: Write[] = [];
  for (const [stream, spec] of Object.entries(STREAMS)) {
    if (!schema[stream]) continue;
    const mine = groupBy(asRows(local[stream]), spec.field);
    for (const [ownerId, theirs] of groupBy(asRows(incoming[stream]), spec.field)) {
      const ours = mine.get(ownerId) ?? [];
      const fork = theirs.findIndex((row, i) => i < ours.length && !same(row, ours[i]));
      const problem =
        streamProblem(theirs, spec.isChained) ??
        (fork >= 0 ? { seq: Number(theirs[fork]!['seq']), reason: 'fork' as const } : null);
      if (problem) {
        const owner = localRow(spec.owner, ownerId) ?? incomingRow(spec.owner, ownerId);
        const label = recordLabel(spec.owner, owner) || ownerId;
        block(
          { id: `fork:${spec.owner}:${ownerId}`, kind: 'fork', table: spec.owner, label, stream, ...problem },
          spec.owner,
          ownerId,
        );
        continue;
      }
      taken.set(`${stream}:${ownerId}`, theirs.length > ours.length ? 'incoming' : 'local');
      for (const row of theirs.slice(ours.length)) streamWrites.push([stream, row]);
    }
  }

  const isDropped = (table: string, row: Row): boolean =>
    Object.entries(OWNERS).some(
      ([owner, spec]) =>
        (owner === table && blocked.get(owner)!.has(String(row['id']))) ||
        (spec.dependents.includes(table) && blocked.get(owner)!.has(String(row[spec.field]))) ||
        (table === INDEX_TABLE && blocked.get(owner)!.has(String(row['id']))),
    );
  for (const [stream, row] of streamWrites) {
    if (isDropped(stream, row)) continue;
    writes.push([stream, row]);
    count(stream).added += 1;
  }

  /** The owner row as it will be stored: `base`, with its caches from whichever stream is taken. */
  const withCaches = (table: string, base: Row, ours: Row, theirs: Row): Row => {
    const spec = OWNERS[table]!;
    const result = { ...base };
    for (const [field, stream] of Object.entries(spec.cache)) {
      const side = taken.get(`${stream}:${String(base['id'])}`) ?? 'local';
      result[field] = (side === 'incoming' ? theirs : ours)[field];
    }
    const later = Number(theirs['updatedAt']) > Number(ours['updatedAt']) ? theirs : ours;
    for (const field of TOUCHED) if (field in later) result[field] = later[field];
    return result;
  };

  const recordConflicts = new Map<string, Conflict>();
  const indexRows: Row[] = [];
  for (const table of tables) {
    const c = count(table);
    if (NOT_MERGED[table]) {
      c.skipped += asRows(incoming[table]).length;
      continue;
    }
    if (STREAMS[table]) {
      // Counted above; what neither side adds is identical, and a blocked stream's rows are skipped.
      for (const row of asRows(incoming[table])) {
        if (isDropped(table, row)) c.skipped += 1;
        else if (localByKey.get(table)!.has(keyOf(row, schema[table]!.primKey))) c.identical += 1;
      }
      continue;
    }
    for (const theirs of asRows(incoming[table])) {
      const key = keyOf(theirs, schema[table]!.primKey);
      const ours = localByKey.get(table)!.get(key);
      if (isDropped(table, theirs)) {
        // A blocked record itself is counted as its blocker; what hangs on it is skipped.
        if (!OWNERS[table]) c.skipped += 1;
        continue;
      }
      if (!ours) {
        if (blockerIds.has(`unique:${table}:${key}`)) continue;
        writes.push([table, theirs]);
        c.added += 1;
        continue;
      }
      if (table === INDEX_TABLE) {
        if (same(ours, theirs)) c.identical += 1;
        else indexRows.push(theirs);
        continue;
      }
      const hasCaches = Object.keys(OWNERS[table]?.cache ?? {}).length > 0;
      const posted = POSTED_ONCE[table];
      const ignored = [
        ...(hasCaches ? [...Object.keys(OWNERS[table]!.cache), ...TOUCHED] : []),
        ...(posted ? [posted] : []),
      ];
      let keep = hasCaches ? withCaches(table, ours, ours, theirs) : ours;
      let take = hasCaches ? withCaches(table, theirs, ours, theirs) : theirs;
      if (posted && (!(posted in ours) || !(posted in theirs))) {
        keep = without(keep, [posted]);
        take = without(take, [posted]);
      }
      if (same(without(ours, ignored), without(theirs, ignored))) {
        if (same(keep, ours)) c.identical += 1;
        else {
          writes.push([table, keep]);
          c.updated += 1;
        }
        continue;
      }
      const conflict: Conflict = {
        id: `row:${table}:${key}`,
        table,
        label: recordLabel(table, ours),
        fields: diffFields(without(ours, ignored), without(theirs, ignored)),
        local: ours,
        incoming: theirs,
        onLocal: same(keep, ours) ? [] : [[table, keep]],
        onIncoming: [[table, take]],
      };
      conflicts.push(conflict);
      recordConflicts.set(String(ours['id']), conflict);
      c.conflicts += 1;
    }
  }
  for (const row of indexRows) {
    const conflict = recordConflicts.get(String(row['id']));
    if (conflict) conflict.onIncoming.push([INDEX_TABLE, row]);
    count(INDEX_TABLE).skipped += 1;
  }
  return { counts, conflicts, blockers, writes };
}

export type Resolutions = Readonly<Record<string, Side>>;

export type ResolvedMerge = { ok: true; writes: Map<string, Row[]> } | { ok: false; unresolved: string[] };

/**
 * The rows to write once a person has chosen a side for every conflict and kept this machine's copy of
 * every blocked record (the only choice a blocker offers).
 */
export function resolveMerge(plan: MergePlan, resolutions: Resolutions): ResolvedMerge {
  const unresolved = [
    ...plan.conflicts.filter((c) => !resolutions[c.id]).map((c) => c.id),
    ...plan.blockers.filter((b) => resolutions[b.id] !== 'local').map((b) => b.id),
  ];
  if (unresolved.length > 0) return { ok: false, unresolved };
  const writes = new Map<string, Row[]>();
  const chosen = plan.conflicts.flatMap((c) => (resolutions[c.id] === 'incoming' ? c.onIncoming : c.onLocal));
  for (const [table, row] of [...plan.writes, ...chosen]) {
    const rows = writes.get(table);
    if (rows) rows.push(row);
    else writes.set(table, [row]);
  }
  return { ok: true, writes };
}

/** Whether a plan adds or changes anything at all when every conflict keeps this machine's side. */
export function addsNothing(plan: MergePlan): boolean {
  return plan.writes.length === 0 && plan.conflicts.every((c) => c.onLocal.length === 0);
}
