/**
 * 整改台账 (以评促改): a problem a drill found, tracked to closure — 存在问题, 整改措施, 责任单位 and 责任人,
 * 整改期限, 整改佐证, and its status 待整改 → 整改中 → 已完成. Invariants: an action is closed only with written
 * evidence; a closed action is read-only until it is reopened with a reason; every change appends to its
 * history (who, when, what changed), which is never rewritten. The deadline is a local calendar day, kept as
 * the epoch ms of that day's end, so "overdue" is one comparison with the clock and the index sorts by it.
 */
import { z } from '../../validation/z';
import type { Actor, Authored } from '../org/types';
import { addDays, localDate } from '../plan/plan-schedule';

/** 待整改, 整改中, 已完成 (closed, with evidence). */
export const ACTION_STATUSES = ['open', 'inProgress', 'closed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** 整改佐证 must say what was done and on what record, not just "已整改". */
export const EVIDENCE_MIN_LENGTH = 10;

/** The fields a person writes; the history names them when they change. */
export const EDITABLE_FIELDS = [
  'issue',
  'measure',
  'responsibleUnit',
  'responsiblePerson',
  'deadline',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A required text whose refusals name the field: `issueRequired`, `issueTooLong`. */
const required = (field: string, max: number) =>
  z
    .string({ error: `${field}Required` })
    .trim()
    .min(1, { error: `${field}Required` })
    .max(max, { error: `${field}TooLong` });
const optional = (max: number) => z.string().trim().max(max, { error: 'sourceTooLong' }).default('');

/** zod runs every check even after one failed: the pattern is tested again before reading the parts. */
const isCalendarDate = (date: string) => DATE.test(date) && addDays(date, 0) === date;

export const actionInputSchema = z.object({
  issue: required('issue', 500),
  measure: required('measure', 1000),
  responsibleUnit: required('responsibleUnit', 100),
  responsiblePerson: required('responsiblePerson', 30),
  /** 整改期限, a local calendar day 'YYYY-MM-DD'. */
  deadlineDate: z
    .string({ error: 'deadlineRequired' })
    .trim()
    .min(1, { error: 'deadlineRequired' })
    .regex(DATE, { error: 'deadlineInvalid' })
    .refine(isCalendarDate, { error: 'deadlineInvalid' }),
});
export type ActionInput = z.input<typeof actionInputSchema>;
export type ActionValues = z.output<typeof actionInputSchema>;

/** Where the problem was found, beyond the run: the capability, inject, observation and plan clause. */
export const findingSchema = z.object({
  capability: optional(60),
  injectId: optional(100),
  injectNo: optional(10),
  observation: optional(2000),
  planClause: optional(100),
});
export type FindingInput = z.input<typeof findingSchema>;

/** A new action: the run whose evaluation found the problem, and what the finding says. */
export const actionDraftSchema = actionInputSchema.extend({
  runId: z.string({ error: 'runRequired' }).min(1, { error: 'runRequired' }),
  finding: findingSchema.prefault({}),
});
export type ActionDraft = z.input<typeof actionDraftSchema>;

export const evidenceInputSchema = z.object({
  text: z
    .string({ error: 'evidenceRequired' })
    .trim()
    .min(1, { error: 'evidenceRequired' })
    .min(EVIDENCE_MIN_LENGTH, { error: 'evidenceTooShort' })
    .max(2000, { error: 'evidenceTooLong' }),
  /** Names of the supporting files (文件、记录、照片) as filed in the office; the files stay where they are. */
  files: z
    .array(z.string().trim().min(1, { error: 'fileNameRequired' }).max(200, { error: 'fileNameTooLong' }))
    .max(20, { error: 'tooManyFiles' })
    .default([]),
});
export type EvidenceInput = z.input<typeof evidenceInputSchema>;
export type ClosureEvidence = z.output<typeof evidenceInputSchema>;

export const reopenReasonSchema = z
  .string({ error: 'reopenReasonRequired' })
  .trim()
  .min(1, { error: 'reopenReasonRequired' })
  .max(500, { error: 'reopenReasonTooLong' });

export interface ActionSource extends z.output<typeof findingSchema> {
  scenarioId: string;
  /** The scenario's title as the run froze it. */
  scenarioTitle: string;
}

export type HistoryKind = 'create' | 'update' | 'start' | 'close' | 'reopen';

/** One field's change; a deadline reads as its calendar day. */
export interface FieldChange {
  field: EditableField;
  from: string;
  to: string;
}

export interface HistoryEntry {
  at: number;
  by: Actor;
  kind: HistoryKind;
  changes: FieldChange[];
  /** The reason of a reopening. */
  note: string;
  /** The evidence a closing gave: kept here when a reopening clears it from the action. */
  evidence?: ClosureEvidence;
}

export interface CorrectiveAction extends Authored {
  id: string;
  runId: string;
  /** The plans the drill tested (`${planId}`), so the next drill of a plan shows what is still open. */
  planIds: string[];
  status: ActionStatus;
  /** Epoch ms of the end of the local day the measure is due (整改期限). */
  deadline: number;
  issue: string;
  measure: string;
  responsibleUnit: string;
  responsiblePerson: string;
  source: ActionSource;
  evidence: ClosureEvidence | null;
  closedAt: number | null;
  closedBy: Actor | null;
  /** Oldest first; appended to, never rewritten. */
  history: HistoryEntry[];
}

/**
 * Why a write is refused: a key the renderer translates (`errors.correctiveAction.<code>`) — a state rule
 * (closedReadOnly, alreadyStarted, alreadyClosed, notClosed, deadlinePast, noChange) or a field's message.
 */
export type ActionRefusal = string;

export type ActionResult = { ok: true; action: CorrectiveAction } | { ok: false; code: ActionRefusal };

const firstIssue = (error: z.ZodError): ActionRefusal => error.issues[0]?.message ?? 'invalid';

// --- dates ---------------------------------------------------------------------------------------------------

/** The last millisecond of a local calendar day. */
export function endOfLocalDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).getTime() - 1;
}

/** 整改期限 as the calendar day it was written. */
export const deadlineDateOf = (action: Pick<CorrectiveAction, 'deadline'>): string =>
  localDate(action.deadline);

// --- reading -------------------------------------------------------------------------------------------------

export const isOpen = (action: Pick<CorrectiveAction, 'status'>): boolean => action.status !== 'closed';

/** Open and past the end of its deadline day. */
export function isOverdue(action: Pick<CorrectiveAction, 'status' | 'deadline'>, now: number): boolean {
  return isOpen(action) && now > action.deadline;
}

/** Whole calendar days since the deadline day (1 on the day after it); 0 when not overdue. */
export function daysOverdue(action: Pick<CorrectiveAction, 'status' | 'deadline'>, now: number): number {
  if (!isOverdue(action, now)) return 0;
  const from = Date.parse(`${localDate(action.deadline)}T00:00:00Z`);
  const to = Date.parse(`${localDate(now)}T00:00:00Z`);
  return Math.max(1, Math.round((to - from) / 86_400_000));
}

const byDeadline = (a: CorrectiveAction, b: CorrectiveAction) =>
  a.deadline - b.deadline || a.createdAt - b.createdAt;

/** The overdue ones, the longest overdue first. */
export function overdueActions(actions: readonly CorrectiveAction[], now: number): CorrectiveAction[] {
  return actions.filter((a) => isOverdue(a, now)).sort(byDeadline);
}

/**
 * What is still open from earlier drills of the same plans (or, for a scenario that names no plan, of the
 * same scenario): shown when the next drill is prepared. Soonest deadline first.
 */
export function openActionsForPlans(
  actions: readonly CorrectiveAction[],
  planIds: readonly string[],
  scenarioId?: string,
): CorrectiveAction[] {
  const plans = new Set(planIds);
  return actions
    .filter(
      (a) =>
        isOpen(a) &&
        (a.planIds.some((id) => plans.has(id)) ||
          (scenarioId !== undefined && a.source.scenarioId === scenarioId)),
    )
    .sort(byDeadline);
}

/** The ledger's order: open ones by deadline (overdue first), then the closed ones, last closed first. */
export function ledgerOrder(actions: readonly CorrectiveAction[]): CorrectiveAction[] {
  const open = actions.filter(isOpen).sort(byDeadline);
  const closed = actions.filter((a) => !isOpen(a)).sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return [...open, ...closed];
}

// --- writing -------------------------------------------------------------------------------------------------

type Transition = 'update' | 'start' | 'close' | 'reopen';

/** Why `transition` is not possible now, or null when it is. */
export function refusalOf(
  action: Pick<CorrectiveAction, 'status'>,
  transition: Transition,
): ActionRefusal | null {
  switch (transition) {
    case 'update':
      return action.status === 'closed' ? 'closedReadOnly' : null;
    case 'start':
      if (action.status === 'closed') return 'closedReadOnly';
      return action.status === 'inProgress' ? 'alreadyStarted' : null;
    case 'close':
      return action.status === 'closed' ? 'alreadyClosed' : null;
    case 'reopen':
      return action.status === 'closed' ? null : 'notClosed';
  }
}

export const can = (action: Pick<CorrectiveAction, 'status'>, transition: Transition): boolean =>
  refusalOf(action, transition) === null;

export interface NewActionContext {
  id: string;
  at: number;
  by: Actor;
  /** From the run's frozen scenario: which plans it tested, and what it was called. */
  scenarioId: string;
  scenarioTitle: string;
  planIds: readonly string[];
}

/** A new 待整改 action from a finding; refused when the draft is incomplete or its deadline has passed. */
export function newAction(draft: ActionDraft, ctx: NewActionContext): ActionResult {
  const parsed = actionDraftSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, code: firstIssue(parsed.error) };
  const { runId, finding, deadlineDate, ...values } = parsed.data;
  if (deadlineDate < localDate(ctx.at)) return { ok: false, code: 'deadlinePast' };
  return {
    ok: true,
    action: {
      id: ctx.id,
      runId,
      planIds: [...new Set(ctx.planIds)],
      status: 'open',
      deadline: endOfLocalDay(deadlineDate),
      ...values,
      source: { ...finding, scenarioId: ctx.scenarioId, scenarioTitle: ctx.scenarioTitle },
      evidence: null,
      closedAt: null,
      closedBy: null,
      history: [{ at: ctx.at, by: ctx.by, kind: 'create', changes: [], note: '' }],
      createdAt: ctx.at,
      createdBy: ctx.by,
      updatedAt: ctx.at,
      updatedBy: ctx.by,
    },
  };
}

/** The fields as the history compares them. */
function fieldsOf(action: CorrectiveAction): Record<EditableField, string> {
  return {
    issue: action.issue,
    measure: action.measure,
    responsibleUnit: action.responsibleUnit,
    responsiblePerson: action.responsiblePerson,
    deadline: deadlineDateOf(action),
  };
}

/**
 * The action with its fields rewritten, and the history saying which changed from what to what. Refused when
 * closed, when nothing changed, or when a changed deadline lies before today.
 */
export function editAction(
  action: CorrectiveAction,
  input: ActionInput,
  at: number,
  by: Actor,
): ActionResult {
  const refused = refusalOf(action, 'update');
  if (refused) return { ok: false, code: refused };
  const parsed = actionInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: firstIssue(parsed.error) };
  const { deadlineDate, ...values } = parsed.data;
  const before = fieldsOf(action);
  const after: Record<EditableField, string> = { ...values, deadline: deadlineDate };
  const changes = EDITABLE_FIELDS.filter((f) => before[f] !== after[f]).map((field) => ({
    field,
    from: before[field],
    to: after[field],
  }));
  if (changes.length === 0) return { ok: false, code: 'noChange' };
  if (before.deadline !== deadlineDate && deadlineDate < localDate(at))
    return { ok: false, code: 'deadlinePast' };
  return {
    ok: true,
    action: {
      ...action,
      ...values,
      deadline: endOfLocalDay(deadlineDate),
      history: [...action.history, { at, by, kind: 'update', changes, note: '' }],
      updatedAt: at,
      updatedBy: by,
    },
  };
}

/** 开始整改: 待整改 → 整改中. */
export function startAction(action: CorrectiveAction, at: number, by: Actor): ActionResult {
  const refused = refusalOf(action, 'start');
  if (refused) return { ok: false, code: refused };
  return {
    ok: true,
    action: {
      ...action,
      status: 'inProgress',
      history: [...action.history, { at, by, kind: 'start', changes: [], note: '' }],
      updatedAt: at,
      updatedBy: by,
    },
  };
}

/** 完成整改: closed only with written evidence of at least EVIDENCE_MIN_LENGTH characters. */
export function closeAction(
  action: CorrectiveAction,
  input: EvidenceInput,
  at: number,
  by: Actor,
): ActionResult {
  const refused = refusalOf(action, 'close');
  if (refused) return { ok: false, code: refused };
  const parsed = evidenceInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: firstIssue(parsed.error) };
  const evidence = { text: parsed.data.text, files: [...new Set(parsed.data.files)] };
  return {
    ok: true,
    action: {
      ...action,
      status: 'closed',
      evidence,
      closedAt: at,
      closedBy: by,
      history: [...action.history, { at, by, kind: 'close', changes: [], note: '', evidence }],
      updatedAt: at,
      updatedBy: by,
    },
  };
}

/** 重新整改: a closed action found not done after all goes back to 整改中; its evidence stays in the history. */
export function reopenAction(action: CorrectiveAction, reason: string, at: number, by: Actor): ActionResult {
  const refused = refusalOf(action, 'reopen');
  if (refused) return { ok: false, code: refused };
  const parsed = reopenReasonSchema.safeParse(reason);
  if (!parsed.success) return { ok: false, code: firstIssue(parsed.error) };
  return {
    ok: true,
    action: {
      ...action,
      status: 'inProgress',
      evidence: null,
      closedAt: null,
      closedBy: null,
      history: [...action.history, { at, by, kind: 'reopen', changes: [], note: parsed.data }],
      updatedAt: at,
      updatedBy: by,
    },
  };
}
