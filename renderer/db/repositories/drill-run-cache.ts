/**
 * What one window knows of its runs without reading IndexedDB: the run row, the drill machine replayed to the
 * row's `lastSeq`, and the frozen scenario. It only ever holds committed rows (the repository keeps what it
 * wrote once the transaction has completed, and what it read), so it is a copy of the database, never a
 * second source of truth.
 *
 * It exists because of the drill ticker's worker. While the worker keeps a run's time, a read of the run's
 * tables by the 导调台 page holds the worker's next write back until the page's main thread has finished
 * rendering (an IndexedDB read transaction ends only when its callbacks have run). So the page stops reading
 * the run and *follows* it instead: the worker hands over every row its cache takes in (`onRows`), the page
 * takes them in (`absorb`) and shows what it holds (`peek`).
 */
import { replayOnto, type DrillSnapshot } from '@shared/domain/drill/drill-machine';
import type { DrillRun } from '@shared/domain/drill/drill-run';
import type { RunEvent } from '@shared/domain/drill/run-events';
import type { Scenario } from '@shared/domain/drill/scenario';

/** Journal rows `fromSeq`… of a run, and the run row as of the last of them. */
export interface RunRows {
  run: DrillRun;
  fromSeq: number;
  events: RunEvent[];
}

export interface CachedRun {
  run: DrillRun;
  scenario: Scenario;
  snapshot: DrillSnapshot;
}

export function createRunCache() {
  const snapshots = new Map<string, { seq: number; snapshot: DrillSnapshot }>();
  const runs = new Map<string, DrillRun>();
  const scenarios = new Map<string, Scenario>();
  /** Runs whose rows another thread hands in, with how many screens follow each. */
  const followed = new Map<string, number>();
  const rowListeners = new Set<(rows: RunRows) => void>();
  const changeListeners = new Set<(runId: string) => void>();

  const changed = (runId: string) => {
    for (const listener of changeListeners) listener(runId);
  };

  /** The run row, unless an older read lands after a newer write. */
  function keepRow(run: DrillRun): void {
    const known = runs.get(run.id);
    if (!known || known.lastSeq <= run.lastSeq) runs.set(run.id, run);
  }

  return {
    scenario: (runId: string) => scenarios.get(runId),
    keepScenario: (runId: string, scenario: Scenario) => void scenarios.set(runId, scenario),

    snapshotAt: (runId: string) => snapshots.get(runId),
    keepRow,

    /**
     * Takes in committed rows this window wrote or read, with the snapshot they lead to, and tells whoever
     * follows (the worker's page).
     */
    keep(rows: RunRows, snapshot: DrillSnapshot): void {
      snapshots.set(rows.run.id, { seq: rows.run.lastSeq, snapshot });
      keepRow(rows.run);
      if (rows.events.length > 0) for (const listener of rowListeners) listener(rows);
      changed(rows.run.id);
    },

    /**
     * Takes in rows another thread committed. Rows already held are passed over; false when they do not join
     * what is held (a gap, or nothing held yet): the caller reads the run instead.
     */
    absorb({ run, fromSeq, events }: RunRows): boolean {
      const cached = snapshots.get(run.id);
      if (!cached || fromSeq > cached.seq + 1) return false;
      const lastSeq = fromSeq + events.length - 1;
      if (lastSeq <= cached.seq) return true;
      const snapshot = replayOnto(cached.snapshot, events.slice(cached.seq + 1 - fromSeq));
      snapshots.set(run.id, { seq: lastSeq, snapshot });
      keepRow(run);
      changed(run.id);
      return true;
    },

    /** The run as held, when row, snapshot and scenario are all there and agree; else null (read it). */
    peek(runId: string): CachedRun | null {
      const run = runs.get(runId);
      const held = snapshots.get(runId);
      const scenario = scenarios.get(runId);
      if (!run || !held || !scenario || held.seq !== run.lastSeq) return null;
      return { run, scenario, snapshot: held.snapshot };
    },

    /** From now until the returned release, `runId`'s rows come from another thread. */
    follow(runId: string): () => void {
      followed.set(runId, (followed.get(runId) ?? 0) + 1);
      changed(runId);
      let isReleased = false;
      return () => {
        if (isReleased) return;
        isReleased = true;
        const left = (followed.get(runId) ?? 1) - 1;
        if (left > 0) followed.set(runId, left);
        else followed.delete(runId);
        changed(runId);
      };
    },
    isFollowed: (runId: string) => followed.has(runId),

    /** Every batch of rows this window's cache takes in from its own writes and reads. */
    onRows(listener: (rows: RunRows) => void): () => void {
      rowListeners.add(listener);
      return () => void rowListeners.delete(listener);
    },
    /** Any change to what is held or followed, by run. */
    onChanged(listener: (runId: string) => void): () => void {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },
  };
}

export type RunCache = ReturnType<typeof createRunCache>;
