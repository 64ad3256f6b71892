import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { distanceKm, normaliseSearch, rankResults, type ResourceIndexRow } from './resource-search';
import type { GeoPoint } from './resource-types';

/** The ranking written as plainly as it reads, comparing afresh each time: the oracle for the fast one. */
function plainRanking(rows: readonly ResourceIndexRow[], terms: readonly string[], near: GeoPoint | null) {
  const first = terms[0] ?? '';
  const score = (row: ResourceIndexRow) => {
    const name = normaliseSearch(row.name);
    if (first !== '' && (name === first || row.code === first)) return 0;
    if (first !== '' && (name.startsWith(first) || row.code.startsWith(first))) return 1;
    return 2;
  };
  const availabilityRank = { available: 0, limited: 1, unavailable: 2 } as const;
  const distance = (row: ResourceIndexRow) =>
    near && row.location ? distanceKm(near, row.location) : Number.POSITIVE_INFINITY;
  return [...rows].sort(
    (a, b) =>
      score(a) - score(b) ||
      availabilityRank[a.availability] - availabilityRank[b.availability] ||
      distance(a) - distance(b) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
}

const NAMES = [
  '沙袋',
  '编织沙袋',
  '沙袋（加厚）',
  'ＡＢ沙袋',
  '帐篷',
  '救灾帐篷',
  '棉帐篷',
  'Ab',
  'ab',
  '发电机',
];
const CODES = ['', '2010101', '20101', '1040101', '沙袋'];

// A place is never NaN (geoPointSchema refuses it), and with NaN no order is consistent to compare against.
const rowArb = fc.record({
  name: fc.constantFrom(...NAMES),
  code: fc.constantFrom(...CODES),
  availability: fc.constantFrom('available', 'limited', 'unavailable'),
  location: fc.option(
    fc.record({
      lng: fc.double({ min: 114, max: 115, noNaN: true }),
      lat: fc.double({ min: 30, max: 31, noNaN: true }),
    }),
    {
      nil: null,
    },
  ),
});

function rows(
  parts: readonly Omit<
    ResourceIndexRow,
    'id' | 'kind' | 'detail' | 'status' | 'quantity' | 'unit' | 'keys' | 'text'
  >[],
) {
  return parts.map((p, i): ResourceIndexRow => ({
    ...p,
    id: `r${i}`,
    kind: 'material',
    detail: '',
    status: '',
    quantity: null,
    unit: '',
    keys: [],
    text: '',
  }));
}

describe('rankResults', () => {
  test.prop([
    fc.array(rowArb, { maxLength: 60 }),
    fc.array(fc.constantFrom('沙袋', '帐篷', '20101', '2010101', 'ab', '编织沙袋'), { maxLength: 3 }),
    fc.option(
      fc.record({
        lng: fc.double({ min: 114, max: 115, noNaN: true }),
        lat: fc.double({ min: 30, max: 31, noNaN: true }),
      }),
      {
        nil: null,
      },
    ),
  ])('orders rows exactly as the plain comparison does', (parts, terms, near) => {
    const input = rows(parts);
    expect(rankResults(input, terms, near).map((r) => r.id)).toEqual(
      plainRanking(input, terms, near).map((r) => r.id),
    );
  });

  test.prop([
    fc.array(rowArb, { maxLength: 120 }),
    fc.array(fc.constantFrom('沙袋', '帐篷', '20101', 'ab'), { maxLength: 2 }),
    fc.option(
      fc.record({
        lng: fc.double({ min: 114, max: 115, noNaN: true }),
        lat: fc.double({ min: 30, max: 31, noNaN: true }),
      }),
      {
        nil: null,
      },
    ),
    fc.integer({ min: 0, max: 130 }),
  ])('lists the first `limit` of that order, however the groups fall', (parts, terms, near, limit) => {
    const input = rows(parts);
    expect(rankResults(input, terms, near, limit).map((r) => r.id)).toEqual(
      plainRanking(input, terms, near)
        .slice(0, limit)
        .map((r) => r.id),
    );
  });

  it('puts an exact name first, then a name that starts with the term, usable first, nearest first', () => {
    const input = rows([
      { name: '编织沙袋', code: '2010102', availability: 'available', location: null },
      { name: '沙袋', code: '2010101', availability: 'unavailable', location: null },
      { name: '沙袋（加厚）', code: '2010103', availability: 'limited', location: { lng: 114.5, lat: 30.5 } },
      { name: '沙袋（防汛）', code: '2010104', availability: 'limited', location: { lng: 114.3, lat: 30.6 } },
    ]);
    expect(rankResults(input, ['沙袋'], { lng: 114.3, lat: 30.6 }).map((r) => r.name)).toEqual([
      '沙袋',
      '沙袋（防汛）',
      '沙袋（加厚）',
      '编织沙袋',
    ]);
  });
});
