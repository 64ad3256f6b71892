/**
 * Local roles on a shared command laptop (issue 8): who may sign a level or a report, declare ENDEX, purge
 * data or change roles. This is accountability, not a network login — the desk knows who signed in (and their
 * PIN, where set), and the roles say what that person may do there.
 *
 * A person's roles are stored on the Person once someone sets them. Until then they follow the categories
 * of the positions the person holds, so a directory (or a backup) from before roles works as it did.
 * Derivation never yields 系统管理员: that role is only ever given by hand.
 */
import { ROLES, type Person, type Position, type PositionCategory, type Role } from './types';

// The list lives with the Person that stores it (types.ts); this module holds what roles allow.
export { ROLES, type Role } from './types';

/** The exact Chinese names, for audit and log text; the screens take their labels from i18n. */
export const ROLE_NAME: Record<Role, string> = {
  operator: '值班操作员',
  controller: '导调人员',
  evaluator: '评估人员',
  administrator: '系统管理员',
};

const ROLES_BY_CATEGORY: Record<PositionCategory, readonly Role[]> = {
  command: ['operator'],
  duty: ['operator'],
  drill: ['controller', 'evaluator'],
  staff: [],
};

export const ACTS = [
  'level.approve',
  'report.approve',
  'drill.endex',
  'data.purge',
  'data.restore',
  'roles.change',
] as const;
export type Act = (typeof ACTS)[number];

/** Who may do what: the whole permission table. */
export const ACT_ROLES: Record<Act, readonly Role[]> = {
  'level.approve': ['operator', 'administrator'],
  'report.approve': ['operator', 'administrator'],
  'drill.endex': ['controller', 'administrator'],
  'data.purge': ['administrator'],
  // A restore replaces the directory and its roles with the file's: only who may change roles may do it.
  'data.restore': ['administrator'],
  'roles.change': ['administrator'],
};

/** Acts for which a person with a PIN types it again at the moment of acting. */
export const PIN_ACTS: ReadonlySet<Act> = new Set<Act>([
  'level.approve',
  'report.approve',
  'drill.endex',
  'data.purge',
  'data.restore',
]);

/** The act's name in i18n keys (`roles.why.<key>`, `roles.confirm.*.<key>`): keys cannot hold a dot. */
const ACT_KEY: Record<Act, string> = {
  'level.approve': 'levelApprove',
  'report.approve': 'reportApprove',
  'drill.endex': 'drillEndex',
  'data.purge': 'dataPurge',
  'data.restore': 'dataRestore',
  'roles.change': 'rolesChange',
};

export const actKey = (act: Act): string => ACT_KEY[act];

/** The act as the audit trail names it. */
export const ACT_NAME: Record<Act, string> = {
  'level.approve': '签发响应级别',
  'report.approve': '签发报告',
  'drill.endex': '宣布演练结束',
  'data.purge': '清除数据',
  'data.restore': '从备份恢复',
  'roles.change': '变更角色',
};

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Without duplicates, in the table's order, so two sets compare and read the same. */
export function sortRoles(roles: readonly unknown[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

export function derivedRoles(positionIds: readonly string[], positions: readonly Position[]): Role[] {
  const held = positions.filter((p) => positionIds.includes(p.id));
  return sortRoles(held.flatMap((p) => ROLES_BY_CATEGORY[p.category] ?? []));
}

export interface EffectiveRoles {
  roles: Role[];
  /** True when nothing is stored and the roles follow the positions (按岗位). */
  isDerived: boolean;
}

/**
 * The roles that count. Stored ones win (an unknown word in a hand-edited backup is ignored, not trusted);
 * otherwise they follow the positions.
 */
export function effectiveRoles(
  person: Pick<Person, 'positionIds' | 'roles'>,
  positions: readonly Position[],
): EffectiveRoles {
  if (Array.isArray(person.roles)) return { roles: sortRoles(person.roles.filter(isRole)), isDerived: false };
  return { roles: derivedRoles(person.positionIds, positions), isDerived: true };
}

/** Until someone holds 系统管理员 by hand, the desk is being set up and anyone signed in may assign roles. */
export function hasStoredAdministrator(people: readonly Pick<Person, 'roles'>[]): boolean {
  return people.some((p) => Array.isArray(p.roles) && p.roles.includes('administrator'));
}

/** 值班操作员、系统管理员 — or 无. */
export function rolesText(roles: readonly Role[]): string {
  return roles.length ? roles.map((r) => ROLE_NAME[r]).join('、') : '无';
}

/**
 * Why `person` may not do `act`: null when allowed, else an i18n key (`roles.why.*`, filled in with the
 * person's name). `hasAdministrator` matters only for roles.change; it defaults to the strict answer.
 */
export function whyCannot(
  act: Act,
  person: Pick<Person, 'positionIds' | 'roles'>,
  positions: readonly Position[],
  context: { hasAdministrator: boolean } = { hasAdministrator: true },
): string | null {
  if (act === 'roles.change' && !context.hasAdministrator) return null;
  const { roles } = effectiveRoles(person, positions);
  return ACT_ROLES[act].some((r) => roles.includes(r)) ? null : `roles.why.${ACT_KEY[act]}`;
}
