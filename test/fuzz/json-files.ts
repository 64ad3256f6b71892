/**
 * Malformed JSON documents from a valid one: a key removed or renamed, a value of the wrong type, a value
 * wrapped in the wrong nesting, an array element doubled (duplicate ids), a 1 MB string, control characters
 * or markup in a string, nesting thousands deep, `__proto__` keys; then saved in one of the encodings and
 * sometimes damaged as bytes (truncated, flipped, garbage).
 */
import { hostile, MEGABYTE_CELL, mutateBytes } from './byte-mutations';
import { encodeText, ENCODINGS } from './encodings';
import type { Rng } from './fuzz-random';
import type { FuzzFile } from './sheet-files';

type Json = unknown;
type Path = (string | number)[];

/** Every path into the document, up to `limit` of them (a backup has tens of thousands). */
function paths(value: Json, limit: number, under: Path = [], out: Path[] = []): Path[] {
  if (out.length >= limit) return out;
  out.push(under);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, limit, [...under, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, limit, [...under, k], out);
  return out;
}

function get(root: Json, path: Path): Json {
  let node = root;
  for (const key of path) node = (node as Record<string | number, Json>)[key];
  return node;
}

function set(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1] as string | number] = value;
  return root;
}

function remove(root: Json, path: Path): void {
  if (path.length === 0) return;
  const parent = get(root, path.slice(0, -1));
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete (parent as Record<string, Json>)[key];
}

function wrongType(rng: Rng, value: Json): Json {
  const options: Json[] = [null, true, 0, -1, 1e308, '', hostile(rng), [], {}, [value], { value }];
  if (typeof value === 'string') options.push(Number(value.length));
  if (typeof value === 'number') options.push(String(value));
  return rng.pick(options);
}

/**
 * JSON.stringify and every recursive walk overflow the stack a few thousand levels down, while JSON.parse
 * reads 100,000 levels: deep nesting is written as a marker string and expanded in the text.
 */
const DEEP_MARKER = '__fuzz_deep_nesting__';

export function expandDeepNesting(text: string): string {
  return text.replace(
    new RegExp(`"${DEEP_MARKER}(\\d+)"`, 'g'),
    (_, depth: string) => `${'['.repeat(Number(depth))}"deep"${']'.repeat(Number(depth))}`,
  );
}

/** One change at a random place (`focus` picks the subtree most changes aim at, e.g. a backup's tables). */
export function mutateJson(rng: Rng, root: Json, focus: Path = []): { root: Json; label: string } {
  const base = rng.chance(0.8) ? focus : [];
  const candidates = paths(get(root, base), 20_000).map((p) => [...base, ...p]);
  const path = rng.pick(candidates.length > 1 ? candidates.slice(1) : candidates);
  const where = path.join('.');
  const value = get(root, path);
  switch (rng.int(10)) {
    case 0:
      remove(root, path);
      return { root, label: `remove:${where}` };
    case 1:
      return { root: set(root, path, wrongType(rng, value)), label: `wrong-type:${where}` };
    case 2:
      return {
        root: set(root, path, rng.chance(0.5) ? [value] : { [String(path.at(-1))]: value }),
        label: `wrong-nesting:${where}`,
      };
    case 3: {
      const parent = get(root, path.slice(0, -1));
      if (Array.isArray(parent)) {
        parent.push(structuredClone(value));
        return { root, label: `duplicate-element:${where}` };
      }
      return { root: set(root, path, null), label: `null:${where}` };
    }
    case 4:
      return { root: set(root, path, MEGABYTE_CELL), label: `megabyte-string:${where}` };
    case 5:
      return {
        root: set(root, path, typeof value === 'string' ? `${value}${hostile(rng)}` : hostile(rng)),
        label: `hostile-string:${where}`,
      };
    case 6: {
      const parent = get(root, path.slice(0, -1));
      const key = path.at(-1);
      if (parent && typeof parent === 'object' && !Array.isArray(parent) && typeof key === 'string') {
        const record = parent as Record<string, Json>;
        record[`${key}_renamed`] = record[key];
        delete record[key];
        return { root, label: `rename-key:${where}` };
      }
      return { root: set(root, path, []), label: `empty-array:${where}` };
    }
    case 7:
      return {
        root: set(root, path, `${DEEP_MARKER}${rng.chance(0.5) ? 5_000 : 100_000}`),
        label: `deep:${where}`,
      };
    case 8: {
      const parent = get(root, path.slice(0, -1));
      if (parent && typeof parent === 'object' && !Array.isArray(parent)) {
        // A JSON text can carry an own `__proto__` key; JSON.parse keeps it as data.
        Object.defineProperty(parent, '__proto__', {
          value: { polluted: true },
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return { root, label: `proto-key:${where}` };
      }
      return { root: set(root, path, {}), label: `empty-object:${where}` };
    }
    default:
      return { root: set(root, path, Array.isArray(value) ? [] : {}), label: `emptied:${where}` };
  }
}

/**
 * Serialises a document (already mutated by the caller, or not) to a file: compact or indented JSON, in an
 * encoding, with byte damage `damage` of the time.
 */
export function jsonFile(
  rng: Rng,
  name: string,
  document: Json,
  mutations: string[],
  options: { pristine: boolean; damage: number },
): FuzzFile {
  const text = expandDeepNesting(
    rng.chance(0.5) ? JSON.stringify(document) : JSON.stringify(document, null, 2),
  );
  let bytes: Uint8Array | null = null;
  for (let tries = 0; !bytes && tries < ENCODINGS.length; tries += 1) {
    const encoding = rng.pick(ENCODINGS);
    bytes = encodeText(text, encoding);
    if (bytes) mutations.push(`json:${encoding}`);
  }
  bytes ??= new TextEncoder().encode(text);
  if (!options.pristine && rng.chance(options.damage)) {
    const damaged = mutateBytes(rng, bytes);
    bytes = damaged.bytes;
    mutations.push(damaged.label);
  }
  return { name, bytes, mutations, pristine: options.pristine, choice: rng.next() };
}
