/**
 * The plan compiler: plan data in, an XState v5 machine out. The level states, the transitions between
 * them and their guards are generated from the plan's levels, so a plan with different signers, levels or
 * triggers is a different chart, not a different if-chain in a component.
 *
 *   lifecycle: monitoring (常态/监测) → warning (预警) → response.{Ⅳ…Ⅰ} → terminated (响应终止)
 *              → aftermath (善后评估) → closed
 *   fourOnes:  leader | taskForce | specialPlan | channel, each missing → set; mobilisation holds
 *              `mobilised` only once all four are set.
 *
 * Decisions are made by guards that call the pure rules in plan-context.ts; what a transition records is
 * computed by `step` (plan-step.ts), which also writes the journal entry every transition emits.
 */
import { enqueueActions, setup } from 'xstate';
import { checkPlan, PlanCompileError } from './check-plan';
import { isHigher, responseRank, type ResponseLevel } from './levels';
import {
  completesApproval,
  initialContext,
  isMobilised,
  type FourOnesItem,
  whyCannotApprove,
  whyCannotRaise,
  whyCannotRecommend,
  whyCannotStepDown,
  whyCannotTerminate,
  type PlanContext,
} from './plan-context';
import type { PlanEmitted, PlanEvent } from './plan-events';
import { holdsSigningRole, planLevels, rolesOf } from './plan-rules';
import type { Plan } from './plan-schema';
import { step, type Move } from './plan-step';

export interface PlanMachineInput {
  /** The clock's reading when the plan is opened (epoch ms). */
  now: number;
}

export function compilePlan(plan: Plan) {
  const issues = checkPlan(plan);
  if (issues.length > 0) throw new PlanCompileError(issues);
  const levels = planLevels(plan);

  const machineSetup = setup({
    types: {
      context: {} as PlanContext,
      events: {} as PlanEvent,
      input: {} as PlanMachineInput,
      emitted: {} as PlanEmitted,
    },
    guards: {
      isOpen: ({ context }) => !context.isClosed,
      noWarningLeft: ({ context, event }) =>
        event.type === 'warning.lift' &&
        Object.keys(context.facts.warnings).every((type) => type === event.warningType),
      canRecommend: ({ context, event }) =>
        event.type === 'level.recommend' && whyCannotRecommend(plan, context, event.level, event.by) === null,
      approvalCompletes: ({ context, event }, params: { level: ResponseLevel }) =>
        event.type === 'level.approve' &&
        event.level === params.level &&
        whyCannotApprove(plan, context, event.level, event.by) === null &&
        completesApproval(plan, context, event.level, event.by),
      approvalPartial: ({ context, event }) =>
        event.type === 'level.approve' &&
        whyCannotApprove(plan, context, event.level, event.by) === null &&
        !completesApproval(plan, context, event.level, event.by),
      canDecline: ({ context, event }) =>
        event.type === 'level.decline' &&
        event.reason.trim() !== '' &&
        context.proposal?.level === event.level &&
        holdsSigningRole(plan, event.level, event.by),
      canRaise: ({ context, event }) =>
        event.type === 'level.raise' &&
        whyCannotRaise(plan, context, event.level, event.reason, event.by) === null,
      canStepDownTo: ({ context, event }, params: { level: ResponseLevel }) =>
        event.type === 'level.stepDown' &&
        event.level === params.level &&
        whyCannotStepDown(plan, context, event.level, event.reason, event.by) === null,
      canTerminate: ({ context, event }) =>
        event.type === 'response.terminate' &&
        whyCannotTerminate(plan, context, event.reason, event.by) === null,
      canSetFourOnes: ({ context, event }) => !context.isClosed && isValidFourOnes(event),
      allFourInPlace: ({ context }) => isMobilised(context.fourOnes),
      holdsPlanRole: ({ event }) => 'by' in event && rolesOf(plan, event.by).length > 0,
    },
    actions: {
      apply: enqueueActions(({ context, event, enqueue }, move: Move) => {
        const patch = step(plan, context, event, move);
        enqueue.assign(patch);
        for (const entry of (patch.journal ?? []).slice(context.journal.length))
          enqueue.emit({ type: 'journal', entry });
      }),
    },
  });

  const apply = (from: string, to: string) => ({ type: 'apply' as const, params: { from, to } as Move });
  const open = (at: string) => [{ guard: 'isOpen' as const, actions: apply(at, at) }];
  const facts = (at: string) => ({
    'observation.record': open(at),
    'order.receive': open(at),
    'time.tick': open(at),
    'warning.issue': open(at),
    'warning.lift': open(at),
  });
  /** Proposals can be recommended, signed, declined or raised wherever no response has ended yet. */
  /** From inside a level only higher levels can be approved: the chart has no edge a guard would always refuse. */
  const deciding = (at: string, current: ResponseLevel | null = null) => ({
    'level.recommend': [{ guard: 'canRecommend' as const, actions: apply(at, at) }],
    'level.raise': [{ guard: 'canRaise' as const, actions: apply(at, at) }],
    'level.decline': [{ guard: 'canDecline' as const, actions: apply(at, at) }],
    'level.approve': [
      ...levels
        .filter((level) => isHigher(level, current))
        .map((level) => ({
          guard: { type: 'approvalCompletes' as const, params: { level } },
          target: `#plan.lifecycle.response.${level}`,
          actions: apply(at, `response.${level}`),
        })),
      { guard: 'approvalPartial' as const, actions: apply(at, at) },
    ],
  });

  const levelState = (level: ResponseLevel) => {
    const here = `response.${level}`;
    return {
      tags: ['response', `level.${level}`],
      on: {
        'level.stepDown': levels
          .filter((lower) => responseRank(lower) < responseRank(level))
          .map((lower) => ({
            guard: { type: 'canStepDownTo' as const, params: { level: lower } },
            target: `#plan.lifecycle.response.${lower}`,
            actions: apply(here, `response.${lower}`),
          })),
        'response.terminate': [
          {
            guard: 'canTerminate' as const,
            target: '#plan.lifecycle.terminated',
            actions: apply(here, 'terminated'),
          },
        ],
        ...deciding(here, level),
        ...facts(here),
      },
    };
  };
  const levelStates = Object.fromEntries(levels.map((level) => [level, levelState(level)]));

  const fourOnesItem = (item: FourOnesItem) => ({
    initial: 'missing',
    states: {
      missing: {
        on: {
          [`fourOnes.${item}`]: {
            guard: 'canSetFourOnes' as const,
            target: 'set',
            actions: apply(`fourOnes.${item}.missing`, `fourOnes.${item}.set`),
          },
        },
      },
      set: {
        tags: [`fourOnes.${item}`],
        on: {
          [`fourOnes.${item}`]: {
            guard: 'canSetFourOnes' as const,
            actions: apply(`fourOnes.${item}.set`, `fourOnes.${item}.set`),
          },
        },
      },
    },
  });

  return machineSetup.createMachine({
    id: 'plan',
    type: 'parallel',
    context: ({ input }) => initialContext(plan, input.now),
    states: {
      lifecycle: {
        initial: 'monitoring',
        states: {
          monitoring: {
            tags: ['monitoring'],
            on: {
              ...facts('monitoring'),
              'warning.issue': [
                { guard: 'isOpen' as const, target: 'warning', actions: apply('monitoring', 'warning') },
              ],
              ...deciding('monitoring'),
            },
          },
          warning: {
            tags: ['warning'],
            on: {
              ...facts('warning'),
              'warning.lift': [
                {
                  guard: 'noWarningLeft' as const,
                  target: 'monitoring',
                  actions: apply('warning', 'monitoring'),
                },
                { guard: 'isOpen' as const, actions: apply('warning', 'warning') },
              ],
              ...deciding('warning'),
            },
          },
          response: {
            initial: levels[0],
            states: levelStates,
          },
          terminated: {
            tags: ['terminated'],
            on: {
              'aftermath.begin': {
                guard: 'holdsPlanRole',
                target: 'aftermath',
                actions: apply('terminated', 'aftermath'),
              },
            },
          },
          aftermath: {
            tags: ['aftermath'],
            on: {
              'case.close': {
                guard: 'holdsPlanRole',
                target: 'closed',
                actions: apply('aftermath', 'closed'),
              },
            },
          },
          closed: { type: 'final', tags: ['closed'] },
        },
      },
      fourOnes: {
        type: 'parallel',
        states: {
          leader: fourOnesItem('leader'),
          taskForce: fourOnesItem('taskForce'),
          specialPlan: fourOnesItem('specialPlan'),
          channel: fourOnesItem('channel'),
          mobilisation: {
            initial: 'incomplete',
            states: {
              incomplete: {
                always: {
                  guard: 'allFourInPlace',
                  target: 'mobilised',
                  actions: {
                    type: 'apply',
                    params: { from: 'fourOnes.incomplete', to: 'fourOnes.mobilised', mobilised: true },
                  },
                },
              },
              mobilised: { tags: ['mobilised'] },
            },
          },
        },
      },
    },
  });
}

export type PlanMachine = ReturnType<typeof compilePlan>;

function isValidFourOnes(event: PlanEvent): boolean {
  switch (event.type) {
    case 'fourOnes.leader':
      return event.personId !== '' && event.unitId !== '';
    case 'fourOnes.taskForce':
      return event.members.length > 0;
    case 'fourOnes.specialPlan':
      return event.title.trim() !== '';
    case 'fourOnes.channel':
      return event.personId !== '';
    default:
      return false;
  }
}
