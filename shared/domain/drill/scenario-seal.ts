/**
 * 封存 (sealing) of a double-blind scenario: a controller locks it with a passphrase, and until the
 * passphrase is given again no screen shows its script — not the scenario editor, not the 导调台 of its
 * runs — so players sharing the desk cannot read ahead. Only a salted PBKDF2-SHA-256 hash of the passphrase
 * is stored. Web Crypto is in both Chromium and Node, so this stays pure shared code.
 */
import { z } from '../../validation/z';

export interface ScenarioSeal {
  salt: string;
  hash: string;
  iterations: number;
  sealedAt: number;
  sealedBy: string;
}

export const PASSPHRASE_MIN = 6;
/** ~0.1 s on a field laptop: slow enough to make guessing costly, quick enough not to be noticed. */
const ITERATIONS = 100_000;

export const passphraseSchema = z
  .string({ error: 'required' })
  .min(PASSPHRASE_MIN, { error: 'passphraseShort' })
  .max(200, { error: 'tooLong' });

const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

const unhex = (text: string) => new Uint8Array(text.match(/../g)?.map((pair) => parseInt(pair, 16)) ?? []);

async function derive(passphrase: string, salt: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: unhex(salt), iterations },
    key,
    256,
  );
  return hex(bits);
}

/** A new seal of `passphrase` (already checked against passphraseSchema by the caller). */
export async function sealWith(
  passphrase: string,
  sealedAt: number,
  sealedBy: string,
): Promise<ScenarioSeal> {
  const salt = hex(crypto.getRandomValues(new Uint8Array(16)));
  return {
    salt,
    hash: await derive(passphrase, salt, ITERATIONS),
    iterations: ITERATIONS,
    sealedAt,
    sealedBy,
  };
}

/** Whether `passphrase` opens the seal; compared in full, never stopping at the first differing digit. */
export async function opensSeal(seal: ScenarioSeal, passphrase: string): Promise<boolean> {
  const candidate = await derive(passphrase, seal.salt, seal.iterations);
  let difference = candidate.length ^ seal.hash.length;
  for (let i = 0; i < Math.min(candidate.length, seal.hash.length); i += 1) {
    difference |= candidate.charCodeAt(i) ^ seal.hash.charCodeAt(i);
  }
  return difference === 0;
}
