/**
 * The one Dexie database. Only repositories import this module (enforced by lint). It is opened with strict
 * durability: the directory writes rarely, and the evidence tables that later areas add (logs, journals,
 * ledger) must be on disk when the screen says "saved".
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Person, Position, Unit } from '@shared/domain/org/types';
import type { AuditEntry, SettingRow } from './records';
import { DATABASE_NAME, SCHEMA_V1 } from './schema';

export class EmergencyDeskDatabase extends Dexie {
  units!: EntityTable<Unit, 'id'>;
  positions!: EntityTable<Position, 'id'>;
  people!: EntityTable<Person, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  audit!: EntityTable<AuditEntry, 'id'>;

  constructor(name = DATABASE_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores(SCHEMA_V1);
  }
}
