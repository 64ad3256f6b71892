/**
 * The fuzz suite's one source of chance: a seeded PRNG, so file N of a kind is the same file on every run and a
 * failure names a seed and an index that reproduce it.
 */
import { mulberry32 } from '../../scripts/seeded-random';

export interface Rng {
  /** [0, 1) */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from nothing');
      return items[int(items.length)] as T;
    },
  };
}

/** Seed of file `index` of a kind: files are independent, so any one can be regenerated alone. */
export const fileSeed = (base: number, kind: string, index: number): number => {
  let h = base ^ 0x9e3779b9;
  for (const ch of `${kind}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
};
