/**
 * Plan fixtures and a user-intent driver for a running plan: `run.observe('deaths', 2)`, `run.advance('2h')`,
 * `run.approve('IV', as.secretary)`. Time is simulated: the driver keeps its own clock and stamps every
 * event with it, as the production ticker stamps events with the real clock.
 */
import { createActor, type SnapshotFrom } from 'xstate';
import samples from '../../resources/sample-data/plans.json';
import type { Actor, Authored } from '../../shared/domain/org/types';
import { compilePlan, type PlanMachine } from '../../shared/domain/plan/compile-plan';
import type { ResponseLevel, WarningLevel } from '../../shared/domain/plan/levels';
import type { JournalEntry } from '../../shared/domain/plan/plan-context';
import type { PlanEvent } from '../../shared/domain/plan/plan-events';
import { planSchema, type Plan, type RaiseBasis } from '../../shared/domain/plan/plan-schema';

export type SamplePlanId = 'sample-flood' | 'sample-typhoon' | 'sample-hazmat';

export function samplePlan(id: SamplePlanId): Plan {
  const raw = samples.plans.find((p) => p.id === id);
  if (!raw) throw new Error(`no sample plan ${id}`);
  return planSchema.parse(raw);
}

/** Stores a sample plan as a published version, as the repository tests of incidents start from it. */
export async function publishSamplePlan(
  db: { plans: { add(row: Plan & Authored): Promise<unknown> } },
  id: SamplePlanId = 'sample-typhoon',
): Promise<void> {
  await db.plans.add({
    ...samplePlan(id),
    status: 'published',
    createdAt: 0,
    createdBy: null,
    updatedAt: 0,
    updatedBy: null,
  });
}

const hex = (n: number) => n.toString(16).padStart(4, '0');
const person = (n: number) => `00000000-0000-4000-8000-00000003${hex(n)}`;
const position = (n: number) => `00000000-0000-4000-8000-00000002${hex(n)}`;

/** People of the sample directory, signed in to the positions they hold there. */
export const as = {
  commander: { personId: person(0x01), name: '崔亚波', positionId: position(0x01), positionName: '总指挥' },
  deputy: { personId: person(0x02), name: '彭新浩', positionId: position(0x02), positionName: '副总指挥' },
  secretary: { personId: person(0x06), name: '邵嘉蓉', positionId: position(0x03), positionName: '秘书长' },
  office: { personId: person(0x07), name: '黄欣刚', positionId: position(0x04), positionName: '办公室主任' },
  fieldCommander: {
    personId: person(0x08),
    name: '刘志蓉',
    positionId: position(0x09),
    positionName: '现场指挥官',
  },
  dutyOfficer: { personId: person(0x54), name: '崔伟', positionId: position(0x06), positionName: '值班员' },
} satisfies Record<string, Actor>;

/** 2026-07-01 08:00 China Standard Time. */
export const T0 = Date.UTC(2026, 6, 1, 0, 0);

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function duration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text);
  if (!match) throw new Error(`bad duration ${text}`);
  return Number(match[1]) * (UNITS[match[2] as string] as number);
}

export function startPlan(plan: Plan, options: { now?: number; by?: Actor } = {}) {
  const machine: PlanMachine = compilePlan(plan);
  let now = options.now ?? T0;
  const by = options.by ?? as.dutyOfficer;
  const actor = createActor(machine, { input: { now } });
  const emitted: JournalEntry[] = [];
  actor.on('journal', (e) => emitted.push(e.entry));
  actor.start();
  const send = (event: PlanEvent) => actor.send(event);
  return {
    actor,
    emitted,
    get now() {
      return now;
    },
    snapshot: (): SnapshotFrom<PlanMachine> => actor.getSnapshot(),
    level: () => actor.getSnapshot().context.level,
    proposal: () => actor.getSnapshot().context.proposal,
    observe: (key: string, value: number | boolean, who: Actor = by) =>
      send({ type: 'observation.record', key, value, at: now, by: who }),
    warn: (warningType: string, level: WarningLevel, who: Actor = by) =>
      send({ type: 'warning.issue', warningType, level, at: now, by: who }),
    lift: (warningType: string, who: Actor = by) =>
      send({ type: 'warning.lift', warningType, at: now, by: who }),
    order: (level: ResponseLevel, who: Actor = by) =>
      send({ type: 'order.receive', level, from: '市三防指挥部', at: now, by: who }),
    advance: (text: string) => {
      now += duration(text);
      send({ type: 'time.tick', at: now });
    },
    recommend: (level: ResponseLevel, who: Actor) =>
      send({ type: 'level.recommend', level, note: '经研判', at: now, by: who }),
    approve: (
      level: ResponseLevel,
      who: Actor,
      wording: { matter?: string; expectedDurationHours?: number } = {},
    ) => send({ type: 'level.approve', level, ...wording, at: now, by: who }),
    decline: (level: ResponseLevel, who: Actor, reason = '暂不具备条件') =>
      send({ type: 'level.decline', level, reason, at: now, by: who }),
    raise: (level: ResponseLevel, who: Actor, reason: string, basis: RaiseBasis = 'sensitive') =>
      send({ type: 'level.raise', level, basis, reason, at: now, by: who }),
    stepDown: (level: ResponseLevel, who: Actor, reason = '险情得到控制') =>
      send({ type: 'level.stepDown', level, reason, at: now, by: who }),
    terminate: (who: Actor, reason = '应急处置工作结束') =>
      send({ type: 'response.terminate', reason, at: now, by: who }),
    send,
  };
}
