/**
 * 信息报送 deadlines. The rules are per-jurisdiction configuration, not code: each says which report (初报 by
 * phone or in writing, 续报, 终报), for events of which grade and above, within how many minutes of the
 * event or of its receipt. Where several rules give the same report, the earliest deadline binds. Time is
 * passed in (epoch ms), so a countdown computed after sleep or a restart is as right as a punctual one.
 */

/** 一般 / 较大 / 重大 / 特别重大 (突发事件应对法 Art. 3), lowest first. */
export const EVENT_GRADES = ['general', 'larger', 'major', 'especiallyMajor'] as const;
export type EventGrade = (typeof EVENT_GRADES)[number];

export const GRADE_NAME: Record<EventGrade, string> = {
  general: '一般',
  larger: '较大',
  major: '重大',
  especiallyMajor: '特别重大',
};

export type ReportKind = 'initial' | 'followUp' | 'final';
export type ReportChannel = 'phone' | 'written';

export interface ReportRule {
  id: string;
  label: string;
  kind: ReportKind;
  channel: ReportChannel;
  minGrade: EventGrade;
  withinMinutes: number;
  from: 'occurrence' | 'receipt';
}

/**
 * The rules the domain brief cites: a unit reports to the county department within 1 hour of the accident
 * (条例 Art. 9), each level passes it up within 2 hours (Art. 11), and a local rule of 15 min by phone /
 * 30 min in writing for 重大 and above, 30 / 60 min for 较大. Offices replace these with their own.
 */
export const SAMPLE_REPORT_RULES: readonly ReportRule[] = [
  {
    id: 'written-1h',
    label: '书面初报（事发单位报县级）',
    kind: 'initial',
    channel: 'written',
    minGrade: 'general',
    withinMinutes: 60,
    from: 'occurrence',
  },
  {
    id: 'upward-2h',
    label: '逐级上报',
    kind: 'followUp',
    channel: 'written',
    minGrade: 'general',
    withinMinutes: 120,
    from: 'receipt',
  },
  {
    id: 'phone-larger',
    label: '电话初报（较大）',
    kind: 'initial',
    channel: 'phone',
    minGrade: 'larger',
    withinMinutes: 30,
    from: 'receipt',
  },
  {
    id: 'written-larger',
    label: '书面初报（较大）',
    kind: 'initial',
    channel: 'written',
    minGrade: 'larger',
    withinMinutes: 60,
    from: 'receipt',
  },
  {
    id: 'phone-major',
    label: '电话初报（重大及以上）',
    kind: 'initial',
    channel: 'phone',
    minGrade: 'major',
    withinMinutes: 15,
    from: 'receipt',
  },
  {
    id: 'written-major',
    label: '书面初报（重大及以上）',
    kind: 'initial',
    channel: 'written',
    minGrade: 'major',
    withinMinutes: 30,
    from: 'receipt',
  },
];

export interface Deadline {
  ruleId: string;
  label: string;
  kind: ReportKind;
  channel: ReportChannel;
  dueAt: number;
}

function gradeRank(grade: EventGrade): number {
  return EVENT_GRADES.indexOf(grade);
}

/** The binding deadline of each report this event owes, earliest first. */
export function reportDeadlines(
  rules: readonly ReportRule[],
  event: { grade: EventGrade; occurredAt: number; receivedAt: number },
): Deadline[] {
  const binding = new Map<string, Deadline>();
  for (const rule of rules) {
    if (gradeRank(event.grade) < gradeRank(rule.minGrade)) continue;
    const start = rule.from === 'occurrence' ? event.occurredAt : event.receivedAt;
    const deadline: Deadline = {
      ruleId: rule.id,
      label: rule.label,
      kind: rule.kind,
      channel: rule.channel,
      dueAt: start + rule.withinMinutes * 60_000,
    };
    const key = `${rule.kind}:${rule.channel}`;
    const current = binding.get(key);
    if (!current || deadline.dueAt < current.dueAt) binding.set(key, deadline);
  }
  return [...binding.values()].sort((a, b) => a.dueAt - b.dueAt);
}

export type DeadlineState =
  | { state: 'pending' | 'dueSoon'; remainingMs: number }
  | { state: 'overdue'; lateByMs: number }
  | { state: 'met' }
  | { state: 'late'; lateByMs: number };

/** Where a report stands at `nowMs`: 可能迟报 once overdue unsent; late (迟报) if sent after its deadline. */
export function deadlineState(
  dueAt: number,
  nowMs: number,
  sentAt: number | null,
  soonMinutes = 10,
): DeadlineState {
  if (sentAt !== null)
    return sentAt <= dueAt ? { state: 'met' } : { state: 'late', lateByMs: sentAt - dueAt };
  if (nowMs > dueAt) return { state: 'overdue', lateByMs: nowMs - dueAt };
  const remainingMs = dueAt - nowMs;
  return { state: remainingMs <= soonMinutes * 60_000 ? 'dueSoon' : 'pending', remainingMs };
}
