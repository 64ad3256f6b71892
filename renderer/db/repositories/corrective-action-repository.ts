/**
 * 整改台账: the corrective actions drills found. The rules (evidence to close, closed is read-only, history
 * appended at every change) are the domain's; this module reads the row, applies the rule and writes the row
 * with its audit entry in one transaction, so two windows can never both close or edit the same action.
 * Plan ids, the scenario and its title come from the run's frozen scenario, never from the caller.
 */
import {
  closeAction,
  editAction,
  EVIDENCE_MIN_LENGTH,
  isOpen,
  ledgerOrder,
  newAction,
  openActionsForPlans,
  overdueActions,
  reopenAction,
  startAction,
  type ActionDraft,
  type ActionInput,
  type ActionResult,
  type CorrectiveAction,
  type EvidenceInput,
} from '@shared/domain/drill/corrective-action';
import type { Actor } from '@shared/domain/org/types';
import type { EmergencyDeskDatabase } from '../database';
import { auditEntry } from './audit-trail';
import { RepositoryError } from './repository-error';

type Clock = () => number;

const ENTITY = 'correctiveAction';
const OPEN_STATUSES: CorrectiveAction['status'][] = ['open', 'inProgress'];

function accepted(result: ActionResult): CorrectiveAction {
  // `min` fills in the evidence rule's message; the other messages take no parameter.
  if (!result.ok) throw new RepositoryError(`correctiveAction.${result.code}`, { min: EVIDENCE_MIN_LENGTH });
  return result.action;
}

/** The audit trail's one line: what the action is about. */
const summaryOf = (action: CorrectiveAction) =>
  action.issue.length > 40 ? `${action.issue.slice(0, 40)}…` : action.issue;

export function createCorrectiveActionRepository(db: EmergencyDeskDatabase, now: Clock = Date.now) {
  /** Reads the action, applies `change` at the desk's time, and writes it with its audit entry. */
  async function change(
    id: string,
    action: string,
    actor: Actor,
    apply: (current: CorrectiveAction, at: number) => ActionResult,
  ): Promise<void> {
    await db.transaction('rw', [db.correctiveActions, db.audit], async () => {
      const current = await db.correctiveActions.get(id);
      if (!current) throw new RepositoryError('notFound');
      const at = now();
      const next = accepted(apply(current, at));
      await db.correctiveActions.put(next);
      await db.audit.add(auditEntry(at, actor, action, ENTITY, id, summaryOf(next)));
    });
  }

  const openOnes = () => db.correctiveActions.where('status').anyOf(OPEN_STATUSES).toArray();

  return {
    get: (id: string) => db.correctiveActions.get(id),
    /** Every action in the ledger's order: open ones by deadline, then the closed ones. */
    listAll: async () => ledgerOrder(await db.correctiveActions.toArray()),
    listByRun: async (runId: string) =>
      ledgerOrder(await db.correctiveActions.where('runId').equals(runId).toArray()),
    /** The open ones (待整改, 整改中), soonest deadline first. */
    listOpen: async () => ledgerOrder(await openOnes()),
    /** Open and past their deadline day at `at`, longest overdue first. */
    overdue: async (at: number) => overdueActions(await openOnes(), at),
    /**
     * Open ones from drills of these plans, or of this scenario: what the next drill of a plan must know.
     * Read through the plan index, then (for a scenario that names no plan) the open ones of the scenario.
     */
    async openForPlans(planIds: readonly string[], scenarioId?: string): Promise<CorrectiveAction[]> {
      const byPlan = planIds.length
        ? await db.correctiveActions
            .where('planIds')
            .anyOf([...planIds])
            .distinct()
            .toArray()
        : [];
      const byScenario = scenarioId
        ? (await openOnes()).filter((a) => a.source.scenarioId === scenarioId)
        : [];
      const unique = new Map([...byPlan, ...byScenario].filter(isOpen).map((a) => [a.id, a]));
      return openActionsForPlans([...unique.values()], planIds, scenarioId);
    },

    /** A new 待整改 action from a finding of the run; returns its id. */
    async create(draft: ActionDraft, actor: Actor): Promise<string> {
      return db.transaction('rw', [db.drillRunScenarios, db.correctiveActions, db.audit], async () => {
        const frozen = draft.runId ? await db.drillRunScenarios.get(draft.runId) : undefined;
        if (draft.runId && !frozen) throw new RepositoryError('notFound');
        const at = now();
        const action = accepted(
          newAction(draft, {
            id: crypto.randomUUID(),
            at,
            by: actor,
            scenarioId: frozen?.scenario.id ?? '',
            scenarioTitle: frozen?.scenario.title ?? '',
            planIds: frozen?.scenario.plans.map((p) => p.id) ?? [],
          }),
        );
        await db.correctiveActions.add(action);
        await db.audit.add(auditEntry(at, actor, 'create', ENTITY, action.id, summaryOf(action)));
        return action.id;
      });
    },

    /** Rewrites the fields; the history records what changed. Refused once closed. */
    update: (id: string, input: ActionInput, actor: Actor) =>
      change(id, 'update', actor, (current, at) => editAction(current, input, at, actor)),
    /** 开始整改: 待整改 → 整改中. */
    start: (id: string, actor: Actor) =>
      change(id, 'start', actor, (current, at) => startAction(current, at, actor)),
    /** 完成整改: refused without evidence (RepositoryError `correctiveAction.evidenceRequired` …). */
    close: (id: string, evidence: EvidenceInput, actor: Actor) =>
      change(id, 'close', actor, (current, at) => closeAction(current, evidence, at, actor)),
    /** 重新整改: a closed action back to 整改中, with the reason. */
    reopen: (id: string, reason: string, actor: Actor) =>
      change(id, 'reopen', actor, (current, at) => reopenAction(current, reason, at, actor)),
  };
}

export type CorrectiveActionRepository = ReturnType<typeof createCorrectiveActionRepository>;
