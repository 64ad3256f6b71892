/**
 * 归档包 (突发事件应对法 Art. 94): everything about one incident or one drill run in one file, for the
 * archive room. The file names its format and version, what it is about, who made it, when and for which
 * jurisdiction, and a manifest counting the rows of each table; a SHA-256 over all of that (and the rows)
 * refuses a truncated or edited copy. Incident logs inside it are hash chains of their own: the reader
 * verifies them again and compares with what the export found, so an edit that also re-signed the file
 * still shows. A log that was already broken when exported is read as such, not refused.
 */
import type { DrillStatus } from '../drill/drill-machine';
import { verifyChain, type ChainCheck, type LogEntry } from '../incident/log-chain';
import { z } from '../../validation/z';
import { canonicalJson, sha256Hex } from '../backup/backup-bundle';

export const ARCHIVE_FORMAT = 'emergency-desk-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

export const ARCHIVE_KINDS = ['incident', 'drill'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

/** A run is archived once it is over: ended, aborted, being evaluated or filed (归档). */
export const ARCHIVABLE_RUN_STATUSES: readonly DrillStatus[] = ['aborted', 'ended', 'evaluating', 'archived'];

export interface ArchiveSubject {
  /** The incident's or the drill run's id. */
  id: string;
  title: string;
  /** 事件编号 for an incident; '' for a drill run, which has none. */
  serial: string;
}

export type ArchiveTables = Record<string, unknown[]>;

/** What the export found when it verified one incident log's chain. */
export interface LogCheck {
  incidentId: string;
  check: ChainCheck;
}

export interface ArchivePackage {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  kind: ArchiveKind;
  subject: ArchiveSubject;
  /** The database schema the rows were read from. */
  schemaVersion: number;
  exportedAt: number;
  exportedBy: string;
  jurisdiction: string;
  /** Rows per table. */
  manifest: Record<string, number>;
  logChecks: LogCheck[];
  tables: ArchiveTables;
  checksum: string;
}

export type ArchiveInput = Omit<
  ArchivePackage,
  'format' | 'formatVersion' | 'manifest' | 'logChecks' | 'checksum'
>;

interface LogBearer {
  id: string;
  logCount: number;
}

/**
 * Each incident log in the tables verified in sequence order; lines missing from its end are caught by the
 * count its incident row keeps (`logCount`).
 */
export function checkLogs(tables: ArchiveTables): LogCheck[] {
  const byIncident = new Map<string, LogEntry[]>();
  for (const line of (tables['incidentLog'] ?? []) as LogEntry[]) {
    const lines = byIncident.get(line.incidentId) ?? [];
    lines.push(line);
    byIncident.set(line.incidentId, lines);
  }
  const incidents = (tables['incidents'] ?? []) as LogBearer[];
  for (const incident of incidents) if (!byIncident.has(incident.id)) byIncident.set(incident.id, []);
  return [...byIncident]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([incidentId, lines]) => {
      const check = verifyChain([...lines].sort((a, b) => a.seq - b.seq));
      const expected = incidents.find((i) => i.id === incidentId)?.logCount ?? lines.length;
      if (check.ok && lines.length < expected) {
        return { incidentId, check: { ok: false, brokenAt: lines.length + 1, reason: 'sequence' } };
      }
      return { incidentId, check };
    });
}

const manifestOf = (tables: ArchiveTables): Record<string, number> =>
  Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length]));

const checksumOf = (body: Omit<ArchivePackage, 'checksum'>): Promise<string> =>
  sha256Hex(canonicalJson(body));

export async function createArchivePackage(input: ArchiveInput): Promise<ArchivePackage> {
  const body: Omit<ArchivePackage, 'checksum'> = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    ...input,
    manifest: manifestOf(input.tables),
    logChecks: checkLogs(input.tables),
  };
  return { ...body, checksum: await checksumOf(body) };
}

/** The first eight characters of the checksum: what the log line and the screen quote. */
export const shortChecksum = (archive: Pick<ArchivePackage, 'checksum'>): string =>
  archive.checksum.slice(0, 8);

/** How a verified log reads in a log line or a message: 哈希链完整, or where it first breaks. */
export function chainText(check: ChainCheck): string {
  return check.ok ? '哈希链完整' : `哈希链自第${check.brokenAt}条起不符`;
}

/** 归档包-事件-2026-0003-台风影响滨江村-20261123.json: which subject and which day, for a folder of many. */
export function archiveFileName(archive: Pick<ArchivePackage, 'kind' | 'subject' | 'exportedAt'>): string {
  const title = archive.subject.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30);
  const day = new Date(archive.exportedAt);
  const date = `${day.getFullYear()}${String(day.getMonth() + 1).padStart(2, '0')}${String(day.getDate()).padStart(2, '0')}`;
  const kind = archive.kind === 'incident' ? '事件' : '演练';
  return [`归档包-${kind}`, archive.subject.serial, title, date].filter(Boolean).join('-') + '.json';
}

// --- reading -----------------------------------------------------------------------------------------

const chainCheckSchema = z.union([
  z.object({ ok: z.literal(true), count: z.number().int() }),
  z.object({
    ok: z.literal(false),
    brokenAt: z.number().int(),
    reason: z.enum(['sequence', 'link', 'content']),
  }),
]);

const packageSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  kind: z.enum(ARCHIVE_KINDS),
  subject: z.object({ id: z.string().min(1), title: z.string(), serial: z.string() }),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.number(),
  exportedBy: z.string(),
  jurisdiction: z.string(),
  manifest: z.record(z.string(), z.number().int().nonnegative()),
  logChecks: z.array(z.object({ incidentId: z.string(), check: chainCheckSchema })),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export type ArchiveProblem =
  'notJson' | 'notArchive' | 'tooNew' | 'invalid' | 'checksum' | 'manifest' | 'subjectMissing' | 'logChanged';

export type ArchiveReadResult =
  { ok: true; archive: ArchivePackage } | { ok: false; problem: ArchiveProblem; message: string };

const refuse = (problem: ArchiveProblem, message: string): ArchiveReadResult => ({
  ok: false,
  problem,
  message,
});

const REASON_TEXT: Record<'sequence' | 'link' | 'content', string> = {
  sequence: '编号不连续或缺失',
  link: '与前一条的链接不符',
  content: '内容与其哈希值不符',
};

function describeCheck(check: ChainCheck): string {
  return check.ok
    ? `哈希链完整（${check.count}条）`
    : `自第${check.brokenAt}条起${REASON_TEXT[check.reason]}`;
}

/** The table that holds the subject's own row, by kind. */
const SUBJECT_TABLE: Record<ArchiveKind, string> = { incident: 'incidents', drill: 'drillRuns' };

/**
 * Reads an archive file and says in one sentence why it is refused: not JSON (a truncated copy ends
 * mid-way), not an archive, from a newer version, malformed, checksum or manifest not matching, or an
 * incident log that no longer verifies as it did when exported.
 */
export async function readArchivePackage(text: string): Promise<ArchiveReadResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('notJson', '文件不完整或已损坏，无法解析（可能在复制或下载时被截断）');
  }
  if ((json as { format?: unknown } | null)?.format !== ARCHIVE_FORMAT) {
    return refuse('notArchive', '该文件不是应急指挥演练台的归档包');
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION) {
    return refuse('tooNew', `该归档包是第${version}版格式，来自更新版本的软件，请升级后再读取`);
  }
  const parsed = packageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('invalid', `归档包结构不正确：${issue ? `${issue.path.join('.')} ${issue.message}` : ''}`);
  }
  const archive = parsed.data as ArchivePackage;
  const { checksum, ...body } = archive;
  if ((await checksumOf(body)) !== checksum) {
    return refuse('checksum', '校验失败：归档包内容已被修改或不完整');
  }
  const counted = manifestOf(archive.tables);
  const names = new Set([...Object.keys(counted), ...Object.keys(archive.manifest)]);
  for (const name of [...names].sort()) {
    if (counted[name] !== archive.manifest[name]) {
      return refuse(
        'manifest',
        `清单与内容不符：“${name}”清单记 ${archive.manifest[name] ?? 0} 条，文件中有 ${counted[name] ?? 0} 条`,
      );
    }
  }
  const subjectRows = (archive.tables[SUBJECT_TABLE[archive.kind]] ?? []) as { id?: unknown }[];
  if (!subjectRows.some((row) => row.id === archive.subject.id)) {
    return refuse('subjectMissing', `归档包中没有其所述对象“${archive.subject.title}”的记录`);
  }
  const now = checkLogs(archive.tables);
  for (const { incidentId, check } of now) {
    const then = archive.logChecks.find((c) => c.incidentId === incidentId)?.check;
    if (canonicalJson(then) !== canonicalJson(check)) {
      const serial =
        ((archive.tables['incidents'] ?? []) as { id: string; serial?: string }[]).find(
          (i) => i.id === incidentId,
        )?.serial ?? incidentId;
      const exported = then ? `导出时${describeCheck(then)}` : '导出时未记录';
      return refuse(
        'logChanged',
        `事件 ${serial} 的处置日志已被改动：现${describeCheck(check)}，${exported}`,
      );
    }
  }
  if (now.length !== archive.logChecks.length) {
    return refuse('logChanged', '归档包中的处置日志与导出时不符：有事件的日志整体缺失');
  }
  return { ok: true, archive };
}
