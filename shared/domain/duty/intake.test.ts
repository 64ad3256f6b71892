import { describe, expect, it } from 'vitest';
import { casualtyText, intakeInputSchema, nextSerial } from './intake';

const base = {
  receivedAt: Date.parse('2026-11-23T02:15:00+08:00'),
  sourcePerson: '王建国',
  sourcePhone: '13912345678',
  place: '东湖街道滨江路与新港路交叉口',
  category: 'accident',
  nature: '一辆危化品运输车侧翻，疑似泄漏',
};

describe('接报', () => {
  it('takes a report with only what is known at first, counting casualties as zero', () => {
    const parsed = intakeInputSchema.parse(base);
    expect(parsed).toMatchObject({ dead: 0, injured: 0, missing: 0, occurredAt: null, scope: '' });
  });

  it('refuses a report without caller, phone, place or nature, and an event after its report', () => {
    const result = intakeInputSchema.safeParse({
      ...base,
      sourcePerson: ' ',
      sourcePhone: '12345',
      place: '',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['sourcePerson', 'required'],
      ['sourcePhone', 'phoneInvalid'],
      ['place', 'required'],
    ]);
    const later = intakeInputSchema.safeParse({ ...base, occurredAt: base.receivedAt + 60_000 });
    expect(later.error?.issues[0]).toMatchObject({ path: ['occurredAt'], message: 'occurredAfterReceived' });
    expect(intakeInputSchema.safeParse({ ...base, dead: -1 }).success).toBe(false);
    expect(intakeInputSchema.safeParse({ ...base, injured: 1.5 }).success).toBe(false);
  });

  it('numbers intakes per year and writes casualties as a duty log does', () => {
    expect(nextSerial(2026, [])).toBe('2026-0001');
    expect(nextSerial(2026, ['2026-0001', '2026-0012', '2025-0400'])).toBe('2026-0013');
    expect(casualtyText({ dead: 2, injured: 5, missing: 0 })).toBe('死亡2人、受伤5人');
    expect(casualtyText({ dead: 0, injured: 0, missing: 0 })).toBe('无人员伤亡');
  });
});
