/**
 * Units, positions and people. Every write validates again at this boundary (forms and imports validate
 * first, but this is the last gate before IndexedDB), stamps who wrote it, and appends an audit row in the
 * same transaction.
 */
import type { ImportedPerson } from '@shared/domain/org/people-csv';
import { hashPin } from '@shared/domain/org/pin';
import { effectiveRoles, rolesText, sortRoles, type Role } from '@shared/domain/org/roles';
import {
  personInputSchema,
  pinSchema,
  rolesSchema,
  positionInputSchema,
  unitInputSchema,
  type PersonInput,
  type PositionInput,
  type UnitInput,
} from '@shared/domain/org/schemas';
import type { Actor, Person, Position, Unit } from '@shared/domain/org/types';
import { wouldCreateCycle } from '@shared/domain/org/unit-tree';
import type { EmergencyDeskDatabase } from '../database';
import { takeEarlyDirectory } from '../early-directory';
import { isAdministratorStored, requireRole } from './act-guard';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';
import { parseOrThrow, stamp } from './write-helpers';

type Clock = () => number;

const IMPORT_CHUNK = 1000;

/** The pinyin dictionary is loaded on the first write, not at start-up; it is never awaited inside a transaction. */
const loadSearchText = () => import('@shared/domain/org/search-text').then((m) => m.personSearchText);

/** Whether a save changes what a person reads in the directory (a PIN alone is audited as such). */
function isChanged(before: Person, after: Person): boolean {
  const fields = ['name', 'unitId', 'title', 'mobile', 'officePhone', 'note'] as const;
  return (
    fields.some((f) => before[f] !== after[f]) || before.positionIds.join('|') !== after.positionIds.join('|')
  );
}

export function createDirectoryRepository(db: EmergencyDeskDatabase, now: Clock = Date.now) {
  return {
    listUnits: () => db.units.toArray(),
    /** The directory read before the database opened, once (see db/early-directory.ts), sorted as listed here. */
    takeEarly: () => {
      const early = takeEarlyDirectory();
      return early
        ? { ...early, positions: [...early.positions].sort((a, b) => a.sortOrder - b.sortOrder) }
        : null;
    },
    listPositions: () =>
      db.positions.toArray().then((rows) => [...rows].sort((a, b) => a.sortOrder - b.sortOrder)),
    listPeople: () => db.people.toArray(),
    getPerson: (id: string) => db.people.get(id),
    countPeople: () => db.people.count(),
    /** Whether someone holds 系统管理员 by hand; until then roles may be assigned by anyone (first set-up). */
    isAdministratorStored: () => isAdministratorStored(db),

    async saveUnit(input: UnitInput, id: string | null, actor: Actor): Promise<string> {
      const values = parseOrThrow(unitInputSchema.safeParse(input));
      return db.transaction('rw', db.units, db.audit, async () => {
        const units = await db.units.toArray();
        const existing = id === null ? undefined : units.find((u) => u.id === id);
        if (id !== null && !existing) throw new RepositoryError('notFound');
        if (values.parentId !== null && !units.some((u) => u.id === values.parentId)) {
          throw new RepositoryError('parentMissing');
        }
        const unitId = existing?.id ?? crypto.randomUUID();
        if (wouldCreateCycle(units, unitId, values.parentId)) throw new RepositoryError('unitCycle');
        const at = now();
        const unit: Unit = { ...values, id: unitId, ...stamp(at, actor, existing) };
        await db.units.put(unit);
        await db.audit.add(auditEntry(at, actor, existing ? 'update' : 'create', 'unit', unitId, unit.name));
        return unitId;
      });
    },

    async deleteUnit(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', db.units, db.people, db.audit, async () => {
        const unit = await db.units.get(id);
        if (!unit) throw new RepositoryError('notFound');
        const children = await db.units.where('parentId').equals(id).count();
        const members = await db.people.where('unitId').equals(id).count();
        if (children > 0 || members > 0) throw new RepositoryError('unitNotEmpty', { children, members });
        await db.units.delete(id);
        await db.audit.add(auditEntry(now(), actor, 'delete', 'unit', id, unit.name));
      });
    },

    async savePosition(input: PositionInput, id: string | null, actor: Actor): Promise<string> {
      const values = parseOrThrow(positionInputSchema.safeParse(input));
      return db.transaction('rw', db.positions, db.audit, async () => {
        const existing = id === null ? undefined : await db.positions.get(id);
        if (id !== null && !existing) throw new RepositoryError('notFound');
        const duplicate = await db.positions.where('name').equals(values.name).first();
        if (duplicate && duplicate.id !== id)
          throw new RepositoryError('positionDuplicate', { name: values.name });
        const positionId = existing?.id ?? crypto.randomUUID();
        const at = now();
        const position: Position = { ...values, id: positionId, ...stamp(at, actor, existing) };
        await db.positions.put(position);
        await db.audit.add(
          auditEntry(at, actor, existing ? 'update' : 'create', 'position', positionId, position.name),
        );
        return positionId;
      });
    },

    async deletePosition(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', db.positions, db.people, db.audit, async () => {
        const position = await db.positions.get(id);
        if (!position) throw new RepositoryError('notFound');
        const holders = await db.people.where('positionIds').equals(id).count();
        if (holders > 0) throw new RepositoryError('positionHeld', { holders });
        await db.positions.delete(id);
        await db.audit.add(auditEntry(now(), actor, 'delete', 'position', id, position.name));
      });
    },

    /**
     * Saves a person; a `pin` given with the save is set in the same transaction, so the record, its PIN
     * and one audit row are written together or not at all. `roles`: left as they are when undefined, back
     * to following the positions when null, else stored — a change refused unless the actor may change
     * roles, and audited as 角色变更 with what the person could do before and after.
     */
    async savePerson(
      input: PersonInput,
      id: string | null,
      actor: Actor,
      pin?: string,
      roles?: readonly Role[] | null,
    ): Promise<string> {
      const values = parseOrThrow(personInputSchema.safeParse(input));
      const storedRoles = roles ? sortRoles(parseOrThrow(rolesSchema.safeParse(roles))) : roles;
      const personSearchText = await loadSearchText();
      const hashed = pin ? await hashPin(parseOrThrow(pinSchema.safeParse(pin))) : null;
      return db.transaction('rw', [db.people, db.units, db.positions, db.settings, db.audit], async () => {
        const existing = id === null ? undefined : await db.people.get(id);
        if (id !== null && !existing) throw new RepositoryError('notFound');
        if (!(await db.units.get(values.unitId))) throw new RepositoryError('unitMissing');
        const known = await db.positions.bulkGet(values.positionIds);
        if (known.some((p) => p === undefined)) throw new RepositoryError('positionMissing');
        const personId = existing?.id ?? crypto.randomUUID();
        const at = now();
        const nextRoles = storedRoles === undefined ? existing?.roles : (storedRoles ?? undefined);
        const person: Person = {
          ...values,
          id: personId,
          pin: hashed ?? existing?.pin ?? null,
          ...(nextRoles ? { roles: nextRoles } : {}),
          searchText: personSearchText(values),
          ...stamp(at, actor, existing),
        };
        const isRolesChange =
          storedRoles !== undefined && (existing?.roles ?? null)?.join('|') !== storedRoles?.join('|');
        if (isRolesChange) await requireRole(db, 'roles.change', actor);
        await db.people.put(person);
        if (!existing || isChanged(existing, person)) {
          await db.audit.add(
            auditEntry(at, actor, existing ? 'update' : 'create', 'person', personId, person.name),
          );
        }
        if (hashed) await db.audit.add(auditEntry(at, actor, 'pin.set', 'person', personId, person.name));
        if (isRolesChange) {
          const positions = await db.positions.toArray();
          const before = existing ? effectiveRoles(existing, positions).roles : [];
          const after = effectiveRoles(person, positions);
          const summary = `角色变更：${person.name} ${rolesText(before)} → ${rolesText(after.roles)}${after.isDerived ? '（按岗位）' : ''}`;
          await db.audit.add(auditEntry(at, actor, 'roles.change', 'person', personId, summary));
        }
        return personId;
      });
    },

    /** `pin: null` clears it. The hash is computed before the transaction: WebCrypto is not IndexedDB. */
    async setPin(personId: string, pin: string | null, actor: Actor): Promise<void> {
      const hashed = pin === null ? null : await hashPin(parseOrThrow(pinSchema.safeParse(pin)));
      await db.transaction('rw', db.people, db.audit, async () => {
        const person = await db.people.get(personId);
        if (!person) throw new RepositoryError('notFound');
        const at = now();
        await db.people.put({ ...person, pin: hashed, updatedAt: at, updatedBy: actor });
        await db.audit.add(
          auditEntry(at, actor, hashed ? 'pin.set' : 'pin.clear', 'person', personId, person.name),
        );
      });
    },

    async deletePerson(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', db.people, db.audit, async () => {
        const person = await db.people.get(id);
        if (!person) throw new RepositoryError('notFound');
        await db.people.delete(id);
        await db.audit.add(auditEntry(now(), actor, 'delete', 'person', id, person.name));
      });
    },

    /** All rows or none: a failure anywhere rolls the whole import back. */
    async importPeople(
      rows: readonly ImportedPerson[],
      actor: Actor,
      onProgress: (written: number, total: number) => void = () => undefined,
    ): Promise<{ added: number; updated: number }> {
      const personSearchText = await loadSearchText();
      return db.transaction('rw', db.people, db.units, db.positions, db.audit, async () => {
        const at = now();
        const unitIds = new Set(await db.units.toCollection().primaryKeys());
        const positionIds = new Set(await db.positions.toCollection().primaryKeys());
        const existing = new Map(
          (await db.people.bulkGet(rows.map((r) => r.id ?? '__none__'))).flatMap((p) =>
            p ? [[p.id, p] as const] : [],
          ),
        );
        let added = 0;
        const people = rows.map((row): Person => {
          const values = parseOrThrow(personInputSchema.safeParse(row));
          if (!unitIds.has(values.unitId)) throw new RepositoryError('unitMissing');
          if (values.positionIds.some((p) => !positionIds.has(p)))
            throw new RepositoryError('positionMissing');
          const previous = row.id ? existing.get(row.id) : undefined;
          if (!previous) added += 1;
          return {
            ...values,
            id: row.id ?? crypto.randomUUID(),
            pin: previous?.pin ?? null,
            // A spreadsheet carries no roles: an update keeps those set by hand.
            ...(previous?.roles ? { roles: previous.roles } : {}),
            searchText: personSearchText(values),
            ...stamp(at, actor, previous),
          };
        });
        // Chunks inside the one transaction: the progress bar moves, and a failure still rolls back all.
        for (let start = 0; start < people.length; start += IMPORT_CHUNK) {
          await db.people.bulkPut(people.slice(start, start + IMPORT_CHUNK));
          onProgress(Math.min(start + IMPORT_CHUNK, people.length), people.length);
        }
        const updated = people.length - added;
        await db.audit.add(auditEntry(at, actor, 'import', 'person', '*', `+${added} ~${updated}`));
        return { added, updated };
      });
    },
  };
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>;
