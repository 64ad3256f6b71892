/**
 * 终止公告: once the threat is under control, the body that started the response announces its end (宣布解除,
 * 突发事件应对法 Art. 86) and says what continues — 善后 work, and measures against secondary events. The
 * text is generated from the incident and its chart, edited by the operator, then signed (签发) and frozen.
 * Who may sign: the 四个一's information channel (一个口径, nothing goes out unsigned), or a leader who may
 * terminate this level under the plan (the body that decided announces it).
 */
import { z } from '../../validation/z';
import type { Actor } from '../org/types';
import { levelLabel, type ResponseLevel } from '../plan/levels';
import type { PlanEvent } from '../plan/plan-events';
import { gateApproval, levelOf, signingRoles } from '../plan/plan-rules';
import type { Plan } from '../plan/plan-schema';

export interface AnnouncementFacts {
  incidentTitle: string;
  place: string;
  occurredAt: number;
  /** The headquarters that runs the plan (e.g. 区三防指挥部): it started the response and announces its end. */
  commandBody: string;
  planTitle: string;
  /** The levels activated, in order, with when. */
  activations: readonly { level: ResponseLevel; at: number }[];
  /** The level in force when the response ended. */
  level: ResponseLevel;
  terminatedAt: number;
  reason: string;
  /** What continues after the response: the 善后 tasks, or the usual ones when none are set yet. */
  aftermath: readonly string[];
}

export interface AnnouncementText {
  title: string;
  body: string;
}

export interface TerminationAnnouncement extends AnnouncementText {
  status: 'draft' | 'issued';
  updatedAt: number;
  updatedBy: Actor;
  issued: { actor: Actor; at: number } | null;
}

/** What Art. 86 says continues, when the board has no 善后 task yet. */
export const USUAL_AFTERMATH = ['人员安置', '损失评估', '恢复重建'] as const;

const required = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

export const announcementDraftSchema = z.object({ title: required(100), body: required(3000) });
export type AnnouncementDraft = z.input<typeof announcementDraftSchema>;

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年11月23日 in local time. */
export function chineseDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** 2026年11月23日10时30分 in local time, as official documents write a moment. */
export function chineseMoment(ms: number): string {
  const d = new Date(ms);
  return `${chineseDate(ms)}${pad(d.getHours())}时${pad(d.getMinutes())}分`;
}

/** The last `response.terminate` the chart took: when, why, and who decided. */
export function terminationOf(
  events: readonly PlanEvent[],
): { at: number; reason: string; by: Actor } | null {
  const event = events.findLast((e) => e.type === 'response.terminate');
  return event?.type === 'response.terminate' ? { at: event.at, reason: event.reason, by: event.by } : null;
}

const trimEnd = (text: string) => text.trim().replace(/[。；，,.;\s]+$/u, '');

export function terminationAnnouncement(facts: AnnouncementFacts): AnnouncementText {
  const level = `${levelLabel(facts.level)}应急响应`;
  const [first] = facts.activations;
  const started = first
    ? `${chineseMoment(first.at)}，${facts.commandBody}启动${levelLabel(first.level)}应急响应${
        first.level === facts.level ? '' : `，后调整为${level}`
      }。`
    : '';
  const continuing = (facts.aftermath.length ? facts.aftermath : USUAL_AFTERMATH).join('、');
  const paragraphs = [
    `${chineseMoment(facts.occurredAt)}，${facts.place}发生${trimEnd(facts.incidentTitle)}。${started}`,
    `鉴于${trimEnd(facts.reason)}，根据《中华人民共和国突发事件应对法》第八十六条和《${facts.planTitle}》的有关规定，${facts.commandBody}决定自${chineseMoment(facts.terminatedAt)}起终止${level}。`,
    `应急响应终止后，各有关单位要继续做好${continuing}等善后工作，采取必要措施防止发生次生、衍生事件，尽快恢复正常生产生活秩序。`,
    '特此公告。',
  ];
  return {
    title: `关于终止${trimEnd(facts.incidentTitle)}${level}的公告`,
    body: paragraphs.join('\n'),
  };
}

/** Why this person may not sign the announcement now, or null. */
export function whyCannotIssueAnnouncement(
  announcement: Pick<TerminationAnnouncement, 'status' | 'title' | 'body'>,
  who: {
    plan: Pick<Plan, 'roles' | 'levels'>;
    level: ResponseLevel;
    channel: { personId: string; name: string } | null;
  },
  actor: Actor,
): string | null {
  if (announcement.status === 'issued') return '终止公告已签发';
  if (announcement.title.trim() === '' || announcement.body.trim() === '') return '公告标题和正文不能为空';
  const def = levelOf(who.plan, who.level);
  const mayTerminate =
    def !== undefined && signingRoles(who.plan, gateApproval(def, 'termination'), actor).length > 0;
  if (mayTerminate || who.channel?.personId === actor.personId) return null;
  const leader = `有权宣布${levelLabel(who.level)}响应终止的领导`;
  return who.channel
    ? `终止公告须由信息口径签发人${who.channel.name}或${leader}签发`
    : `终止公告须由${leader}签发`;
}
