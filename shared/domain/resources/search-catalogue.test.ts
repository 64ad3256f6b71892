import { describe, expect, it } from 'vitest';
import {
  catalogueEntry,
  createSearchCatalogue,
  type CatalogueQuery,
  type SearchCatalogue,
} from './search-catalogue';
import type { ResourceIndexRow } from './resource-search';

function row(
  id: string,
  name: string,
  text: string,
  extra: Partial<ResourceIndexRow> = {},
): ResourceIndexRow {
  return {
    id,
    kind: 'material',
    name,
    code: '',
    detail: '',
    status: '',
    availability: 'available',
    quantity: null,
    unit: '',
    location: null,
    keys: [name],
    text,
    ...extra,
  };
}

const ids = (catalogue: SearchCatalogue, q: CatalogueQuery) => catalogue.find(q).map((hit) => hit.id);

const query = (terms: string[], more: Partial<CatalogueQuery> = {}): CatalogueQuery => ({
  terms,
  filter: { kinds: [], availableOnly: false },
  near: null,
  limit: 50,
  ...more,
});

describe('the in-memory 一键检索 catalogue', () => {
  it('finds the rows whose text holds every term, ranked, within the filter', () => {
    const catalogue = createSearchCatalogue(
      [
        row('a', '单兵帐篷', '单兵帐篷 区级储备库 dbzp'),
        row('b', '帐篷', '帐篷 东湖街道储备点 zp'),
        row('c', '救灾帐篷', '救灾帐篷 区级储备库 jzzp', { availability: 'unavailable' }),
        row('d', '抢险队', '抢险队 区级 qxd', { kind: 'team' }),
      ].map(catalogueEntry),
    );
    expect(ids(catalogue, query(['帐篷']))).toEqual(['b', 'a', 'c']);
    expect(ids(catalogue, query(['帐篷', '区级']))).toEqual(['a', 'c']);
    expect(ids(catalogue, query(['区级'], { filter: { kinds: ['team'], availableOnly: false } }))).toEqual([
      'd',
    ]);
    expect(ids(catalogue, query(['帐篷'], { filter: { kinds: [], availableOnly: true } }))).toEqual([
      'b',
      'a',
    ]);
    expect(ids(catalogue, query(['帐篷'], { limit: 1 }))).toEqual(['b']);
    expect(ids(catalogue, query(['火箭']))).toEqual([]);
  });

  it('finds a match among thousands of rows sharing a common term, which an index read of the first rows missed', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      row(`r${String(i).padStart(5, '0')}`, `编织袋${i}`, `编织袋${i} 区级储备库`),
    );
    rows.push(row('tent', '棉帐篷', '棉帐篷 区级储备库'));
    const catalogue = createSearchCatalogue(rows.map(catalogueEntry));
    expect(ids(catalogue, query(['区级', '帐篷']))).toEqual(['tent']);
    expect(ids(catalogue, query(['区级'], { limit: 3 }))).toHaveLength(3);
  });

  it('follows a row changed or removed', () => {
    const catalogue = createSearchCatalogue([catalogueEntry(row('a', '沙袋', '沙袋 东湖'))]);
    catalogue.put(catalogueEntry(row('a', '沙袋', '沙袋 新港')));
    catalogue.put(catalogueEntry(row('b', '编织沙袋', '编织沙袋 新港')));
    expect(ids(catalogue, query(['东湖']))).toEqual([]);
    expect(ids(catalogue, query(['新港']))).toEqual(['b', 'a']);
    catalogue.remove('a');
    expect(ids(catalogue, query(['沙袋']))).toEqual(['b']);
    expect(catalogue.size).toBe(1);
  });

  it('keeps every row findable across blocks as rows are removed and their places reused', () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => row(`r${i}`, `沙袋${i}`, `沙袋${i} 区级`));
    const catalogue = createSearchCatalogue(rows.map(catalogueEntry));
    catalogue.prepare();
    for (let i = 0; i < 5_000; i += 3) catalogue.remove(`r${i}`);
    for (let i = 0; i < 700; i += 1) catalogue.put(catalogueEntry(row(`n${i}`, `帐篷${i}`, `帐篷${i} 区级`)));
    const all = ids(catalogue, query(['区级'], { limit: 10_000 }));
    expect(all).toHaveLength(5_000 - 1_667 + 700);
    expect(new Set(all).size).toBe(all.length);
    expect(ids(catalogue, query(['沙袋3'], { limit: 10_000 })).sort()).toEqual(
      rows
        .map((r) => r.id)
        .filter((id) => id.startsWith('r3') && Number(id.slice(1)) % 3 !== 0)
        .sort(),
    );
    expect(ids(catalogue, query(['帐篷699']))).toEqual(['n699']);
    expect(catalogue.size).toBe(all.length);
  });
});
