/**
 * Content hashes that do not depend on how an object happens to be ordered: the backup checksum and the
 * incident log's hash chain both hash `canonicalJson` with SHA-256 (WebCrypto, in Node and the browser).
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

/** Keys sorted at every depth, so the checksum does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Synchronous SHA-256 (@noble/hashes): an entry of the incident log is sealed inside its IndexedDB write
 * transaction, which would commit on its own while an async WebCrypto digest was pending.
 */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
