/**
 * How the benchmarks speak: one JSON line per figure on stdout (`{"name","value","unit","goal"}`), the same
 * figures as one array in test-results/bench.json, and everything else on stderr so stdout stays parseable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from '../e2e/harness';

/** The goal of a figure that has none, only a value to report (see the README's table: "reported"). */
export const REPORTED = 0;

export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: number;
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function printFigure(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function writeResults(figures: readonly Figure[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, 'bench.json');
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
  return path;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
