/**
 * What each accepted event records. The statechart has already decided that the event is allowed and where
 * it leads (`move`); this computes the new context and the journal entries, in one pure function so that
 * every transition journals the same way and the rules can be tested without an actor.
 */
import type { Actor } from '../org/types';
import { levelLabel, WARNING_NAME } from './levels';
import {
  activate,
  issueWarning,
  liftWarning,
  newTasks,
  recordObservation,
  reevaluate,
  signaturesOf,
  completesApproval,
  type JournalEntry,
  type PlanContext,
  type Proposal,
} from './plan-context';
import type { PlanEvent } from './plan-events';
import { levelOf, rolesOf } from './plan-rules';
import type { Plan } from './plan-schema';
import { observationLabels, type Facts } from './triggers';

export interface Move {
  from: string;
  to: string;
  /** The eventless step of the 四个一 region: the event is whatever completed the fourth item. */
  mobilised?: boolean;
}

export const RAISE_BASIS_TEXT: Record<string, string> = {
  sensitive: '事故本身比较敏感',
  publicAttention: '引发舆论热议',
  keyArea: '发生在重点地区',
  majorEvent: '重要会议或重大活动期间',
  other: '其他',
};

export function step(plan: Plan, context: PlanContext, event: PlanEvent, move: Move): Partial<PlanContext> {
  const at = Math.max(context.now, event.at);
  const by: Actor | null = 'by' in event ? event.by : null;
  const entries: JournalEntry[] = [];
  const log = (why: string, eventType: string = event.type, m: Move = move, who: Actor | null = by) =>
    entries.push({
      seq: context.journal.length + entries.length + 1,
      at,
      by: who,
      event: eventType,
      from: m.from,
      to: m.to,
      why,
    });
  const done = (patch: Partial<PlanContext>): Partial<PlanContext> => ({
    ...patch,
    now: at,
    journal: [...context.journal, ...entries],
  });

  if (move.mobilised) {
    log('四个一全部落实：一位领导和部门牵头、一个专班、一个专项方案、一个口径', 'fourOnes.mobilised');
    return done({});
  }

  switch (event.type) {
    case 'observation.record':
    case 'warning.issue':
    case 'warning.lift':
    case 'order.receive':
    case 'time.tick': {
      const facts = applyFact(context.facts, event);
      const isNewFact = event.type !== 'time.tick';
      const next = { ...context, facts, now: at, declined: isNewFact ? null : context.declined };
      const proposal = reevaluate(plan, next, at, isNewFact);
      if (event.type !== 'time.tick' || move.from !== move.to) log(describeFact(plan, event));
      if (proposalChanged(context.proposal, proposal)) {
        log(
          proposal
            ? `建议启动${levelLabel(proposal.level)}响应：${proposal.reasons.join('；')}`
            : '启动条件不再满足，撤销建议',
          'level.propose',
          { from: move.to, to: move.to },
          // The plan proposes, not the person who typed the fact: the entry is the system's.
          null,
        );
      }
      const tasks =
        event.type === 'warning.issue' && move.from !== move.to
          ? newTasks(context.tasks, plan.preResponseActions, null, at)
          : [];
      return done({
        facts,
        proposal,
        declined: next.declined,
        tasks: [...context.tasks, ...tasks],
        warningNotices: noticesAfter(context, event, at),
      });
    }
    case 'level.recommend': {
      if (!context.proposal) return done({});
      log(`研判建议启动${levelLabel(event.level)}响应${event.note ? `：${event.note}` : ''}`);
      // The guard has checked the recommender holds one of the level's recommending roles; record which.
      const held = new Set(rolesOf(plan, event.by));
      const roleId = levelOf(plan, event.level)?.recommenderRoleIds.find((r) => held.has(r)) ?? '';
      return done({ proposal: { ...context.proposal, recommendation: { roleId, actor: event.by, at } } });
    }
    case 'level.raise': {
      log(
        `提级启动${levelLabel(event.level)}响应（${RAISE_BASIS_TEXT[event.basis] ?? event.basis}）：${event.reason}`,
      );
      const proposal: Proposal = {
        level: event.level,
        reasons: [`提级：${RAISE_BASIS_TEXT[event.basis] ?? event.basis}，${event.reason}`],
        source: 'discretionary',
        basis: event.basis,
        at,
        by: event.by,
        recommendation: null,
        signatures: [],
      };
      return done({ proposal });
    }
    case 'level.approve': {
      const proposal = context.proposal;
      if (!proposal) return done({});
      const signatures = [...proposal.signatures, ...signaturesOf(plan, event.level, event.by, at)];
      if (!completesApproval(plan, context, event.level, event.by)) {
        log(`会签${levelLabel(event.level)}响应（尚待其他签发人）`);
        return done({ proposal: { ...proposal, signatures } });
      }
      const patch = activate(plan, context, event.level, signatures, at, event);
      log(`批准启动${levelLabel(event.level)}响应：${proposal.reasons.join('；')}`);
      return done(patch);
    }
    case 'level.decline': {
      log(`不同意启动${levelLabel(event.level)}响应：${event.reason}`);
      return done({ proposal: null, declined: event.level });
    }
    case 'level.stepDown': {
      log(
        `${context.level ? levelLabel(context.level) : ''}响应调整为${levelLabel(event.level)}响应：${event.reason}`,
      );
      return done({ level: event.level, proposal: null });
    }
    case 'response.terminate': {
      log(`宣布${context.level ? levelLabel(context.level) : ''}响应终止：${event.reason}`);
      return done({ proposal: null });
    }
    case 'aftermath.begin':
      log('转入善后处置与评估');
      return done({});
    case 'case.close':
      log(`关闭：${event.summary}`);
      return done({ isClosed: true });
    case 'fourOnes.leader':
      log(`牵头领导：${event.name}；牵头部门：${event.unitName}`);
      return done({
        fourOnes: {
          ...context.fourOnes,
          leader: {
            personId: event.personId,
            name: event.name,
            unitId: event.unitId,
            unitName: event.unitName,
          },
        },
      });
    case 'fourOnes.taskForce':
      log(`工作专班：${event.members.map((m) => m.name).join('、')}`);
      return done({ fourOnes: { ...context.fourOnes, taskForce: { members: event.members } } });
    case 'fourOnes.specialPlan':
      log(`专项方案：${event.title}`);
      return done({ fourOnes: { ...context.fourOnes, specialPlan: { title: event.title } } });
    case 'fourOnes.channel':
      log(`信息口径签发人：${event.name}`);
      return done({
        fourOnes: { ...context.fourOnes, channel: { personId: event.personId, name: event.name } },
      });
  }
}

function noticesAfter(context: PlanContext, event: PlanEvent, at: number): PlanContext['warningNotices'] {
  if (event.type === 'warning.lift') {
    const notices = { ...context.warningNotices };
    delete notices[event.warningType];
    return notices;
  }
  if (event.type === 'warning.issue' && event.notice) {
    const notice = { ...event.notice, level: event.level, issuedAt: at, issuedBy: event.by };
    return { ...context.warningNotices, [event.warningType]: notice };
  }
  return context.warningNotices;
}

function applyFact(facts: Facts, event: PlanEvent): Facts {
  switch (event.type) {
    case 'observation.record':
      return recordObservation(facts, event.key, event.value, event.at);
    case 'warning.issue':
      return issueWarning(facts, event.warningType, event.level);
    case 'warning.lift':
      return liftWarning(facts, event.warningType);
    case 'order.receive':
      return { ...facts, upperOrder: event.level };
    default:
      return facts;
  }
}

function describeFact(plan: Plan, event: PlanEvent): string {
  switch (event.type) {
    case 'observation.record': {
      const o = observationLabels(plan).get(event.key);
      const value =
        typeof event.value === 'boolean'
          ? event.value
            ? '是'
            : '否'
          : plan.observations.find((x) => x.key === event.key)?.kind === 'moment'
            ? formatLocalTime(event.value)
            : `${event.value}${o?.unit ?? ''}`;
      return `${o?.label ?? event.key}：${value}`;
    }
    case 'warning.issue':
      return event.notice
        ? `${event.notice.issuer}发布${event.warningType}${WARNING_NAME[event.level]}预警：${event.notice.area}；${event.notice.content}`
        : `发布${event.warningType}${WARNING_NAME[event.level]}预警`;
    case 'warning.lift':
      return `解除${event.warningType}预警`;
    case 'order.receive':
      return `收到${event.from}指令：启动${levelLabel(event.level)}响应`;
    case 'time.tick':
      return '时间推进';
    default:
      return event.type;
  }
}

function proposalChanged(a: Proposal | null, b: Proposal | null): boolean {
  if (a === null || b === null) return a !== b;
  // Reasons of an elapsed-time trigger change every minute; only a new level or source is news.
  return a.level !== b.level || a.source !== b.source;
}

/** "2026-07-01 14:05" in the machine's own time zone, as the duty log writes times. */
export function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
