import { describe, expect, it } from 'vitest';
import { SAMPLE_REPORT_RULES } from './report-deadlines';
import {
  deadlinesOf,
  durationText,
  GENERAL_REPORT,
  nextReportKinds,
  reportTitle,
  templateFor,
  whyCannotApproveReport,
  whyCannotSend,
} from './reports';

const MIN = 60_000;
const office = { personId: 'p7', name: '黄欣刚', positionId: 'q', positionName: '办公室主任' };
const officer = { personId: 'p1', name: '崔伟', positionId: 'q', positionName: '值班员' };
const full = {
  timePlace: '11-23 02:00 滨江村',
  course: '海水漫堤',
  casualtiesAndLoss: '无人员伤亡',
  measuresTaken: '转移群众',
};

describe('information reports', () => {
  it('names reports as the duty office does', () => {
    expect(reportTitle({ kind: 'initial', number: 0 })).toBe('初报');
    expect(reportTitle({ kind: 'followUp', number: 2 })).toBe('续报二');
    expect(reportTitle({ kind: 'followUp', number: 12 })).toBe('续报12');
    expect(reportTitle({ kind: 'final', number: 0 })).toBe('终报');
  });

  it('allows one 初报 first, 续报 and 终报 once it was sent, and nothing after the 终报', () => {
    expect(nextReportKinds([])).toEqual(['initial']);
    expect(nextReportKinds([{ kind: 'initial', status: 'approved' }])).toEqual([]);
    expect(nextReportKinds([{ kind: 'initial', status: 'sent' }])).toEqual(['followUp', 'final']);
    expect(
      nextReportKinds([
        { kind: 'initial', status: 'sent' },
        { kind: 'final', status: 'draft' },
      ]),
    ).toEqual([]);
  });

  it('uses the six items of 条例 Art. 12 for accidents and the general template otherwise', () => {
    expect(templateFor('accident').id).toBe('production-safety');
    expect(templateFor('natural')).toBe(GENERAL_REPORT);
  });

  it('lets only the channel approver sign a complete report (漏报 guard), and sends only what was signed', () => {
    const report = { status: 'draft' as const, templateId: 'general', content: full };
    expect(whyCannotApproveReport(report, null, office)).toBe(
      '尚未指定信息口径签发人（四个一：一个口径报送发布）',
    );
    expect(whyCannotApproveReport(report, office, officer)).toBe('报告须由信息口径签发人黄欣刚签发');
    expect(whyCannotApproveReport(report, office, office)).toBeNull();
    expect(whyCannotApproveReport({ ...report, content: { ...full, course: '' } }, office, office)).toBe(
      '必填内容未填写：事件的基本情况和简要经过',
    );
    expect(whyCannotSend(report)).toBe('报告尚未签发');
    expect(whyCannotSend({ ...report, status: 'approved' })).toBeNull();
    expect(whyCannotSend({ ...report, status: 'sent' })).toBe('报告已报送');
  });

  it('answers each deadline with the first report of its kind and channel that was sent', () => {
    const event = { grade: 'larger' as const, occurredAt: 0, receivedAt: 20 * MIN };
    const sent = [
      { id: 'phone', kind: 'initial' as const, channel: 'phone' as const, sentAt: 60 * MIN },
      { id: 'draft', kind: 'initial' as const, channel: 'written' as const, sentAt: null },
    ];
    const views = deadlinesOf(SAMPLE_REPORT_RULES, event, sent, 65 * MIN);
    expect(views.map((v) => [v.deadline.ruleId, v.state.state, v.reportId])).toEqual([
      ['phone-larger', 'late', 'phone'],
      ['written-1h', 'overdue', null],
      ['upward-2h', 'pending', null],
    ]);
    expect(durationText(65 * MIN)).toBe('1小时05分');
    expect(durationText(30_001)).toBe('1分钟');
  });

  it('keeps a sent report judged by the rule it was sent under when the rules change later', () => {
    const event = { grade: 'general' as const, occurredAt: 0, receivedAt: 0 };
    const answered = deadlinesOf(SAMPLE_REPORT_RULES, event, [], 0)[0]!.deadline;
    expect(answered).toMatchObject({ ruleId: 'written-1h', dueAt: 60 * MIN });
    const stricter = SAMPLE_REPORT_RULES.map((r) =>
      r.id === 'written-1h' ? { ...r, withinMinutes: 30 } : r,
    );
    const sent = { id: 'r1', kind: 'initial' as const, channel: 'written' as const, sentAt: 45 * MIN };
    // Without the record, the stricter rule would judge it late; with it, it stays on time.
    expect(deadlinesOf(stricter, event, [sent], 50 * MIN)[0]!.state).toEqual({
      state: 'late',
      lateByMs: 15 * MIN,
    });
    const [view] = deadlinesOf(stricter, event, [{ ...sent, answered: [answered] }], 50 * MIN);
    expect(view).toMatchObject({ deadline: { dueAt: 60 * MIN }, state: { state: 'met' }, reportId: 'r1' });
    // Deadlines not yet answered follow the new rule.
    expect(deadlinesOf(stricter, event, [], 0)[0]!.deadline.dueAt).toBe(30 * MIN);
  });
});
