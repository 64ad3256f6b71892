import { describe, expect, it } from 'vitest';
import org from '../../../resources/sample-data/org.json';
import sample from '../../../resources/sample-data/resources.json';
import { MOBILE_PATTERN } from '../org/schemas';
import { parseMaterialCode, TOP_CLASSES } from './material-code';
import { countAlerts, resourceAlerts } from './resource-alerts';
import { RESOURCE_INPUT_SCHEMAS } from './resource-schemas';
import type { SampleResources } from './sample-resources';
import { shelterCapacity } from './shelter-capacity';
import { deriveBalances, planMovements, type StockEntry } from './stock-ledger';

const data = sample as SampleResources;
const { materialClasses, warehouses, materials, receipts, teams, equipment, experts, shelters } = data;

/** The day the sample is loaded; every date in the file is relative to it. */
const TODAY = '2026-03-15';
const NOW = Date.parse(`${TODAY}T09:00:00Z`);
const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const unitIds = new Set(org.units.map((u) => u.id));
const personUnit = new Map(org.people.map((p) => [p.id, p.unitId]));
const warehouseIds = new Set(warehouses.map((w) => w.id));
const materialIds = new Set(materials.map((m) => m.id));

/** A record as the form would send it: the sample's own fields removed, relative dates made absolute. */
function inputOf(record: object, ...extra: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'id' && !extra.includes(key)));
}
type SampleEquipment = SampleResources['equipment'][number];
const inspectionDue = (e: SampleEquipment) =>
  e.inspectionDueInDays === null ? null : addDays(TODAY, e.inspectionDueInDays);
const equipmentInput = (e: SampleEquipment) => ({
  ...inputOf(e, 'inspectionDueInDays'),
  inspectionDue: inspectionDue(e),
});

/** Parses, and proves nothing was trimmed, defaulted or dropped: the file holds exactly the form's fields. */
function expectExactInput(kind: keyof typeof RESOURCE_INPUT_SCHEMAS, input: Record<string, unknown>) {
  const result = RESOURCE_INPUT_SCHEMAS[kind].safeParse(input);
  expect(result.error?.issues, `${kind} ${String(input.name)}`).toBeUndefined();
  expect(result.data, `${kind} ${String(input.name)}`).toEqual(input);
}

/** Posts the opening stock through the ledger the way the seeder does: one 入库 entry per receipt. */
function postReceipts() {
  const entriesByMaterial = new Map<string, StockEntry[]>();
  const refusals: string[] = [];
  receipts.forEach((r, i) => {
    const entries = entriesByMaterial.get(r.materialId) ?? [];
    const expiryDate = r.expiresInDays === null ? null : addDays(TODAY, r.expiresInDays);
    const plan = planMovements(
      deriveBalances(entries),
      { kind: 'receive', warehouseId: r.warehouseId, batchNo: r.batchNo, expiryDate, quantity: r.quantity },
      TODAY,
    );
    if (!plan.ok) {
      refusals.push(`${r.materialId} ${r.batchNo}: ${plan.refusal.code}`);
      return;
    }
    entries.push({
      id: `receipt-${i}`,
      at: NOW - r.daysAgo * DAY_MS,
      actor: null,
      materialId: r.materialId,
      kind: 'receive',
      movements: plan.movements,
      reason: '',
      party: '',
      note: '',
      refId: null,
    });
    entriesByMaterial.set(r.materialId, entries);
  });
  const balances = [...entriesByMaterial.values()].flatMap((entries) => deriveBalances(entries));
  return { refusals, balances };
}

function sampleAlerts() {
  const { balances } = postReceipts();
  const alerts = resourceAlerts(
    {
      materials,
      balances,
      equipment: equipment.map((e) => ({
        id: e.id,
        name: e.name,
        status: e.status,
        inspectionDue: inspectionDue(e),
      })),
      warehouses,
      lastStocktakes: new Map(warehouses.map((w) => [w.id, NOW - w.lastStocktakeDaysAgo * DAY_MS])),
    },
    TODAY,
    NOW,
  );
  return { alerts, counts: countAlerts(alerts) };
}

describe('sample resources (resources/sample-data/resources.json)', () => {
  it('has the header and the promised number of records', () => {
    expect(data.format).toBe('emergency-desk-sample-resources');
    expect(data.version).toBe(1);
    expect(warehouses).toHaveLength(5);
    expect(materials.length).toBeGreaterThanOrEqual(300);
    expect(teams).toHaveLength(30);
    expect(equipment).toHaveLength(40);
    expect(experts).toHaveLength(20);
    expect(shelters).toHaveLength(15);
  });

  it('uses unique UUID-v4-shaped ids that do not clash with the directory', () => {
    const ids = [warehouses, materials, teams, equipment, experts, shelters].flatMap((list) =>
      list.map((r) => r.id),
    );
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(unitIds.has(id) || personUnit.has(id), id).toBe(false);
  });

  it('holds exactly the form fields of every record, and every record passes its schema', () => {
    for (const w of warehouses) expectExactInput('warehouse', inputOf(w, 'lastStocktakeDaysAgo'));
    for (const m of materials) expectExactInput('material', inputOf(m));
    for (const t of teams) expectExactInput('team', inputOf(t));
    for (const e of equipment) expectExactInput('equipment', equipmentInput(e));
    for (const e of experts) expectExactInput('expert', inputOf(e));
    for (const s of shelters) expectExactInput('shelter', inputOf(s));
  });

  it('has a class table of 3-, 5- and 7-digit codes, each under a class that exists', () => {
    const codes = new Set(materialClasses.map((c) => c.code));
    expect(codes.size).toBe(materialClasses.length);
    for (const c of materialClasses) {
      expect(c.code, c.name).toMatch(/^[123](0[1-9]|[1-9]\d){1,3}$/);
      expect([3, 5, 7]).toContain(c.code.length);
      expect(c.name.trim()).not.toBe('');
      const parent = c.code.slice(0, -2);
      expect(parent.length === 1 ? parent in TOP_CLASSES : codes.has(parent), `${c.code} ${c.name}`).toBe(
        true,
      );
    }
    for (const top of Object.keys(TOP_CLASSES)) {
      expect(
        materialClasses.filter((c) => c.code.length === 3 && c.code.startsWith(top)).length,
      ).toBeGreaterThan(2);
      expect(codes.has(`${top}99`), `${top}99 其他`).toBe(true);
    }
    expect(
      materialClasses.filter((c) => c.code.endsWith('99') && c.name.includes('其他')).length,
    ).toBeGreaterThan(5);
  });

  it('codes every material uniquely under a 5-digit class of the table, with distinct names and specs', () => {
    const classCodes = new Set(materialClasses.map((c) => c.code));
    for (const m of materials) {
      expect(parseMaterialCode(m.code), m.code).not.toBeNull();
      expect(classCodes.has(m.code.slice(0, 5)), `${m.code} ${m.name}`).toBe(true);
    }
    expect(new Set(materials.map((m) => m.code)).size).toBe(materials.length);
    expect(new Set(materials.map((m) => `${m.name}|${m.spec}`)).size).toBe(materials.length);
    for (const top of Object.keys(TOP_CLASSES)) {
      expect(materials.filter((m) => m.code.startsWith(top)).length).toBeGreaterThan(50);
    }
    for (const name of [
      '编织袋',
      '救生衣',
      '冲锋舟',
      '帐篷',
      '折叠床',
      '棉被',
      '矿泉水',
      '方便面',
      '发电机',
      '口罩',
    ]) {
      expect(materials.map((m) => m.name)).toContain(name);
    }
  });

  it('points only at warehouses, units and people that exist', () => {
    for (const w of warehouses) expect(personUnit.has(w.keeperId ?? ''), w.name).toBe(true);
    for (const m of materials) expect(warehouseIds).toContain(m.warehouseId);
    for (const r of receipts) {
      expect(materialIds).toContain(r.materialId);
      expect(warehouseIds).toContain(r.warehouseId);
    }
    for (const t of teams) {
      if (t.unitId !== null) expect(unitIds).toContain(t.unitId);
      for (const p of [t.leaderId, ...t.contactIds].filter((id) => id !== null)) {
        expect(personUnit.has(p), `${t.name} ${p}`).toBe(true);
        // A team's leader and contacts come from its own unit in the directory.
        expect(personUnit.get(p), t.name).toBe(t.unitId);
      }
    }
    for (const e of equipment) {
      if (e.warehouseId !== null) expect(warehouseIds).toContain(e.warehouseId);
      else expect(e.location, e.name).not.toBe('');
      if (e.ownerUnitId !== null) expect(unitIds).toContain(e.ownerUnitId);
    }
    for (const s of shelters)
      if (s.managerId !== null) expect(personUnit.has(s.managerId), s.name).toBe(true);
  });

  it('places everything around the district centre (114.30, 30.59)', () => {
    const points = [...warehouses, ...teams, ...shelters].map((r) => r.location);
    for (const p of points) {
      expect(p).not.toBeNull();
      expect(Math.abs((p?.lng ?? 0) - 114.3)).toBeLessThanOrEqual(0.08);
      expect(Math.abs((p?.lat ?? 0) - 30.59)).toBeLessThanOrEqual(0.08);
    }
  });

  it('posts the opening stock through the ledger without a refusal', () => {
    const { refusals, balances } = postReceipts();
    expect(refusals).toEqual([]);
    const stocked = new Set(balances.map((b) => b.materialId));
    const empty = materials.filter((m) => !stocked.has(m.id));
    expect(empty.length).toBeGreaterThanOrEqual(2);
    expect(empty.length).toBeLessThanOrEqual(5);
    // A stocktake counts what is on the shelf, so every warehouse held stock at its last one.
    for (const w of warehouses) {
      expect(
        receipts.some((r) => r.warehouseId === w.id && r.daysAgo > w.lastStocktakeDaysAgo),
        w.name,
      ).toBe(true);
    }
    // Most materials arrive in one or two batches.
    const perMaterial = new Map<string, number>();
    for (const r of receipts) perMaterial.set(r.materialId, (perMaterial.get(r.materialId) ?? 0) + 1);
    const oneOrTwo = [...perMaterial.values()].filter((n) => n <= 2).length;
    expect(oneOrTwo / perMaterial.size).toBeGreaterThan(0.8);
    // Food, drinking water, disinfectant and medicine always carry a batch and an expiry.
    const perishable = new Set(
      materials.filter((m) => /^(101|10201|10202|10601|20503)/.test(m.code)).map((m) => m.id),
    );
    expect(perishable.size).toBeGreaterThan(40);
    for (const r of receipts.filter((x) => perishable.has(x.materialId))) {
      expect(r.expiresInDays).not.toBeNull();
      expect(r.batchNo).not.toBe('');
    }
  });

  it('raises the alerts it is meant to show, and only a handful of each', () => {
    const { counts } = sampleAlerts();
    expect(counts.lowStock).toBeGreaterThanOrEqual(5);
    expect(counts.lowStock).toBeLessThanOrEqual(15);
    expect(counts.expiring).toBeGreaterThanOrEqual(5);
    expect(counts.expiring).toBeLessThanOrEqual(12);
    expect(counts.expired).toBeGreaterThanOrEqual(1);
    expect(counts.expired).toBeLessThanOrEqual(5);
    expect(counts.inspectionDue).toBeGreaterThanOrEqual(3);
    expect(counts.inspectionDue).toBeLessThanOrEqual(6);
    expect(counts.inspectionOverdue).toBeGreaterThanOrEqual(1);
    expect(counts.inspectionOverdue).toBeLessThanOrEqual(3);
    expect(counts.stocktakeOverdue).toBe(1);
  });

  it('flags empty shelves as well as short ones, and expiries only on goods that perish', () => {
    const { alerts } = sampleAlerts();
    const low = alerts.flatMap((a) => (a.kind === 'lowStock' ? [a] : []));
    expect(low.filter((a) => a.total === 0).length).toBeGreaterThanOrEqual(2);
    expect(low.filter((a) => a.total > 0).length).toBeGreaterThanOrEqual(5);
    const codeOf = new Map(materials.map((m) => [m.id, m.code]));
    const dated = alerts.flatMap((a) => (a.kind === 'expiring' || a.kind === 'expired' ? [a] : []));
    for (const a of dated) expect(codeOf.get(a.materialId)).toMatch(/^(101|102|106|203|205)/);
    expect(new Set(dated.map((a) => a.materialId)).size).toBe(dated.length);
  });

  it('has the four kinds of team, bound to the directory, mostly on standby', () => {
    const ofType = (type: string) => teams.filter((t) => t.type === type);
    expect(ofType('fireRescue').map((t) => t.name)).toContain('示范区消防救援大队');
    expect(ofType('professional').length).toBeGreaterThanOrEqual(8);
    expect(ofType('social').length).toBeGreaterThanOrEqual(2);
    const grassrootsUnits = new Set(ofType('grassroots').map((t) => t.unitId));
    for (const street of org.units.filter((u) => u.kind === 'street'))
      expect(grassrootsUnits).toContain(street.id);
    expect(teams.filter((t) => t.readiness === 'deployed')).toHaveLength(3);
    expect(teams.filter((t) => t.readiness === 'resting')).toHaveLength(2);
    expect(new Set(teams.map((t) => t.name)).size).toBe(teams.length);
    for (const t of teams) {
      expect(t.headcount, t.name).toBeGreaterThan(0);
      expect(t.equipment.length, t.name).toBeGreaterThan(0);
    }
  });

  it('keeps most equipment ready', () => {
    const ready = equipment.filter((e) => e.status === 'ready').length;
    expect(ready).toBeGreaterThanOrEqual(28);
    expect(equipment.some((e) => e.status === 'inUse')).toBe(true);
    expect(equipment.some((e) => e.status === 'maintenance')).toBe(true);
  });

  it('lists invented experts with well-formed, unique mobiles, mostly available', () => {
    const mobiles = experts.map((e) => e.mobile);
    for (const m of mobiles) expect(m).toMatch(MOBILE_PATTERN);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    const directoryMobiles = new Set(org.people.map((p) => p.mobile));
    for (const m of mobiles) expect(directoryMobiles.has(m)).toBe(false);
    const directoryNames = new Set(org.people.map((p) => p.name));
    for (const e of experts) expect(directoryNames.has(e.name), e.name).toBe(false);
    expect(new Set(experts.map((e) => e.name)).size).toBe(experts.length);
    expect(experts.filter((e) => e.availability === 'available').length).toBeGreaterThanOrEqual(14);
    const fields = new Set(experts.flatMap((e) => e.fields));
    for (const f of [
      '防汛抗旱',
      '地质灾害',
      '危险化学品',
      '消防',
      '医疗救治',
      '气象',
      '建筑结构',
      '电力',
      '心理援助',
    ]) {
      expect(fields).toContain(f);
    }
  });

  it('has shelters of every level and type, two open: one partly occupied and one full', () => {
    expect(new Set(shelters.map((s) => s.level))).toEqual(new Set(['district', 'street', 'community']));
    for (const type of ['park', 'square', 'school', 'stadium', 'building']) {
      expect(shelters.map((s) => s.type)).toContain(type);
    }
    const open = shelters.filter((s) => s.open);
    expect(open).toHaveLength(2);
    const capacities = open.map((s) => shelterCapacity(s));
    expect(capacities.filter((c) => c.free === 0 && c.capacity > 0)).toHaveLength(1);
    expect(open.filter((s, i) => s.occupancy > 0 && (capacities[i]?.free ?? 0) > 0)).toHaveLength(1);
    for (const s of shelters.filter((x) => !x.open)) expect(s.occupancy).toBe(0);
    expect(shelters.filter((s) => s.perPersonAreaM2 !== null).map((s) => s.perPersonAreaM2)).toEqual([2]);
    const overridden = shelters.filter((s) => s.capacityOverride !== null);
    expect(overridden.map((s) => s.capacityOverride?.reason)).toEqual(['按消防疏散核定人数']);
    for (const s of shelters) {
      expect(s.serviceRadiusM).toBeGreaterThanOrEqual(500);
      expect(s.serviceRadiusM).toBeLessThanOrEqual(5000);
      expect(s.effectiveAreaM2).toBeGreaterThanOrEqual(800);
      expect(s.effectiveAreaM2).toBeLessThanOrEqual(60000);
    }
  });
});
