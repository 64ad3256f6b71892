/**
 * A large, valid directory in the app's own CSV format (shared/domain/org/people-csv.ts), placed in the
 * units and positions of the sample district so the app's import accepts every row. Deterministic: the same
 * count gives the same file. Names, phones and notes are invented.
 */
import Papa from 'papaparse';
import sample from '../../resources/sample-data/org.json';
import { parsePeopleCsv, PEOPLE_COLUMNS, type DirectoryContext } from '../../shared/domain/org/people-csv';
import { mulberry32 } from '../../scripts/seeded-random';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红海燕玉梅春林文斌鹏辉宇浩然子轩欣怡晨雨思博一诺梓涵俊杰';
const TITLES = ['科员', '科长', '副科长', '主任', '副主任', '队员', '干事', '网格员', '书记', '工程师'];
const NOTES = ['', '', '', '夜间值守联系', '防汛物资保管', '应急志愿者', '兼任信息员'];

/** The sample district as the CSV parser sees it (it only needs ids, names and the tree). */
export const SAMPLE_DIRECTORY = sample as unknown as DirectoryContext;
export const SAMPLE_PEOPLE = sample.people.length;

export function generatePeopleCsv(count: number, seed = 20260101): string {
  const random = mulberry32(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');
  const units = SAMPLE_DIRECTORY.units.map((u) => u.name);
  const positions = SAMPLE_DIRECTORY.positions.map((p) => p.name);

  const rows = Array.from({ length: count }, () => {
    const given = pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : '');
    const held = Array.from({ length: int(3) }, () => pick(positions));
    return [
      '',
      pick([...SURNAMES]) + given,
      pick(units),
      pick(TITLES),
      [...new Set(held)].join('、'),
      `1${pick(['3', '5', '7', '8', '9'])}${digits(9)}`,
      random() < 0.7 ? `0999-2${digits(7)}` : '',
      pick(NOTES),
    ];
  });
  return `\uFEFF${Papa.unparse({ fields: PEOPLE_COLUMNS.map((c) => c.header), data: rows })}\r\n`;
}

/** Fails early, in Node, if the app would refuse the file: a benchmark must not measure an error screen. */
export function assertImportable(csv: string, expected: number): void {
  const result = parsePeopleCsv(csv, SAMPLE_DIRECTORY);
  if (!result.ok) throw new Error(`fixture CSV refused: ${JSON.stringify(result.issues.slice(0, 3))}`);
  if (result.people.length !== expected)
    throw new Error(`fixture CSV has ${result.people.length} people, expected ${expected}`);
}
