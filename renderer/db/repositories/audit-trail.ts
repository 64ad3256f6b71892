/** Audit rows are written inside the same transaction as the change they describe, never on their own. */
import type { Actor } from '@shared/domain/org/types';
import type { AuditEntry } from '../records';
import type { EmergencyDeskDatabase } from '../database';

export function auditEntry(
  at: number,
  actor: Actor | null,
  action: string,
  entity: string,
  entityId: string,
  summary: string,
): AuditEntry {
  return { id: crypto.randomUUID(), at, actor, action, entity, entityId, summary };
}

export function createAuditRepository(db: EmergencyDeskDatabase) {
  return {
    latest: (limit: number) => db.audit.orderBy('at').reverse().limit(limit).toArray(),
    forRecord: (entity: string, entityId: string) =>
      db.audit.where('[entity+entityId]').equals([entity, entityId]).sortBy('at'),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
