import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { sealEntry, verifyChain, type LogEntry } from '../incident/log-chain';
import type { TableRows } from './backup-bundle';
import {
  addsNothing,
  planMerge,
  resolveMerge,
  type MergePlan,
  type Row,
  type SchemaInfo,
} from './merge-plan';

const schema: SchemaInfo = {
  people: { primKey: 'id', unique: [] },
  settings: { primKey: 'key', unique: [] },
  audit: { primKey: 'id', unique: [] },
  plans: { primKey: ['id', 'version'], unique: [] },
  materials: { primKey: 'id', unique: ['code'] },
  stockEntries: { primKey: 'id', unique: [] },
  stockBalances: { primKey: ['materialId', 'warehouseId', 'batchNo'], unique: [] },
  resourceIndex: { primKey: 'id', unique: [] },
  intakes: { primKey: 'id', unique: ['serial'] },
  incidents: { primKey: 'id', unique: ['serial'] },
  incidentEvents: { primKey: 'id', unique: [] },
  incidentLog: { primKey: 'id', unique: [] },
  incidentTasks: { primKey: 'id', unique: [] },
  drillRuns: { primKey: 'id', unique: [] },
  drillRunScenarios: { primKey: 'runId', unique: [] },
  drillJournal: { primKey: 'id', unique: [] },
};

const keyOf = (table: string, row: Row) => {
  const path = schema[table]!.primKey;
  return JSON.stringify(typeof path === 'string' ? row[path] : path.map((p) => row[p]));
};

/** The local tables after the resolved writes, as IndexedDB's bulkPut would leave them. */
function apply(local: TableRows, writes: Map<string, Row[]>): TableRows {
  const result: TableRows = {};
  for (const table of Object.keys(schema)) {
    const rows = new Map(((local[table] ?? []) as Row[]).map((r) => [keyOf(table, r), r]));
    for (const row of writes.get(table) ?? []) rows.set(keyOf(table, row), row);
    result[table] = [...rows.values()];
  }
  return result;
}

function merge(local: TableRows, incoming: TableRows, side: 'local' | 'incoming' = 'local') {
  const plan = planMerge(local, incoming, schema);
  const resolutions = Object.fromEntries([
    ...plan.conflicts.map((c) => [c.id, side] as const),
    ...plan.blockers.map((b) => [b.id, 'local'] as const),
  ]);
  const resolved = resolveMerge(plan, resolutions);
  if (!resolved.ok) throw new Error('unresolved');
  return { plan, merged: apply(local, resolved.writes) };
}

const author = { personId: 'p', name: '崔伟', positionId: 'x', positionName: '值班员' };
function log(incidentId: string, texts: readonly string[], idPrefix = incidentId): LogEntry[] {
  const entries: LogEntry[] = [];
  texts.forEach((text, i) => {
    const input = { at: 1_000 + i, author, category: 'note' as const, text, links: [], corrects: null };
    entries.push(sealEntry(input, entries.at(-1) ?? null, { id: `${idPrefix}-${i}`, incidentId }));
  });
  return entries;
}
function incident(id: string, serial: string, logCount: number, extra: Row = {}): Row {
  return {
    id,
    serial,
    title: `事件${serial}`,
    grade: 'general',
    logCount,
    eventCount: 0,
    updatedAt: logCount,
    ...extra,
  };
}
const person = (id: string, mobile: string): Row => ({ id, name: `人员${id}`, mobile });
const added = (plan: MergePlan) => Object.values(plan.counts).reduce((n, c) => n + c.added, 0);

describe('planMerge', () => {
  it('adds new records, skips identical ones and shows an edit made on both machines as a conflict', () => {
    const local = { people: [person('a', '138'), person('b', '139')] };
    const incoming = { people: [person('a', '138'), person('b', '137'), person('c', '136')] };
    const plan = planMerge(local, incoming, schema);
    expect(plan.counts['people']).toMatchObject({ added: 1, identical: 1, conflicts: 1 });
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ id: 'row:people:"b"', label: '人员b', fields: ['mobile'] }),
    ]);
    expect(resolveMerge(plan, {})).toEqual({ ok: false, unresolved: ['row:people:"b"'] });
    expect(merge(local, incoming, 'incoming').merged['people']).toContainEqual(person('b', '137'));
    expect(merge(local, incoming, 'local').merged['people']).toContainEqual(person('b', '139'));
  });

  it('takes the longer log when one is the start of the other, and the merged chain verifies', () => {
    const texts = ['接报', '启动响应', '到场', '处置完毕'];
    const local = { incidents: [incident('i1', '2026-0001', 2)], incidentLog: log('i1', texts.slice(0, 2)) };
    const incoming = { incidents: [incident('i1', '2026-0001', 4)], incidentLog: log('i1', texts) };
    const { plan, merged } = merge(local, incoming);
    expect(plan.conflicts).toEqual([]);
    expect(plan.counts['incidentLog']).toMatchObject({ added: 2, identical: 2 });
    expect(plan.counts['incidents']).toMatchObject({ updated: 1 });
    const rows = (merged['incidentLog'] as LogEntry[]).sort((a, b) => a.seq - b.seq);
    expect(rows.map((r) => r.text)).toEqual(texts);
    expect(verifyChain(rows)).toEqual({ ok: true, count: 4 });
    expect(merged['incidents']).toEqual([expect.objectContaining({ logCount: 4, updatedAt: 4 })]);
    // The other way round nothing is added: the local log is already the longer.
    expect(added(planMerge(incoming, local, schema))).toBe(0);
  });

  it('keeps the caches of the longer stream with the side a person chose for the record', () => {
    const local = {
      incidents: [incident('i1', '2026-0001', 1, { grade: 'major' })],
      incidentLog: log('i1', ['接报']),
    };
    const incoming = {
      incidents: [incident('i1', '2026-0001', 2)],
      incidentLog: log('i1', ['接报', '续报']),
    };
    const plan = planMerge(local, incoming, schema);
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ fields: ['grade'], label: '2026-0001 事件2026-0001' }),
    ]);
    const kept = merge(local, incoming, 'local').merged['incidents'];
    expect(kept).toEqual([expect.objectContaining({ grade: 'major', logCount: 2 })]);
  });

  it('blocks a forked log, names the incident, and keeps only the local copy of it', () => {
    const first = log('i1', ['接报'])[0]!;
    const next = (text: string, id: string) =>
      sealEntry({ ...first, text, at: 2_000 }, first, { id, incidentId: 'i1' });
    const local = {
      incidents: [incident('i1', '2026-0001', 2)],
      incidentLog: [first, next('本机续报', 'local-2')],
      incidentTasks: [],
    };
    const incoming = {
      incidents: [incident('i1', '2026-0001', 2)],
      incidentLog: [first, next('外出车续报', 'field-2')],
      incidentTasks: [{ id: 't1', incidentId: 'i1' }],
    };
    const plan = planMerge(local, incoming, schema);
    expect(plan.blockers).toEqual([
      expect.objectContaining({ kind: 'fork', table: 'incidents', label: '2026-0001 事件2026-0001', seq: 2 }),
    ]);
    expect(resolveMerge(plan, { [plan.blockers[0]!.id]: 'incoming' }).ok).toBe(false);
    const { merged } = merge(local, incoming);
    expect(merged['incidentLog']).toEqual(local.incidentLog);
    expect(merged['incidentTasks']).toEqual([]);
  });

  it('refuses an incoming log whose chain was edited', () => {
    const incoming = {
      incidents: [incident('i1', '2026-0001', 2)],
      incidentLog: log('i1', ['接报', '到场']),
    };
    incoming.incidentLog[1] = { ...incoming.incidentLog[1]!, text: '改写' };
    const plan = planMerge({}, incoming, schema);
    expect(plan.blockers).toEqual([expect.objectContaining({ reason: 'chain', seq: 2 })]);
    expect(merge({}, incoming).merged['incidentLog']).toEqual([]);
    expect(merge({}, incoming).merged['incidents']).toEqual([]);
  });

  it('blocks a different record with the same 事件编号 or 物资编码, with what hangs on it', () => {
    const local = { incidents: [incident('i1', '2026-0003', 0)], materials: [{ id: 'm1', code: '1010101' }] };
    const incoming = {
      incidents: [incident('i9', '2026-0003', 1)],
      incidentLog: log('i9', ['外出车接报']),
      materials: [{ id: 'm9', code: '1010101' }],
      stockEntries: [{ id: 's9', materialId: 'm9' }],
      resourceIndex: [{ id: 'm9' }],
    };
    const plan = planMerge(local, incoming, schema);
    expect(plan.blockers.map((b) => [b.kind, b.table, b.field])).toEqual([
      ['uniqueKey', 'materials', 'code'],
      ['uniqueKey', 'incidents', 'serial'],
    ]);
    const { merged } = merge(local, incoming);
    expect(merged).toMatchObject({ incidents: local.incidents, materials: local.materials, incidentLog: [] });
    expect(merged['stockEntries']).toEqual([]);
    expect(merged['resourceIndex']).toEqual([]);
  });

  it('never merges settings or stock balances, and treats compound keys as one key', () => {
    const local = {
      settings: [{ key: 'jurisdiction', value: '示范区' }],
      plans: [{ id: 'p', version: 1, t: 'a' }],
    };
    const incoming = {
      settings: [
        { key: 'jurisdiction', value: '外出区' },
        { key: 'session', value: {} },
      ],
      stockBalances: [{ materialId: 'm', warehouseId: 'w', batchNo: '', quantity: 5 }],
      plans: [
        { id: 'p', version: 1, t: 'a' },
        { id: 'p', version: 2, t: 'b' },
      ],
    };
    const plan = planMerge(local, incoming, schema);
    expect(plan.counts['settings']).toMatchObject({ skipped: 2, added: 0 });
    expect(plan.counts['stockBalances']).toMatchObject({ skipped: 1, added: 0 });
    expect(plan.counts['plans']).toMatchObject({ added: 1, identical: 1 });
    expect(merge(local, incoming).merged['settings']).toEqual(local.settings);
  });

  it("takes an imported material's posted side without asking, and asks about a real edit as before", () => {
    const opening = { quantity: 120, batchNo: 'P1', expiryDate: null };
    const imported: Row = { id: 'm', code: '1010101', name: '折叠床', opening };
    const posted: Row = { id: 'm', code: '1010101', name: '折叠床' };
    const here = merge({ materials: [imported] }, { materials: [posted] });
    expect(here.plan.conflicts).toEqual([]);
    expect(here.plan.counts['materials']).toMatchObject({ updated: 1 });
    expect(here.merged['materials']).toEqual([posted]);
    const there = merge({ materials: [posted] }, { materials: [imported] });
    expect(there.plan.counts['materials']).toMatchObject({ identical: 1, updated: 0 });
    expect(there.merged['materials']).toEqual([posted]);

    // Renamed on the other machine before posting: a conflict on the name only, and neither side brings
    // the opening back.
    const renamed = { ...imported, name: '折叠行军床' };
    const plan = planMerge({ materials: [posted] }, { materials: [renamed] }, schema);
    expect(plan.conflicts).toEqual([expect.objectContaining({ fields: ['name'] })]);
    expect(merge({ materials: [posted] }, { materials: [renamed] }, 'incoming').merged['materials']).toEqual([
      { ...posted, name: '折叠行军床' },
    ]);
  });

  it('lets the index row of a resource follow the side chosen for the resource', () => {
    const local = {
      materials: [{ id: 'm1', code: '1', name: '帐篷' }],
      resourceIndex: [{ id: 'm1', text: '帐篷' }],
    };
    const incoming = {
      materials: [{ id: 'm1', code: '1', name: '棉帐篷' }],
      resourceIndex: [{ id: 'm1', text: '棉帐篷' }],
    };
    expect(merge(local, incoming, 'incoming').merged['resourceIndex']).toEqual(incoming.resourceIndex);
    expect(merge(local, incoming, 'local').merged['resourceIndex']).toEqual(local.resourceIndex);
  });
});

// Two machines that started from one bundle: people edited on either side, one incident's log extended on
// either side (each a prefix of a common log, so they never fork), and audit rows written on each.
const idArb = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const peopleArb = fc.uniqueArray(
  fc.record({ id: idArb, mobile: fc.constantFrom('138', '139', '137') }).map((p) => person(p.id, p.mobile)),
  { selector: (p) => p['id'], maxLength: 6 },
);
const TEXTS = ['接报', '预警', '启动响应', '到场', '控制', '结束'];
const machineArb = fc.record({
  people: peopleArb,
  lines: fc.integer({ min: 0, max: TEXTS.length }),
  audit: fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 5 }),
});
function tablesOf(m: { people: Row[]; lines: number; audit: number[] }): TableRows {
  return {
    people: m.people,
    incidents: [incident('i1', '2026-0001', m.lines)],
    incidentLog: log('i1', TEXTS.slice(0, m.lines)),
    audit: m.audit.map((n) => ({ id: `audit-${n}`, action: 'update' })),
  };
}
const sideArb = fc.constantFrom('local' as const, 'incoming' as const);

describe('planMerge properties', () => {
  test.prop([machineArb, machineArb, sideArb])(
    'merging the same bundle a second time adds nothing',
    (a, b, side) => {
      const { merged } = merge(tablesOf(a), tablesOf(b), side);
      const again = planMerge(merged, tablesOf(b), schema);
      expect(added(again)).toBe(0);
      expect(addsNothing(again)).toBe(true);
    },
  );

  test.prop([machineArb, machineArb])(
    'never loses or changes a local row when every conflict keeps it',
    (a, b) => {
      const local = tablesOf(a);
      const { merged } = merge(local, tablesOf(b), 'local');
      for (const table of ['people', 'incidentLog', 'audit'])
        for (const row of local[table] ?? []) expect(merged[table]).toContainEqual(row);
    },
  );

  test.prop([machineArb, machineArb, sideArb])(
    'the log of a merged incident is the longer of the two, each line once, and its chain verifies',
    (a, b, side) => {
      const { merged } = merge(tablesOf(a), tablesOf(b), side);
      const rows = (merged['incidentLog'] as LogEntry[]).sort((x, y) => x.seq - y.seq);
      expect(rows.map((r) => r.text)).toEqual(TEXTS.slice(0, Math.max(a.lines, b.lines)));
      expect(verifyChain(rows).ok).toBe(true);
      expect(merged['incidents']).toEqual([expect.objectContaining({ logCount: rows.length })]);
    },
  );

  test.prop([peopleArb, peopleArb])('the union of two disjoint bundles holds both', (x, y) => {
    const left = x.map((p) => ({ ...p, id: `L${String(p['id'])}` }));
    const right = y.map((p) => ({ ...p, id: `R${String(p['id'])}` }));
    const { plan, merged } = merge({ people: left }, { people: right });
    expect(plan.conflicts).toEqual([]);
    expect(merged['people']).toHaveLength(left.length + right.length);
    expect(merged['people']).toEqual(expect.arrayContaining([...left, ...right]));
  });
});
