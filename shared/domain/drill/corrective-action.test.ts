import { describe, expect, it } from 'vitest';
import type { Actor } from '../org/types';
import {
  can,
  closeAction,
  daysOverdue,
  deadlineDateOf,
  editAction,
  endOfLocalDay,
  isOverdue,
  ledgerOrder,
  newAction,
  openActionsForPlans,
  overdueActions,
  reopenAction,
  startAction,
  type ActionDraft,
  type ActionResult,
  type CorrectiveAction,
} from './corrective-action';

const evaluator: Actor = { personId: 'p1', name: '胡雪军', positionId: 'x', positionName: '评估' };
const officer: Actor = { personId: 'p2', name: '李雨平', positionId: 'y', positionName: '导调' };
/** 10:00 local on 2026-06-10. */
const AT = new Date(2026, 5, 10, 10, 0).getTime();
const DAY = 86_400_000;

const DRAFT: ActionDraft = {
  runId: 'run-1',
  issue: '书面报告未同步上报市应急管理局',
  measure: '修订值班信息报送流程，明确电话报告后30分钟内书面续报',
  responsibleUnit: '区应急管理局',
  responsiblePerson: '王建国',
  deadlineDate: '2026-06-20',
  finding: { capability: '预警与信息报告', injectId: 'i1', injectNo: '1' },
};

const CONTEXT = {
  id: 'a1',
  at: AT,
  by: evaluator,
  scenarioId: 's1',
  scenarioTitle: '化工园区液氯泄漏桌面推演',
  planIds: ['plan-hazmat', 'plan-hazmat'],
};

function ok(result: ActionResult): CorrectiveAction {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.action;
}
const refusal = (result: ActionResult) => (result.ok ? null : result.code);
const created = (draft: Partial<ActionDraft> = {}, context: Partial<typeof CONTEXT> = {}) =>
  ok(newAction({ ...DRAFT, ...draft }, { ...CONTEXT, ...context }));

describe('a corrective action', () => {
  it('is created 待整改 from a finding, due at the end of its local deadline day, with one history entry', () => {
    const action = created();
    expect(action).toMatchObject({
      status: 'open',
      runId: 'run-1',
      planIds: ['plan-hazmat'],
      issue: DRAFT.issue,
      evidence: null,
      source: {
        scenarioId: 's1',
        scenarioTitle: '化工园区液氯泄漏桌面推演',
        capability: '预警与信息报告',
        injectNo: '1',
        observation: '',
        planClause: '',
      },
    });
    expect(action.deadline).toBe(new Date(2026, 5, 21).getTime() - 1);
    expect(deadlineDateOf(action)).toBe('2026-06-20');
    expect(action.history).toEqual([{ at: AT, by: evaluator, kind: 'create', changes: [], note: '' }]);
  });

  it('names the first missing or bad field, and refuses a deadline before today', () => {
    expect(refusal(newAction({ ...DRAFT, issue: '  ' }, CONTEXT))).toBe('issueRequired');
    expect(refusal(newAction({ ...DRAFT, measure: '' }, CONTEXT))).toBe('measureRequired');
    expect(refusal(newAction({ ...DRAFT, responsibleUnit: '' }, CONTEXT))).toBe('responsibleUnitRequired');
    expect(refusal(newAction({ ...DRAFT, responsiblePerson: 'x'.repeat(31) }, CONTEXT))).toBe(
      'responsiblePersonTooLong',
    );
    expect(refusal(newAction({ ...DRAFT, deadlineDate: '' }, CONTEXT))).toBe('deadlineRequired');
    expect(refusal(newAction({ ...DRAFT, deadlineDate: '2026-02-30' }, CONTEXT))).toBe('deadlineInvalid');
    expect(refusal(newAction({ ...DRAFT, deadlineDate: '20.6.2026' }, CONTEXT))).toBe('deadlineInvalid');
    expect(refusal(newAction({ ...DRAFT, runId: '' }, CONTEXT))).toBe('runRequired');
    expect(refusal(newAction({ ...DRAFT, deadlineDate: '2026-06-09' }, CONTEXT))).toBe('deadlinePast');
    // Today itself is a deadline one can still meet.
    expect(newAction({ ...DRAFT, deadlineDate: '2026-06-10' }, CONTEXT).ok).toBe(true);
  });

  it('goes overdue only once its whole deadline day has passed, and counts calendar days', () => {
    const action = created({ deadlineDate: '2026-06-20' });
    const lastMoment = new Date(2026, 5, 20, 23, 59, 59, 999).getTime();
    expect(isOverdue(action, lastMoment)).toBe(false);
    expect(daysOverdue(action, lastMoment)).toBe(0);
    expect(isOverdue(action, lastMoment + 1)).toBe(true);
    expect(daysOverdue(action, lastMoment + 1)).toBe(1);
    expect(daysOverdue(action, new Date(2026, 5, 23, 8, 0).getTime())).toBe(3);
    expect(endOfLocalDay('2026-12-31')).toBe(new Date(2027, 0, 1).getTime() - 1);
  });

  it('is never overdue once closed', () => {
    const closed = ok(closeAction(created(), { text: '已印发修订后的信息报送流程并组织培训' }, AT, officer));
    expect(isOverdue(closed, AT + 30 * DAY)).toBe(false);
    expect(daysOverdue(closed, AT + 30 * DAY)).toBe(0);
  });

  it('closes only with written evidence of at least ten characters, and only once', () => {
    const action = created();
    expect(refusal(closeAction(action, { text: '' }, AT, officer))).toBe('evidenceRequired');
    expect(refusal(closeAction(action, { text: '   \n ' }, AT, officer))).toBe('evidenceRequired');
    expect(refusal(closeAction(action, { text: '已整改' }, AT, officer))).toBe('evidenceTooShort');
    expect(refusal(closeAction(action, { text: '已修订流程并印发执行', files: [' '] }, AT, officer))).toBe(
      'fileNameRequired',
    );
    const closed = ok(
      closeAction(
        action,
        {
          text: '  已修订流程并印发执行（区应急〔2026〕12号）  ',
          files: ['流程.pdf', '流程.pdf', '培训签到表.jpg'],
        },
        AT + DAY,
        officer,
      ),
    );
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: AT + DAY,
      closedBy: officer,
      evidence: { text: '已修订流程并印发执行（区应急〔2026〕12号）', files: ['流程.pdf', '培训签到表.jpg'] },
    });
    expect(closed.history.at(-1)).toMatchObject({ kind: 'close', by: officer, evidence: closed.evidence });
    expect(refusal(closeAction(closed, { text: '再次提交的整改佐证材料' }, AT, officer))).toBe(
      'alreadyClosed',
    );
  });

  it('moves 待整改 → 整改中 → 已完成, and a closed one is read-only until reopened with a reason', () => {
    const action = created();
    expect(can(action, 'start')).toBe(true);
    expect(can(action, 'reopen')).toBe(false);
    const started = ok(startAction(action, AT + 1000, officer));
    expect(started.status).toBe('inProgress');
    expect(refusal(startAction(started, AT, officer))).toBe('alreadyStarted');

    const closed = ok(closeAction(started, { text: '已修订流程并印发执行，附文号' }, AT + 2000, officer));
    expect(refusal(startAction(closed, AT, officer))).toBe('closedReadOnly');
    expect(refusal(editAction(closed, { ...DRAFT, issue: '改写问题' }, AT, officer))).toBe('closedReadOnly');
    expect(refusal(reopenAction(started, '复查未通过', AT, officer))).toBe('notClosed');
    expect(refusal(reopenAction(closed, ' ', AT, officer))).toBe('reopenReasonRequired');

    const reopened = ok(reopenAction(closed, '复查发现街道未落实', AT + 3000, evaluator));
    expect(reopened).toMatchObject({ status: 'inProgress', evidence: null, closedAt: null, closedBy: null });
    expect(reopened.history.map((h) => [h.kind, h.by.name])).toEqual([
      ['create', '胡雪军'],
      ['start', '李雨平'],
      ['close', '李雨平'],
      ['reopen', '胡雪军'],
    ]);
    // The evidence the closing gave is still in the history.
    expect(reopened.history[2]!.evidence?.text).toBe('已修订流程并印发执行，附文号');
    expect(reopened.history[3]!.note).toBe('复查发现街道未落实');
  });

  it('records which fields an edit changed, from what to what, and refuses an edit that changes nothing', () => {
    const action = created();
    const edited = ok(
      editAction(
        action,
        { ...DRAFT, responsiblePerson: '江天成', deadlineDate: '2026-06-30' },
        AT + DAY,
        officer,
      ),
    );
    expect(edited.responsiblePerson).toBe('江天成');
    expect(deadlineDateOf(edited)).toBe('2026-06-30');
    expect(edited.updatedBy).toBe(officer);
    expect(edited.createdBy).toBe(evaluator);
    expect(edited.history.at(-1)).toEqual({
      at: AT + DAY,
      by: officer,
      kind: 'update',
      note: '',
      changes: [
        { field: 'responsiblePerson', from: '王建国', to: '江天成' },
        { field: 'deadline', from: '2026-06-20', to: '2026-06-30' },
      ],
    });
    expect(
      refusal(
        editAction(
          edited,
          { ...DRAFT, responsiblePerson: '江天成', deadlineDate: '2026-06-30' },
          AT,
          officer,
        ),
      ),
    ).toBe('noChange');
  });

  it('keeps an overdue deadline through an edit of another field, but refuses moving it into the past', () => {
    const action = created({ deadlineDate: '2026-06-12' });
    const later = AT + 5 * DAY;
    expect(
      ok(editAction(action, { ...DRAFT, deadlineDate: '2026-06-12', measure: '补充措施' }, later, officer))
        .measure,
    ).toBe('补充措施');
    expect(refusal(editAction(action, { ...DRAFT, deadlineDate: '2026-06-13' }, later, officer))).toBe(
      'deadlinePast',
    );
  });
});

describe('the ledger', () => {
  const a = created({ deadlineDate: '2026-06-15' }, { id: 'a' });
  const b = created({ deadlineDate: '2026-06-12' }, { id: 'b', planIds: ['plan-typhoon'], scenarioId: 's2' });
  const c = ok(
    closeAction(
      created({ deadlineDate: '2026-06-11' }, { id: 'c' }),
      { text: '已整改完毕并经复查合格' },
      AT,
      officer,
    ),
  );
  const d = ok(
    startAction(
      created({ deadlineDate: '2026-07-01' }, { id: 'd', planIds: [], scenarioId: 's3' }),
      AT,
      officer,
    ),
  );
  const all = [a, b, c, d];

  it('lists the overdue ones, the longest overdue first', () => {
    const now = new Date(2026, 5, 16, 9, 0).getTime();
    expect(overdueActions(all, now).map((x) => x.id)).toEqual(['b', 'a']);
    expect(overdueActions(all, new Date(2026, 5, 11, 9, 0).getTime())).toEqual([]);
  });

  it('shows the open ones of the same plans, or of the same scenario when it names no plan', () => {
    expect(openActionsForPlans(all, ['plan-hazmat']).map((x) => x.id)).toEqual(['a']);
    expect(openActionsForPlans(all, ['plan-hazmat', 'plan-typhoon']).map((x) => x.id)).toEqual(['b', 'a']);
    expect(openActionsForPlans(all, [], 's3').map((x) => x.id)).toEqual(['d']);
    expect(openActionsForPlans(all, ['plan-other'])).toEqual([]);
  });

  it('orders open ones by deadline before closed ones', () => {
    expect(ledgerOrder(all).map((x) => x.id)).toEqual(['b', 'a', 'd', 'c']);
  });
});
