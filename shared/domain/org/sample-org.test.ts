import { describe, it, expect } from 'vitest';
import sample from '../../../resources/sample-data/org.json';
import {
  LANDLINE_PATTERN,
  MOBILE_PATTERN,
  personInputSchema,
  positionInputSchema,
  unitInputSchema,
} from './schemas';
import { POSITION_CATEGORIES, UNIT_KINDS } from './types';

const { units, positions, people } = sample;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sample organisation directory (resources/sample-data/org.json)', () => {
  it('has the expected header and enough records', () => {
    expect(sample.format).toBe('emergency-desk-sample-org');
    expect(sample.version).toBe(1);
    expect(units.length).toBeGreaterThanOrEqual(25);
    expect(positions.length).toBeGreaterThanOrEqual(10);
    expect(people.length).toBeGreaterThanOrEqual(60);
  });

  it('uses unique UUID-v4-shaped ids across all kinds of record', () => {
    const ids = [...units, ...positions, ...people].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('leaves out what the app fills in on seeding', () => {
    for (const record of [...units, ...positions, ...people]) {
      for (const key of ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'searchText', 'pin']) {
        expect(record).not.toHaveProperty(key);
      }
    }
  });

  it('has references that all resolve', () => {
    const unitIds = new Set(units.map((u) => u.id));
    const positionIds = new Set(positions.map((p) => p.id));
    for (const unit of units) if (unit.parentId !== null) expect(unitIds).toContain(unit.parentId);
    for (const person of people) {
      expect(unitIds).toContain(person.unitId);
      for (const positionId of person.positionIds) expect(positionIds).toContain(positionId);
    }
  });

  it('forms a unit tree without cycles under 示范区人民政府', () => {
    const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
    for (const unit of units) {
      const seen = new Set<string>();
      let current: string | null = unit.id;
      while (current !== null) {
        expect(seen.has(current), `cycle through ${unit.name}`).toBe(false);
        seen.add(current);
        current = parentOf.get(current) ?? null;
      }
    }
    const roots = units.filter((u) => u.parentId === null);
    expect(roots.map((u) => u.name)).toEqual(['示范区人民政府']);
    expect(units.filter((u) => u.kind === 'emergencyDept').map((u) => u.name)).toEqual(['示范区应急管理局']);
    expect(units.filter((u) => u.kind === 'street').length).toBeGreaterThanOrEqual(6);
  });

  it('uses only known unit kinds and position categories, and passes the form schemas', () => {
    for (const unit of units) {
      expect(UNIT_KINDS).toContain(unit.kind);
      expect(unitInputSchema.safeParse(unit).success, unit.name).toBe(true);
      expect(unit.phone).toMatch(LANDLINE_PATTERN);
    }
    for (const position of positions) {
      expect(POSITION_CATEGORIES).toContain(position.category);
      expect(positionInputSchema.safeParse(position).success, position.name).toBe(true);
    }
    for (const person of people) {
      expect(personInputSchema.safeParse(person).success, person.name).toBe(true);
      expect(person.officePhone).toMatch(LANDLINE_PATTERN);
    }
  });

  it('gives everyone a unique, well-formed mobile and a unique name', () => {
    const mobiles = people.map((p) => p.mobile);
    for (const mobile of mobiles) expect(mobile).toMatch(MOBILE_PATTERN);
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(new Set(people.map((p) => p.name)).size).toBe(people.length);
  });

  it('has the core positions, and every position but 观摩 has a holder', () => {
    const names = positions.map((p) => p.name);
    for (const required of ['总指挥', '值班员', '带班领导', '导调', '评估'])
      expect(names).toContain(required);
    expect(new Set(names).size).toBe(names.length);
    const held = new Set(people.flatMap((p) => p.positionIds));
    for (const position of positions) {
      if (position.name !== '观摩')
        expect(held.has(position.id), `${position.name} has no holder`).toBe(true);
    }
  });

  it('staffs duty and drills as an office would', () => {
    const idOf = (name: string) => positions.find((p) => p.name === name)?.id ?? '';
    const holders = (name: string) => people.filter((p) => p.positionIds.includes(idOf(name)));
    expect(holders('总指挥')).toHaveLength(1);
    expect(holders('值班员').length).toBeGreaterThanOrEqual(10);
    expect(holders('带班领导').length).toBeGreaterThanOrEqual(3);
    expect(holders('导调').length).toBeGreaterThanOrEqual(3);
    expect(holders('评估').length).toBeGreaterThanOrEqual(3);
    const reporterUnits = new Set(holders('信息报送员').map((p) => p.unitId));
    for (const street of units.filter((u) => u.kind === 'street')) expect(reporterUnits).toContain(street.id);
  });
});
