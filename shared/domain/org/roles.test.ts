import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sample from '../../../resources/sample-data/org.json';
import {
  ACTS,
  ACT_ROLES,
  ROLES,
  derivedRoles,
  effectiveRoles,
  hasStoredAdministrator,
  rolesText,
  whyCannot,
  type Role,
} from './roles';
import { rolesSchema } from './schemas';
import { POSITION_CATEGORIES, type Position } from './types';

/** A sample-data row as the JSON holds it. */
type SamplePerson = { name: string; positionIds: string[]; roles?: Role[] };

const position = (id: string, category: Position['category']): Position => ({
  id,
  name: id,
  category,
  description: '',
  sortOrder: 0,
  createdAt: 0,
  createdBy: null,
  updatedAt: 0,
  updatedBy: null,
});

const POSITIONS = [
  position('总指挥', 'command'),
  position('值班员', 'duty'),
  position('导调', 'drill'),
  position('联络员', 'staff'),
];

describe('roles', () => {
  it('derives roles from the categories of the positions held: duty and command operate, drill controls and evaluates', () => {
    expect(derivedRoles(['值班员'], POSITIONS)).toEqual(['operator']);
    expect(derivedRoles(['总指挥', '值班员'], POSITIONS)).toEqual(['operator']);
    expect(derivedRoles(['导调'], POSITIONS)).toEqual(['controller', 'evaluator']);
    expect(derivedRoles(['联络员'], POSITIONS)).toEqual([]);
    expect(derivedRoles([], POSITIONS)).toEqual([]);
    expect(derivedRoles(['已删除的岗位'], POSITIONS)).toEqual([]);
  });

  it('never derives 系统管理员, whatever positions a person holds', () => {
    const categories = fc.constantFrom(...POSITION_CATEGORIES);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uuid(), categories), { maxLength: 12 }),
        fc.array(fc.nat(11), { maxLength: 12 }),
        (defs, picks) => {
          const positions = defs.map(([id, category]) => position(id, category));
          const held = picks.flatMap((i) => (positions[i] ? [positions[i].id] : []));
          const { roles, isDerived } = effectiveRoles({ positionIds: held }, positions);
          expect(isDerived).toBe(true);
          expect(roles).not.toContain('administrator');
          expect(whyCannot('data.purge', { positionIds: held }, positions)).toBe('roles.why.dataPurge');
        },
      ),
    );
  });

  it('uses stored roles when set, even an empty set, and ignores words that are not roles', () => {
    expect(effectiveRoles({ positionIds: ['值班员'], roles: [] }, POSITIONS)).toEqual({
      roles: [],
      isDerived: false,
    });
    expect(
      effectiveRoles(
        { positionIds: ['值班员'], roles: ['administrator', 'root', 'operator'] as Role[] },
        POSITIONS,
      ),
    ).toEqual({ roles: ['operator', 'administrator'], isDerived: false });
  });

  it('allows each act to exactly the roles of the table', () => {
    for (const act of ACTS) {
      for (const role of ROLES) {
        const why = whyCannot(act, { positionIds: [], roles: [role] }, POSITIONS);
        expect(why === null, `${act} by ${role}`).toBe(ACT_ROLES[act].includes(role));
      }
    }
    expect(whyCannot('drill.endex', { positionIds: ['值班员'] }, POSITIONS)).toBe('roles.why.drillEndex');
    expect(whyCannot('drill.endex', { positionIds: ['导调'] }, POSITIONS)).toBeNull();
    expect(whyCannot('report.approve', { positionIds: ['联络员'] }, POSITIONS)).toBe(
      'roles.why.reportApprove',
    );
  });

  it('lets anyone change roles while nobody holds 系统管理员 by hand (first set-up), then only administrators', () => {
    const operator = { positionIds: ['值班员'] };
    expect(whyCannot('roles.change', operator, POSITIONS, { hasAdministrator: false })).toBeNull();
    expect(whyCannot('roles.change', operator, POSITIONS, { hasAdministrator: true })).toBe(
      'roles.why.rolesChange',
    );
    expect(whyCannot('roles.change', operator, POSITIONS)).toBe('roles.why.rolesChange');
    expect(hasStoredAdministrator([{}, { roles: ['operator'] }])).toBe(false);
    expect(hasStoredAdministrator([{}, { roles: ['operator', 'administrator'] }])).toBe(true);
  });

  it('names roles in the words of the audit trail', () => {
    expect(rolesText(['operator', 'administrator'])).toBe('值班操作员、系统管理员');
    expect(rolesText([])).toBe('无');
  });

  it('accepts only known roles, each once', () => {
    expect(rolesSchema.safeParse(['operator', 'administrator']).success).toBe(true);
    expect(rolesSchema.safeParse([]).success).toBe(true);
    expect(rolesSchema.safeParse(['root']).success).toBe(false);
    expect(rolesSchema.safeParse(['operator', 'operator']).success).toBe(false);
  });

  it('keeps the sample office working: its drill director may end a drill and two people administer the desk', () => {
    const { people, positions } = sample as unknown as {
      people: SamplePerson[];
      positions: Position[];
    };
    const named = (name: string) => people.find((p) => p.name === name) as SamplePerson;
    expect(whyCannot('drill.endex', named('彭新浩'), positions)).toBeNull();
    expect(whyCannot('drill.endex', named('李伟涛'), positions)).toBeNull();
    expect(whyCannot('drill.endex', named('崔伟'), positions)).toBe('roles.why.drillEndex');
    expect(whyCannot('report.approve', named('崔伟'), positions)).toBeNull();
    const administrators = people.filter((p) => p.roles?.includes('administrator')).map((p) => p.name);
    expect(administrators.length).toBeGreaterThanOrEqual(1);
    expect(administrators.length).toBeLessThanOrEqual(2);
    for (const p of people) if (p.roles) expect(rolesSchema.safeParse(p.roles).success, p.name).toBe(true);
  });
});
