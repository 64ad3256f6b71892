/**
 * Reading and writing the files a person picked in a dialog. Saves go to a temporary file beside the target
 * and are renamed over it, so a crash or power cut mid-write leaves the previous backup whole, never half
 * of the new one.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { OpenedFile } from '@shared/ipc/contract';
import { MAX_OPEN_FILE_BYTES, isAllowedOpenSize } from './file-policy';

export async function readOpenedFile(filePath: string): Promise<OpenedFile> {
  const { size } = await stat(filePath);
  if (!isAllowedOpenSize(size)) {
    throw new Error(`${basename(filePath)} is larger than ${MAX_OPEN_FILE_BYTES / 1024 / 1024} MB`);
  }
  const buffer = await readFile(filePath);
  return {
    name: basename(filePath),
    bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
  };
}

export async function writeFileAtomically(filePath: string, content: string | Uint8Array): Promise<void> {
  // A short fixed-length name: the target's own name may already be near the file system's limit.
  const temporary = join(dirname(filePath), `.emergency-desk-${randomUUID()}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx', flush: true });
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
