/**
 * Optional per-person PINs for signing in to a position on a shared command laptop. WebCrypto exists in both
 * Node 20 and the renderer, so this stays pure shared code. The PIN itself is never stored.
 */
import type { PinHash } from './types';

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function digest(salt: string, pin: string): Promise<string> {
  const data = new TextEncoder().encode(`${salt}:${pin}`);
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', data));
}

export async function hashPin(
  pin: string,
  salt = toHex(globalThis.crypto.getRandomValues(new Uint8Array(16))),
) {
  return { salt, hash: await digest(salt, pin) } satisfies PinHash;
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  return (await digest(stored.salt, pin)) === stored.hash;
}
