/**
 * What happens to a file between the office's tool and the desk: cut short by a full USB stick or a dropped
 * download, bytes flipped, a stray invalid UTF-8 sequence, a file that is something else entirely. Each
 * mutation says what it did, so a failing file can be told apart from its thousand siblings.
 */
import type { Rng } from './fuzz-random';

export interface Mutated {
  bytes: Uint8Array;
  label: string;
}

/** Cells and strings people and tools put where they do not belong. */
export const HOSTILE_TEXT: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">点我</a>',
  '\u0000',
  'a\u0007b\u001bc',
  '\u202e反转文本',
  '\u200b',
  '\u3000',
  '   ',
  '多行\n文本\r\n第三行',
  '\t缩进',
  '"',
  '""',
  ',',
  '=1+1',
  '=HYPERLINK("http://example.invalid","x")',
  '+86 13800138000',
  '-1',
  '@SUM(A1:A9)',
  "'=2+2",
  '0',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '1,000,000',
  '３',
  '99999999999999999999999',
  '0x10',
  '45000',
  '2026-02-30',
  '2026/13/01',
  '昨天',
  'true',
  '否',
  '𠀀𠀁',
  '😀',
  '\ud800',
  '{"a":1}',
  '[]',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  "'; DROP TABLE people; --",
  '../../etc/passwd',
  'x'.repeat(301),
  '很长的文字'.repeat(600),
];

export const MEGABYTE_CELL = `巨大单元格${'数据'.repeat(512 * 1024)}`;

export const hostile = (rng: Rng): string => (rng.chance(0.04) ? MEGABYTE_CELL : rng.pick(HOSTILE_TEXT));

/** Invalid in UTF-8 and, some of them, in GBK too. */
const INVALID_SEQUENCES: readonly number[][] = [
  [0xc3, 0x28],
  [0xff],
  [0xfe, 0xfe],
  [0xe2, 0x82],
  [0xf0, 0x90, 0x28, 0xbc],
  [0x80],
  [0x81],
  [0xed, 0xa0, 0x80],
];

export function randomBytes(rng: Rng, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i += 1) bytes[i] = rng.int(256);
  return bytes;
}

function splice(bytes: Uint8Array, at: number, insert: readonly number[]): Uint8Array {
  const out = new Uint8Array(bytes.length + insert.length);
  out.set(bytes.subarray(0, at));
  out.set(insert, at);
  out.set(bytes.subarray(at), at + insert.length);
  return out;
}

/** One byte-level mutation of a well-formed file. */
export function mutateBytes(rng: Rng, bytes: Uint8Array): Mutated {
  switch (rng.int(8)) {
    case 0: {
      const at = rng.int(Math.max(1, bytes.length));
      return { bytes: bytes.slice(0, at), label: `truncated@${at}` };
    }
    case 1: {
      const out = bytes.slice();
      const flips = 1 + rng.int(8);
      for (let i = 0; i < flips && out.length > 0; i += 1) out[rng.int(out.length)] = rng.int(256);
      return { bytes: out, label: `flipped×${flips}` };
    }
    case 2: {
      const sequence = rng.pick(INVALID_SEQUENCES);
      const at = rng.int(bytes.length + 1);
      return { bytes: splice(bytes, at, sequence), label: `invalid-bytes@${at}` };
    }
    case 3:
      return { bytes: new Uint8Array(0), label: 'empty' };
    case 4:
      return { bytes: randomBytes(rng, 1 + rng.int(4096)), label: 'garbage' };
    case 5:
      return { bytes: splice(bytes, 0, [...randomBytes(rng, 1 + rng.int(16))]), label: 'garbage-prefix' };
    case 6: {
      const zeros = new Array<number>(1 + rng.int(64)).fill(0);
      return { bytes: splice(bytes, rng.int(bytes.length + 1), zeros), label: 'nul-run' };
    }
    default: {
      const at = rng.int(Math.max(1, bytes.length));
      return { bytes: bytes.slice(at), label: `head-cut@${at}` };
    }
  }
}

/** A zip (XLSX) damaged where it hurts: the central directory at the end, a local header, or the middle. */
export function damageZip(rng: Rng, bytes: Uint8Array): Mutated {
  const out = bytes.slice();
  switch (rng.int(4)) {
    case 0: {
      const keep = Math.max(0, bytes.length - 1 - rng.int(200));
      return { bytes: bytes.slice(0, keep), label: `zip-tail-cut@${keep}` };
    }
    case 1:
      out.fill(0, Math.max(0, out.length - 22));
      return { bytes: out, label: 'zip-no-end-record' };
    case 2: {
      const at = rng.int(Math.max(1, out.length - 64));
      for (let i = at; i < Math.min(out.length, at + 32); i += 1) out[i] = rng.int(256);
      return { bytes: out, label: `zip-smashed@${at}` };
    }
    default:
      out[0] = 0x50;
      out[1] = 0x4b;
      out[2] = 0x07;
      return { bytes: out, label: 'zip-bad-signature' };
  }
}
