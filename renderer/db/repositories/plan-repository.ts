/**
 * Emergency plans and their versions, and trainers' simulations of them. A published version is frozen:
 * saving it writes the next version as a draft, so an incident or drill that ran version 3 can always
 * reopen version 3. Publishing requires a plan that compiles; drafts may be incomplete.
 */
import { checkPlan, checkPlanInput, formatPlanIssue, type PlanIssue } from '@shared/domain/plan/check-plan';
import type { PlanEvent } from '@shared/domain/plan/plan-events';
import {
  PLAN_FILE_FORMAT,
  PLAN_FILE_VERSION,
  planFileSchema,
  planSchema,
  type Plan,
} from '@shared/domain/plan/plan-schema';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import type { PlanRecord, PlanSimulationRecord } from '../records';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';
import { stamp as authorStamp } from './write-helpers';

type Clock = () => number;

const describe = (issues: readonly PlanIssue[]) => issues.map((issue) => formatPlanIssue(issue)).join('；');

/** The version a person works with: the newest one of each plan. */
function latestVersions(rows: PlanRecord[]): PlanRecord[] {
  const latest = new Map<string, PlanRecord>();
  for (const row of rows) {
    const seen = latest.get(row.id);
    if (!seen || row.version > seen.version) latest.set(row.id, row);
  }
  return [...latest.values()].sort((a, b) => a.meta.title.localeCompare(b.meta.title, 'zh-CN'));
}

export function createPlanRepository(db: EmergencyDeskDatabase, now: Clock = Date.now) {
  const stamp = (actor: Actor, existing?: PlanRecord) => authorStamp(now(), actor, existing);

  const repository = {
    listLatest: async () => latestVersions(await db.plans.toArray()),
    listVersions: (id: string) => db.plans.where('id').equals(id).sortBy('version'),
    get: (id: string, version: number) => db.plans.get([id, version]),

    /**
     * Saves what the editor holds. Drafts are overwritten in place; a published version stays as it was
     * and the change becomes the next version, as a draft. Returns the version written.
     */
    async save(input: unknown, actor: Actor): Promise<number> {
      const parsed = planSchema.safeParse(input);
      if (!parsed.success) {
        const check = checkPlanInput(input);
        const issues = check.ok ? [] : check.issues;
        throw new RepositoryError('planInvalid', { detail: describe(issues) }, issues);
      }
      const plan = parsed.data;
      return db.transaction('rw', db.plans, db.audit, async () => {
        const versions = await db.plans.where('id').equals(plan.id).sortBy('version');
        const latest = versions.at(-1);
        const editsDraft = latest?.status === 'draft' && latest.version === plan.version;
        const version =
          editsDraft || !latest ? Math.max(plan.version, latest?.version ?? 0) : latest.version + 1;
        const record: PlanRecord = {
          ...plan,
          version,
          status: 'draft',
          ...stamp(actor, editsDraft ? latest : undefined),
        };
        await db.plans.put(record);
        await db.audit.add(
          auditEntry(
            now(),
            actor,
            editsDraft ? 'update' : 'create',
            'plan',
            `${plan.id}@${version}`,
            plan.meta.title,
          ),
        );
        return version;
      });
    },

    /** Publishes a draft that compiles; the version it supersedes is retired (kept, read-only). */
    async publish(id: string, version: number, actor: Actor): Promise<void> {
      await db.transaction('rw', db.plans, db.audit, async () => {
        const record = await db.plans.get([id, version]);
        if (!record) throw new RepositoryError('notFound');
        const issues = checkPlan(record);
        if (issues.length > 0)
          throw new RepositoryError('planDoesNotCompile', { detail: describe(issues) }, issues);
        const published = await db.plans
          .where('id')
          .equals(id)
          .filter((p) => p.status === 'published')
          .toArray();
        for (const old of published) await db.plans.put({ ...old, status: 'retired', ...stamp(actor, old) });
        await db.plans.put({ ...record, status: 'published', ...stamp(actor, record) });
        await db.audit.add(
          auditEntry(now(), actor, 'publish', 'plan', `${id}@${version}`, record.meta.title),
        );
      });
    },

    /** A plan file (schema-versioned JSON) of one version, without who-wrote-it fields of this machine. */
    exportFile(record: PlanRecord): string {
      const plan: Plan = planSchema.parse(record);
      return `${JSON.stringify({ format: PLAN_FILE_FORMAT, formatVersion: PLAN_FILE_VERSION, exportedAt: now(), plan }, null, 2)}\n`;
    },

    /**
     * Reads a plan file and stores it as a draft (the next version when the plan already exists here).
     * Refuses, naming the level, trigger and field, anything that would not compile; writes nothing then.
     */
    async importFile(text: string, actor: Actor): Promise<{ id: string; version: number; title: string }> {
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
      } catch {
        throw new RepositoryError('planFileNotJson');
      }
      const format = (json as { format?: unknown } | null)?.format;
      if (format !== PLAN_FILE_FORMAT) throw new RepositoryError('planFileNotOurs');
      const planInput = (json as { plan?: unknown }).plan;
      const checked = checkPlanInput(planInput);
      if (!checked.ok)
        throw new RepositoryError('planInvalid', { detail: describe(checked.issues) }, checked.issues);
      const file = planFileSchema.safeParse(json);
      if (!file.success) throw new RepositoryError('planFileNotOurs');
      const version = await repository.save({ ...checked.plan, status: 'draft' }, actor);
      return { id: checked.plan.id, version, title: checked.plan.meta.title };
    },

    // --- simulations -------------------------------------------------------------------------------------
    listSimulations: (planId: string, planVersion: number) =>
      db.planSimulations
        .where('[planId+planVersion]')
        .equals([planId, planVersion])
        .reverse()
        .sortBy('updatedAt'),
    getSimulation: (id: string) => db.planSimulations.get(id),

    async createSimulation(
      planId: string,
      planVersion: number,
      name: string,
      startedAt: number,
      actor: Actor,
    ): Promise<string> {
      const id = crypto.randomUUID();
      const at = now();
      const record: PlanSimulationRecord = {
        id,
        planId,
        planVersion,
        name,
        startedAt,
        events: [],
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
        updatedBy: actor,
      };
      await db.planSimulations.add(record);
      return id;
    },

    /** Appends one event in its own transaction: a simulation never loses a step it showed. */
    async appendSimulationEvent(id: string, event: PlanEvent, actor: Actor): Promise<void> {
      await db.transaction('rw', db.planSimulations, async () => {
        const sim = await db.planSimulations.get(id);
        if (!sim) throw new RepositoryError('notFound');
        await db.planSimulations.put({
          ...sim,
          events: [...sim.events, event],
          updatedAt: now(),
          updatedBy: actor,
        });
      });
    },

    async deleteSimulation(id: string): Promise<void> {
      await db.planSimulations.delete(id);
    },
  };
  return repository;
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
