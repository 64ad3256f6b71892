/**
 * Incidents: opening one (from a 接报 or ad hoc), sending events to its plan's chart, the hash-chained log and
 * the task board. Every write is one strict-durability transaction that checks the chart again (a stale screen
 * cannot send what the chart no longer takes), stores the event and seals the log lines it produced, so what
 * the screen shows as saved is on disk and in the chain.
 */
import { nextSerial } from '@shared/domain/duty/intake';
import {
  DRILL_PREFIX,
  DRILL_SERIAL_PREFIX,
  incidentMessage,
  realIncidents,
} from '@shared/domain/incident/drill-incident';
import {
  incidentInputSchema,
  type Incident,
  type IncidentDrillRef,
  type IncidentInput,
  type IncidentPlanRef,
  type IncidentValues,
} from '@shared/domain/incident/incident';
import { journalToLog } from '@shared/domain/incident/incident-log';
import {
  adHocTaskSchema,
  describeTaskChange,
  taskStateId,
  taskUpdateSchema,
  type AdHocTaskInput,
  type TaskState,
  type TaskUpdate,
} from '@shared/domain/incident/incident-tasks';
import {
  verifyChain,
  type ChainCheck,
  type LogEntry,
  type LogEntryInput,
  type LogLink,
} from '@shared/domain/incident/log-chain';
import type { Actor } from '@shared/domain/org/types';
import { compilePlan, type PlanMachine } from '@shared/domain/plan/compile-plan';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import { formatLocalTime } from '@shared/domain/plan/plan-step';
import { phaseOf, replay, replayThen, type PlanSnapshot } from '@shared/domain/plan/replay';
import type { EmergencyDeskDatabase } from '../database';
import type { IncidentEventRow } from '../records';
import { actTables, requireAct } from './act-guard';
import { auditEntry } from './audit-trail';
import { appendLog, logRange } from './incident-log-writer';
import { RepositoryError } from './repository-error';
import { parseOrThrow, stamp } from './write-helpers';

const VERIFY_PAGE = 5_000;
const NOTE_MAX = 2_000;

export function createIncidentRepository(db: EmergencyDeskDatabase, now: () => number = Date.now) {
  const machines = new Map<string, PlanMachine>();
  const seqRange = (incidentId: string, from = 1, to = Infinity) => logRange(db, incidentId, from, to);

  async function machineOf(ref: IncidentPlanRef): Promise<PlanMachine> {
    const key = `${ref.id}@${ref.version}`;
    const cached = machines.get(key);
    if (cached) return cached;
    const plan = await db.plans.get([ref.id, ref.version]);
    if (!plan) throw new RepositoryError('incidentPlanMissing', { title: ref.title, version: ref.version });
    const machine = compilePlan(plan);
    machines.set(key, machine);
    return machine;
  }

  async function requireIncident(id: string, open = true): Promise<Incident> {
    const incident = await db.incidents.get(id);
    if (!incident) throw new RepositoryError('notFound');
    if (open && incident.status === 'closed') throw new RepositoryError('incidentClosed');
    return incident;
  }

  /** The plan's published version, to run from `at`; refused when the plan has none. */
  async function publishedPlan(planId: string, at: number): Promise<IncidentPlanRef> {
    const published = (await db.plans.where('id').equals(planId).toArray()).find(
      (p) => p.status === 'published',
    );
    if (!published) throw new RepositoryError('planNotPublished');
    return { id: published.id, version: published.version, title: published.meta.title, startedAt: at };
  }

  const planLine = (plan: IncidentPlanRef, actor: Actor): LogEntryInput => ({
    at: plan.startedAt,
    author: actor,
    category: 'decision',
    text: `启用预案：${plan.title}（第${plan.version}版）`,
    links: [],
    corrects: null,
  });

  const eventsOf = async (incidentId: string): Promise<PlanEvent[]> =>
    (
      await db.incidentEvents
        .where('[incidentId+seq]')
        .between([incidentId, 0], [incidentId, Infinity])
        .toArray()
    ).map((row) => row.event);

  function summary(snapshot: PlanSnapshot): Pick<Incident, 'level' | 'phase' | 'status'> {
    return {
      level: snapshot.context.level,
      phase: phaseOf(snapshot),
      status: snapshot.context.isClosed ? 'closed' : 'open',
    };
  }

  /** Stores an event the chart took and the log lines of its journal entries; returns the new snapshot. */
  async function store(
    incident: Incident,
    events: readonly PlanEvent[],
    event: PlanEvent,
    before: PlanSnapshot,
    after: PlanSnapshot,
    actor: Actor | null,
  ): Promise<void> {
    const row: IncidentEventRow = {
      id: crypto.randomUUID(),
      incidentId: incident.id,
      seq: events.length + 1,
      event,
    };
    await db.incidentEvents.add(row);
    await db.incidents.update(incident.id, {
      ...summary(after),
      eventCount: row.seq,
      updatedAt: now(),
      updatedBy: actor ?? incident.updatedBy,
    });
    // What the chart decides in a drill (预警, 启动响应 …) is read out as such: each line says 演练 first.
    const lines = journalToLog(after.context.journal.slice(before.context.journal.length));
    await appendLog(
      db,
      incident.id,
      lines.map((line) => ({ ...line, text: incidentMessage(incident, line.text) })),
    );
  }

  const rwIncident = [db.incidents, db.incidentEvents, db.incidentLog, db.incidentTasks, db.plans];

  /** The incident row and its first log lines, inside the caller's transaction; returns its id. */
  async function create(
    values: IncidentValues,
    plan: IncidentPlanRef | null,
    drill: IncidentDrillRef | null,
    actor: Actor,
    at: number,
  ): Promise<string> {
    const intake = values.intakeId === null ? undefined : await db.intakes.get(values.intakeId);
    if (values.intakeId !== null && !intake) throw new RepositoryError('notFound');
    if (intake?.incidentId) throw new RepositoryError('intakeAlreadyOpened');

    const year = new Date(at).getFullYear();
    const series = drill ? DRILL_SERIAL_PREFIX : '';
    const taken = (await db.incidents.where('serial').startsWith(`${series}${year}-`).keys()).map((key) =>
      String(key).slice(series.length),
    );
    const incident: Incident = {
      id: crypto.randomUUID(),
      serial: `${series}${nextSerial(year, taken)}`,
      title: values.title,
      place: values.place,
      category: values.category,
      occurredAt: values.occurredAt,
      receivedAt: intake?.receivedAt ?? at,
      grade: values.grade,
      flaggedDeadlines: [],
      intakeId: values.intakeId,
      plan,
      status: 'open',
      level: null,
      phase: 'monitoring',
      eventCount: 0,
      logCount: 0,
      ...(drill ? { drill } : {}),
      ...stamp(at, actor),
    };
    const opened = `${values.title}（${values.place}，事发${formatLocalTime(values.occurredAt)}）`;
    const opening: LogEntryInput[] = [
      {
        at,
        author: actor,
        category: 'intake',
        text: drill
          ? `${DRILL_PREFIX}演练「${drill.scenarioTitle}」立案：${opened}`
          : intake
            ? `由接报${intake.serial}转为事件：${opened}`
            : `立案：${opened}`,
        links: [],
        corrects: null,
      },
    ];
    if (plan) opening.push(planLine(plan, actor));
    await db.incidents.add(incident);
    await appendLog(db, incident.id, opening);
    if (intake) await db.intakes.put({ ...intake, incidentId: incident.id });
    await db.audit.add(
      auditEntry(at, actor, 'create', 'incident', incident.id, `${incident.serial} ${values.title}`),
    );
    return incident.id;
  }

  // Incidents are tens to hundreds of rows: a scan is cheaper than an index every incident would carry.
  const drillIncidentOf = (runId: string): Promise<Incident | undefined> =>
    db.incidents.filter((incident) => incident.drill?.runId === runId).first();

  const repository = {
    /** Newest event first. */
    list: () => db.incidents.orderBy('occurredAt').reverse().toArray(),
    /** Open real incidents: what the desk's state is made of (演练事件 are left out). */
    listOpen: async () => realIncidents(await db.incidents.where('status').equals('open').toArray()),
    get: (id: string) => db.incidents.get(id),
    events: eventsOf,
    tasks: (incidentId: string): Promise<TaskState[]> =>
      db.incidentTasks.where('incidentId').equals(incidentId).toArray(),
    machine: machineOf,

    /** Opens an incident and writes its first log lines; returns its id. */
    async open(input: IncidentInput, actor: Actor): Promise<string> {
      const values = parseOrThrow(incidentInputSchema.safeParse(input));
      const at = now();
      if (values.occurredAt > at + 60_000) throw new RepositoryError('occurredInFuture');
      return db.transaction('rw', [...rwIncident, db.intakes, db.audit], async () => {
        const plan = values.planId === null ? null : await publishedPlan(values.planId, at);
        return create(values, plan, null, actor, at);
      });
    },

    /**
     * Opens the 演练事件 of a drill run: the plan version the scenario tests (published or not — a drill may
     * test a draft) runs its real chart, numbered in the drill series and marked 演练. One per run; refused
     * once the run has ended.
     */
    async openForDrill(
      runId: string,
      input: IncidentInput & { planVersion: number },
      actor: Actor,
    ): Promise<string> {
      const values = parseOrThrow(incidentInputSchema.safeParse({ ...input, intakeId: null }));
      const at = now();
      if (values.occurredAt > at + 60_000) throw new RepositoryError('occurredInFuture');
      if (values.planId === null) throw new RepositoryError('planNotPublished');
      const planId = values.planId;
      return db.transaction('rw', [...rwIncident, db.intakes, db.audit, db.drillRuns], async () => {
        const run = await db.drillRuns.get(runId);
        if (!run) throw new RepositoryError('notFound');
        if (!['draft', 'ready', 'running', 'paused'].includes(run.status)) {
          throw new RepositoryError('drill.runOver');
        }
        if (await drillIncidentOf(runId)) throw new RepositoryError('drill.incidentExists');
        const version = await db.plans.get([planId, input.planVersion]);
        if (!version) {
          throw new RepositoryError('incidentPlanMissing', { title: planId, version: input.planVersion });
        }
        const plan = { id: version.id, version: version.version, title: version.meta.title, startedAt: at };
        return create(values, plan, { runId, scenarioTitle: run.title }, actor, at);
      });
    },

    /** The 演练事件 a run opened, if any. */
    forDrillRun: (runId: string): Promise<Incident | undefined> => drillIncidentOf(runId),

    /** Attaches a plan to an ad-hoc incident; its chart starts now. */
    async attachPlan(incidentId: string, planId: string, actor: Actor): Promise<void> {
      await db.transaction('rw', [...rwIncident, db.audit], async () => {
        const incident = await requireIncident(incidentId);
        if (incident.plan) throw new RepositoryError('incidentHasPlan');
        const at = now();
        const plan = await publishedPlan(planId, at);
        await db.incidents.put({ ...incident, plan, ...stamp(at, actor, incident) });
        await appendLog(db, incident.id, [planLine(plan, actor)]);
      });
    },

    /**
     * Sends one event to the incident's chart as `actor`, stamped with the clock: the person and time are the
     * desk's, not the screen's. Refused (nothing stored) when the chart does not take it now, or — for a
     * level.approve — when the person has no role to sign or has not confirmed it with their PIN.
     */
    async send(incidentId: string, event: PlanEvent, actor: Actor): Promise<void> {
      await db.transaction('rw', [...rwIncident, ...actTables(db)], async () => {
        const incident = await requireIncident(incidentId);
        if (!incident.plan) throw new RepositoryError('incidentHasNoPlan');
        const machine = await machineOf(incident.plan);
        const events = await eventsOf(incidentId);
        const at = Math.max(now(), incident.plan.startedAt);
        const stamped = { ...event, at, ...('by' in event ? { by: actor } : {}) } as PlanEvent;
        const { before, after } = replayThen(machine, incident.plan.startedAt, events, stamped);
        if (!after) throw new RepositoryError('incidentEventRefused');
        // The plan names who may sign a level (the chart checked that); the desk's roles say who may sign at all.
        if (stamped.type === 'level.approve') await requireAct(db, 'level.approve', actor, now());
        await store(incident, events, stamped, before, after, actor);
      });
    },

    /**
     * Lets time act on the chart (elapsed-time triggers, proposals that lapse). Stored only when it changes
     * something, so an idle incident does not grow a tick a minute. Returns whether it was stored.
     */
    async tick(incidentId: string): Promise<boolean> {
      return db.transaction('rw', rwIncident, async () => {
        const incident = await db.incidents.get(incidentId);
        if (!incident?.plan || incident.status === 'closed') return false;
        const machine = await machineOf(incident.plan);
        const events = await eventsOf(incidentId);
        const tick: PlanEvent = { type: 'time.tick', at: Math.max(now(), incident.plan.startedAt) };
        const { before, after } = replayThen(machine, incident.plan.startedAt, events, tick);
        if (!after) return false;
        const changed =
          after.context.journal.length > before.context.journal.length ||
          JSON.stringify(after.value) !== JSON.stringify(before.value);
        if (!changed) return false;
        await store(incident, events, tick, before, after, null);
        return true;
      });
    },

    /** The chart as it stands, rebuilt from the stored events. */
    async snapshot(incidentId: string): Promise<PlanSnapshot | null> {
      const incident = await requireIncident(incidentId, false);
      if (!incident.plan) return null;
      return replay(await machineOf(incident.plan), incident.plan.startedAt, await eventsOf(incidentId));
    },

    // --- log -------------------------------------------------------------------------------------------

    /** Log lines `from`…`to` (sequence numbers, inclusive), oldest first. */
    logRange: (incidentId: string, from: number, to: number) => seqRange(incidentId, from, to).toArray(),
    logEntry: (id: string) => db.incidentLog.get(id),

    /** A line the operator writes, or a correction of an earlier line (which itself stays as it was). */
    async appendNote(
      incidentId: string,
      note: { text: string; corrects?: string | null; links?: LogLink[] },
      actor: Actor,
    ): Promise<LogEntry> {
      const text = note.text.trim();
      if (text === '') throw new RepositoryError('invalidInput', { field: 'text', message: 'required' });
      if (text.length > NOTE_MAX)
        throw new RepositoryError('invalidInput', { field: 'text', message: 'tooLong' });
      return db.transaction('rw', rwIncident, async () => {
        const incident = await requireIncident(incidentId, false);
        const corrects = note.corrects ?? null;
        if (corrects !== null) {
          const target = await db.incidentLog.get(corrects);
          if (target?.incidentId !== incidentId) throw new RepositoryError('notFound');
        }
        const [entry] = await appendLog(db, incident.id, [
          {
            at: now(),
            author: actor,
            category: corrects ? 'correction' : 'note',
            text,
            links: note.links ?? [],
            corrects,
          },
        ]);
        return entry as LogEntry;
      });
    },

    /**
     * Checks the whole chain page by page and says where it first breaks; also catches lines missing from
     * the end (the incident knows how many it wrote).
     */
    async verifyLog(
      incidentId: string,
      onProgress: (done: number, total: number) => void = () => {},
    ): Promise<ChainCheck> {
      const incident = await requireIncident(incidentId, false);
      const total = incident.logCount;
      let previous: LogEntry | null = null;
      let checked = 0;
      for (let from = 1; ; from += VERIFY_PAGE) {
        const page = await seqRange(incidentId, from, from + VERIFY_PAGE - 1).toArray();
        const check = verifyChain(page, previous);
        if (!check.ok) return check;
        checked += page.length;
        onProgress(checked, total);
        previous = page.at(-1) ?? previous;
        if (page.length < VERIFY_PAGE) break;
      }
      if (checked < total) return { ok: false, brokenAt: checked + 1, reason: 'sequence' };
      return { ok: true, count: checked };
    },

    // --- tasks -----------------------------------------------------------------------------------------

    async updateTask(incidentId: string, taskKey: string, update: TaskUpdate, actor: Actor): Promise<void> {
      const values = parseOrThrow(taskUpdateSchema.safeParse(update));
      await db.transaction('rw', rwIncident, async () => {
        const incident = await requireIncident(incidentId);
        const id = taskStateId(incidentId, taskKey);
        const existing = await db.incidentTasks.get(id);
        let text = existing?.adHoc?.text;
        if (!text && incident.plan) {
          const snapshot = replay(
            await machineOf(incident.plan),
            incident.plan.startedAt,
            await eventsOf(incidentId),
          );
          text = snapshot.context.tasks.find((t) => t.actionId === taskKey)?.text;
        }
        if (!text) throw new RepositoryError('notFound');
        const before = existing ?? { status: 'notStarted' as const, owner: '', notes: '' };
        const line = describeTaskChange(text, before, values);
        if (!line) return;
        const at = now();
        await db.incidentTasks.put({
          id,
          incidentId,
          taskKey,
          ...values,
          adHoc: existing?.adHoc ?? null,
          ...(existing?.stage ? { stage: existing.stage } : {}),
          updatedAt: at,
          updatedBy: actor,
        });
        await appendLog(db, incident.id, [
          {
            at,
            author: actor,
            category: 'task',
            text: line,
            links: [{ kind: 'task', id: taskKey }],
            corrects: null,
          },
        ]);
      });
    },

    async addTask(incidentId: string, input: AdHocTaskInput, actor: Actor): Promise<string> {
      const values = parseOrThrow(adHocTaskSchema.safeParse(input));
      return db.transaction('rw', rwIncident, async () => {
        const incident = await requireIncident(incidentId);
        const at = now();
        const taskKey = `adhoc-${crypto.randomUUID()}`;
        await db.incidentTasks.add({
          id: taskStateId(incidentId, taskKey),
          incidentId,
          taskKey,
          status: 'notStarted',
          owner: values.owner,
          notes: '',
          adHoc: { text: values.text, dueAt: values.dueAt, issuedAt: at },
          stage: values.stage,
          updatedAt: at,
          updatedBy: actor,
        });
        const owner = values.owner ? `，负责人：${values.owner}` : '';
        const kind = values.stage === 'aftermath' ? '善后任务' : '任务';
        await appendLog(db, incident.id, [
          {
            at,
            author: actor,
            category: 'task',
            text: `新增${kind}「${values.text}」，时限${formatLocalTime(values.dueAt)}${owner}`,
            links: [{ kind: 'task', id: taskKey }],
            corrects: null,
          },
        ]);
        return taskKey;
      });
    },
  };
  return repository;
}

export type IncidentRepository = ReturnType<typeof createIncidentRepository>;
