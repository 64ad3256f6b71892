/**
 * GB/T 38565-2020 应急物资分类及编码: four levels in seven digits — 大类 (1 digit: 1, 2, 3), then 中类, 小类
 * and 细类 (two digits each, 01–99), with 99 at any level as the 收容类目 ("other"). The standard's top
 * classes are shipped here; its lower-level code table could not be sourced on this machine, so the lower
 * levels an office uses are its own classification table (data), checked against this structure.
 */

export const TOP_CLASSES = {
  '1': '基本生活保障物资',
  '2': '应急装备及配套物资',
  '3': '工程材料与机械加工设备',
} as const;
export type TopClass = keyof typeof TOP_CLASSES;

/** 收容类目: the catch-all code of a level. */
export const OTHER_SEGMENT = '99';

export const MATERIAL_CODE_PATTERN = /^[123](0[1-9]|[1-9]\d){3}$/;

export interface MaterialCodeParts {
  top: TopClass;
  /** 中类, 小类, 细类: two digits each. */
  middle: string;
  minor: string;
  fine: string;
}

export function parseMaterialCode(code: string): MaterialCodeParts | null {
  if (!MATERIAL_CODE_PATTERN.test(code)) return null;
  return {
    top: code[0] as TopClass,
    middle: code.slice(1, 3),
    minor: code.slice(3, 5),
    fine: code.slice(5, 7),
  };
}

/** The codes of a code's ancestors and itself, top first: '2010101' → ['2', '201', '20101', '2010101']. */
export function codePath(code: string): string[] {
  return [code.slice(0, 1), code.slice(0, 3), code.slice(0, 5), code.slice(0, 7)].filter(
    (prefix, i, all) => prefix.length > 0 && all.indexOf(prefix) === i,
  );
}

/** One row of an office's classification table: a code of 1, 3, 5 or 7 digits and its name. */
export interface MaterialClass {
  code: string;
  name: string;
}

export interface MaterialClassNode {
  value: string;
  title: string;
  children: MaterialClassNode[];
}

/**
 * The classification as a tree for a picker. Top classes always come from the standard; an office's row
 * whose parent is missing hangs under the nearest ancestor present, so no row disappears.
 */
export function classTree(rows: readonly MaterialClass[]): MaterialClassNode[] {
  const nodes = new Map<string, MaterialClassNode>();
  const roots: MaterialClassNode[] = [];
  for (const [code, name] of Object.entries(TOP_CLASSES)) {
    const node = { value: code, title: `${code} ${name}`, children: [] };
    nodes.set(code, node);
    roots.push(node);
  }
  const sorted = [...rows].filter((r) => /^[123](\d{2}){0,3}$/.test(r.code) && r.code.length > 1);
  sorted.sort((a, b) => a.code.localeCompare(b.code));
  for (const row of sorted) {
    if (nodes.has(row.code)) continue;
    const node = { value: row.code, title: `${row.code} ${row.name}`, children: [] };
    const parentCode = codePath(row.code)
      .slice(0, -1)
      .reverse()
      .find((prefix) => nodes.has(prefix));
    nodes.get(parentCode ?? row.code[0]!)?.children.push(node);
    nodes.set(row.code, node);
  }
  return roots;
}

/** The name of a code's nearest named class, for a search result or a printed list. */
export function className(code: string, rows: readonly MaterialClass[]): string {
  const byCode = new Map(rows.map((r) => [r.code, r.name]));
  for (const prefix of codePath(code).reverse()) {
    const name = byCode.get(prefix) ?? TOP_CLASSES[prefix as TopClass];
    if (name) return name;
  }
  return '';
}

/**
 * The first free code under a class picked from the tree: a 细类 number after the ones taken. A class above
 * 小类 continues through its 99 (收容类目) levels, as the standard files what has no class of its own.
 * null when the class is full.
 */
export function nextFreeCode(classCode: string, taken: Iterable<string>): string | null {
  if (!/^[123](\d{2}){0,2}$/.test(classCode)) return null;
  const prefix = classCode.padEnd(5, OTHER_SEGMENT);
  const used = new Set(taken);
  for (let fine = 1; fine <= 98; fine += 1) {
    const code = `${prefix}${String(fine).padStart(2, '0')}`;
    if (!used.has(code)) return code;
  }
  const other = `${prefix}${OTHER_SEGMENT}`;
  return used.has(other) ? null : other;
}
