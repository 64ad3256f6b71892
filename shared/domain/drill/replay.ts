/**
 * 复盘: a finished run played back on its own timeline. `replayItems` turns the run's journal (and what its
 * 演练事件 recorded, see replay-incident.ts) into one list in the order things happened, each with its real
 * moment, its offset from the run's start and the scenario time then (the clock that plays it back is in
 * replay-clock.ts).
 *
 * The timeline runs from the start (clock.start) to ENDEX or 中止. What came before the start (a 演练事件
 * opened while the run was ready) shows from the first moment; what came after the end (ratings, archiving)
 * belongs to the evaluation, not to the replay, and is left out. So is a clock gap (the 导调台 asleep or
 * closed): it is the console's trouble, not the drill's, and the 导调台 reports it.
 */
import type { FindingKind } from './evaluation';
import type { ResponseLevel, WarningLevel } from '../plan/levels';
import type { FourOnesItem } from '../plan/plan-context';
import type { ActionMark, RunEvent, SkipReason } from './run-events';
import { foldRunEvent, initialRunState } from './run-state';
import type { Inject } from './scenario';
import type { CalloutStage } from './callout';
import { clampSpeed, clockAt, scenarioTimeAt } from './timeline';

/** What one replayed moment shows; `by` is who did it (null for the ticker's or the plan's own doing). */
export type ReplayWhat =
  | { kind: 'clock.start'; speed: number; plannedAt: number | null }
  | { kind: 'clock.pause' }
  | { kind: 'clock.resume' }
  | { kind: 'clock.speed'; speed: number }
  | { kind: 'clock.jump'; toMs: number }
  | { kind: 'run.endex' }
  | { kind: 'run.abort'; reason: string }
  | { kind: 'inject.deliver'; injectId: string; no: string; synopsis: string; to: string; isAuto: boolean }
  | { kind: 'inject.skip'; injectId: string; no: string; synopsis: string; reason: SkipReason; note: string }
  | { kind: 'response'; author: string; text: string; injectNo: string | null }
  | { kind: 'note'; text: string; injectNo: string | null }
  | {
      kind: 'observation';
      capability: string;
      text: string;
      injectNo: string | null;
      /** 优点 / 问题 / 记录; rows written before findings existed read as 记录. */
      finding: FindingKind;
    }
  | { kind: 'action.mark'; injectNo: string; action: string; mark: ActionMark }
  | { kind: 'callout'; unit: string; stage: CalloutStage }
  | { kind: 'incident.open'; serial: string; title: string }
  | { kind: 'warning.issue'; warningType: string; level: WarningLevel }
  | { kind: 'level.propose'; level: ResponseLevel; reasons: string[] }
  | { kind: 'level.approve'; level: ResponseLevel }
  | { kind: 'level.adjust'; level: ResponseLevel }
  | { kind: 'response.end' }
  | { kind: 'fourOnes'; part: FourOnesItem; text: string }
  | { kind: 'fourOnes.complete' }
  | { kind: 'tasks.issue'; texts: string[] }
  | { kind: 'task.done'; text: string }
  | { kind: 'report.send'; title: string; recipient: string };

export type ReplayKind = ReplayWhat['kind'];

/** A moment of the 演练事件, before it is placed on the run's timeline. */
export type IncidentMoment = ReplayWhat & { at: number; by: string | null };

export type ReplayItem = ReplayWhat & {
  key: string;
  at: number;
  /** Real milliseconds from the run's start (0 for anything before it). */
  offsetMs: number;
  scenarioMs: number;
  by: string | null;
};

export interface ReplayRun {
  /** The scenario's script as frozen for the run (ad-hoc injects come from the journal). */
  injects: readonly Inject[];
  /** The journal, in its order. */
  events: readonly RunEvent[];
}

/** The run's own timeline: from its start to ENDEX or 中止; null while it has not started or not ended. */
export function replaySpan(
  events: readonly RunEvent[],
): { startAt: number; endAt: number; durationMs: number } | null {
  const startAt = events.find((e) => e.type === 'clock.start')?.at;
  const endAt = events.find((e) => e.type === 'run.endex' || e.type === 'run.abort')?.at;
  if (startAt === undefined || endAt === undefined) return null;
  return { startAt, endAt, durationMs: Math.max(0, endAt - startAt) };
}

/** The run's journal and its 演练事件's moments as one list, ordered by when each happened. */
export function replayItems(run: ReplayRun, incident: readonly IncidentMoment[] = []): ReplayItem[] {
  const startAt = run.events.find((e) => e.type === 'clock.start')?.at;
  if (startAt === undefined) return [];
  const endAt = replaySpan(run.events)?.endAt ?? Infinity;
  // The journal holds only events the run took, so its fold is the run as it ended (ad-hoc injects, marks).
  const state = run.events.reduce(foldRunEvent, initialRunState(run.injects, ''));
  const byId = new Map(state.injects.map((inject) => [inject.id, inject]));
  const noOf = (id: string | null) => (id === null ? null : (byId.get(id)?.no ?? null));
  const placed: { item: ReplayItem; order: number }[] = [];
  const place = (what: ReplayWhat, at: number, by: string | null, key: string, order: number) => {
    if (at > endAt) return;
    const scenarioMs =
      what.kind === 'inject.deliver' ? deliveredScenarioMs(run.events, what.injectId, at) : undefined;
    placed.push({
      item: {
        ...what,
        key,
        at,
        offsetMs: Math.max(0, at - startAt),
        scenarioMs: scenarioMs ?? scenarioTimeAt(state.marks, at),
        by,
      },
      order,
    });
  };
  run.events.forEach((event, index) => {
    const found = journalWhat(event, byId, noOf, state.marks);
    if (found && event.at >= startAt) place(found.what, found.at, found.by, `j${index}`, index);
  });
  const journalCount = run.events.length;
  incident.forEach(({ at, by, ...what }, index) =>
    place(what as ReplayWhat, at, by, `i${index}`, journalCount + index),
  );
  return placed.sort((a, b) => a.item.at - b.item.at || a.order - b.order).map((p) => p.item);
}

function deliveredScenarioMs(events: readonly RunEvent[], injectId: string, at: number): number | undefined {
  const event = events.find((e) => e.type === 'inject.deliver' && e.injectId === injectId && e.at === at);
  return event?.type === 'inject.deliver' ? event.scenarioMs : undefined;
}

/** What one journal event shows, at the moment it happened (an observation's own moment), or null. */
function journalWhat(
  event: RunEvent,
  byId: ReadonlyMap<string, Inject>,
  noOf: (id: string | null) => string | null,
  marks: Parameters<typeof clockAt>[0],
): { what: ReplayWhat; at: number; by: string | null } | null {
  const by = event.by.name;
  const at = event.at;
  const inject = (id: string) => {
    const found = byId.get(id);
    return { injectId: id, no: found?.no ?? '', synopsis: found?.synopsis ?? '' };
  };
  switch (event.type) {
    case 'clock.start':
      return {
        what: { kind: 'clock.start', speed: clockAt(marks, at).speed, plannedAt: event.plannedAt ?? null },
        at,
        by,
      };
    case 'clock.pause':
    case 'clock.resume':
    case 'run.endex':
      return { what: { kind: event.type }, at, by };
    case 'clock.speed':
      return { what: { kind: 'clock.speed', speed: clampSpeed(event.speed) }, at, by };
    case 'clock.jump':
      return { what: { kind: 'clock.jump', toMs: event.toMs }, at, by };
    case 'run.abort':
      return { what: { kind: 'run.abort', reason: event.reason }, at, by };
    case 'inject.deliver':
      return {
        what: {
          kind: 'inject.deliver',
          ...inject(event.injectId),
          to: byId.get(event.injectId)?.to ?? '',
          isAuto: event.isAuto,
        },
        at,
        by: event.isAuto ? null : by,
      };
    case 'inject.add':
      return event.deliverNow
        ? {
            what: { kind: 'inject.deliver', ...inject(event.inject.id), to: event.inject.to, isAuto: false },
            at,
            by,
          }
        : null;
    case 'inject.skip':
      return {
        what: { kind: 'inject.skip', ...inject(event.injectId), reason: event.reason, note: event.note },
        at,
        by: event.reason === 'contingency' ? null : by,
      };
    case 'response':
      return {
        what: {
          kind: 'response',
          author: event.author.trim() || by,
          text: event.text,
          injectNo: noOf(event.injectId),
        },
        at,
        by,
      };
    case 'note':
      return { what: { kind: 'note', text: event.text, injectNo: noOf(event.injectId) }, at, by };
    case 'eval.observe':
      return {
        what: {
          kind: 'observation',
          capability: event.capability,
          text: event.text,
          injectNo: noOf(event.injectId),
          finding: event.finding ?? 'note',
        },
        at,
        by,
      };
    case 'action.mark': {
      const action = byId.get(event.injectId)?.expectedActions.find((a) => a.id === event.actionId);
      return {
        what: {
          kind: 'action.mark',
          injectNo: noOf(event.injectId) ?? '',
          action: action?.text ?? '',
          mark: event.mark,
        },
        at: Math.min(event.observedAt, at),
        by,
      };
    }
    case 'callout.record':
      return {
        what: { kind: 'callout', unit: event.unit.trim(), stage: event.stage },
        at: Math.min(event.observedAt, at),
        by,
      };
    default:
      return null;
  }
}
