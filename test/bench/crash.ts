/**
 * crash_lost_entries: 处置日志 lines the incident console reported as saved that were missing after the browser
 * was killed (SIGKILL) at a random moment and the same profile reopened, summed over 100 kill/reopen cycles on
 * one profile (test/e2e/crash-harness.ts). Goal 0. The hash chain, the app's own 校验日志 and duplicates are
 * checked at every reopen too and reported on stderr.
 */
import { runCrashCycles } from '../e2e/crash-harness';
import type { StaticServer } from '../e2e/harness';
import { progress, type Figure } from './report';

export const CRASH_CYCLES = 100;

export async function crashFigure(server: StaticServer, cycles = CRASH_CYCLES): Promise<Figure> {
  const began = Date.now();
  const result = await runCrashCycles({ baseUrl: server.url, cycles, log: progress });
  const figure: Figure = { name: 'crash_lost_entries', value: result.lost, unit: 'entries', goal: 0 };
  progress(
    `crash_lost_entries: ${result.lost} of ${result.confirmed} saved lines lost over ${cycles} kills ` +
      `(${result.present} present, ${result.duplicated} duplicated, ${result.unconfirmedPresent} lines in ` +
      `flight at a kill kept anyway; chain ${result.chainOk ? 'intact' : 'BROKEN'} at every reopen; ` +
      `seed ${result.seed}; ${Math.round((Date.now() - began) / 1000)} s)`,
  );
  for (const problem of result.problems) progress(`  ${problem}`);
  return figure;
}
