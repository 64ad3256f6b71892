/**
 * 导入 under bad input: a seeded sample of malformed files of every import kind (FUZZ_FILES per kind, 100 by
 * default; the bench runs 1,000 of each) through the real read → check → write paths against a database
 * holding known rows. None may crash, none refused may change a row, none accepted may write half a row, and
 * every refusal must name the row and field it is about (see run-fuzz.ts for how each file is judged).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { allKinds } from './all-kinds';
import { runFuzz, summarise } from './run-fuzz';

const FILES = Number(process.env['FUZZ_FILES'] ?? 100);

/** Mutation families each kind must have produced, so a generator that stops reaching them fails here. */
const SHEET_FAMILIES = ['drop-column', 'rename-column', 'hostile-cells', 'megabyte-cell', 'truncated', 'csv'];
const REACHED: Record<string, string[]> = {
  'backup-bundle': ['re-signed', 'row-without-key', 'duplicate-key', 'wrong-type', 'deep', 'json'],
  'plan-file': ['remove', 'wrong-type', 'wrong-nesting', 'megabyte-string', 'hostile-string', 'json'],
  'drill-script': [...SHEET_FAMILIES, 'xlsx', 'zip-smashed'],
  'resource-sheet': [...SHEET_FAMILIES, 'xlsx', 'duplicate-id'],
  'people-csv': [...SHEET_FAMILIES, 'duplicate-id'],
};

describe('import fuzz', () => {
  for (const kind of allKinds()) {
    it(`${kind.name}: ${FILES} malformed files — no crash, no partial write, every refusal says where`, async () => {
      const [report] = await runFuzz([kind], { filesPerKind: FILES });
      const summary = summarise([report!]);
      expect(
        {
          crashes: report!.crashes,
          partialWrites: report!.partialWrites,
          badMessages: report!.badMessages,
          pristineRefused: report!.pristineRefused,
        },
        summary,
      ).toEqual({ crashes: 0, partialWrites: 0, badMessages: 0, pristineRefused: 0 });
      // Both sides are exercised: files refused, and files (pristine or tolerably odd) written.
      expect(report!.refused, summary).toBeGreaterThan(FILES / 3);
      expect(report!.accepted, summary).toBeGreaterThan(0);
      const missing = (REACHED[kind.name] ?? []).filter((family) => !report!.mutationKinds.has(family));
      expect(missing, summary).toEqual([]);
      // A hundred files through the real repositories: seconds on a quiet machine, a minute under load.
    }, 180_000);
  }
});
