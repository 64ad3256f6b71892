import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { as, publishSamplePlan } from '../../../test/support/plan-driver';
import { rejection } from '../../../test/support/rejection';
import { EmergencyDeskDatabase } from '../database';
import { createIncidentRepository, type IncidentRepository } from './incident-repository';
import { createStorageGuard, isQuotaError, type StorageGuard } from './write-helpers';

/**
 * A full disk, as Chromium shows it (measured on a full tmpfs): every request of a write transaction
 * succeeds, then the commit fails and the transaction aborts with a QuotaExceededError. fake-indexeddb has no
 * quota, so its transaction is made to abort at the point where it would commit.
 */
interface FakeTransaction {
  mode: string;
  _state: string;
  _requests: { request: { readyState: string } }[];
  _start(): void;
  _abort(name: string | null): void;
}
const fakeTransaction = (globalThis as unknown as { IDBTransaction: { prototype: FakeTransaction } })
  .IDBTransaction.prototype;
const fakeStore = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } })
  .IDBObjectStore.prototype;
const WRITES = ['add', 'put', 'delete', 'clear'] as const;

function fullDisk() {
  const wrote = new WeakSet<object>();
  let isFull = false;
  let writeRequests = 0;
  fakeTransaction._start = function (this: FakeTransaction) {
    const isCommitting = this._requests.every((r) => r.request.readyState === 'done');
    if (isFull && wrote.has(this) && this._state !== 'finished' && isCommitting) {
      this._abort('QuotaExceededError');
      return;
    }
    originalStart.call(this);
  };
  const originals = WRITES.map((name) => [name, fakeStore[name] as (...args: unknown[]) => unknown] as const);
  for (const [name, original] of originals) {
    fakeStore[name] = function (this: { transaction: object }, ...args: unknown[]) {
      writeRequests += 1;
      wrote.add(this.transaction);
      return original.apply(this, args);
    };
  }
  return {
    fill: () => (isFull = true),
    free: () => (isFull = false),
    writeRequests: () => writeRequests,
    restore() {
      fakeTransaction._start = originalStart;
      for (const [name, original] of originals) fakeStore[name] = original;
    },
  };
}
const originalStart = fakeTransaction._start;

const T0 = Date.parse('2026-11-23T02:00:00+08:00');
let db: EmergencyDeskDatabase;
let incidents: IncidentRepository;
let guard: StorageGuard;
let disk: ReturnType<typeof fullDisk>;
let incidentId: string;

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`storage-${crypto.randomUUID()}`);
  await db.open();
  await publishSamplePlan(db);
  incidents = createIncidentRepository(db, () => T0);
  guard = createStorageGuard(db, () => T0);
  incidentId = await incidents.open(
    {
      title: '台风“海燕”影响我区',
      place: '滨江街道沿海一线',
      category: 'natural',
      occurredAt: T0 - 30 * 60_000,
      planId: 'sample-typhoon',
    },
    as.dutyOfficer,
  );
  disk = fullDisk();
});
afterEach(async () => {
  disk.restore();
  await db.delete();
});

const note = (text: string) => incidents.appendNote(incidentId, { text }, as.dutyOfficer);
const logTexts = async () => (await incidents.logRange(incidentId, 1, 100)).map((e) => e.text);

describe('storage guard', () => {
  it('turns read-only when a write fails for lack of space, and the failed write leaves nothing behind', async () => {
    await note('滨江村已转移群众120人');
    const changes = vi.fn();
    guard.subscribe(changes);
    disk.fill();
    const failure = await note('滨江小学安置点已满').then(
      () => null,
      (e: unknown) => e,
    );
    expect(isQuotaError(failure)).toBe(true);
    expect(guard.isReadOnly()).toBe(true);
    expect(changes).toHaveBeenCalledTimes(1);
    expect(await logTexts()).toContain('滨江村已转移群众120人');
    expect(await logTexts()).not.toContain('滨江小学安置点已满');
    expect((await incidents.get(incidentId))?.logCount).toBe(3);
  });

  it('refuses every kind of write up front while read-only, and reading goes on', async () => {
    disk.fill();
    await note('第一条').catch(() => undefined);
    expect(guard.isReadOnly()).toBe(true);
    const before = disk.writeRequests();
    expect((await rejection(note('第二条'))).code).toBe('storageFull');
    expect((await rejection(db.settings.put({ key: 'x', value: 1 }))).code).toBe('storageFull');
    expect((await rejection(db.incidents.update(incidentId, { title: '改名' }))).code).toBe('storageFull');
    expect((await rejection(db.incidentLog.where('incidentId').equals(incidentId).delete())).code).toBe(
      'storageFull',
    );
    // Refused before IndexedDB was asked to write anything.
    expect(disk.writeRequests()).toBe(before);
    expect(await logTexts()).toHaveLength(2);
    expect((await incidents.get(incidentId))?.title).toBe('台风“海燕”影响我区');
  });

  it('rechecks with one small write: stays read-only while the disk is full, leaves once the write is stored', async () => {
    disk.fill();
    await note('第一条').catch(() => undefined);
    await expect(guard.recheck()).resolves.toBe(false);
    expect(guard.isReadOnly()).toBe(true);
    expect((await db.audit.filter((a) => a.action === 'storage.writable').toArray()).length).toBe(0);

    disk.free();
    await expect(guard.recheck()).resolves.toBe(true);
    expect(guard.isReadOnly()).toBe(false);
    expect(await db.audit.toArray()).toContainEqual(
      expect.objectContaining({ action: 'storage.writable', actor: null, at: T0 }),
    );
    await note('第一条');
    expect(await logTexts()).toContain('第一条');
  });

  it('is not set off by other failures', async () => {
    await expect(db.incidents.add({ ...(await incidents.get(incidentId))! })).rejects.toThrow();
    expect(guard.isReadOnly()).toBe(false);
  });
});
