/** Row types of the tables that are not directory records (those live in shared/domain/org/types.ts). */
import type { Actor } from '@shared/domain/org/types';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** Append-only trail of who changed what; never updated or deleted by the app. */
export interface AuditEntry {
  id: string;
  at: number;
  actor: Actor | null;
  action: string;
  entity: string;
  entityId: string;
  summary: string;
}
