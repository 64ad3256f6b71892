/**
 * A run's state as the fold of its journal: the clock's marks, the script as it stands in this run (the
 * scenario's injects, plus ad-hoc ones, with re-timings applied), what happened to each inject, the marks on
 * expected actions, notes and responses. Pure: the drill machine keeps it as its context.
 */
import type { Actor } from '../org/types';
import { recordCallout, type CalloutEntry } from './callout';
import type { FindingKind, Rating, Ratings } from './evaluation';
import type { ActionMark, RunEvent, SkipReason } from './run-events';
import { scriptOrder, type Inject } from './scenario';
import type { StartWindow } from './start-window';
import { scenarioTimeAt, type TimelineMark } from './timeline';

export type InjectOutcome =
  | {
      kind: 'delivered';
      at: number;
      plannedAt: number | null;
      scenarioMs: number;
      isAuto: boolean;
      by: Actor;
    }
  | { kind: 'skipped'; at: number; reason: SkipReason; note: string; by: Actor };

export interface ActionRecord {
  mark: ActionMark;
  observedAt: number;
  at: number;
  by: Actor;
}

export interface RunEntry {
  kind: 'note' | 'response' | 'observation';
  text: string;
  author: string;
  injectId: string | null;
  at: number;
  scenarioMs: number;
  /** The capability an evaluator's observation is about. */
  capability?: string;
  /** An observation's kind (优点 / 问题 / 记录); older observations read as 记录. */
  finding?: FindingKind;
  /** The expected action (of `injectId`) an observation is about. */
  actionId?: string | null;
  /** The plan clause an observation tests ('' when none). */
  planClause?: string;
}

export interface RunState {
  directorId: string;
  marks: TimelineMark[];
  /** The script of this run in delivery order. */
  injects: Inject[];
  outcomes: Record<string, InjectOutcome>;
  /** Keyed `${injectId}:${actionId}`. */
  actions: Record<string, ActionRecord>;
  entries: RunEntry[];
  gaps: { from: number; to: number }[];
  abortReason: string | null;
  endedAt: number | null;
  /** The random start armed and not yet fired (双盲). */
  startWindow: StartWindow | null;
  /** How a random start went: the window, the drawn moment and when it really fired. */
  randomStart: { from: number; to: number; plannedAt: number; at: number } | null;
  /** Injects written on the console during the run (临时插入), not in the scenario's script. */
  adHocIds: string[];
  /** Evaluators' ratings by capability and evaluator. */
  ratings: Ratings;
  /** 拉动 call-out list, by unit. */
  callout: Record<string, CalloutEntry>;
  /** The last real moment the journal heard of (a clock running backwards is caught against it). */
  lastAt: number;
}

export function initialRunState(injects: readonly Inject[], directorId: string): RunState {
  return {
    directorId,
    marks: [],
    injects: scriptOrder(injects),
    outcomes: {},
    actions: {},
    entries: [],
    gaps: [],
    abortReason: null,
    endedAt: null,
    startWindow: null,
    randomStart: null,
    callout: {},
    ratings: {},
    adHocIds: [],
    lastAt: 0,
  };
}

export const actionKey = (injectId: string, actionId: string) => `${injectId}:${actionId}`;

/** Applies one event (already accepted by the machine) to the state. */
export function foldRunEvent(state: RunState, event: RunEvent): RunState {
  const s = { ...state, lastAt: Math.max(state.lastAt, event.at) };
  switch (event.type) {
    case 'clock.start': {
      const window = s.startWindow;
      const randomStart =
        window && event.plannedAt !== undefined
          ? { from: window.from, to: window.to, plannedAt: event.plannedAt, at: event.at }
          : null;
      return { ...s, startWindow: null, randomStart, marks: [...s.marks, { kind: 'start', at: event.at }] };
    }
    case 'start.arm':
      return {
        ...s,
        startWindow: { from: event.from, to: event.to, fireAt: event.fireAt, armedAt: event.at },
      };
    case 'start.disarm':
      return { ...s, startWindow: null };
    case 'callout.record': {
      const recorded = recordCallout(s.callout, event.unit, event.stage, event.observedAt);
      // The machine took only records that keep the order, so a refusal here cannot happen.
      return recorded.ok ? { ...s, callout: recorded.list } : s;
    }
    case 'clock.pause':
      return { ...s, marks: [...s.marks, { kind: 'pause', at: event.at }] };
    case 'clock.resume':
      return { ...s, marks: [...s.marks, { kind: 'resume', at: event.at }] };
    case 'clock.speed':
      return { ...s, marks: [...s.marks, { kind: 'speed', at: event.at, speed: event.speed }] };
    case 'clock.jump':
      return { ...s, marks: [...s.marks, { kind: 'jump', at: event.at, toMs: event.toMs }] };
    case 'inject.deliver':
      return {
        ...s,
        outcomes: {
          ...s.outcomes,
          [event.injectId]: {
            kind: 'delivered',
            at: event.at,
            plannedAt: event.plannedAt,
            scenarioMs: event.scenarioMs,
            isAuto: event.isAuto,
            by: event.by,
          },
        },
      };
    case 'inject.skip':
      return {
        ...s,
        outcomes: {
          ...s.outcomes,
          [event.injectId]: {
            kind: 'skipped',
            at: event.at,
            reason: event.reason,
            note: event.note,
            by: event.by,
          },
        },
      };
    case 'inject.retime':
      return {
        ...s,
        injects: scriptOrder(
          s.injects.map((inject) =>
            inject.id === event.injectId ? { ...inject, offsetMs: event.offsetMs } : inject,
          ),
        ),
      };
    case 'inject.add': {
      const added = {
        ...s,
        injects: scriptOrder([...s.injects, event.inject]),
        adHocIds: [...s.adHocIds, event.inject.id],
      };
      if (!event.deliverNow) return added;
      const delivered: InjectOutcome = {
        kind: 'delivered',
        at: event.at,
        plannedAt: null,
        scenarioMs: scenarioTimeAt(s.marks, event.at),
        isAuto: false,
        by: event.by,
      };
      return { ...added, outcomes: { ...s.outcomes, [event.inject.id]: delivered } };
    }
    case 'action.mark':
      return {
        ...s,
        actions: {
          ...s.actions,
          [actionKey(event.injectId, event.actionId)]: {
            mark: event.mark,
            observedAt: event.observedAt,
            at: event.at,
            by: event.by,
          },
        },
      };
    case 'note':
    case 'response':
      return {
        ...s,
        entries: [
          ...s.entries,
          {
            kind: event.type,
            text: event.text,
            author: event.type === 'response' && event.author.trim() !== '' ? event.author : event.by.name,
            injectId: event.injectId,
            at: event.at,
            scenarioMs: scenarioTimeAt(s.marks, event.at),
          },
        ],
      };
    case 'eval.rate': {
      const rating: Rating = {
        rating: event.rating,
        note: event.note,
        evaluatorId: event.by.personId,
        evaluatorName: event.by.name,
        at: event.at,
      };
      const own = { ...s.ratings[event.capability], [event.by.personId]: rating };
      return { ...s, ratings: { ...s.ratings, [event.capability]: own } };
    }
    case 'eval.observe':
      return {
        ...s,
        entries: [
          ...s.entries,
          {
            kind: 'observation',
            text: event.text,
            author: event.by.name,
            injectId: event.injectId,
            at: event.at,
            scenarioMs: scenarioTimeAt(s.marks, event.at),
            capability: event.capability,
            finding: event.finding ?? 'note',
            actionId: event.actionId ?? null,
            planClause: event.planClause?.trim() ?? '',
          },
        ],
      };
    case 'clock.gap':
      return { ...s, gaps: [...s.gaps, { from: event.from, to: event.to }] };
    case 'run.abort':
      return {
        ...s,
        abortReason: event.reason,
        endedAt: event.at,
        marks: [...s.marks, { kind: 'pause', at: event.at }],
      };
    case 'run.endex':
      return { ...s, endedAt: event.at, marks: [...s.marks, { kind: 'pause', at: event.at }] };
    case 'comms.checked':
    case 'run.evaluate':
    case 'run.archive':
      return s;
  }
}
