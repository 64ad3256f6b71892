/**
 * 预案修订建议: suggestions a run's report makes against the clauses of the plans it tested. Each write is one
 * transaction with its audit row; the steps (edit, send, decide) are asked of the shared rules, so a stale
 * screen can never edit a sent suggestion or decide one twice. Refusals carry `planRevision.*` codes.
 */
import {
  changedFields,
  decisionSchema,
  newDrafts,
  revisionDraftSchema,
  revisionInputSchema,
  whyNot,
  type DecisionInput,
  type PlanRevision,
  type RevisionDraft,
  type RevisionInput,
} from '@shared/domain/drill/plan-revision';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';
import { stamp } from './write-helpers';

type Clock = () => number;

/** `obs:3` before `obs:12`: a report's findings in the journal's order. */
const byFinding = (a: PlanRevision, b: PlanRevision) =>
  a.sourceKey.localeCompare(b.sourceKey, 'en', { numeric: true });

const ENTITY = 'planRevision';

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };

/** A refusal in the reader's words: the schema's message is the field's own code (`clauseRequired`). */
function parsed<T>(result: Parsed<T>): T {
  if (result.success) return result.data;
  throw new RepositoryError(`planRevision.${result.error.issues[0]?.message ?? 'invalid'}`);
}

export function createPlanRevisionRepository(db: EmergencyDeskDatabase, now: Clock = Date.now) {
  const tables = [db.planRevisions, db.plans, db.audit];

  /** A suggestion names a plan version this desk has: one the next version can be drafted from. */
  async function requirePlan(planId: string, planVersion: number): Promise<void> {
    if (!(await db.plans.get([planId, planVersion]))) throw new RepositoryError('planRevision.planMissing');
  }

  async function requireRevision(id: string): Promise<PlanRevision> {
    const revision = await db.planRevisions.get(id);
    if (!revision) throw new RepositoryError('notFound');
    return revision;
  }

  function refuseUnless(revision: PlanRevision, step: 'edit' | 'send' | 'decide') {
    const why = whyNot(revision, step);
    if (why) throw new RepositoryError(`planRevision.${why}`);
  }

  function fromDraft(draft: RevisionDraft, at: number, actor: Actor): PlanRevision {
    const values = parsed(revisionDraftSchema.safeParse(draft));
    return {
      ...values,
      id: crypto.randomUUID(),
      status: 'proposed',
      sentAt: null,
      sentBy: null,
      decidedAt: null,
      decidedBy: null,
      decisionNote: '',
      history: [{ at, by: actor, action: 'create', detail: '' }],
      ...stamp(at, actor),
    };
  }

  const summary = (r: PlanRevision) => `${r.clause}：${r.suggestedChange || r.evidence}`.slice(0, 200);

  return {
    /** A run's suggestions, oldest first, and those made together in the order the report found them. */
    listByRun: async (runId: string) =>
      (await db.planRevisions.where('runId').equals(runId).toArray()).sort(
        (a, b) => a.createdAt - b.createdAt || byFinding(a, b),
      ),
    /** Every suggestion against a plan, any version, newest first. */
    listByPlan: async (planId: string) =>
      (await db.planRevisions.where('planId').equals(planId).toArray()).sort(
        (a, b) => b.createdAt - a.createdAt,
      ),
    get: (id: string) => db.planRevisions.get(id),

    /**
     * 生成修订建议: one proposed suggestion per draft whose finding has none yet; all or nothing. Returns how
     * many were made (0 when the report had nothing new).
     */
    async createMany(drafts: readonly RevisionDraft[], actor: Actor): Promise<number> {
      return db.transaction('rw', tables, async () => {
        const at = now();
        const runIds = [...new Set(drafts.map((d) => d.runId))];
        const existing = (
          await Promise.all(runIds.map((runId) => db.planRevisions.where('runId').equals(runId).toArray()))
        ).flat();
        const rows = newDrafts(
          drafts.map((d) => ({ ...d, sourceKey: d.sourceKey ?? '' })),
          existing,
        ).map((d) => fromDraft(d, at, actor));
        for (const r of rows) await requirePlan(r.planId, r.planVersion);
        // Two of the same finding in one call count once.
        const unique = rows.filter(
          (r, i) => r.sourceKey === '' || rows.findIndex((o) => o.sourceKey === r.sourceKey) === i,
        );
        await db.planRevisions.bulkAdd(unique);
        await db.audit.bulkAdd(unique.map((r) => auditEntry(at, actor, 'create', ENTITY, r.id, summary(r))));
        return unique.length;
      });
    },

    /** Edits a proposed suggestion; the history names the fields changed. */
    async update(id: string, input: RevisionInput, actor: Actor): Promise<void> {
      const values = parsed(revisionInputSchema.safeParse(input));
      await db.transaction('rw', tables, async () => {
        const revision = await requireRevision(id);
        refuseUnless(revision, 'edit');
        await requirePlan(values.planId, values.planVersion);
        const changed = changedFields(revision, values);
        if (changed.length === 0) return;
        const at = now();
        const next: PlanRevision = {
          ...revision,
          ...values,
          history: [...revision.history, { at, by: actor, action: 'update', detail: changed.join(',') }],
          ...stamp(at, actor, revision),
        };
        await db.planRevisions.put(next);
        await db.audit.add(auditEntry(at, actor, 'update', ENTITY, id, summary(next)));
      });
    },

    /** 提交: the suggestion goes to the plan (its next version takes it up); refused without a suggested change. */
    async send(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const revision = await requireRevision(id);
        refuseUnless(revision, 'send');
        const at = now();
        const next: PlanRevision = {
          ...revision,
          status: 'sent',
          sentAt: at,
          sentBy: actor,
          history: [...revision.history, { at, by: actor, action: 'send', detail: '' }],
          ...stamp(at, actor, revision),
        };
        await db.planRevisions.put(next);
        await db.audit.add(auditEntry(at, actor, 'send', ENTITY, id, summary(next)));
      });
    },

    /** 采纳 / 不采纳 by whoever drafts the plan's next version; a rejection must say why. */
    async decide(id: string, decision: DecisionInput, actor: Actor): Promise<void> {
      const values = parsed(decisionSchema.safeParse(decision));
      await db.transaction('rw', tables, async () => {
        const revision = await requireRevision(id);
        refuseUnless(revision, 'decide');
        const at = now();
        const action = values.status === 'adopted' ? 'adopt' : 'reject';
        const next: PlanRevision = {
          ...revision,
          status: values.status,
          decidedAt: at,
          decidedBy: actor,
          decisionNote: values.note,
          history: [...revision.history, { at, by: actor, action, detail: values.note }],
          ...stamp(at, actor, revision),
        };
        await db.planRevisions.put(next);
        await db.audit.add(auditEntry(at, actor, action, ENTITY, id, summary(next)));
      });
    },

    /** Withdraws a suggestion not yet sent (a duplicate, a mistake); the audit keeps what it said. */
    async remove(id: string, actor: Actor): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const revision = await requireRevision(id);
        refuseUnless(revision, 'edit');
        await db.planRevisions.delete(id);
        await db.audit.add(auditEntry(now(), actor, 'delete', ENTITY, id, summary(revision)));
      });
    },
  };
}

export type PlanRevisionRepository = ReturnType<typeof createPlanRevisionRepository>;
