/**
 * The stored search text of a person: name, full pinyin and initials, title and phone digits. Kept apart
 * from search.ts because the pinyin dictionary is large: only writes load it (dynamic import).
 */
import { pinyin } from 'pinyin-pro';
import { normaliseQuery } from './search';

/**
 * Full pinyin and initials of a text's Chinese characters. A person's name reads its first character as a
 * surname (单/曾/区 → shan, zeng, ou); the name of a thing does not (区级 → quji, 折叠床 → zhediechuang,
 * 单兵帐篷 → danbingzhangpeng), or 一键检索 would miss what an operator types.
 */
export function pinyinForms(text: string, reading: 'thing' | 'personName' = 'thing'): string[] {
  const cjk = text.replace(/[^\u4e00-\u9fff]/g, '');
  if (cjk === '') return [];
  // `v: true` stores ü as v (lv, nv): what a pinyin input method types for 吕, 女, 绿.
  const full = pinyin(cjk, {
    toneType: 'none',
    type: 'array',
    surname: reading === 'personName' ? 'head' : 'off',
    v: true,
  });
  const initials = full.map((syllable) => syllable.charAt(0));
  return [full.join(''), initials.join('')];
}

export interface SearchableFields {
  name: string;
  title: string;
  mobile: string;
  officePhone: string;
}

export function personSearchText(fields: SearchableFields): string {
  const parts = [
    fields.name,
    ...pinyinForms(fields.name, 'personName'),
    fields.title,
    fields.mobile,
    digitsOnly(fields.officePhone),
  ];
  return normaliseQuery(parts.filter((p) => p !== '').join(' '));
}

function digitsOnly(phone: string): string {
  return phone.replace(/\D/g, '');
}
