import { describe, expect, it } from 'vitest';
import type { DeadlineView } from '../incident/reports';
import { itemsToCarry, openItems, whyCannotReceive, type Handover, type HandoverItem } from './handover';

const now = new Date(2026, 10, 23, 17, 20).getTime();
const minutes = (n: number) => n * 60_000;
const incident = {
  id: 'i1',
  serial: '2026-0003',
  title: '台风“海燕”',
  level: 'III' as const,
  phase: 'response' as const,
};
const deadline = (label: string, dueAt: number, state: DeadlineView['state']): DeadlineView => ({
  deadline: { ruleId: label, label, kind: 'initial', channel: 'written', dueAt },
  state,
  reportId: null,
});

describe('handover open items', () => {
  it('lists the incident, the reports still owed, the tasks not done and the people who have not answered', () => {
    const items = openItems(
      [
        {
          incident,
          tasks: [
            { text: '转移危险区群众', status: 'inProgress', overdue: true, dueAt: now - minutes(5) },
            { text: '开放避难场所', status: 'notStarted', overdue: false, dueAt: now + minutes(30) },
            { text: '启动会商', status: 'done', overdue: false, dueAt: now - minutes(60) },
          ],
          deadlines: [
            deadline('书面初报', now - minutes(65), { state: 'overdue', lateByMs: minutes(65) }),
            deadline('电话初报', now - minutes(90), { state: 'met' }),
            deadline('续报', new Date(2026, 10, 23, 19, 0).getTime(), {
              state: 'pending',
              remainingMs: minutes(100),
            }),
          ],
          notifications: [
            {
              subject: '启动Ⅲ级响应',
              ackWithinMinutes: 10,
              recipients: [
                {
                  personId: 'a',
                  name: '张三',
                  unitName: '',
                  phone: '',
                  notifiedAt: now - minutes(20),
                  acknowledgedAt: null,
                  flagged: true,
                },
                {
                  personId: 'b',
                  name: '李四',
                  unitName: '',
                  phone: '',
                  notifiedAt: now - minutes(20),
                  acknowledgedAt: now,
                  flagged: false,
                },
                {
                  personId: 'c',
                  name: '王五',
                  unitName: '',
                  phone: '',
                  notifiedAt: null,
                  acknowledgedAt: null,
                  flagged: false,
                },
              ],
            },
          ],
        },
      ],
      now,
    );
    expect(items.map((i) => [i.kind, i.text])).toEqual([
      ['incident', '2026-0003 台风“海燕”：应急响应（Ⅲ级）'],
      ['report', '2026-0003 书面初报：应于16:15前报送，已超时1小时05分（可能迟报）'],
      ['report', '2026-0003 续报：应于19:00前报送，剩余1小时40分'],
      ['task', '2026-0003 未完成任务2项，其中逾期1项：转移危险区群众'],
      ['notice', '2026-0003 通知“启动Ⅲ级响应”：张三、王五未叫应'],
    ]);
    expect(items.every((i) => i.incidentId === 'i1' && i.carriedFrom === null)).toBe(true);
  });

  it('names a warning phase without a level, and has nothing to say when nothing is open', () => {
    const items = openItems(
      [
        {
          incident: { ...incident, phase: 'warning' as const, level: null },
          tasks: [],
          deadlines: [],
          notifications: [],
        },
      ],
      now,
    );
    expect(items.map((i) => i.text)).toEqual(['2026-0003 台风“海燕”：预警']);
    expect(openItems([], now)).toEqual([]);
  });
});

describe('handover sheets', () => {
  const item = (kind: HandoverItem['kind'], text: string): HandoverItem => ({
    id: text,
    kind,
    incidentId: null,
    text,
    carriedFrom: null,
  });
  const actor = (personId: string) => ({ personId, name: personId, positionId: 'p', positionName: '值班员' });

  it('carries the hand-written items and leaves the read-off ones to be read again', () => {
    expect(itemsToCarry({ id: 'h1', items: [item('incident', 'A'), item('note', '回电区水务局')] })).toEqual([
      item('note', '回电区水务局'),
    ]);
    expect(itemsToCarry(undefined)).toEqual([]);
  });

  it('lets only the named receiver confirm, once, and never the one who handed over', () => {
    const sheet: Pick<Handover, 'receivedAt' | 'handedBy' | 'receiverId'> = {
      receivedAt: null,
      handedBy: actor('out'),
      receiverId: 'in',
    };
    expect(whyCannotReceive(sheet, actor('in'))).toBeNull();
    expect(whyCannotReceive(sheet, actor('out'))).toBe('selfReceipt');
    expect(whyCannotReceive(sheet, actor('someone'))).toBe('notReceiver');
    expect(whyCannotReceive({ ...sheet, receivedAt: now }, actor('in'))).toBe('alreadyReceived');
  });
});
