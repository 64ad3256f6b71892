/**
 * Directory search: an operator types 张, zhang, zxm or 1380013 and finds the person. The pinyin forms are
 * computed once when a person is written (stored as `searchText`), so searching 10,000 people is a plain
 * substring scan with no pinyin work on the hot path.
 */
import { pinyin } from 'pinyin-pro';

function pinyinForms(text: string): string[] {
  const cjk = text.replace(/[^\u4e00-\u9fff]/g, '');
  if (cjk === '') return [];
  // `surname: 'head'` reads 单/曾/区 as surnames (shan, zeng, ou) where they open a name.
  const full = pinyin(cjk, { toneType: 'none', type: 'array', surname: 'head' });
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
    ...pinyinForms(fields.name),
    fields.title,
    fields.mobile,
    digitsOnly(fields.officePhone),
  ];
  return normaliseQuery(parts.filter((p) => p !== '').join(' '));
}

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase().replace(/\s+/g, ' ');
}

function digitsOnly(phone: string): string {
  return phone.replace(/\D/g, '');
}

/**
 * Every whitespace-separated term must match somewhere: "东湖 值班" narrows instead of widening.
 * `extra` carries text that is not stored on the person (the unit name, position names).
 */
export function matchesQuery(searchText: string, query: string, extra = ''): boolean {
  const terms = normaliseQuery(query).split(' ').filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = extra === '' ? searchText : `${searchText} ${extra.toLowerCase()}`;
  return terms.every((term) => haystack.includes(term.replace(/-/g, '')));
}
