/**
 * The fuzz part's worker process (started by fuzz.ts under tsx with tsconfig.test.json, for the renderer's
 * path aliases): runs `--files=N` malformed files of every import kind through the real import paths against
 * fake-indexeddb in Node, prints progress on stderr and the per-kind report as one JSON line on stdout.
 */
import 'fake-indexeddb/auto';
import { allKinds } from '../fuzz/all-kinds';
import { runFuzz, summarise } from '../fuzz/run-fuzz';

const files = Number(process.argv.find((a) => a.startsWith('--files='))?.slice('--files='.length) ?? 1000);
const only = process.argv
  .find((a) => a.startsWith('--kinds='))
  ?.slice('--kinds='.length)
  .split(',');

async function main(): Promise<void> {
  const began = Date.now();
  let last = began;
  const kinds = allKinds().filter((k) => !only || only.includes(k.name));
  const isTraced = process.argv.includes('--trace');
  const reports = await runFuzz(kinds, {
    filesPerKind: files,
    onStart: (kind, index, file) => {
      if (isTraced)
        process.stderr.write(`[fuzz] ${kind}#${index} ${file.name} ${file.mutations.join(' ')}\n`);
    },
    onFile: (kind, index) => {
      if (Date.now() - last < 10_000 && index + 1 !== files) return;
      last = Date.now();
      process.stderr.write(
        `[bench] fuzz ${kind}: ${index + 1}/${files} (${Math.round((last - began) / 1000)} s)\n`,
      );
    },
  });
  process.stderr.write(`${summarise(reports, 40)}\n`);
  const plain = reports.map((r) => ({
    ...r,
    mutationKinds: [...r.mutationKinds].sort(),
    codes: Object.fromEntries(r.codes),
    failures: r.failures.slice(0, 100),
  }));
  process.stdout.write(`${JSON.stringify({ seconds: (Date.now() - began) / 1000, reports: plain })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench] fuzz failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
