/**
 * 通讯录 CSV (导入人员): the dialog decodes the bytes (BOM / UTF-8 / GBK), checks every row against the
 * directory, and only a file without problems is written, in one transaction. The sample updates eight people
 * of the fixture by 编号 and adds three.
 */
import Papa from 'papaparse';
import { createDirectoryRepository } from '../../../renderer/db/repositories/directory-repository';
import { parsePeopleCsv, PEOPLE_COLUMNS, peopleToCsv } from '../../../shared/domain/org/people-csv';
import { personInputSchema } from '../../../shared/domain/org/schemas';
import { decodeText } from '../../../shared/files/decode-text';
import { cellProblem, fileProblem, refusalOf, refused, type FuzzKind, type Problem } from '../fuzz-kind';
import { sheetFile } from '../sheet-files';
import { byId, oneAuditRow, onlyTables, writtenRows } from '../write-checks';

const KNOWN = new Set<string>(PEOPLE_COLUMNS.flatMap((c) => [c.header, ...c.aliases]));
const PERSON_KEYS = [
  'id',
  'name',
  'unitId',
  'title',
  'mobile',
  'officePhone',
  'positionIds',
  'pin',
  'note',
  'searchText',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
];

export function peopleKind(): FuzzKind {
  let sample: string[][] = [];
  return {
    name: 'people-csv',
    isKnownField: (field, headers) => KNOWN.has(field) || headers.some((h) => h.trim() === field),
    fileCodes: new Set(['csvEmpty', 'csvTooManyRows']),
    wholeRowCodes: new Set(['csvExtraCells']),

    async prepare({ db }) {
      const [people, units, positions] = await Promise.all([
        db.people.orderBy('id').limit(8).toArray(),
        db.units.toArray(),
        db.positions.toArray(),
      ]);
      const csv = peopleToCsv(people, { units, positions }).replace(/^\uFEFF/, '');
      const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
      const unit = rows[1]?.[2] ?? '';
      const position = positions[0]?.name ?? '';
      rows.push(
        ['', '林晓雯', unit, '科员', position, '13912345678', '', '新调入'],
        ['', '欧阳振华', unit, '副科长', '', '', '0999-2345678', '“借调”人员'],
        ['', '白玉兰', unit, '', '', '15800001111', '', ''],
      );
      sample = rows;
      const check = parsePeopleCsv(Papa.unparse(rows), { units, positions });
      if (!check.ok) throw new Error(`the people sample does not check: ${JSON.stringify(check.issues)}`);
    },

    generate: (rng, index) =>
      sheetFile(rng, `通讯录-${index}`, sample, {
        required: ['姓名', '所属单位', '编号', '手机', '担任岗位'],
        aliases: ['名字', '单位', '部门', '手机号码', '岗位'],
        uniqueColumn: '编号',
        isCsvOnly: true,
      }),

    sampleCount: () => sample.length - 1,

    async importFile({ db, actor, now, t }, file) {
      const { text } = decodeText(file.bytes);
      const [units, positions] = await Promise.all([db.units.toArray(), db.positions.toArray()]);
      const result = parsePeopleCsv(text, { units, positions });
      if (!result.ok) {
        const headers = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1 }).data[0] ?? [];
        const problems = result.issues.map((issue): Problem => {
          const words = t(`validation.${issue.message}`, issue.params ?? {});
          return issue.row > 1 || issue.column !== ''
            ? cellProblem(words, issue.message, issue.row, issue.column)
            : fileProblem(words, issue.message);
        });
        return refused(problems, headers);
      }
      try {
        await createDirectoryRepository(db, now).importPeople(result.people, actor);
        return { status: 'accepted', count: result.people.length };
      } catch (error) {
        return refused([refusalOf(error, t)]);
      }
    },

    checkWrite(before, after, outcome) {
      const faults = [
        ...onlyTables(before, after, ['people', 'audit']),
        ...oneAuditRow(before, after, 'import'),
      ];
      const written = writtenRows(before, after, 'people', byId);
      if (written.length !== outcome.count)
        faults.push(`${written.length} people written for ${outcome.count} rows`);
      const units = new Set(after.rows.units.map(byId));
      for (const person of written) {
        const missing = PERSON_KEYS.filter((k) => !(k in person));
        if (missing.length > 0) faults.push(`person ${byId(person)} lacks ${missing.join(', ')}`);
        if (!personInputSchema.safeParse(person).success) faults.push(`person ${byId(person)} is not valid`);
        if (!units.has(String(person['unitId']))) faults.push(`person ${byId(person)} is in no unit`);
      }
      return faults;
    },
  };
}
