/**
 * The organisation directory (通讯录): units in a tree, positions (roles in the command system and on duty),
 * and people who hold positions. Plans, duty rosters, incidents and drills all point at these records by id.
 * Times are epoch milliseconds; every record says who created and last changed it.
 */

/** Who was at the keyboard, as a snapshot: the record stays readable after the person or position changes. */
export interface Actor {
  personId: string;
  name: string;
  positionId: string;
  positionName: string;
}

export interface Authored {
  createdAt: number;
  createdBy: Actor | null;
  updatedAt: number;
  updatedBy: Actor | null;
}

export const UNIT_KINDS = [
  'government',
  'emergencyDept',
  'office',
  'department',
  'street',
  'community',
  'rescue',
  'enterprise',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit extends Authored {
  id: string;
  name: string;
  kind: UnitKind;
  /** null for a top-level unit. */
  parentId: string | null;
  phone: string;
  address: string;
  sortOrder: number;
}

export const POSITION_CATEGORIES = ['command', 'duty', 'drill', 'staff'] as const;
export type PositionCategory = (typeof POSITION_CATEGORIES)[number];

export interface Position extends Authored {
  id: string;
  /** The exact Chinese term of the field (总指挥, 带班领导, 值班员 …): data, not a UI label. */
  name: string;
  category: PositionCategory;
  description: string;
  sortOrder: number;
}

/** Local roles on top of the position sign-in (值班操作员, 导调人员, 评估人员, 系统管理员); roles.ts says what each allows. */
export const ROLES = ['operator', 'controller', 'evaluator', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** A salted SHA-256 of a 4–8 digit PIN: accountability on a shared laptop, not network security. */
export interface PinHash {
  salt: string;
  hash: string;
}

export interface Person extends Authored {
  id: string;
  name: string;
  unitId: string;
  /** 职务 within the unit, e.g. 局长, 科员. */
  title: string;
  mobile: string;
  officePhone: string;
  positionIds: string[];
  pin: PinHash | null;
  /**
   * Set by hand (see roles.ts); absent on rows from before roles and on people whose roles follow their
   * positions. Optional, so old rows and backups stay valid.
   */
  roles?: Role[];
  note: string;
  /** Derived at write time: name, full pinyin, initials, phones, title — what the search box matches. */
  searchText: string;
}
