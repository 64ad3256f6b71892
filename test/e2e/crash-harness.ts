/**
 * Crash harness: an operator writes 处置日志 lines one after another through the incident console while the
 * browser process is killed hard (SIGKILL) at a random moment; the same profile is then reopened on the same
 * origin and checked. A line counts as saved only once the page has said so — the input clears, which the log
 * panel does only after the strict-durability transaction committed (IncidentLog `save`) — and only if the
 * test saw that before the kill. After every reopen: each saved line is on disk exactly once, the app's own
 * 校验日志 and a recomputation of the hash chain (log-chain.ts) both pass, the panel's count and newest row
 * agree with the rows on disk, and the app logged no error.
 *
 * The kill moments come from a seeded PRNG; the seed is printed so a failing run can be replayed
 * (`ED_CRASH_SEED`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { mulberry32 } from '../../scripts/seeded-random';
import { killBrowser } from './browser-kill';
import {
  checkLog,
  noteText,
  openConsole,
  prepareCrashProfile,
  writeUntilGone,
  type Writing,
} from './crash-log';
import { launchBrowser, type BrowserSession } from './harness';

/** What a run of kill/reopen cycles found, summed over its cycles. */
export interface CrashResult {
  seed: number;
  /** Lines the page reported as saved before a kill. */
  confirmed: number;
  /** Of those, the ones found on disk after the reopens. */
  present: number;
  lost: number;
  /** Saved lines found more than once. */
  duplicated: number;
  /** Every reopen: the app's 校验日志, the recomputed chain and the panel's count agreed and were intact. */
  chainOk: boolean;
  /** Lines written but not yet reported as saved when the kill came, that were on disk anyway. */
  unconfirmedPresent: number;
  /** Errors the app logged (console or uncaught), and checks that failed, by cycle. */
  problems: string[];
}

export interface CrashOptions {
  baseUrl: string;
  cycles: number;
  seed?: number;
  /** The kill comes this long after the first line of a cycle was saved: uniform in [min, max] ms. */
  killAfterMs?: [number, number];
  /** Share of cycles (after the first) killed while the app is still starting, before any write. */
  startupKillShare?: number;
  log?: (message: string) => void;
  /** Runs on the last reopened page, after its checks (a screenshot). */
  afterLastReopen?: (page: Page) => Promise<void>;
}

/** A seed from the environment (to replay a run) or from the time. */
export function crashSeed(): number {
  const fixed = Number(process.env['ED_CRASH_SEED']);
  return Number.isInteger(fixed) && fixed > 0 ? fixed : Date.now() % 2 ** 31;
}

/** Runs `cycles` kill/reopen cycles on one profile, then reopens once more and checks. */
export async function runCrashCycles(options: CrashOptions): Promise<CrashResult> {
  const seed = options.seed ?? crashSeed();
  const random = mulberry32(seed);
  const log = options.log ?? ((message) => process.stderr.write(`[crash] ${message}\n`));
  const [minKill, maxKill] = options.killAfterMs ?? [0, 1500];
  const startupShare = options.startupKillShare ?? 0.1;
  log(`seed ${seed} (ED_CRASH_SEED=${seed} replays it), ${options.cycles} cycles`);

  const { profileDir, incidentId } = await prepareCrashProfile(options.baseUrl);
  const saved: string[] = [];
  const lost = new Set<string>();
  const duplicated = new Set<string>();
  const inFlight = new Set<string>();
  const problems: string[] = [];
  let unconfirmedPresent = 0;
  let chainOk = true;
  let line = 0;
  const nextText = (cycle: number) => () => {
    line += 1;
    return noteText(`${seed}·${cycle}·${line}`, random);
  };

  /** Checks everything saved so far against the reopened app; returns the number of lines on disk. */
  const check = async (page: Page, cycle: number): Promise<number> => {
    const found = await checkLog(page, incidentId);
    const seen = new Map<string, number>();
    for (const row of found.rows) seen.set(row.text, (seen.get(row.text) ?? 0) + 1);
    for (const text of saved) {
      const times = seen.get(text) ?? 0;
      if (times === 0 && !lost.has(text)) {
        lost.add(text);
        problems.push(`cycle ${cycle}: saved line missing: ${text}`);
      }
      if (times > 1 && !duplicated.has(text)) {
        duplicated.add(text);
        problems.push(`cycle ${cycle}: saved line stored ${times} times: ${text}`);
      }
    }
    for (const text of inFlight) if (seen.has(text)) unconfirmedPresent += 1;
    inFlight.clear();
    if (found.problems.length > 0) chainOk = false;
    problems.push(...found.problems.map((p) => `cycle ${cycle}: ${p}`));
    return found.rows.length;
  };
  const appErrors = (cycle: number | string, errors: readonly string[]) =>
    problems.push(...errors.map((e) => `cycle ${cycle}: the app logged ${e}`));

  /** One launch that ends in a kill: during start-up, or after checking and while writing. */
  const killedCycle = async (session: BrowserSession, cycle: number): Promise<string> => {
    const { page } = session;
    // The first cycle always writes, so even a short run has saved lines at stake.
    if (random() < startupShare && cycle > 1) {
      const at = Math.floor(random() * 800);
      const opening = openConsole(page, options.baseUrl, incidentId).catch(() => undefined);
      await sleep(at);
      await killBrowser(session);
      await opening;
      return `killed ${at} ms into start-up`;
    }
    await openConsole(page, options.baseUrl, incidentId);
    const lines = await check(page, cycle);
    // The kill comes at a random moment after the first line was saved, so every cycle has lines at stake
    // however slow the machine is.
    const killAfter = minKill + Math.floor(random() * (maxKill - minKill));
    let firstSaved = () => {};
    const saving = new Promise<void>((done) => (firstSaved = done));
    const writing: Writing = { confirmed: [], pending: null, onSaved: () => firstSaved() };
    let killing = false;
    // Resolves with the writer's error if it stops before the kill; it runs until the page is gone otherwise.
    const writer = writeUntilGone(page, nextText(cycle), writing).catch((error: unknown) =>
      killing ? null : error,
    );
    await Promise.race([saving, writer]);
    await Promise.race([sleep(killAfter), writer]);
    const errors = [...session.errors];
    killing = true;
    await killBrowser(session);
    const stopped = await writer;
    if (stopped) problems.push(`cycle ${cycle}: writing stopped before the kill: ${String(stopped)}`);
    appErrors(cycle, errors);
    saved.push(...writing.confirmed);
    if (writing.pending) inFlight.add(writing.pending);
    return (
      `${lines} lines on reopen, ${writing.confirmed.length} saved, killed ${killAfter} ms after the first` +
      (writing.pending ? ' with one in flight' : '')
    );
  };

  for (let cycle = 1; cycle <= options.cycles; cycle += 1) {
    const began = Date.now();
    const session = await launchBrowser({ profileDir });
    try {
      const what = await killedCycle(session, cycle);
      log(`cycle ${cycle}/${options.cycles}: ${what}; lost so far ${lost.size} (${Date.now() - began} ms)`);
    } catch (error) {
      // The profile stays on disk, to be looked at.
      await session.context.close().catch(() => undefined);
      throw new Error(`cycle ${cycle} (seed ${seed}, profile ${profileDir}) failed`, { cause: error });
    }
  }
  const session = await launchBrowser({ profileDir });
  let lines: number;
  try {
    await openConsole(session.page, options.baseUrl, incidentId);
    lines = await check(session.page, options.cycles + 1);
    await options.afterLastReopen?.(session.page);
    appErrors('last reopen', session.errors);
  } catch (error) {
    await session.close({ keepProfile: true });
    throw new Error(`the last reopen (seed ${seed}, profile ${profileDir}) failed`, { cause: error });
  }
  await session.close();
  log(
    `last reopen: ${lines} lines on disk; ${saved.length} saved, ${lost.size} lost, ${unconfirmedPresent} in flight kept`,
  );
  return {
    seed,
    confirmed: saved.length,
    present: saved.length - lost.size,
    lost: lost.size,
    duplicated: duplicated.size,
    chainOk,
    unconfirmedPresent,
    problems,
  };
}
