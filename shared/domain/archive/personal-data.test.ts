import { describe, expect, it } from 'vitest';
import { PURGED_NAME, hasPersonalData, purgeSummary, withoutPersonalData } from './personal-data';

describe('the personal data of a 接报', () => {
  const intake = { sourceUnit: '滨江村委会', sourcePerson: '王建国', sourcePhone: '13912345678', injured: 2 };

  it('clears the caller’s name and phone and keeps everything else', () => {
    expect(withoutPersonalData(intake)).toEqual({
      sourceUnit: '滨江村委会',
      sourcePerson: PURGED_NAME,
      sourcePhone: '',
      injured: 2,
    });
  });

  it('is found where a name or a phone remains, and not once cleared (by this or the earlier marker)', () => {
    expect(hasPersonalData(intake)).toBe(true);
    expect(hasPersonalData({ sourcePerson: PURGED_NAME, sourcePhone: '13912345678' })).toBe(true);
    expect(hasPersonalData({ sourcePerson: '王建国', sourcePhone: '' })).toBe(true);
    expect(hasPersonalData(withoutPersonalData(intake))).toBe(false);
    expect(hasPersonalData({ sourcePerson: '（已清除）', sourcePhone: '' })).toBe(false);
    expect(hasPersonalData({ sourcePerson: ' ', sourcePhone: '' })).toBe(false);
  });

  it('says how many callers were cleared', () => {
    expect(purgeSummary(3)).toBe('已清除 3 名报告人的姓名和电话');
    expect(purgeSummary(0)).toBe('已清除 0 名报告人的姓名和电话');
  });
});
