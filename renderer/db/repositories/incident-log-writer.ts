/**
 * The one way a line enters an incident's log: sealed after the last line on disk, inside the caller's
 * transaction, and counted on the incident row (its `logCount` is the last line's number).
 */
import { sealEntry, type LogEntry, type LogEntryInput } from '@shared/domain/incident/log-chain';
import type { EmergencyDeskDatabase } from '../database';

export function logRange(db: EmergencyDeskDatabase, incidentId: string, from = 1, to = Infinity) {
  return db.incidentLog.where('[incidentId+seq]').between([incidentId, from], [incidentId, to], true, true);
}

export async function appendLog(
  db: EmergencyDeskDatabase,
  incidentId: string,
  inputs: readonly LogEntryInput[],
): Promise<LogEntry[]> {
  if (inputs.length === 0) return [];
  let previous: LogEntry | null = (await logRange(db, incidentId).last()) ?? null;
  const sealed: LogEntry[] = [];
  for (const input of inputs) {
    previous = sealEntry(input, previous, { id: crypto.randomUUID(), incidentId });
    sealed.push(previous);
  }
  await db.incidentLog.bulkAdd(sealed);
  await db.incidents.update(incidentId, { logCount: previous?.seq ?? 0 });
  return sealed;
}
