import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchesQuery, SEARCH_TEXT_VERSION } from '@shared/domain/org/search';
import { EmergencyDeskDatabase } from '../database';
import { refreshSearchTextIfStale } from './search-text-refresh';

let db: EmergencyDeskDatabase;
const person = {
  id: 'p1',
  name: '吕强',
  unitId: 'u1',
  title: '',
  mobile: '',
  officePhone: '',
  positionIds: [],
  pin: null,
  note: '',
  // As version 1 stored it: ü kept as ü, so "lvqiang" found nothing.
  searchText: '吕强 lüqiang lq',
  createdAt: 1,
  createdBy: null,
  updatedAt: 1,
  updatedBy: null,
};

beforeEach(async () => {
  db = new EmergencyDeskDatabase(`search-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('refreshing stored search text', () => {
  it('recomputes people stored under an older version once, then leaves them alone', async () => {
    await db.people.add(person);
    expect(await refreshSearchTextIfStale(db)).toBe(1);
    expect(matchesQuery((await db.people.get('p1'))!.searchText, 'lvqiang')).toBe(true);
    expect((await db.settings.get('searchTextVersion'))?.value).toBe(SEARCH_TEXT_VERSION);
    expect(await refreshSearchTextIfStale(db)).toBe(0);
  });
});
