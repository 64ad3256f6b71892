import { describe, expect, it } from 'vitest';
import type { Intake } from '../duty/intake';
import { elapsedText, incidentFromIntake, incidentInputSchema } from './incident';
import { journalToLog } from './incident-log';

describe('incidents', () => {
  it('shows elapsed time as a duty officer reports it', () => {
    expect(elapsedText(0, 59_000)).toBe('0分钟');
    expect(elapsedText(0, 45 * 60_000)).toBe('45分钟');
    expect(elapsedText(0, 125 * 60_000)).toBe('2小时05分');
    expect(elapsedText(0, (26 * 60 + 3) * 60_000)).toBe('1天2小时03分');
    expect(elapsedText(1000, 0)).toBe('0分钟');
  });

  it('fills a new incident from a 接报, with the event time or else the time of the call', () => {
    const intake = {
      id: 'i1',
      receivedAt: 2_000,
      occurredAt: null,
      place: '东湖街道滨江路',
      category: 'accident',
      nature: '危化品运输车侧翻，罐体泄漏',
    } as Intake;
    const input = incidentFromIntake(intake);
    expect(input).toEqual({
      title: '危化品运输车侧翻，罐体泄漏',
      place: '东湖街道滨江路',
      category: 'accident',
      occurredAt: 2_000,
      grade: 'general',
      planId: null,
      intakeId: 'i1',
    });
    expect(incidentInputSchema.safeParse(input).success).toBe(true);
    expect(incidentFromIntake({ ...intake, occurredAt: 1_000 }).occurredAt).toBe(1_000);
  });

  it('refuses an incident without title or place on their fields', () => {
    const result = incidentInputSchema.safeParse({
      title: ' ',
      place: '',
      category: 'natural',
      occurredAt: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['title', 'required'],
      ['place', 'required'],
    ]);
  });

  it('files journal entries as observations or decisions, linked to their journal number', () => {
    const by = { personId: 'p', name: '崔伟', positionId: 'q', positionName: '值班员' };
    const entries = [
      {
        seq: 3,
        at: 10,
        by,
        event: 'warning.issue',
        from: 'monitoring',
        to: 'warning',
        why: '发布台风橙色预警',
      },
      {
        seq: 4,
        at: 10,
        by: null,
        event: 'level.propose',
        from: 'warning',
        to: 'warning',
        why: '建议启动Ⅳ级响应',
      },
    ];
    expect(journalToLog(entries).map((e) => [e.category, e.author?.name ?? null, e.links])).toEqual([
      ['observation', '崔伟', [{ kind: 'journal', id: '3' }]],
      ['decision', null, [{ kind: 'journal', id: '4' }]],
    ]);
  });
});
