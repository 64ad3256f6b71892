/**
 * 预案修订建议: a plan clause a drill found wanting — which clause, the evidence (the evaluators' problem
 * observation), and the change suggested — sent to the plan so its next version can take it up (应急条例 Art. 6:
 * a plan must be revised when a drill reveals a major problem).
 *
 *   proposed (建议, written from the report and editable) → sent (已提交 to the plan) → adopted (已采纳) | rejected (未采纳)
 *
 * Invariants: only a proposed suggestion is edited; it is sent only with its suggested change written; only a
 * sent one is decided, and a rejection says why. One suggestion per finding of a run (`sourceKey`), so
 * generating again from the same report adds only what is new. Every step appends to its history.
 */
import { z } from '../../validation/z';
import type { Actor, Authored } from '../org/types';
import { PLAN_CLAUSE_MAX } from './evaluation';

export const REVISION_STATUSES = ['proposed', 'sent', 'adopted', 'rejected'] as const;
export type RevisionStatus = (typeof REVISION_STATUSES)[number];

export const EVIDENCE_MAX = 2000;
export const CHANGE_MAX = 2000;

const required = (field: string, max: number) =>
  z
    .string({ error: `${field}Required` })
    .trim()
    .min(1, { error: `${field}Required` })
    .max(max, { error: `${field}TooLong` });

/** What a person writes (or the report pre-fills) for one suggestion. */
export const revisionInputSchema = z.object({
  planId: z.string({ error: 'planRequired' }).trim().min(1, { error: 'planRequired' }),
  planVersion: z
    .number({ error: 'planRequired' })
    .int({ error: 'planRequired' })
    .positive({ error: 'planRequired' }),
  clause: required('clause', PLAN_CLAUSE_MAX),
  evidence: required('evidence', EVIDENCE_MAX),
  /** May stay empty while proposed; required to send. */
  suggestedChange: z.string().trim().max(CHANGE_MAX, { error: 'changeTooLong' }).default(''),
});
export type RevisionInput = z.input<typeof revisionInputSchema>;
export type RevisionValues = z.output<typeof revisionInputSchema>;

/** A new suggestion: the run and the finding it comes from. */
export const revisionDraftSchema = revisionInputSchema.extend({
  runId: z.string({ error: 'runRequired' }).min(1, { error: 'runRequired' }),
  scenarioTitle: z.string().trim().max(100).default(''),
  /** The finding's key in the run's report (`obs:12`); '' for one written by hand. */
  sourceKey: z.string().max(100).default(''),
  capability: z.string().trim().max(60).default(''),
  injectNo: z.string().trim().max(10).default(''),
});
export type RevisionDraft = z.input<typeof revisionDraftSchema>;

export const decisionSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('adopted'),
    note: z.string().trim().max(500, { error: 'noteTooLong' }).default(''),
  }),
  z.object({
    status: z.literal('rejected'),
    note: required('note', 500),
  }),
]);
export type DecisionInput = z.input<typeof decisionSchema>;

export interface RevisionHistoryEntry {
  at: number;
  by: Actor;
  action: 'create' | 'update' | 'send' | 'adopt' | 'reject';
  /** The fields an update changed; the decision's note. */
  detail: string;
}

export interface PlanRevision extends Authored, RevisionValues {
  id: string;
  runId: string;
  scenarioTitle: string;
  sourceKey: string;
  capability: string;
  injectNo: string;
  status: RevisionStatus;
  sentAt: number | null;
  sentBy: Actor | null;
  decidedAt: number | null;
  decidedBy: Actor | null;
  decisionNote: string;
  history: RevisionHistoryEntry[];
}

/** Why a step is refused for this suggestion now (an error code), or null when it may be taken. */
export function whyNot(
  revision: Pick<PlanRevision, 'status' | 'suggestedChange'>,
  step: 'edit' | 'send' | 'decide',
): string | null {
  switch (step) {
    case 'edit':
      return revision.status === 'proposed' ? null : 'notProposed';
    case 'send':
      if (revision.status !== 'proposed') return 'notProposed';
      return revision.suggestedChange.trim() === '' ? 'changeRequired' : null;
    case 'decide':
      return revision.status === 'sent' ? null : 'notSent';
  }
}

/** The fields an edit changed, for the history. */
export function changedFields(before: RevisionValues, after: RevisionValues): (keyof RevisionValues)[] {
  return (Object.keys(after) as (keyof RevisionValues)[]).filter((k) => before[k] !== after[k]);
}

/** What a plan's next version is to take up: sent and not yet decided first, then decided, newest first. */
export function forPlanOrder(revisions: readonly PlanRevision[]): PlanRevision[] {
  const rank = (r: PlanRevision) => (r.status === 'sent' ? 0 : 1);
  return revisions
    .filter((r) => r.status !== 'proposed')
    .sort((a, b) => rank(a) - rank(b) || (b.sentAt ?? 0) - (a.sentAt ?? 0));
}

/** Drafts for the candidates not yet made into a suggestion (by `sourceKey`). */
export function newDrafts<T extends { sourceKey: string }>(
  candidates: readonly T[],
  existing: readonly Pick<PlanRevision, 'sourceKey'>[],
): T[] {
  const made = new Set(existing.map((r) => r.sourceKey).filter((k) => k !== ''));
  return candidates.filter((c) => c.sourceKey === '' || !made.has(c.sourceKey));
}
