/**
 * fuzz_files, fuzz_crashes, fuzz_partial_writes and fuzz_bad_messages: FUZZ_FILES_PER_KIND malformed files of
 * every import kind (backup bundles, plan files, drill scripts XLSX/CSV, resource sheets XLSX/CSV, people CSV;
 * test/fuzz) through the real read → check → write paths, in Node with fake-indexeddb — not in Chromium:
 * what is measured is whether the import code refuses cleanly, not IndexedDB. It runs in a child process
 * (fuzz-run.ts under tsx with tsconfig.test.json), because the renderer's modules import through its path
 * aliases, which the bench's own tsx run does not resolve.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness';
import { progress, type Figure } from './report';
import type { KindReport } from '../fuzz/run-fuzz';

export const FUZZ_FILES_PER_KIND = 1000;
const KINDS = 5;

/** The counts of a kind's report, as the child process prints them. */
type KindSummary = Pick<
  KindReport,
  'kind' | 'files' | 'accepted' | 'refused' | 'crashes' | 'partialWrites' | 'badMessages' | 'pristineRefused'
>;

export async function fuzzFigures(): Promise<Figure[]> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'tsconfig.test.json', 'test/bench/fuzz-run.ts', `--files=${FUZZ_FILES_PER_KIND}`],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`fuzz-run exited with ${code}`)),
    );
  });
  const { seconds, reports } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
    seconds: number;
    reports: KindSummary[];
  };
  const total = (key: keyof Omit<KindSummary, 'kind'>) => reports.reduce((n, r) => n + r[key], 0);
  progress(
    `fuzz: ${total('files')} files in ${Math.round(seconds)} s — ${total('accepted')} accepted, ` +
      `${total('refused')} refused, ${total('pristineRefused')} re-encoded samples refused (Node, fake-indexeddb)`,
  );
  return [
    { name: 'fuzz_files', value: total('files'), unit: 'files', goal: FUZZ_FILES_PER_KIND * KINDS },
    { name: 'fuzz_crashes', value: total('crashes'), unit: 'files', goal: 0 },
    { name: 'fuzz_partial_writes', value: total('partialWrites'), unit: 'files', goal: 0 },
    { name: 'fuzz_bad_messages', value: total('badMessages'), unit: 'files', goal: 0 },
  ];
}
