import { describe, expect, it } from 'vitest';
import { canonicalJson, createBackupBundle, readBackupBundle, sha256Hex } from './backup-bundle';

const tables = { people: [{ id: 'a', name: '张三', positionIds: ['x'] }], units: [] };
const make = () =>
  createBackupBundle({ schemaVersion: 1, exportedAt: 1, exportedBy: '张三', jurisdiction: '示范区', tables });

describe('backup bundle', () => {
  it('reads back what it wrote', async () => {
    const bundle = await make();
    expect(await readBackupBundle(JSON.stringify(bundle), 1)).toEqual({ ok: true, bundle });
  });

  it('checksums independent of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });

  it('refuses an edited, truncated, foreign or newer file', async () => {
    const bundle = await make();
    const edited = JSON.stringify({ ...bundle, tables: { ...tables, people: [{ id: 'a', name: '李四' }] } });
    expect(await readBackupBundle(edited, 1)).toMatchObject({ ok: false, message: 'backupChecksum' });
    const text = JSON.stringify(bundle);
    expect(await readBackupBundle(text.slice(0, text.length / 2), 1)).toMatchObject({
      ok: false,
      message: 'backupNotJson',
    });
    expect(await readBackupBundle(JSON.stringify({ format: 'other' }), 1)).toMatchObject({
      ok: false,
      message: 'backupNotOurs',
    });
    expect(await readBackupBundle(text, 0)).toMatchObject({ ok: false, message: 'backupTooNew' });
    expect(await readBackupBundle(JSON.stringify({ ...bundle, tables: { people: 'x' } }), 1)).toMatchObject({
      ok: false,
      message: 'backupInvalid',
    });
  });

  it('refuses an edited header: who exported it, when, and for which jurisdiction', async () => {
    const bundle = await make();
    for (const edit of [{ jurisdiction: '东江新区' }, { exportedBy: '李四' }, { exportedAt: 2 }]) {
      expect(await readBackupBundle(JSON.stringify({ ...bundle, ...edit }), 1)).toMatchObject({
        ok: false,
        message: 'backupChecksum',
      });
    }
  });

  it('still reads a version-1 file, whose checksum covers only the tables', async () => {
    const v1 = {
      format: 'emergency-desk-backup',
      formatVersion: 1,
      schemaVersion: 1,
      exportedAt: 1,
      exportedBy: '张三',
      jurisdiction: '示范区',
      tables,
      checksum: await sha256Hex(canonicalJson(tables)),
    };
    expect(await readBackupBundle(JSON.stringify(v1), 2)).toMatchObject({ ok: true });
  });

  it('refuses, naming where, a row nested 100,000 levels deep instead of overflowing the stack (fuzz suite)', async () => {
    const bundle = await make();
    const text = JSON.stringify(bundle).replace(
      '"name":"张三"',
      `"name":${'['.repeat(100_000)}"x"${']'.repeat(100_000)}`,
    );
    const read = await readBackupBundle(text, 1);
    expect(read).toMatchObject({ ok: false, message: 'backupInvalid' });
    expect(read.ok ? '' : read.detail).toMatch(/^tables\.people\.0\.name\./);
  });
});
