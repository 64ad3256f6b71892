import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_OPEN_FILE_BYTES } from './file-policy';
import { readOpenedFile, writeFileAtomically } from './file-io';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'ed-file-io-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('writes text as UTF-8 and bytes as they are', async () => {
    await writeFileAtomically(join(folder, '首报.txt'), '突发事件信息首报');
    await writeFileAtomically(join(folder, 'backup.bin'), new Uint8Array([0, 255, 7]));
    expect(readFileSync(join(folder, '首报.txt'), 'utf8')).toBe('突发事件信息首报');
    expect([...readFileSync(join(folder, 'backup.bin'))]).toEqual([0, 255, 7]);
  });

  it('replaces an existing file and leaves no temporary file behind', async () => {
    const target = join(folder, 'plan.json');
    writeFileSync(target, 'old');
    await writeFileAtomically(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['plan.json']);
  });

  it('fails without touching anything when the folder is gone', async () => {
    await expect(writeFileAtomically(join(folder, 'missing', 'x.json'), 'x')).rejects.toThrow(/ENOENT/);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('readOpenedFile', () => {
  it('returns the name and exactly the bytes of the file', async () => {
    const path = join(folder, '物资台账.csv');
    writeFileSync(path, Buffer.from([0xef, 0xbb, 0xbf, 0x61]));
    const opened = await readOpenedFile(path);
    expect(opened.name).toBe('物资台账.csv');
    expect(opened.bytes).toBeInstanceOf(Uint8Array);
    expect([...opened.bytes]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(folder, 'huge.csv');
    writeFileSync(path, '');
    truncateSync(path, MAX_OPEN_FILE_BYTES + 1);
    await expect(readOpenedFile(path)).rejects.toThrow('huge.csv is larger than 200 MB');
  });
});
