import { describe, expect, it } from 'vitest';
import { matchesQuery } from './search';
import { personSearchText, pinyinForms } from './search-text';

const zhang = personSearchText({
  name: '张晓明',
  title: '值班员',
  mobile: '13800138000',
  officePhone: '0999-2345678',
});

describe('personSearchText and matchesQuery', () => {
  it('finds a person by characters, full pinyin, initials and phone', () => {
    for (const query of [
      '张',
      '晓明',
      'zhang',
      'ZhangXiaoMing',
      'zxm',
      '1380013',
      '2345678',
      '0999-2345678',
    ]) {
      expect(matchesQuery(zhang, query), query).toBe(true);
    }
  });

  it('does not match unrelated queries', () => {
    for (const query of ['李', 'lixm', '139']) expect(matchesQuery(zhang, query), query).toBe(false);
  });

  it('reads polyphonic surnames as surnames', () => {
    const shan = personSearchText({ name: '单雄信', title: '', mobile: '', officePhone: '' });
    expect(matchesQuery(shan, 'shanxiongxin')).toBe(true);
    const zeng = personSearchText({ name: '曾国强', title: '', mobile: '', officePhone: '' });
    expect(matchesQuery(zeng, 'zgq')).toBe(true);
  });

  it('reads the name of a thing without a surname: 单兵帐篷 is danbing, 区级 quji', () => {
    expect(pinyinForms('单兵帐篷')).toEqual(['danbingzhangpeng', 'dbzp']);
    expect(pinyinForms('区级储备库')).toEqual(['qujichubeiku', 'qjcbk']);
    expect(pinyinForms('单雄信', 'personName')).toEqual(['shanxiongxin', 'sxx']);
  });

  it('requires every term and can match extra text such as the unit name', () => {
    expect(matchesQuery(zhang, '张 东湖', '东湖街道办事处')).toBe(true);
    expect(matchesQuery(zhang, '张 西城', '东湖街道办事处')).toBe(false);
    expect(matchesQuery(zhang, '   ')).toBe(true);
  });

  it('stores ü as v, the way a pinyin input method types 吕 and 女', () => {
    const lv = personSearchText({ name: '吕女', title: '', mobile: '', officePhone: '' });
    expect(matchesQuery(lv, 'lvnv')).toBe(true);
    expect(matchesQuery(lv, 'ln')).toBe(true);
  });
});
