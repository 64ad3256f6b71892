/**
 * 演练: scenarios (with their scripts) and runs. A run's journal is append-only and strict-durability (the
 * database is opened so); every append is checked against the drill machine replayed from the journal inside
 * the same transaction, so two tabs (the 导调台 and a participant screen) can never write an event the run no
 * longer takes, and an inject can never be delivered twice. The ticker's work (`deliverDue`) is one
 * transaction too: what it delivers is decided from the rows as they are on disk.
 */
import Dexie, { liveQuery } from 'dexie';
import {
  advanceRun,
  initialRun,
  replayOnto,
  statusOf,
  type DrillSnapshot,
} from '@shared/domain/drill/drill-machine';
import type { DrillJournalRow, DrillRun } from '@shared/domain/drill/drill-run';
import { tickDecisions, type DueInject } from '@shared/domain/drill/inject-schedule';
import type { RunEvent, RunEventDraft } from '@shared/domain/drill/run-events';
import { scenarioInputSchema, type Scenario, type ScenarioInput } from '@shared/domain/drill/scenario';
import { opensSeal, passphraseSchema, sealWith } from '@shared/domain/drill/scenario-seal';
import { scenarioTimeAt } from '@shared/domain/drill/timeline';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { actTables, requireAct } from './act-guard';
import { auditEntry } from './audit-trail';
import { createRunCache, type RunRows } from './drill-run-cache';
import { RepositoryError } from './repository-error';
import { parseOrThrow, stamp } from './write-helpers';

type Clock = () => number;

export interface LoadedRun {
  run: DrillRun;
  /** The scenario frozen at the run's creation. */
  scenario: Scenario;
  snapshot: DrillSnapshot;
}

/** What one tick did: delivered and skipped now, and the overdue injects waiting for the controller. */
export interface TickResult {
  delivered: DueInject[];
  skipped: DueInject[];
  overdue: DueInject[];
}

/** The ticker's decisions at `at` as journal events (deliveries and contingency skips), with what they were. */
function dueEvents(
  snapshot: DrillSnapshot,
  at: number,
  actor: Actor,
): { events: RunEvent[]; result: TickResult } {
  const result: TickResult = { delivered: [], skipped: [], overdue: [] };
  const events: RunEvent[] = [];
  const scenarioMs = scenarioTimeAt(snapshot.context.marks, at);
  const stampedAt = Math.max(at, snapshot.context.lastAt);
  for (const { kind, ...due } of tickDecisions(snapshot.context, at)) {
    if (kind === 'overdue') {
      result.overdue.push(due);
    } else if (kind === 'deliver') {
      result.delivered.push(due);
      events.push({
        type: 'inject.deliver',
        injectId: due.inject.id,
        plannedAt: due.plannedAt,
        scenarioMs,
        isAuto: true,
        at: stampedAt,
        by: actor,
      });
    } else {
      result.skipped.push(due);
      events.push({
        type: 'inject.skip',
        injectId: due.inject.id,
        reason: 'contingency',
        note: '',
        at: stampedAt,
        by: actor,
      });
    }
  }
  return { events, result };
}

export function createDrillRepository(db: EmergencyDeskDatabase, now: Clock = Date.now) {
  const rwRun = [db.drillRuns, db.drillRunScenarios, db.drillJournal, db.audit];

  async function requireRun(runId: string): Promise<DrillRun> {
    const run = await db.drillRuns.get(runId);
    if (!run) throw new RepositoryError('notFound');
    return run;
  }

  /** The journal rows `from`…`to` (seq, inclusive) of a run, in order. */
  async function eventsOf(runId: string, from = 1, to = Number.MAX_SAFE_INTEGER): Promise<RunEvent[]> {
    const rows = await db.drillJournal
      .where('[runId+seq]')
      .between([runId, from], [runId, to], true, true)
      .toArray();
    return rows.map((row) => row.event);
  }

  const cache = createRunCache();

  /** Frozen scenarios never change, so each is read once per window. */
  async function scenarioOf(runId: string): Promise<Scenario> {
    const cached = cache.scenario(runId);
    if (cached) return cached;
    const row = await db.drillRunScenarios.get(runId);
    if (!row) throw new RepositoryError('notFound');
    cache.keepScenario(runId, row.scenario);
    return row.scenario;
  }

  const inputOf = async (run: DrillRun) => ({
    injects: (await scenarioOf(run.id)).injects,
    directorId: run.directorId,
  });

  /**
   * The run's snapshot as of the run row's `lastSeq`, kept per run: a tick then costs one transition, not a
   * replay of the whole journal (a 1,000-inject run ticks every few ms). When another tab or window wrote
   * (the participant screen, the ticker in the 导调台), only the rows after the cached one are read and
   * applied. Rows up to `lastSeq` were committed with the run row that names it, so reading them bounded by
   * it is consistent inside a transaction or out of one.
   */
  const commitListeners = new Set<(runId: string, lastSeq: number) => void>();

  async function snapshotOf(run: DrillRun): Promise<DrillSnapshot> {
    const cached = cache.snapshotAt(run.id);
    if (cached && cached.seq === run.lastSeq) return cached.snapshot;
    // A row read before the cached write committed is older than the cache: rebuild it without caching.
    const isAhead = cached !== undefined && cached.seq < run.lastSeq;
    const base = isAhead ? cached.snapshot : initialRun(await inputOf(run));
    const fromSeq = isAhead ? cached.seq + 1 : 1;
    const events = await eventsOf(run.id, fromSeq, run.lastSeq);
    const snapshot = replayOnto(base, events);
    if (!cached || isAhead) cache.keep({ run, fromSeq, events }, snapshot);
    return snapshot;
  }

  /**
   * Appends `next` inside the caller's transaction when the run takes every one of them, in order; the run
   * row caches the status. Nothing is written when any is refused.
   */
  async function appendAll(run: DrillRun, next: readonly RunEvent[]): Promise<DrillSnapshot> {
    const { snapshot, accepted } = advanceRun(await snapshotOf(run), next);
    if (!accepted) throw new RepositoryError('drill.refused');
    const rows: DrillJournalRow[] = next.map((event, i) => ({
      id: crypto.randomUUID(),
      runId: run.id,
      seq: run.lastSeq + i + 1,
      event,
    }));
    await db.drillJournal.bulkAdd(rows);
    const lastSeq = run.lastSeq + rows.length;
    const written: DrillRun = {
      ...run,
      status: statusOf(snapshot),
      lastSeq,
      updatedAt: next.at(-1)?.at ?? run.updatedAt,
    };
    await db.drillRuns.put(written);
    // Kept only once IndexedDB has committed: an aborted write must not leave the cache ahead of the disk.
    Dexie.currentTransaction?.on('complete', () => {
      cache.keep({ run: written, fromSeq: run.lastSeq + 1, events: [...next] }, snapshot);
      for (const listener of commitListeners) listener(run.id, lastSeq);
    });
    return snapshot;
  }

  return {
    // --- scenarios -------------------------------------------------------------------------------------

    /** Most recently edited first. */
    listScenarios: () => db.drillScenarios.orderBy('updatedAt').reverse().toArray(),
    getScenario: (id: string) => db.drillScenarios.get(id),

    /** Creates (no id) or replaces a scenario; returns its id. Runs already made keep their own copy. */
    async saveScenario(input: ScenarioInput, actor: Actor, id?: string): Promise<string> {
      const values = parseOrThrow(scenarioInputSchema.safeParse(input));
      return db.transaction('rw', [db.drillScenarios, db.audit], async () => {
        const existing = id ? await db.drillScenarios.get(id) : undefined;
        if (id && !existing) throw new RepositoryError('notFound');
        const at = now();
        const scenario: Scenario = {
          ...values,
          id: existing?.id ?? crypto.randomUUID(),
          // Editing a sealed scenario (once unlocked on screen) keeps it sealed.
          ...(existing?.seal ? { seal: existing.seal } : {}),
          ...stamp(at, actor, existing),
        };
        await db.drillScenarios.put(scenario);
        await db.audit.add(
          auditEntry(at, actor, existing ? 'update' : 'create', 'drillScenario', scenario.id, scenario.title),
        );
        return scenario.id;
      });
    },

    /** Seals the scenario with a controller's passphrase (双盲); refused when it is sealed already. */
    async sealScenario(id: string, passphrase: string, actor: Actor): Promise<void> {
      const phrase = parseOrThrow(passphraseSchema.safeParse(passphrase));
      // Derived before the transaction: IndexedDB commits a transaction left waiting on Web Crypto.
      const seal = await sealWith(phrase, now(), actor.name);
      await db.transaction('rw', [db.drillScenarios, db.audit], async () => {
        const scenario = await db.drillScenarios.get(id);
        if (!scenario) throw new RepositoryError('notFound');
        if (scenario.seal) throw new RepositoryError('drill.alreadySealed');
        await db.drillScenarios.put({ ...scenario, seal });
        await db.audit.add(auditEntry(seal.sealedAt, actor, 'seal', 'drillScenario', id, scenario.title));
      });
    },

    /** Removes the seal for good; the passphrase must open it. */
    async unsealScenario(id: string, passphrase: string, actor: Actor): Promise<void> {
      const seal = (await db.drillScenarios.get(id))?.seal;
      if (!seal) return;
      if (!(await opensSeal(seal, passphrase))) throw new RepositoryError('drill.wrongPassphrase');
      await db.transaction('rw', [db.drillScenarios, db.audit], async () => {
        const scenario = await db.drillScenarios.get(id);
        if (!scenario?.seal) return;
        const { seal: _removed, ...rest } = scenario;
        const at = now();
        await db.drillScenarios.put({ ...rest, ...stamp(at, actor, scenario) });
        await db.audit.add(auditEntry(at, actor, 'unseal', 'drillScenario', id, scenario.title));
      });
    },

    // --- runs ------------------------------------------------------------------------------------------

    /** Newest first; of one scenario when given. */
    async listRuns(scenarioId?: string): Promise<DrillRun[]> {
      const rows = scenarioId
        ? await db.drillRuns.where('scenarioId').equals(scenarioId).toArray()
        : await db.drillRuns.toArray();
      // A live query may be handed Dexie's cached, frozen result (two screens asking the same): sort a copy.
      return [...rows].sort((a, b) => b.createdAt - a.createdAt);
    },
    getRun: (id: string) => db.drillRuns.get(id),
    /**
     * Hears of each journal write of this connection as soon as IndexedDB has committed it, before any live
     * query has re-read: the ticker in its worker learns of a start or a resume without waiting for the
     * console to render. Returns the unsubscribe.
     */
    onCommitted(listener: (runId: string, lastSeq: number) => void): () => void {
      commitListeners.add(listener);
      return () => void commitListeners.delete(listener);
    },
    /**
     * Hears of the run row now and after each committed change to it, from any window or thread (the row's
     * `lastSeq` names the journal's last row); returns the unsubscribe.
     */
    observeRun(
      runId: string,
      listener: (run: DrillRun | undefined) => void,
      onError: (error: unknown) => void,
    ): () => void {
      const subscription = liveQuery(() => db.drillRuns.get(runId)).subscribe({
        next: listener,
        error: onError,
      });
      return () => subscription.unsubscribe();
    },
    /** The run's journal in its order (the 复盘 plays it back). */
    journal: (runId: string): Promise<RunEvent[]> => eventsOf(runId),

    /** A new run of the scenario as it stands now, with its 演练总指挥. Earlier runs are left as they are. */
    async createRun(scenarioId: string, directorId: string, actor: Actor): Promise<string> {
      return db.transaction('rw', [db.drillScenarios, db.people, ...rwRun], async () => {
        const scenario = await db.drillScenarios.get(scenarioId);
        if (!scenario) throw new RepositoryError('notFound');
        if (scenario.injects.length === 0) throw new RepositoryError('drill.emptyScript');
        const director = await db.people.get(directorId);
        if (!director)
          throw new RepositoryError('invalidInput', { field: 'directorId', message: 'required' });
        const at = now();
        const run: DrillRun = {
          id: crypto.randomUUID(),
          scenarioId,
          title: scenario.title,
          directorId,
          directorName: director.name,
          status: 'draft',
          lastSeq: 0,
          ...stamp(at, actor),
        };
        await db.drillRuns.add(run);
        await db.drillRunScenarios.add({ runId: run.id, scenario });
        await db.audit.add(auditEntry(at, actor, 'create', 'drillRun', run.id, scenario.title));
        return run.id;
      });
    },

    /**
     * The run and its machine as rebuilt from the journal. No explicit transaction: with both caches warm the
     * only request is the run row, which a live query may answer from Dexie's cache, and an empty read
     * transaction commits before the function ends (PrematureCommitError, seen on the 参演人员 screen).
     */
    async load(runId: string): Promise<LoadedRun | null> {
      const run = await db.drillRuns.get(runId);
      if (!run) return null;
      const loaded = { run, scenario: await scenarioOf(runId), snapshot: await snapshotOf(run) };
      cache.keepRow(run);
      return loaded;
    },

    /**
     * The run as this window already holds it, without reading (null when it does not hold all of it). A
     * screen that follows the run (`follow`) shows this, so that it never reads the tables the drill
     * ticker's worker writes while that worker keeps time.
     */
    peek: (runId: string): LoadedRun | null => cache.peek(runId),
    /** Takes in journal rows another thread committed (the ticker's worker hands them over); see drill-run-cache.ts. */
    absorb: (rows: RunRows): boolean => cache.absorb(rows),
    /** Every batch of committed rows this window writes or reads, for a window that follows it. */
    onRows: (listener: (rows: RunRows) => void): (() => void) => cache.onRows(listener),
    follow: (runId: string): (() => void) => cache.follow(runId),
    isFollowed: (runId: string): boolean => cache.isFollowed(runId),
    /** Any change to what this window holds of a run or to whether it follows it. */
    onHeldChanged: (listener: (runId: string) => void): (() => void) => cache.onChanged(listener),

    /**
     * Records one event, stamped with the desk's clock and the signed-in person; refused (nothing stored) when
     * the run does not take it now (ENDEX by someone other than the 总指挥, an inject already settled …), and
     * ENDEX also when the person has no role for it or has not confirmed it with their PIN.
     */
    async append(runId: string, draft: RunEventDraft, actor: Actor): Promise<DrillSnapshot> {
      return db.transaction('rw', [...rwRun, ...actTables(db)], async () => {
        const run = await requireRun(runId);
        const before = await snapshotOf(run);
        // The journal's times never run backwards, whatever the system clock does.
        const at = Math.max(now(), before.context.lastAt);
        const event = { ...draft, at, by: actor } as RunEvent;
        // What fell due before the clock stops goes out first, not after the pause or never.
        const stops =
          event.type === 'clock.pause' || event.type === 'run.endex' || event.type === 'run.abort';
        const due = stops && statusOf(before) === 'running' ? dueEvents(before, at, actor).events : [];
        // What is due the moment the clock starts or resumes (T+0, or an inject a pause held) goes out in the
        // same transaction, not at the ticker's next look.
        const starts = event.type === 'clock.start' || event.type === 'clock.resume';
        const started = starts ? advanceRun(before, [event]) : null;
        const dueNow =
          started?.accepted && statusOf(started.snapshot) === 'running'
            ? dueEvents(started.snapshot, at, actor).events
            : [];
        const snapshot = await appendAll(run, [...due, event, ...dueNow]);
        // After the machine's verdict (only the director may end it), the desk's roles; a refusal here undoes
        // the whole transaction, the rows just appended included.
        if (event.type === 'run.endex') await requireAct(db, 'drill.endex', actor, now());
        if (event.type === 'run.abort' || event.type === 'run.endex') {
          const summary = event.type === 'run.abort' ? `中止：${event.reason}` : '结束（ENDEX）';
          await db.audit.add(auditEntry(at, actor, event.type, 'drillRun', runId, summary));
        }
        return snapshot;
      });
    },

    /**
     * The ticker's step at the real moment `at`: delivers what fell due on time, skips what its contingency
     * rules out, and returns the overdue injects for the controller; fires an armed random start once its
     * moment has come. Does nothing else unless the clock runs.
     */
    async deliverDue(runId: string, at: number, actor: Actor): Promise<TickResult> {
      // The ticker's write waits for every transaction before it that shares a table, the screens' reads
      // included: it takes only the two tables it writes, with the frozen scenario read before it starts.
      await scenarioOf(runId);
      return db.transaction('rw', [db.drillRuns, db.drillJournal], async () => {
        const run = await requireRun(runId);
        // Whatever the status, this takes in the rows other windows wrote since: the ticker's session goes
        // on with the run as this connection holds it after the tick (a pause from elsewhere stops it).
        const snapshot = await snapshotOf(run);
        const nothing: TickResult = { delivered: [], skipped: [], overdue: [] };
        if (run.status === 'ready') {
          // An armed double-blind start that has come (or was found late) fires now, saying when it was due.
          const window = snapshot.context.startWindow;
          if (window && at >= window.fireAt) {
            await appendAll(run, [{ type: 'clock.start', plannedAt: window.fireAt, at, by: actor }]);
          }
          return nothing;
        }
        if (run.status !== 'running') return nothing;
        const { events: toWrite, result } = dueEvents(snapshot, at, actor);
        if (toWrite.length > 0) await appendAll(run, toWrite);
        return result;
      });
    },
  };
}

export type DrillRepository = ReturnType<typeof createDrillRepository>;
