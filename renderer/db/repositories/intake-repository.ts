/**
 * 接报 records. A new one gets the next 接报编号 of its year inside the write transaction, so two windows
 * never give the same number; a correction keeps the number and who first recorded it, and is audited.
 */
import { intakeInputSchema, nextSerial, type Intake, type IntakeInput } from '@shared/domain/duty/intake';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';
import { parseOrThrow, stamp } from './write-helpers';

export function createIntakeRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  return {
    /** Newest first. */
    list: () => db.intakes.orderBy('receivedAt').reverse().toArray(),
    get: (id: string) => db.intakes.get(id),

    async save(input: IntakeInput, id: string | null, actor: Actor): Promise<Intake> {
      const values = parseOrThrow(intakeInputSchema.safeParse(input));
      return db.transaction('rw', db.intakes, db.audit, async () => {
        const at = now();
        const existing = id === null ? undefined : await db.intakes.get(id);
        if (id !== null && !existing) throw new RepositoryError('notFound');
        let serial = existing?.serial;
        if (!serial) {
          const year = new Date(values.receivedAt).getFullYear();
          const from = new Date(year, 0, 1).getTime();
          const to = new Date(year + 1, 0, 1).getTime();
          const ofYear = await db.intakes.where('receivedAt').between(from, to, true, false).toArray();
          serial = nextSerial(
            year,
            ofYear.map((i) => i.serial),
          );
        }
        const intake: Intake = {
          ...values,
          id: existing?.id ?? crypto.randomUUID(),
          serial,
          // A correction keeps the link to the incident the report became.
          ...(existing?.incidentId ? { incidentId: existing.incidentId } : {}),
          ...stamp(at, actor, existing),
        };
        await db.intakes.put(intake);
        await db.audit.add(
          auditEntry(
            at,
            actor,
            existing ? 'update' : 'create',
            'intake',
            intake.id,
            `${serial} ${values.place}`,
          ),
        );
        return intake;
      });
    },
  };
}

export type IntakeRepository = ReturnType<typeof createIntakeRepository>;
