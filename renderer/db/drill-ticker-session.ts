/**
 * The drill ticker's wiring, the same on the main thread and in its worker: it wakes when the next inject
 * falls due (and every second), asks the repository to deliver what is due as of that moment, and writes a
 * jump of the real clock between two ticks to the journal as a `clock.gap`.
 *
 * On the main thread the console's live query hands the ticker the run's state. In the worker
 * (drill-ticker-worker.ts) a session watches the run for as long as the console is open: it reads the run
 * after each of its own ticks and whenever the console reports a journal row it has not read (a start, a
 * pause, a speed, a re-timing, an inject added by hand), and it starts and stops its ticker itself as the
 * clock starts and stops. So a start or a resume is never handed from one thread to the other while injects
 * fall due: the session that ticks is already there, with the run read.
 */
import { nextDueAt, tickDecisions } from '@shared/domain/drill/inject-schedule';
import type { RunState } from '@shared/domain/drill/run-state';
import type { DrillRun } from '@shared/domain/drill/drill-run';
import { createTicker, type Ticker, type TickerClock, type TickerOptions } from '@shared/domain/drill/ticker';
import type { Actor } from '@shared/domain/org/types';
import type { DrillRepository } from './repositories/drill-repository';
import type { RunRows } from './repositories/drill-run-cache';

export type TickerDrills = Pick<DrillRepository, 'load' | 'peek' | 'observeRun' | 'deliverDue' | 'append'>;

/**
 * When to wake after the tick at `tickedAt`: at once when an inject fell due while that tick was writing
 * (`nextDueAt` looks only ahead, so it would wait for the next inject's time, and after the last of a burst for
 * the heartbeat, a second), else when the next one falls due. An inject due at `tickedAt` or before was that
 * tick's to settle (a state read before the tick shows it still open), so it never wakes the ticker again.
 */
export function nextWake(state: RunState, tickedAt: number | null, now: number): number | null {
  const fellDueSince =
    tickedAt !== null &&
    tickDecisions(state, now).some((d) => d.kind !== 'overdue' && d.plannedAt > tickedAt);
  return fellDueSince ? now : nextDueAt(state, now);
}

/** A run needs its ticker while its clock runs, and while an armed random start waits for its moment. */
export function needsTicker(status: DrillRun['status'], state: RunState | null): boolean {
  return status === 'running' || (status === 'ready' && state?.startWindow != null);
}

export function drillTickerOptions(
  drills: TickerDrills,
  runId: string,
  by: () => Actor,
  stateOf: () => RunState | null,
  afterTick: () => Promise<void> = () => Promise.resolve(),
): TickerOptions {
  let tickedAt: number | null = null;
  return {
    wakeAt: (at) => {
      const state = stateOf();
      return state ? nextWake(state, tickedAt, at) : null;
    },
    onTick: async (at) => {
      await drills.deliverDue(runId, at, by());
      tickedAt = at;
      await afterTick();
    },
    onGap: async (from, to) => {
      await drills.append(runId, { type: 'clock.gap', from, to }, by()).catch(() => undefined);
    },
  };
}

/** What the console tells the worker's session. */
export type TickerCommand =
  /** Asks for the session's clock reading, to compare with the page's. */
  | { type: 'clock'; id: number }
  /** The console has opened this run: from now on the session keeps its time. */
  | { type: 'watch'; runId: string; actor: Actor | null }
  /** Who is signed in at the console (the ticker writes in that person's name; nobody, no ticking). */
  | { type: 'actor'; actor: Actor | null }
  /** The journal's last row number as the console sees it. */
  | { type: 'journal'; seq: number }
  | { type: 'unwatch' };

/** What the session tells the console. */
export type TickerReport =
  | { type: 'clock'; id: number; at: number }
  /** The session has read run `runId` and keeps its time from now on. */
  | { type: 'watching'; runId: string }
  /** Journal rows the worker's connection wrote or read, for the console to follow (drill-run-cache.ts). */
  | { type: 'rows'; rows: RunRows }
  | { type: 'failed'; message: string };

export interface TickerSession {
  handle: (command: TickerCommand) => void;
}

export function createTickerSession(
  drills: TickerDrills,
  clock: TickerClock,
  report: (message: TickerReport) => void,
): TickerSession {
  let runId: string | null = null;
  let actor: Actor | null = null;
  let status: DrillRun['status'] | null = null;
  let state: RunState | null = null;
  /** The journal row the state was read at; -1 before the first read, so any report moves it. */
  let seq = -1;
  let ticker: Ticker | null = null;

  /**
   * Reads the run; false when the read is stale (another run watched since, or a newer read landed first).
   * After its own tick the session takes the run as its connection holds it: the tick's transaction has just
   * read and written it, and one more read per tick would only hold the next tick's write back. Rows other
   * windows write after that are news the console reports, or the next tick reads.
   */
  async function read(watched: string, isAfterOwnTick = false): Promise<boolean> {
    const loaded = (isAfterOwnTick ? drills.peek(watched) : null) ?? (await drills.load(watched));
    if (runId !== watched) return false;
    const loadedSeq = loaded?.run.lastSeq ?? -1;
    if (loadedSeq < seq) return false;
    seq = loadedSeq;
    state = loaded?.snapshot.context ?? null;
    status = loaded?.run.status ?? null;
    return true;
  }

  /** The live query on the run row that hears of other windows' rows while the ticker stands. */
  let unobserve: (() => void) | null = null;

  /**
   * While its ticker stands the session watches the run row for rows written elsewhere (a start, a
   * participant's response), so that the console, which follows the run through the session, sees them. While
   * it ticks it does not: each tick's transaction reads them anyway, and a read between ticks would only hold
   * the next tick's write back.
   */
  function observe(watched: string | null): void {
    unobserve?.();
    unobserve = null;
    if (!watched) return;
    unobserve = drills.observeRun(
      watched,
      (run) => {
        if (run && runId === watched && !ticker && run.lastSeq > seq) refresh(watched, false);
      },
      (error) => report({ type: 'failed', message: String(error) }),
    );
  }

  function stopTicker(): void {
    const wasTicking = ticker !== null;
    ticker?.stop();
    ticker = null;
    if (wasTicking && runId) observe(runId);
  }

  /** After a read: the ticker runs exactly while the run needs it and someone is signed in. */
  function follow(watched: string, isExternal: boolean): void {
    const needs = actor !== null && needsTicker(status ?? 'draft', state);
    if (!needs) {
      stopTicker();
      return;
    }
    if (ticker) {
      // A row the ticker did not write may move its next wake (a speed, a re-timing): look again now.
      if (isExternal) ticker.poke();
      return;
    }
    const current: Ticker = createTicker(
      clock,
      drillTickerOptions(
        drills,
        watched,
        () => actor as Actor,
        () => state,
        async () => {
          // A tick of a stopped ticker may still finish: it must not start or stop the newer one.
          if ((await read(watched, true)) && ticker === current) follow(watched, false);
        },
      ),
    );
    ticker = current;
    observe(null);
    current.start();
  }

  function refresh(watched: string, announce: boolean): void {
    read(watched)
      .then((isFresh) => {
        if (!isFresh) return;
        if (announce) report({ type: 'watching', runId: watched });
        follow(watched, true);
      })
      .catch((error: unknown) => report({ type: 'failed', message: String(error) }));
  }

  return {
    handle(command) {
      switch (command.type) {
        case 'clock':
          report({ type: 'clock', id: command.id, at: clock.now() });
          return;
        case 'watch':
          stopTicker();
          runId = command.runId;
          actor = command.actor;
          state = null;
          status = null;
          seq = -1;
          refresh(command.runId, true);
          observe(command.runId);
          return;
        case 'actor':
          actor = command.actor;
          if (runId) follow(runId, false);
          return;
        case 'journal':
          // Its own deliveries come back here too, once the console has read them: only a row it has not
          // read itself is news.
          if (runId && command.seq > seq) refresh(runId, false);
          return;
        case 'unwatch':
          runId = null;
          stopTicker();
          observe(null);
          return;
      }
    },
  };
}
