import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, readWhatCanBeRead } from './open-database';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) {
    await new Promise((done) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = done;
    });
  }
});

/** A database left behind by a newer version of the app: version 990 in Dexie terms (×10). */
function createNewerDatabase(name: string): Promise<void> {
  names.push(name);
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 990);
    request.onupgradeneeded = () => {
      const people = request.result.createObjectStore('people', { keyPath: 'id' });
      people.add({ id: 'a', name: '张三' });
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('openDatabase', () => {
  it('opens a new database', async () => {
    const name = `open-${crypto.randomUUID()}`;
    names.push(name);
    const result = await openDatabase(name);
    expect(result.ok).toBe(true);
    if (result.ok) result.db.close();
  });

  it('names a database from a newer version instead of resetting it, and can still read it', async () => {
    const name = `newer-${crypto.randomUUID()}`;
    await createNewerDatabase(name);
    const result = await openDatabase(name);
    expect(result).toMatchObject({ ok: false, failure: { kind: 'versionTooNew' } });
    const readable = await readWhatCanBeRead(name);
    expect(readable.tables['people']).toEqual([{ id: 'a', name: '张三' }]);
    expect(readable.version).toBe(99);
  });
});

describe('classifyOpenError', () => {
  it('names each way an open can fail', async () => {
    const { classifyOpenError } = await import('./open-database');
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(classifyOpenError(named('VersionError')).kind).toBe('versionTooNew');
    expect(classifyOpenError(named('QuotaExceededError')).kind).toBe('quota');
    expect(classifyOpenError(named('MissingAPIError')).kind).toBe('unavailable');
    expect(classifyOpenError(named('UnknownError')).kind).toBe('corrupt');
    expect(classifyOpenError('weird')).toMatchObject({ kind: 'corrupt', detail: 'weird' });
  });
});
