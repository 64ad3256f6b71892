import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupBundle, readBackupBundle, type BackupBundle } from '@shared/domain/backup/backup-bundle';
import type { Incident } from '@shared/domain/incident/incident';
import { verifyChain } from '@shared/domain/incident/log-chain';
import type { Actor } from '@shared/domain/org/types';
import { netChange, type StockEntry } from '@shared/domain/resources/stock-ledger';
import { EmergencyDeskDatabase } from '../database';
import { CURRENT_SCHEMA_VERSION } from '../schema';
import { createBackupRepository } from './backup-repository';
import { createDirectoryRepository } from './directory-repository';
import { createResourceRepository } from './resource-repository';
import { appendLog, logRange } from './incident-log-writer';
import { seedSampleDataIfNew } from './sample-data-repository';
import { createSettingsRepository } from './settings-repository';

const actor: Actor = { personId: 'x', name: '管理员', positionId: 'y', positionName: '值班员' };
/** The sample office's 值班员 and its 系统管理员. */
const cui: Actor = {
  personId: '00000000-0000-4000-8000-000000030054',
  name: '崔伟',
  positionId: 'p',
  positionName: '值班员',
};
const shao: Actor = {
  personId: '00000000-0000-4000-8000-000000030006',
  name: '邵嘉蓉',
  positionId: 'p',
  positionName: '秘书长',
};
const dbs: EmergencyDeskDatabase[] = [];

async function newDb(): Promise<EmergencyDeskDatabase> {
  const db = new EmergencyDeskDatabase(`backup-${crypto.randomUUID()}`);
  await db.open();
  dbs.push(db);
  return db;
}

let source: EmergencyDeskDatabase;
beforeEach(async () => {
  source = await newDb();
  expect(await seedSampleDataIfNew(source)).toBe(true);
});
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

describe('backup and restore', () => {
  it('seeds the sample district once only', async () => {
    expect(await source.people.count()).toBeGreaterThanOrEqual(60);
    await source.people.clear();
    await source.units.clear();
    expect(await seedSampleDataIfNew(source)).toBe(false);
    expect(await source.units.count()).toBe(0);
  });

  it('restores every table of another machine exactly, without its session', async () => {
    const people = await source.people.orderBy('id').toArray();
    await createSettingsRepository(source).signIn(
      people[0]!.id,
      people[0]!.positionIds[0] ?? (await source.positions.toCollection().first())!.id,
      '',
    );
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    const text = JSON.stringify(bundle);

    const target = await newDb();
    const read = await readBackupBundle(text, CURRENT_SCHEMA_VERSION);
    if (!read.ok) throw new Error(read.message);
    const counts = await createBackupRepository(target).restoreAll(read.bundle, actor);
    expect(counts.people).toBe(people.length);
    expect(await target.people.orderBy('id').toArray()).toEqual(people);
    expect(await target.settings.get('session')).toBeUndefined();
    const restoreRows = (await target.audit.toArray()).filter((a) => a.action === 'restore');
    expect(restoreRows).toHaveLength(1);
    expect(restoreRows[0]?.actor).toEqual(actor);
  });

  it('leaves the current data untouched when a restore fails half way', async () => {
    const target = await newDb();
    const directory = createDirectoryRepository(target);
    const unitId = await directory.saveUnit(
      { name: '本地单位', kind: 'department', parentId: null },
      null,
      actor,
    );
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    // Writing people fails (as a full disk would) after earlier tables were already cleared and refilled.
    target.people.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(createBackupRepository(target).restoreAll(bundle, actor)).rejects.toBeTruthy();
    expect((await target.units.toArray()).map((u) => u.id)).toEqual([unitId]);
    expect(await target.people.count()).toBe(0);
  });

  it('refuses tables this version does not know', async () => {
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    await expect(
      createBackupRepository(await newDb()).restoreAll(
        { ...bundle, tables: { ...bundle.tables, drills: [] } },
        actor,
      ),
    ).rejects.toMatchObject({ code: 'backupUnknownTables' });
  });

  it('names the table, record and key of rows IndexedDB would refuse, before writing anything (fuzz suite)', async () => {
    const target = await newDb();
    const unitId = await createDirectoryRepository(target).saveUnit(
      { name: '本地单位', kind: 'department', parentId: null },
      null,
      actor,
    );
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    const people = bundle.tables['people']!;
    const materials = [
      { id: 'm1', code: '1010101' },
      { id: 'm2', code: '1010101' },
    ];
    const restore = (tables: Record<string, unknown[]>) =>
      createBackupRepository(target).restoreAll(
        { ...bundle, tables: { ...bundle.tables, ...tables } },
        actor,
      );
    await expect(restore({ people: [...people, people[0]] })).rejects.toMatchObject({
      code: 'backupRowDuplicate',
      params: { table: 'people', row: people.length + 1, field: 'id', other: 1 },
    });
    await expect(restore({ people: [people[0], { ...people[1]!, id: null }] })).rejects.toMatchObject({
      code: 'backupRowInvalid',
      params: { table: 'people', row: 2, field: 'id' },
    });
    await expect(restore({ plans: [{ id: 'p' }] })).rejects.toMatchObject({
      code: 'backupRowInvalid',
      params: { table: 'plans', row: 1, field: 'id+version' },
    });
    await expect(restore({ materials })).rejects.toMatchObject({
      code: 'backupRowDuplicate',
      params: { table: 'materials', row: 2, field: 'code', other: 1 },
    });
    expect((await target.units.toArray()).map((u) => u.id)).toEqual([unitId]);
  });
});

function incidentRow(id: string, serial: string): Incident {
  return {
    id,
    serial,
    title: `事件${serial}`,
    place: '南山街道',
    category: 'natural',
    occurredAt: 1_000,
    receivedAt: 1_000,
    grade: 'general',
    flaggedDeadlines: [],
    intakeId: null,
    plan: null,
    status: 'closed',
    level: null,
    phase: 'monitoring',
    eventCount: 0,
    logCount: 0,
    createdAt: 1_000,
    createdBy: actor,
    updatedAt: 1_000,
    updatedBy: actor,
  };
}

const line = (text: string) => ({
  at: 2_000,
  author: actor,
  category: 'note' as const,
  text,
  links: [],
  corrects: null,
});

function receipt(id: string, materialId: string, delta: number): StockEntry {
  return {
    id,
    at: 3_000,
    actor,
    materialId,
    kind: 'receive',
    movements: [{ warehouseId: 'w1', batchNo: '', expiryDate: null, delta }],
    reason: '',
    party: '',
    note: '',
    refId: null,
  };
}

/** A copy of `db` as another machine (the field vehicle) would hold it, to change on its own. */
async function copyOf(db: EmergencyDeskDatabase): Promise<EmergencyDeskDatabase> {
  const copy = await newDb();
  await createBackupRepository(copy).restoreAll(
    await createBackupRepository(db).exportAll(actor, '示范区'),
    actor,
  );
  return copy;
}

describe('merging a bundle from another machine', () => {
  async function twoMachines() {
    await source.transaction('rw', [source.incidents, source.incidentLog], async () => {
      await source.incidents.bulkAdd([incidentRow('i1', '2026-0001'), incidentRow('i2', '2026-0002')]);
      await appendLog(source, 'i1', [line('接报：山体滑坡')]);
      await appendLog(source, 'i2', [line('接报：内涝')]);
    });
    const field = await copyOf(source);
    const people = await source.people.orderBy('id').toArray();
    const person = people[0]!;
    await source.transaction('rw', [source.incidents, source.incidentLog, source.people], async () => {
      await appendLog(source, 'i1', [line('本机：转移群众 30 人')]);
      await source.people.update(person.id, { mobile: '13900000001' });
    });
    await field.transaction('rw', [field.incidents, field.incidentLog, field.people], async () => {
      await appendLog(field, 'i2', [line('外出车：排涝泵到场')]);
      await field.people.update(person.id, { mobile: '13900000002' });
    });
    const bundle = await createBackupRepository(field).exportAll(actor, '外出车');
    return { bundle, person };
  }

  it("adds both machines' log lines once each, with verified chains, after a person chose a side", async () => {
    const { bundle, person } = await twoMachines();
    const backup = createBackupRepository(source, () => 9_000);
    const plan = await backup.previewMerge(bundle);
    expect(plan.blockers).toEqual([]);
    expect(plan.conflicts.map((c) => [c.table, c.label, c.fields])).toEqual([
      ['people', person.name, ['mobile']],
    ]);
    expect(plan.counts.incidentLog).toMatchObject({ added: 1, identical: 2 });

    await expect(backup.mergeAll(bundle, {}, actor)).rejects.toMatchObject({
      code: 'backupMergeUnresolved',
      params: { count: 1 },
    });
    expect(await source.incidentLog.count()).toBe(3);

    const progress: number[] = [];
    const result = await backup.mergeAll(bundle, { [plan.conflicts[0]!.id]: 'incoming' }, actor, (p) =>
      progress.push(p.done / p.total),
    );
    expect(progress.at(-1)).toBe(1);
    expect(result.byTable.incidentLog).toBe(1);
    expect((await source.people.get(person.id))?.mobile).toBe('13900000002');
    for (const [id, texts] of [
      ['i1', ['接报：山体滑坡', '本机：转移群众 30 人']],
      ['i2', ['接报：内涝', '外出车：排涝泵到场']],
    ] as const) {
      const log = await logRange(source, id).toArray();
      expect(log.map((entry) => entry.text)).toEqual(texts);
      expect(verifyChain(log)).toEqual({ ok: true, count: 2 });
      expect((await source.incidents.get(id))?.logCount).toBe(2);
    }
    const merges = (await source.audit.toArray()).filter((a) => a.action === 'merge');
    expect(merges).toEqual([
      expect.objectContaining({ at: 9_000, actor, summary: expect.stringMatching(/外出车/) }),
    ]);

    // The same file again: nothing is added, and the person's phone is no longer a conflict.
    const again = await backup.previewMerge(bundle);
    expect(again.conflicts).toEqual([]);
    expect(Object.values(again.counts).reduce((n, c) => n + c.added, 0)).toBe(0);
  });

  it('leaves the database exactly as it was when a write fails half way', async () => {
    const { bundle } = await twoMachines();
    const before = await createBackupRepository(source).exportAll(actor, '示范区');
    const plan = await createBackupRepository(source).previewMerge(bundle);
    // incidentLog is written after people: the person's new phone is already in the transaction.
    source.incidentLog.hook('creating', () => {
      throw new Error('disk full');
    });
    const resolutions = { [plan.conflicts[0]!.id]: 'incoming' as const };
    await expect(createBackupRepository(source).mergeAll(bundle, resolutions, actor)).rejects.toBeTruthy();
    const after = await createBackupRepository(source).exportAll(actor, '示范区');
    expect({ ...after, exportedAt: 0, checksum: '' }).toEqual({ ...before, exportedAt: 0, checksum: '' });
  });

  it('rebuilds the stock balances from the merged ledger', async () => {
    await source.stockEntries.add(receipt('s1', 'm1', 10));
    await source.stockBalances.add({
      materialId: 'm1',
      warehouseId: 'w1',
      batchNo: '',
      expiryDate: null,
      quantity: 10,
    });
    const field = await copyOf(source);
    await field.stockEntries.add(receipt('s2', 'm1', 5));
    // A cache that disagrees with its ledger must not travel.
    await field.stockBalances.put({
      materialId: 'm1',
      warehouseId: 'w1',
      batchNo: '',
      expiryDate: null,
      quantity: 99,
    });
    const bundle = await createBackupRepository(field).exportAll(actor, '外出车');
    await createBackupRepository(source).mergeAll(bundle, {}, actor);
    expect(await source.stockBalances.toArray()).toEqual([
      { materialId: 'm1', warehouseId: 'w1', batchNo: '', expiryDate: null, quantity: 15 },
    ]);
  });

  it("counts an imported material's opening once when one machine has posted it and the other has not", async () => {
    const repo = createResourceRepository(source);
    const w1 = await repo.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, actor);
    const input = { code: '1010101', name: '折叠床', unit: '张', warehouseId: w1 };
    const opening = { quantity: 120, batchNo: '', expiryDate: null };
    await repo.importRecords('material', [{ row: 2, input, opening }], actor);
    const id = (await source.materials.toArray())[0]!.id;
    const field = await copyOf(source);
    const issue = { kind: 'issue', warehouseId: w1, quantity: 20 } as const;
    await createResourceRepository(field).postStock(id, issue, { party: '东湖街道' }, actor);

    // Renamed here meanwhile: the one conflict is the name (not the opening), and keeping this machine's name keeps the
    // field's ledger, which now begins with the opening.
    await repo.saveRecord('material', { ...input, name: '折叠行军床' }, id, actor);
    const bundle = await createBackupRepository(field).exportAll(actor, '外出车');
    const plan = await createBackupRepository(source).previewMerge(bundle);
    expect(plan.conflicts.map((c) => c.fields)).toEqual([['name', 'updatedAt']]);
    await createBackupRepository(source).mergeAll(bundle, { [plan.conflicts[0]!.id]: 'local' }, actor);
    expect(await source.materials.get(id)).toMatchObject({ name: '折叠行军床' });
    expect((await source.materials.get(id))?.opening).toBeUndefined();
    expect((await repo.entriesOf(id)).map((e) => [e.note, netChange(e)])).toEqual([
      ['期初导入', 120],
      ['', -20],
    ]);
    expect(await repo.balancesOf(id)).toMatchObject([{ quantity: 100 }]);
    expect(await repo.verifyBalances()).toEqual({ checked: 1, mismatches: [] });

    // Back the other way: the field vehicle takes headquarters' name, and the ledger both now share.
    const back = await createBackupRepository(source).exportAll(actor, '示范区');
    const backPlan = await createBackupRepository(field).previewMerge(back);
    const incoming = Object.fromEntries(backPlan.conflicts.map((c) => [c.id, 'incoming' as const]));
    await createBackupRepository(field).mergeAll(back, incoming, actor);
    expect(await field.materials.get(id)).toMatchObject({ name: '折叠行军床' });
    expect(await createResourceRepository(field).balancesOf(id)).toMatchObject([{ quantity: 100 }]);
  });

  it('shows the merged stock in 一键检索: a material received on both machines is found with both receipts', async () => {
    const repo = createResourceRepository(source);
    const w1 = await repo.saveRecord('warehouse', { name: '区级应急物资储备库' }, null, actor);
    const bags = await repo.saveRecord(
      'material',
      { code: '2010101', name: '编织沙袋', spec: '50×80cm', unit: '条', warehouseId: w1, minimumStock: 1000 },
      null,
      actor,
    );
    const receive = (quantity: number) =>
      ({ kind: 'receive', warehouseId: w1, batchNo: '', expiryDate: null, quantity }) as const;
    await repo.postStock(bags, receive(800), {}, actor);
    const field = await copyOf(source);
    await createResourceRepository(field).postStock(bags, receive(300), {}, actor);
    await repo.postStock(bags, receive(50), {}, actor);

    const bundle = await createBackupRepository(field).exportAll(actor, '外出车');
    await createBackupRepository(source).mergeAll(bundle, {}, actor);
    const [found] = await repo.search('编织沙袋');
    expect(found).toMatchObject({ id: bags, quantity: 1150 });
  });

  it("blocks a forked log until this machine's copy of the incident is kept", async () => {
    await source.transaction('rw', [source.incidents, source.incidentLog], async () => {
      await source.incidents.add(incidentRow('i1', '2026-0001'));
      await appendLog(source, 'i1', [line('接报')]);
    });
    const field = await copyOf(source);
    await source.transaction('rw', [source.incidents, source.incidentLog], () =>
      appendLog(source, 'i1', [line('本机续报')]),
    );
    await field.transaction('rw', [field.incidents, field.incidentLog], () =>
      appendLog(field, 'i1', [line('外出车续报')]),
    );
    const bundle: BackupBundle = await createBackupRepository(field).exportAll(actor, '外出车');
    const backup = createBackupRepository(source);
    const plan = await backup.previewMerge(bundle);
    expect(plan.blockers).toEqual([
      expect.objectContaining({
        kind: 'fork',
        label: '2026-0001 事件2026-0001',
        stream: 'incidentLog',
        seq: 2,
      }),
    ]);
    await expect(backup.mergeAll(bundle, {}, actor)).rejects.toMatchObject({ code: 'backupMergeUnresolved' });
    await backup.mergeAll(bundle, { [plan.blockers[0]!.id]: 'local' }, actor);
    expect((await logRange(source, 'i1').toArray()).map((e) => e.text)).toEqual(['接报', '本机续报']);
  });

  it('gives roles that come with the other machine’s people only when an administrator merges, and audits them', async () => {
    const CUI = cui.personId;
    const field = await copyOf(source);
    // On the field laptop 崔伟 was made 系统管理员: here that is a conflict, and 采用导入 is chosen.
    await field.people.update(CUI, { roles: ['operator', 'administrator'] });
    const bundle = await createBackupRepository(field).exportAll(actor, '外出车');
    const plan = await createBackupRepository(source).previewMerge(bundle);
    expect(plan.conflicts.map((c) => [c.table, c.fields])).toEqual([['people', ['roles']]]);
    const takeIncoming = { [plan.conflicts[0]!.id]: 'incoming' as const };

    const refused = await createBackupRepository(source)
      .mergeAll(bundle, takeIncoming, cui)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: 'actRefused', params: { key: 'roles.why.rolesChange' } });
    expect((await source.people.get(CUI))?.roles).toBeUndefined();

    await createBackupRepository(source).mergeAll(bundle, takeIncoming, shao);
    expect((await source.people.get(CUI))?.roles).toEqual(['operator', 'administrator']);
    const audit = (await source.audit.toArray()).filter((a) => a.action === 'roles.change');
    expect(audit.map((a) => [a.actor?.name, a.summary])).toEqual([
      ['邵嘉蓉', '角色变更（合并导入）：崔伟 值班操作员 → 值班操作员、系统管理员'],
    ]);
  });

  it('restores over a directory only for its 系统管理员, as the directory stood before the restore', async () => {
    // The file makes 崔伟 系统管理员: a 值班员 restoring it would give himself the role.
    const field = await copyOf(source);
    await field.people.update(cui.personId, { roles: ['operator', 'administrator'] });
    await field.units.clear();
    const bundle = await createBackupRepository(field).exportAll(actor, '外出车');
    const units = await source.units.count();

    const refused = await createBackupRepository(source)
      .restoreAll(bundle, cui)
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(refused).toMatchObject({ code: 'actRefused', params: { key: 'roles.why.dataRestore' } });
    expect(await source.units.count()).toBe(units);
    expect((await source.people.get(cui.personId))?.roles).toBeUndefined();

    await createBackupRepository(source).restoreAll(bundle, shao);
    expect(await source.units.count()).toBe(0);
    expect((await source.people.get(cui.personId))?.roles).toEqual(['operator', 'administrator']);
  });

  it('refuses a bundle whose rows IndexedDB would refuse, before reading anything', async () => {
    const bundle = await createBackupRepository(source).exportAll(actor, '示范区');
    const people = bundle.tables['people']!;
    const broken = await createBackupBundle({
      ...bundle,
      tables: { ...bundle.tables, people: [...people, people[0]] },
    });
    await expect(createBackupRepository(source).previewMerge(broken)).rejects.toMatchObject({
      code: 'backupRowDuplicate',
    });
  });
});
