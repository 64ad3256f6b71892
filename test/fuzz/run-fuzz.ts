/**
 * Feeds N malformed files of each kind through the real import path against a fixture database and judges
 * each one:
 * - crash: something other than the app's own refusal escaped (or the import hung);
 * - partial write: a refused (or crashed) file changed any table, or an accepted one wrote rows that are not
 *   whole (see each kind's checkWrite);
 * - bad message: a refusal that says nothing, is untranslated or is the "操作失败：<library text>" fallback, or
 *   is about a place in the file without naming the row and field;
 * - pristine refused: a file that only re-encodes the valid sample (GBK, BOM, UTF-16, XLSX) was not taken
 *   whole.
 * After an accepted file the database is put back, so every file meets the same known rows.
 */
import { changedTables, dump, openFixture, restore, type Dump, type Fixture } from './fixture-db';
import { zhCN, type FuzzKind, type ImportContext, type Outcome, type Problem } from './fuzz-kind';
import { createRng, fileSeed } from './fuzz-random';
import type { FuzzFile } from './sheet-files';

export const FUZZ_SEED = 20_260_601;
const IMPORT_TIMEOUT_MS = 60_000;

export type FailureKind = 'crash' | 'partialWrite' | 'badMessage' | 'pristineRefused';

export interface Failure {
  kind: string;
  index: number;
  file: string;
  mutations: string[];
  failure: FailureKind;
  detail: string;
}

export interface KindReport {
  kind: string;
  files: number;
  accepted: number;
  refused: number;
  crashes: number;
  partialWrites: number;
  badMessages: number;
  pristineRefused: number;
  /** Distinct mutation labels seen (their prefix), to show the generators reach what they claim. */
  mutationKinds: Set<string>;
  /** Refusal codes seen, with counts. */
  codes: Map<string, number>;
  failures: Failure[];
}

const UNEXPECTED_PREFIX = zhCN()('errors.unexpected', { message: '' });

/** Why a refusal's problem would not tell a person what is wrong and where; null when it does. */
export function messageFault(kind: FuzzKind, problem: Problem, headers: readonly string[]): string | null {
  const { text, code, where } = problem;
  if (text.trim() === '') return `empty message (${code})`;
  if (
    text.includes('{{') ||
    /(^|[^a-zA-Z])(errors|validation|settings|resources|drills|plans)\.[a-zA-Z]/.test(text)
  )
    return `untranslated: ${text}`;
  if (text.startsWith(UNEXPECTED_PREFIX)) return `library message: ${text.slice(0, 200)}`;
  if (where === null) return kind.fileCodes.has(code) ? null : `no place given (${code}): ${text}`;
  if (where.row !== null && !(Number.isInteger(where.row) && where.row >= 1))
    return `row ${where.row} (${code})`;
  if (where.field === '') return kind.wholeRowCodes.has(code) ? null : `no field (${code}): ${text}`;
  if (!kind.isKnownField(where.field, headers)) return `field "${where.field}" is not in the file (${code})`;
  if (where.row !== null && !text.includes(String(where.row))) return `text does not give row ${where.row}`;
  // In a JSON file every list element on the way counts as a row: 第N项 / 第N条, or a level by its name.
  const path = where.path ?? [];
  for (let i = 0; i + 1 < path.length; i += 1) {
    const [key, index] = [path[i], path[i + 1]];
    if (typeof key !== 'string' || typeof index !== 'number') continue;
    if (!text.includes(`第${index + 1}`) && !(key === 'levels' && text.includes('级响应')))
      return `text does not say which ${key} (${index + 1}): ${text}`;
  }
  return null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const describeError = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : String(error).slice(0, 300);

const COUNTER = {
  crash: 'crashes',
  partialWrite: 'partialWrites',
  badMessage: 'badMessages',
  pristineRefused: 'pristineRefused',
} as const satisfies Record<FailureKind, keyof KindReport>;

/** Judges one file and counts what it showed into `report` (nothing for a clean refusal or a whole import). */
async function judge(
  kind: FuzzKind,
  context: ImportContext,
  fixture: Fixture,
  file: FuzzFile,
  report: KindReport,
  index: number,
): Promise<void> {
  const fail = (failure: FailureKind, detail: string) => {
    report[COUNTER[failure]] += 1;
    report.failures.push({
      kind: kind.name,
      index,
      file: file.name,
      mutations: file.mutations,
      failure,
      detail,
    });
  };
  for (const m of file.mutations) report.mutationKinds.add(m.split(/[:@×>]/)[0] ?? m);
  const before: Dump = fixture.baseline;
  let outcome: Outcome | null = null;
  try {
    outcome = await withTimeout(kind.importFile(context, file), IMPORT_TIMEOUT_MS);
  } catch (error) {
    fail('crash', describeError(error));
  }
  const after = await dump(fixture.db);
  const changed = changedTables(before, after);
  if (outcome?.status === 'accepted') {
    report.accepted += 1;
    const faults = kind.checkWrite(before, after, outcome);
    if (faults.length > 0) fail('partialWrite', faults.slice(0, 3).join('; '));
    if (file.pristine && outcome.count !== kind.sampleCount(file))
      fail('pristineRefused', `took ${outcome.count} of ${kind.sampleCount(file)}`);
  } else {
    if (outcome) {
      report.refused += 1;
      for (const problem of outcome.problems)
        report.codes.set(problem.code, (report.codes.get(problem.code) ?? 0) + 1);
      const faults = outcome.problems
        .map((p) => messageFault(kind, p, outcome.headers))
        .filter((f): f is string => f !== null);
      if (outcome.problems.length === 0) faults.push('refused without a message');
      if (faults.length > 0) fail('badMessage', faults.slice(0, 3).join('; '));
      if (file.pristine)
        fail(
          'pristineRefused',
          outcome.problems
            .map((p) => p.text.slice(0, 120))
            .slice(0, 3)
            .join('; '),
        );
    }
    if (changed.length > 0) fail('partialWrite', `refused, yet changed ${changed.join(', ')}`);
  }
  if (changed.length > 0) await restore(fixture.db, before);
}

export interface FuzzOptions {
  filesPerKind: number;
  seed?: number;
  /** Called after each file, for progress output in the bench. */
  onFile?: (kind: string, index: number) => void;
  /** Called before each file is imported: a run that dies (out of memory) still shows which file it was. */
  onStart?: (kind: string, index: number, file: FuzzFile) => void;
}

/** Runs every kind against its own fresh fixture database. */
export async function runFuzz(kinds: readonly FuzzKind[], options: FuzzOptions): Promise<KindReport[]> {
  const seed = options.seed ?? FUZZ_SEED;
  const reports: KindReport[] = [];
  for (const kind of kinds) {
    const fixture = await openFixture(`fuzz-${kind.name}-${seed}-${Math.random().toString(36).slice(2)}`);
    const context: ImportContext = { db: fixture.db, actor: fixture.actor, now: fixture.now, t: zhCN() };
    const report: KindReport = {
      kind: kind.name,
      files: 0,
      accepted: 0,
      refused: 0,
      crashes: 0,
      partialWrites: 0,
      badMessages: 0,
      pristineRefused: 0,
      mutationKinds: new Set(),
      codes: new Map(),
      failures: [],
    };
    try {
      await kind.prepare(context);
      for (let index = 0; index < options.filesPerKind; index += 1) {
        const file = await kind.generate(createRng(fileSeed(seed, kind.name, index)), index);
        report.files += 1;
        options.onStart?.(kind.name, index, file);
        await judge(kind, context, fixture, file, report, index);
        options.onFile?.(kind.name, index);
      }
    } finally {
      await fixture.db.delete();
    }
    reports.push(report);
  }
  return reports;
}

/** One line per kind and up to `limit` failures, for a test's message or the bench's log. */
export function summarise(reports: readonly KindReport[], limit = 12): string {
  const lines = reports.map(
    (r) =>
      `${r.kind}: ${r.files} files, ${r.accepted} accepted, ${r.refused} refused, ${r.crashes} crashes, ` +
      `${r.partialWrites} partial writes, ${r.badMessages} bad messages, ${r.pristineRefused} pristine refused`,
  );
  const failures = reports.flatMap((r) => r.failures).slice(0, limit);
  return [
    ...lines,
    ...failures.map(
      (f) => `  ${f.kind}#${f.index} ${f.file} [${f.mutations.join(' ')}] ${f.failure}: ${f.detail}`,
    ),
  ].join('\n');
}
