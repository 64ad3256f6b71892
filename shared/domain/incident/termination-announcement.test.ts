import { describe, expect, it } from 'vitest';
import { as, samplePlan } from '../../../test/support/plan-driver';
import type { PlanEvent } from '../plan/plan-events';
import {
  chineseMoment,
  terminationAnnouncement,
  terminationOf,
  whyCannotIssueAnnouncement,
  type AnnouncementFacts,
} from './termination-announcement';

/** Local wall-clock times, so the text reads the same in any time zone. */
const local = (d: number, h: number, m: number) => new Date(2026, 10, d, h, m).getTime();

const facts: AnnouncementFacts = {
  incidentTitle: '台风“海燕”影响滨江村',
  place: '滨江街道沿海一线',
  occurredAt: local(23, 2, 0),
  commandBody: '区三防指挥部',
  planTitle: '示范区防台风应急预案',
  activations: [
    { level: 'IV', at: local(23, 2, 40) },
    { level: 'III', at: local(23, 5, 5) },
  ],
  level: 'III',
  terminatedAt: local(24, 10, 30),
  reason: '台风已过境，影响基本结束。',
  aftermath: [],
};

describe('终止公告', () => {
  it('names the event, the level, the body that decides, the time and the reason, and what continues', () => {
    const text = terminationAnnouncement(facts);
    expect(text.title).toBe('关于终止台风“海燕”影响滨江村Ⅲ级应急响应的公告');
    expect(text.body.split('\n')).toEqual([
      '2026年11月23日02时00分，滨江街道沿海一线发生台风“海燕”影响滨江村。2026年11月23日02时40分，区三防指挥部启动Ⅳ级应急响应，后调整为Ⅲ级应急响应。',
      '鉴于台风已过境，影响基本结束，根据《中华人民共和国突发事件应对法》第八十六条和《示范区防台风应急预案》的有关规定，区三防指挥部决定自2026年11月24日10时30分起终止Ⅲ级应急响应。',
      '应急响应终止后，各有关单位要继续做好人员安置、损失评估、恢复重建等善后工作，采取必要措施防止发生次生、衍生事件，尽快恢复正常生产生活秩序。',
      '特此公告。',
    ]);
  });

  it('lists the 善后 tasks on the board when there are some, and says nothing of an adjustment when the level never changed', () => {
    const text = terminationAnnouncement({
      ...facts,
      activations: [{ level: 'III', at: local(23, 2, 40) }],
      aftermath: ['转移群众返迁', '堤防损毁评估'],
    });
    expect(text.body).toContain('区三防指挥部启动Ⅲ级应急响应。\n');
    expect(text.body).toContain('继续做好转移群众返迁、堤防损毁评估等善后工作');
  });

  it('takes the time, reason and decider from the last terminate event', () => {
    const events: PlanEvent[] = [
      { type: 'level.approve', level: 'IV', at: 1, by: as.secretary },
      { type: 'response.terminate', reason: '台风已过境', at: 9, by: as.deputy },
    ];
    expect(terminationOf(events)).toEqual({ at: 9, reason: '台风已过境', by: as.deputy });
    expect(terminationOf(events.slice(0, 1))).toBeNull();
    expect(chineseMoment(local(1, 8, 5))).toBe('2026年11月1日08时05分');
  });

  it('is signed by the information channel or by a leader who may end this level, nobody else, and only once', () => {
    const plan = samplePlan('sample-typhoon');
    const draft = { status: 'draft' as const, title: '关于终止…的公告', body: '特此公告。' };
    const channel = { personId: as.office.personId, name: as.office.name };
    const who = { plan, level: 'III' as const, channel };
    expect(whyCannotIssueAnnouncement(draft, who, as.office)).toBeNull();
    expect(whyCannotIssueAnnouncement(draft, who, as.deputy)).toBeNull();
    // The secretary-general may end Ⅳ, not Ⅲ.
    expect(whyCannotIssueAnnouncement(draft, who, as.secretary)).toBe(
      '终止公告须由信息口径签发人黄欣刚或有权宣布Ⅲ级响应终止的领导签发',
    );
    expect(whyCannotIssueAnnouncement(draft, { ...who, level: 'IV' }, as.secretary)).toBeNull();
    expect(whyCannotIssueAnnouncement(draft, { ...who, channel: null }, as.dutyOfficer)).toBe(
      '终止公告须由有权宣布Ⅲ级响应终止的领导签发',
    );
    expect(whyCannotIssueAnnouncement({ ...draft, body: ' ' }, who, as.office)).toBe(
      '公告标题和正文不能为空',
    );
    expect(whyCannotIssueAnnouncement({ ...draft, status: 'issued' }, who, as.office)).toBe('终止公告已签发');
  });
});
