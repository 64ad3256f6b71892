/**
 * Resource registries from CSV/XLSX (物资, 队伍, 装备, 专家, 避难场所, 储备库 导入): the dialog's session
 * (resource-sheet-jobs.ts, in-thread as when there is no Worker) reads the file, the columns are recognised by
 * header, every row is checked against the registries, and the rows are written in one transaction through a
 * second connection, as the worker does. Half the files of a kind are materials, with opening stock.
 */
import { createResourceRepository } from '../../../renderer/db/repositories/resource-repository';
import { formatOf } from '../../../renderer/files/spreadsheet-files';
import type { TableName } from '../../../renderer/db/schema';
import { SheetSession, type CheckSummary, type ReadSummary } from '../../../renderer/db/resource-sheet-jobs';
import { hasStoredIndexRow } from '../../../shared/domain/resources/resource-index';
import { RESOURCE_INPUT_SCHEMAS } from '../../../shared/domain/resources/resource-schemas';
import {
  checkSheet,
  SHEET_COLUMNS,
  sheetRows,
  suggestMapping,
  type SheetKind,
} from '../../../shared/domain/resources/resource-sheet';
import type { SampleResources } from '../../../shared/domain/resources/sample-resources';
import sampleResourcesJson from '../../../resources/sample-data/resources.json';
import { cellProblem, fileProblem, refusalOf, refused, type FuzzKind } from '../fuzz-kind';
import type { Rng } from '../fuzz-random';
import { sheetFile, type FuzzFile } from '../sheet-files';
import { byId, oneAuditRow, onlyTables, writtenRows } from '../write-checks';

const sample = sampleResourcesJson as SampleResources;
const KINDS: readonly SheetKind[] = [
  'material',
  'material',
  'material',
  'team',
  'equipment',
  'expert',
  'shelter',
  'warehouse',
];
const TABLES: Record<SheetKind, TableName> = {
  material: 'materials',
  team: 'teams',
  equipment: 'equipment',
  expert: 'experts',
  shelter: 'shelters',
  warehouse: 'warehouses',
};
const NAMES: Record<SheetKind, string> = {
  material: '物资',
  team: '队伍',
  equipment: '装备',
  expert: '专家',
  shelter: '避难场所',
  warehouse: '储备库',
};
const KNOWN = new Set<string>(
  Object.values(SHEET_COLUMNS).flatMap((columns) => columns.flatMap((c) => [c.header, ...c.aliases])),
);

/** Sample records the fixture does not hold (it keeps the first few of each). */
function sampleRecords(kind: SheetKind, warehouseId: string): Record<string, unknown>[] {
  const pick = <T>(rows: readonly T[]) => rows.slice(4, 12);
  switch (kind) {
    case 'material':
      return pick(sample.materials).map((m) => ({ ...m, warehouseId }));
    case 'team':
      return pick(sample.teams);
    case 'equipment':
      return pick(sample.equipment).map(({ inspectionDueInDays, ...e }) => ({
        ...e,
        warehouseId,
        inspectionDue: inspectionDueInDays === null ? null : '2027-03-31',
      }));
    case 'expert':
      return pick(sample.experts);
    case 'shelter':
      return pick(sample.shelters);
    case 'warehouse':
      return sample.warehouses.slice(2).map(({ lastStocktakeDaysAgo: _, ...w }) => w);
  }
}

export function resourceKind(): FuzzKind {
  const samples = new Map<SheetKind, string[][]>();
  const kindOf = new WeakMap<FuzzFile, SheetKind>();
  return {
    name: 'resource-sheet',
    isKnownField: (field, headers) => KNOWN.has(field) || headers.some((h) => h.trim() === field),
    fileCodes: new Set(['unsupported', 'csvEmpty', 'sheetUnreadable', 'nothingToImport']),
    wholeRowCodes: new Set(),

    async prepare({ db }) {
      const lookups = await createResourceRepository(db).sheetLookups();
      const warehouseId = lookups.warehouses[0]!.id;
      for (const kind of new Set(KINDS)) {
        const rows = sheetRows(kind, sampleRecords(kind, warehouseId), lookups);
        if (kind === 'material') {
          rows[0]!.push('期初数量', '批次号', '有效期至');
          rows.slice(1).forEach((row, i) => row.push(String(10 + i * 5), `B2026-${i}`, '2027/12/31'));
        }
        const check = checkSheet(kind, rows, suggestMapping(kind, rows[0]!), lookups);
        if (check.issues.length > 0)
          throw new Error(`the ${kind} sample does not check: ${JSON.stringify(check.issues.slice(0, 3))}`);
        samples.set(kind, rows);
      }
    },

    async generate(rng: Rng, index: number) {
      const kind = rng.pick(KINDS);
      const file = await sheetFile(rng, `${NAMES[kind]}-${index}`, samples.get(kind)!, {
        required: SHEET_COLUMNS[kind].slice(0, 5).map((c) => c.header),
        aliases: SHEET_COLUMNS[kind].flatMap((c) => c.aliases),
        ...(kind === 'material' ? { uniqueColumn: '物资编码' } : {}),
      });
      kindOf.set(file, kind);
      return file;
    },

    sampleCount: (file) => (samples.get(kindOf.get(file)!)?.length ?? 1) - 1,

    async importFile({ db, actor, t }, file) {
      const kind = kindOf.get(file)!;
      const format = formatOf(file.name);
      if (!format)
        return refused([fileProblem(t('resources.sheet.unsupported', { name: file.name }), 'unsupported')]);
      const session = new SheetSession();
      const ignore = () => undefined;
      let headers: readonly string[] = [];
      try {
        const read = (await session.handle(
          { type: 'read', bytes: file.bytes, format },
          ignore,
        )) as ReadSummary;
        headers = read.headers;
        if (read.rowCount < 1)
          return refused(
            [fileProblem(t('resources.sheet.fileEmpty', { name: file.name }), 'csvEmpty')],
            headers,
          );
        const lookups = await createResourceRepository(db).sheetLookups();
        const check = (await session.handle(
          { type: 'check', kind, mapping: suggestMapping(kind, headers), lookups, patches: [] },
          ignore,
        )) as CheckSummary;
        const problems = check.issues.map((issue) =>
          cellProblem(
            t(`validation.${issue.message}`, issue.params ?? {}),
            issue.message,
            issue.row,
            issue.column,
          ),
        );
        if (check.issueCount === 0 && check.importable === 0) {
          // Only blank rows under the header: the preview's summary says 0 can be imported.
          const summary = t('resources.sheet.summary', { rows: read.rowCount, good: 0, bad: 0, issues: 0 });
          return refused([fileProblem(summary, 'nothingToImport')], headers);
        }
        const headerIssues = check.issues.filter((i) => i.row === 1);
        const skipsBadRows = file.choice < 0.5;
        if (headerIssues.length > 0 || check.importable === 0 || (check.issueCount > 0 && !skipsBadRows))
          return refused(problems, headers);
        const result = (await session.handle(
          { type: 'import', databaseName: db.name, kind, actor },
          ignore,
        )) as { imported: number };
        return { status: 'accepted', count: result.imported };
      } catch (error) {
        return refused([refusalOf(error, t)], headers);
      }
    },

    checkWrite(before, after, outcome) {
      const table = changedRegistry(before, after);
      if (!table) return ['no registry written'];
      const kind = (Object.keys(TABLES) as SheetKind[]).find((k) => TABLES[k] === table)!;
      const faults = [
        // The opening stock rides on the material rows (stock-opening.ts): no ledger row is written.
        ...onlyTables(before, after, [table, 'resourceIndex', 'audit']),
        ...oneAuditRow(before, after, 'import'),
      ];
      const written = writtenRows(before, after, table, byId);
      if (written.length !== outcome.count)
        faults.push(`${written.length} ${table} rows for ${outcome.count}`);
      if (after.rows[table].length !== before.rows[table].length + outcome.count)
        faults.push(`${table} rows changed that were there before`);
      const invalid = written.filter((row) => !RESOURCE_INPUT_SCHEMAS[kind].safeParse(row).success);
      if (invalid.length > 0) faults.push(`${invalid.length} ${table} rows are not valid`);
      // Materials have no stored search row (resource-index.ts): the search reads their table.
      const indexed = new Set(after.rows.resourceIndex.map(byId));
      const unindexed = hasStoredIndexRow(kind) ? written.filter((row) => !indexed.has(byId(row))) : [];
      if (unindexed.length > 0) faults.push(`${unindexed.length} rows have no search row`);
      if (!hasStoredIndexRow(kind) && after.rows.resourceIndex.length !== before.rows.resourceIndex.length)
        faults.push('search rows written for materials');
      const openings = written.map((row) => row['opening'] as { quantity: number } | undefined);
      if (openings.some((o) => o !== undefined && !(o.quantity > 0)))
        faults.push('an opening stock that is not a positive quantity');
      return faults;
    },
  };
}

function changedRegistry(
  before: Parameters<FuzzKind['checkWrite']>[0],
  after: Parameters<FuzzKind['checkWrite']>[1],
): TableName | null {
  return Object.values(TABLES).find((table) => before.text[table] !== after.text[table]) ?? null;
}
