/**
 * What the desk writes when its clock misbehaves: a system line (no author) in the log of every open incident
 * and one audit row, in one transaction, so the trail and the logs tell the same story. Written through the
 * log's one writer, so each line is sealed into its incident's hash chain like any other.
 */
import { describeClockAnomaly, type ClockAnomaly } from '@shared/domain/clock/clock-jump';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import { appendLog } from './incident-log-writer';

export function createClockRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  return {
    /** Returns how many open incidents were told. */
    async recordAnomaly(anomaly: ClockAnomaly): Promise<number> {
      const text = describeClockAnomaly(anomaly);
      return db.transaction('rw', [db.incidents, db.incidentLog, db.audit], async () => {
        const at = now();
        const open = await db.incidents.where('status').equals('open').primaryKeys();
        for (const incidentId of open) {
          await appendLog(db, incidentId, [
            { at, author: null, category: 'note', text, links: [], corrects: null },
          ]);
        }
        await db.audit.add(auditEntry(at, null, `clock.${anomaly.kind}`, 'clock', String(at), text));
        return open.length;
      });
    },
  };
}

export type ClockRepository = ReturnType<typeof createClockRepository>;
