/**
 * What the file dialogs may hand over. The renderer names the file types it opens; a dialog's "all files"
 * choice or a typed path must not widen that. Default names for save dialogs come from user data (plan
 * titles, incident names), so they are cleaned into a single safe file name on every platform we ship.
 */
import type { FileFilter } from '@shared/ipc/contract';

/** Opened files are read whole into memory and sent over IPC; nothing the app imports comes near this. */
export const MAX_OPEN_FILE_BYTES = 200 * 1024 * 1024;
/** ext4 allows 255 bytes; the margin leaves room for a dialog's " (1)" and similar suffixes. */
export const MAX_FILE_NAME_BYTES = 200;
export const FALLBACK_FILE_NAME = '未命名';

const EXTENSION = /^[a-z0-9]{1,10}$/i;
/** Separators, characters Windows forbids, and C0/C1 control characters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are stripped.
const UNSAFE_CHARACTERS = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f]+/g;
/** Bidirectional overrides make "report\u202Efdp.exe" display as "reportexe.pdf". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Half a surrogate pair cannot be written as a UTF-8 file name. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Windows reserves these names whatever the extension ("con.txt" too). */
const RESERVED_WINDOWS_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

export function fileExtension(filePath: string): string {
  const name = filePath.split(/[/\\]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** No filters means the renderer asked for any file, and the person chose one in the dialog. */
export function isAllowedOpenExtension(filePath: string, filters: readonly FileFilter[]): boolean {
  if (filters.length === 0) return true;
  const extension = fileExtension(filePath);
  return extension !== '' && allowedExtensions(filters).has(extension);
}

export function isAllowedOpenSize(bytes: number): boolean {
  return Number.isFinite(bytes) && bytes >= 0 && bytes <= MAX_OPEN_FILE_BYTES;
}

export function sanitiseFileName(name: string, filters: readonly FileFilter[] = []): string {
  const cleaned = trimEdges(
    name
      .normalize('NFC')
      .replace(BIDI_CONTROLS, '')
      .replace(LONE_SURROGATE, '_')
      .replace(UNSAFE_CHARACTERS, '_'),
  );
  const { base, extension } = splitExtension(cleaned);
  const wanted = allowedExtensions(filters);
  const keepExtension = extension !== '' && (wanted.size === 0 || wanted.has(extension.toLowerCase()));
  const firstWanted = filters[0]?.extensions[0]?.toLowerCase() ?? '';
  const finalExtension = keepExtension ? extension : firstWanted;
  const finalBase = keepExtension ? base : cleaned;
  const suffix = finalExtension === '' ? '' : `.${finalExtension}`;
  return `${avoidReservedName(truncateBase(finalBase, suffix))}${suffix}`;
}

function allowedExtensions(filters: readonly FileFilter[]): Set<string> {
  return new Set(filters.flatMap((filter) => filter.extensions.map((ext) => ext.toLowerCase())));
}

/** Leading dots hide files (and spell ".."); Windows silently drops trailing dots and spaces. */
function trimEdges(name: string): string {
  return name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

function splitExtension(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  return EXTENSION.test(extension) ? { base: name.slice(0, dot), extension } : { base: name, extension: '' };
}

function truncateBase(base: string, suffix: string): string {
  const budget = MAX_FILE_NAME_BYTES - byteLength(suffix);
  const kept: string[] = [];
  let used = 0;
  // Whole code points only, so a cut never leaves half a surrogate pair or half a UTF-8 sequence.
  for (const codePoint of base) {
    used += byteLength(codePoint);
    if (used > budget) break;
    kept.push(codePoint);
  }
  return trimEdges(kept.join('')) || FALLBACK_FILE_NAME;
}

function avoidReservedName(base: string): string {
  const stem = base.split('.')[0] ?? '';
  return RESERVED_WINDOWS_NAME.test(stem.trim()) ? `_${base}` : base;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
