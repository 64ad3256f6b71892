/**
 * What a run's 演练事件 did, as moments for the 复盘: opened, warnings issued, response levels proposed,
 * approved, adjusted and ended, the 四个一 settled, tasks issued and done, reports sent. The chart's events
 * are stepped through the plan's own machine one at a time and each step is read off the change it made to
 * the chart's context (a proposal that appeared, an activation added, a 四个一 item set), so the level of
 * each moment is data, never parsed out of a log line. Ad-hoc tasks, task completion and reports live
 * beside the chart: they come from the task rows, the incident log's task lines and the report rows.
 */
import { createActor } from 'xstate';
import type { Incident } from '../incident/incident';
import { TASK_STATUS_TEXT, type TaskState } from '../incident/incident-tasks';
import type { LogEntry } from '../incident/log-chain';
import { reportTitle, type IncidentReport } from '../incident/reports';
import type { PlanMachine } from '../plan/compile-plan';
import { FOUR_ONES, fourOnesHolder, type PlanContext } from '../plan/plan-context';
import type { PlanEvent } from '../plan/plan-events';
import type { IncidentMoment } from './replay';

export interface DrillIncidentRecord {
  incident: Pick<Incident, 'serial' | 'title' | 'createdAt' | 'createdBy'>;
  /** The plan version's chart and when it started; null for an incident without a plan. */
  chart: { machine: PlanMachine; startedAt: number } | null;
  events: readonly PlanEvent[];
  tasks: readonly Pick<TaskState, 'taskKey' | 'adHoc'>[];
  log: readonly Pick<LogEntry, 'at' | 'author' | 'category' | 'text' | 'links'>[];
  reports: readonly Pick<IncidentReport, 'kind' | 'number' | 'recipient' | 'sentAt' | 'sentBy'>[];
}

/** A task line that moved the task to 已完成 (describeTaskChange writes "未开始→已完成"). */
const DONE_MARK = `→${TASK_STATUS_TEXT.done}`;

export function incidentMoments(record: DrillIncidentRecord): IncidentMoment[] {
  const moments: IncidentMoment[] = [
    {
      kind: 'incident.open',
      serial: record.incident.serial,
      title: record.incident.title,
      at: record.incident.createdAt,
      by: record.incident.createdBy?.name ?? null,
    },
  ];
  const planTasks = new Map<string, string>();
  if (record.chart) {
    const final = stepChart(record.chart, record.events, (moment) => moments.push(moment));
    for (const task of final.tasks) planTasks.set(task.actionId, task.text);
  }
  const taskText = (key: string) =>
    record.tasks.find((t) => t.taskKey === key)?.adHoc?.text ?? planTasks.get(key) ?? null;
  const taskLines = record.log.filter((line) => line.category === 'task');
  for (const task of record.tasks) {
    if (!task.adHoc) continue;
    const line = taskLines.find(
      (l) => l.at === task.adHoc?.issuedAt && l.links.some((k) => k.kind === 'task' && k.id === task.taskKey),
    );
    moments.push({
      kind: 'tasks.issue',
      texts: [task.adHoc.text],
      at: task.adHoc.issuedAt,
      by: line?.author?.name ?? null,
    });
  }
  for (const line of taskLines) {
    const key = line.links.find((k) => k.kind === 'task')?.id;
    if (key === undefined || !line.text.includes(DONE_MARK)) continue;
    moments.push({
      kind: 'task.done',
      text: taskText(key) ?? line.text,
      at: line.at,
      by: line.author?.name ?? null,
    });
  }
  for (const report of record.reports) {
    if (report.sentAt === null) continue;
    moments.push({
      kind: 'report.send',
      title: reportTitle(report),
      recipient: report.recipient,
      at: report.sentAt,
      by: report.sentBy?.name ?? null,
    });
  }
  return moments.sort((a, b) => a.at - b.at);
}

/** Sends the events one at a time and reports what each changed; returns the chart's final context. */
function stepChart(
  chart: NonNullable<DrillIncidentRecord['chart']>,
  events: readonly PlanEvent[],
  emit: (moment: IncidentMoment) => void,
): PlanContext {
  const actor = createActor(chart.machine, { input: { now: chart.startedAt } });
  actor.start();
  let before = actor.getSnapshot().context;
  for (const event of events) {
    actor.send(event);
    const after = actor.getSnapshot().context;
    if (after.journal.length > before.journal.length) changes(before, after, event).forEach(emit);
    before = after;
  }
  actor.stop();
  return before;
}

function changes(before: PlanContext, after: PlanContext, event: PlanEvent): IncidentMoment[] {
  const by = 'by' in event ? event.by.name : null;
  const at = after.now;
  const found: IncidentMoment[] = [];
  if (event.type === 'warning.issue') {
    found.push({ kind: 'warning.issue', warningType: event.warningType, level: event.level, at, by });
  }
  const proposal = after.proposal;
  const previous = before.proposal;
  if (proposal && (!previous || previous.level !== proposal.level || previous.source !== proposal.source)) {
    // A proposal the triggers made is the plan's, not the person's who typed the fact.
    found.push({
      kind: 'level.propose',
      level: proposal.level,
      reasons: proposal.reasons,
      at: proposal.at,
      by: proposal.by?.name ?? null,
    });
  }
  const activation =
    after.activations.length > before.activations.length ? after.activations.at(-1) : undefined;
  if (activation) {
    found.push({ kind: 'level.approve', level: activation.level, at: activation.at, by });
  } else if (after.level !== null && after.level !== before.level) {
    found.push({ kind: 'level.adjust', level: after.level, at, by });
  }
  if (event.type === 'response.terminate') found.push({ kind: 'response.end', at, by });
  for (const part of FOUR_ONES) {
    const text = fourOnesHolder(after.fourOnes, part);
    if (text !== null && text !== fourOnesHolder(before.fourOnes, part)) {
      found.push({ kind: 'fourOnes', part, text, at, by });
    }
  }
  const fresh = after.journal.slice(before.journal.length);
  if (fresh.some((entry) => entry.event === 'fourOnes.mobilised')) {
    found.push({ kind: 'fourOnes.complete', at, by });
  }
  const issued = after.tasks.slice(before.tasks.length);
  if (issued.length > 0) {
    found.push({ kind: 'tasks.issue', texts: issued.map((t) => t.text), at: issued[0]!.issuedAt, by });
  }
  return found;
}
