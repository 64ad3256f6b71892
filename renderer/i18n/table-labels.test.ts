import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../db/schema';
import { en } from './en';
import { zhCN } from './zh-CN';

// The database card lists every table by its label: a table added without one showed its i18n key.
describe('table labels', () => {
  it.each([
    ['zh-CN', zhCN.settings.tables],
    ['en', en.settings.tables],
  ])('names every table in %s', (_, labels) => {
    const missing = TABLE_NAMES.filter((name) => !(labels as Record<string, string>)[name]);
    expect(missing).toEqual([]);
  });
});
