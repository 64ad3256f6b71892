import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '@shared/domain/org/types';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createDirectoryRepository, type DirectoryRepository } from './directory-repository';
import { RepositoryError } from './repository-error';

const actor: Actor = { personId: 'p0', name: '值班员甲', positionId: 'pos0', positionName: '值班员' };
let db: EmergencyDeskDatabase;
let repo: DirectoryRepository;
let clock = 1_000;

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`directory-${crypto.randomUUID()}`);
  await db.open();
  repo = createDirectoryRepository(db, () => clock++);
});
afterEach(async () => {
  await db.delete();
});

async function seedUnitAndPosition() {
  const unitId = await repo.saveUnit(
    { name: '区应急管理局', kind: 'emergencyDept', parentId: null },
    null,
    actor,
  );
  const positionId = await repo.savePosition({ name: '值班员', category: 'duty' }, null, actor);
  return { unitId, positionId };
}

describe('directory repository', () => {
  it('stamps author and time on create and update, and audits both', async () => {
    const { unitId, positionId } = await seedUnitAndPosition();
    const id = await repo.savePerson(
      { name: '张晓明', unitId, mobile: '13800138000', positionIds: [positionId] },
      null,
      actor,
    );
    const created = await repo.getPerson(id);
    expect(created).toMatchObject({ name: '张晓明', createdBy: actor, updatedBy: actor, pin: null });
    expect(created?.searchText).toContain('zxm');

    const other: Actor = { ...actor, personId: 'p1', name: '带班领导乙', positionName: '带班领导' };
    await repo.savePerson({ name: '张晓明', unitId, mobile: '13800138001', positionIds: [] }, id, other);
    const updated = await repo.getPerson(id);
    expect(updated).toMatchObject({ mobile: '13800138001', createdBy: actor, updatedBy: other });
    expect(updated!.updatedAt).toBeGreaterThan(created!.updatedAt);

    const trail = await db.audit.where('[entity+entityId]').equals(['person', id]).sortBy('at');
    expect(trail.map((a) => [a.action, a.actor?.name])).toEqual([
      ['create', '值班员甲'],
      ['update', '带班领导乙'],
    ]);
  });

  it('sets a PIN given with a save in the same transaction, auditing the PIN and not an unchanged record', async () => {
    const { unitId } = await seedUnitAndPosition();
    const input = { name: '王晨浩', unitId, mobile: '13800138002', positionIds: [] };
    const id = await repo.savePerson(input, null, actor);
    await repo.savePerson(input, id, actor, '2468');
    expect((await repo.getPerson(id))?.pin?.hash).toMatch(/^[0-9a-f]{64}$/);
    const trail = await db.audit.where('[entity+entityId]').equals(['person', id]).sortBy('at');
    expect(trail.map((a) => a.action)).toEqual(['create', 'pin.set']);
    expect(JSON.stringify(trail)).not.toContain('2468');
    const bad = await rejection(repo.savePerson({ ...input, title: '科员' }, id, actor, '12'));
    expect(bad.code).toBe('invalidInput');
    expect((await repo.getPerson(id))?.title).toBe('');
  });

  it('validates at the boundary and writes nothing on bad input', async () => {
    const { unitId } = await seedUnitAndPosition();
    const error = await rejection(repo.savePerson({ name: ' ', unitId, mobile: '123' }, null, actor));
    expect(error.code).toBe('invalidInput');
    expect(
      (await rejection(repo.savePerson({ name: '李四', unitId: 'nope', mobile: '13800138000' }, null, actor)))
        .code,
    ).toBe('unitMissing');
    expect(await db.people.count()).toBe(0);
    expect(await db.audit.where('entity').equals('person').count()).toBe(0);
  });

  it('refuses a unit cycle, deleting a unit in use, and deleting a held position', async () => {
    const { unitId, positionId } = await seedUnitAndPosition();
    const childId = await repo.saveUnit({ name: '办公室', kind: 'office', parentId: unitId }, null, actor);
    expect(
      (
        await rejection(
          repo.saveUnit({ name: '区应急管理局', kind: 'emergencyDept', parentId: childId }, unitId, actor),
        )
      ).code,
    ).toBe('unitCycle');
    await repo.savePerson(
      { name: '王五', unitId: childId, officePhone: '0999-2345678', positionIds: [positionId] },
      null,
      actor,
    );
    expect(await rejection(repo.deleteUnit(childId, actor))).toMatchObject({
      code: 'unitNotEmpty',
      params: { children: 0, members: 1 },
    });
    expect(await rejection(repo.deleteUnit(unitId, actor))).toMatchObject({
      code: 'unitNotEmpty',
      params: { children: 1, members: 0 },
    });
    expect(await rejection(repo.deletePosition(positionId, actor))).toMatchObject({
      code: 'positionHeld',
      params: { holders: 1 },
    });
    expect((await rejection(repo.savePosition({ name: '值班员', category: 'duty' }, null, actor))).code).toBe(
      'positionDuplicate',
    );
  });

  it('imports all rows or none', async () => {
    const { unitId, positionId } = await seedUnitAndPosition();
    const existing = await repo.savePerson({ name: '旧人', unitId, mobile: '13800138000' }, null, actor);
    const good = {
      name: '新人',
      unitId,
      title: '',
      mobile: '13800138001',
      officePhone: '',
      positionIds: [positionId],
      note: '',
      id: null,
    };
    const update = { ...good, name: '旧人改名', id: existing };
    const bad = { ...good, name: '坏行', unitId: 'missing-unit' };

    await expect(repo.importPeople([good, update, bad], actor)).rejects.toBeInstanceOf(RepositoryError);
    expect((await db.people.toArray()).map((p) => p.name)).toEqual(['旧人']);

    expect(await repo.importPeople([good, update], actor)).toEqual({ added: 1, updated: 1 });
    expect((await db.people.toArray()).map((p) => p.name).sort()).toEqual(['新人', '旧人改名'].sort());
    expect((await repo.getPerson(existing))?.createdBy).toEqual(actor);
  });

  it('sets and clears a PIN without storing it', async () => {
    const { unitId } = await seedUnitAndPosition();
    const id = await repo.savePerson({ name: '张三', unitId, mobile: '13800138000' }, null, actor);
    await repo.setPin(id, '2580', actor);
    const withPin = await repo.getPerson(id);
    expect(withPin?.pin?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(withPin?.pin?.salt).toMatch(/^[0-9a-f]{32}$/);
    // Nowhere in the row in clear. (The random hex of the salt and hash may hold those four digits by chance.)
    const { pin: _pin, ...rest } = withPin!;
    expect(JSON.stringify(rest)).not.toContain('2580');
    expect(Object.keys(withPin!.pin!).sort()).toEqual(['hash', 'salt']);
    expect((await rejection(repo.setPin(id, '12', actor))).code).toBe('invalidInput');
    await repo.setPin(id, null, actor);
    expect((await repo.getPerson(id))?.pin).toBeNull();
  });
});
