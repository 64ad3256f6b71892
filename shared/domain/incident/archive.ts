/**
 * The archive package of an incident (事件档案): everything about it in one file — the incident, its 接报,
 * the plan version, the events sent to the chart, the whole log with the result of verifying its chain,
 * tasks, reports, dispatches and notices — sealed with a SHA-256 over its content so an edited copy shows.
 */
import { canonicalJson, sha256HexSync } from '../../integrity/hash';
import type { Intake } from '../duty/intake';
import type { PlanEvent } from '../plan/plan-events';
import type { Dispatch } from './dispatch';
import type { Incident } from './incident';
import type { TaskState } from './incident-tasks';
import type { ChainCheck, LogEntry } from './log-chain';
import type { IncidentNotification } from './notifications';
import type { IncidentReport } from './reports';

export const ARCHIVE_FORMAT = 'emergency-desk/incident-archive';
export const ARCHIVE_FORMAT_VERSION = 1;

export interface ArchiveContent {
  exportedAt: number;
  exportedBy: string;
  jurisdiction: string;
  incident: Incident;
  intake: Intake | null;
  events: PlanEvent[];
  log: LogEntry[];
  logCheck: ChainCheck;
  tasks: TaskState[];
  reports: IncidentReport[];
  dispatches: Dispatch[];
  notifications: IncidentNotification[];
}

export interface IncidentArchive extends ArchiveContent {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  checksum: string;
}

export function sealArchive(content: ArchiveContent): IncidentArchive {
  const body = { format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, ...content } as const;
  return { ...body, checksum: sha256HexSync(canonicalJson(body)) };
}

/** True when nothing in the file changed since it was sealed. */
export function archiveIntact(archive: IncidentArchive): boolean {
  const { checksum, ...body } = archive;
  return sha256HexSync(canonicalJson(body)) === checksum;
}

/** 事件档案-2026-0003-台风影响滨江村.json: the name says which incident, for a folder of many. */
export function archiveFileName(incident: Pick<Incident, 'serial' | 'title'>): string {
  const title = incident.title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 30);
  return `事件档案-${incident.serial}-${title}.json`;
}

export const PURGED = '（已清除）';
