/**
 * Text to bytes the way offices' tools save it: UTF-8, UTF-8 with a BOM (Excel's "CSV UTF-8"), GBK (Excel and
 * WPS on Chinese Windows) and UTF-16LE with a BOM ("Unicode text"). Node only encodes UTF-8, so GBK is built
 * by inverting the platform's own GBK decoder over every two-byte code: the bytes are exactly what that
 * decoder (and so the app's decode-text) reads back.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'gbk' | 'utf-16le-bom';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-8-bom', 'gbk', 'utf-16le-bom'];

let gbkTable: Map<string, number> | null = null;

function gbk(): Map<string, number> {
  if (gbkTable) return gbkTable;
  const table = new Map<string, number>();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

/** GBK bytes of `text`, or null when a character has no GBK code (an emoji, a rare ideograph). */
export function encodeGbk(text: string): Uint8Array | null {
  const table = gbk();
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = table.get(char);
    if (pair === undefined) return null;
    out.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(out);
}

export function encodeText(text: string, encoding: Encoding): Uint8Array | null {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new TextEncoder().encode(`\uFEFF${text}`);
    case 'gbk':
      return encodeGbk(text);
    case 'utf-16le-bom': {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes[0] = 0xff;
      bytes[1] = 0xfe;
      for (let i = 0; i < text.length; i += 1) {
        const unit = text.charCodeAt(i);
        bytes[2 + i * 2] = unit & 0xff;
        bytes[3 + i * 2] = unit >> 8;
      }
      return bytes;
    }
  }
}
