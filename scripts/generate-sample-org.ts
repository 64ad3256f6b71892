/**
 * Writes resources/sample-data/org.json: the directory of 示范区, a fictional district whose 应急管理局 is the
 * office using the app. Run with `npx tsx scripts/generate-sample-org.ts`.
 *
 * Deterministic: ids come from per-kind counters and names and numbers from a seeded PRNG, so running it
 * again gives the same file byte for byte (the app seeds from this file; changing an id moves references).
 * Every name, phone number and address is invented. Area code 0999 is not in use in China; mobiles are
 * random. Audit fields, `pin` and `searchText` are left out: the app fills them when it seeds the database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Person, Position, Unit } from '../shared/domain/org/types';
import type { Role } from '../shared/domain/org/roles';
import { mulberry32 } from './seeded-random';

type Seed<T> = Omit<T, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>;
type UnitSeed = Seed<Unit>;
type PositionSeed = Seed<Position>;
type PersonSeed = Omit<Seed<Person>, 'pin' | 'searchText'>;

const OUTPUT = resolve(import.meta.dirname, '../resources/sample-data/org.json');
const AREA_CODE = '0999';
const DISTRICT = '示范区';

// ---------------------------------------------------------------------------------------------------------
// Determinism: a seeded PRNG (mulberry32) and UUID-v4-shaped ids from per-kind counters.

const random = mulberry32(20240901);
const int = (max: number): number => Math.floor(random() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const digits = (n: number): string => Array.from({ length: n }, () => String(int(10))).join('');

/** Kind prefixes keep ids unique across units, positions and people and stable when one list grows. */
const ID_KIND = { unit: 1, position: 2, person: 3 } as const;
const counters = { unit: 0, position: 0, person: 0 };
function nextId(kind: keyof typeof ID_KIND): string {
  counters[kind] += 1;
  const tail = (ID_KIND[kind] * 0x10000 + counters[kind]).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${tail}`;
}

// ---------------------------------------------------------------------------------------------------------
// Phones. A unit gets a 3-digit exchange block; its switchboard and its people's desk lines share it.

const usedBlocks = new Set<string>();
function newBlock(): string {
  for (;;) {
    const block = `${1 + int(9)}${digits(2)}`;
    if (!usedBlocks.has(block)) {
      usedBlocks.add(block);
      return block;
    }
  }
}

const usedLandlines = new Set<string>();
function landline(block: string, line?: string): string {
  for (;;) {
    const number = `${AREA_CODE}-2${block}${line ?? digits(4)}`;
    if (!usedLandlines.has(number)) {
      usedLandlines.add(number);
      return number;
    }
    if (line !== undefined) throw new Error(`duplicate landline ${number}`);
  }
}

const MOBILE_PREFIXES =
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 176 177 180 181 182 183 185 186 187 188 189 191 198 199'.split(
    ' ',
  );
const usedMobiles = new Set<string>();
function mobile(): string {
  for (;;) {
    const number = pick(MOBILE_PREFIXES) + digits(8);
    if (!usedMobiles.has(number)) {
      usedMobiles.add(number);
      return number;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Names: a common surname (skewed toward the frequent ones) and a one- or two-character given name.

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN_FIRST = [
  ...'建国志文海明秀春立永俊嘉子雨思宇欣佳宏振伟德玉丽红家天继正少光学庆金雪丹晨卫新亚晓梦',
];
const GIVEN_SECOND = [
  ...'华平军强辉峰芳霞琳婷杰涛斌鹏超磊敏静颖宁洋林飞东成然怡浩勇刚慧娟燕波锋蓉清源航瑶萍',
];
const GIVEN_SINGLE = [...'伟芳敏静丽军洋勇艳杰娟明超霞平鹏辉斌燕慧峰波琳婷颖宁坤帆晖凯'];
/** Real public figures and stock placeholder names a generated name must not collide with. */
const DENIED_NAMES = new Set(
  '李强 王毅 李明 张伟 王伟 刘涛 李娜 王菲 周迅 黄渤 孙俪 赵薇 陈坤 王刚 刘欢 韩红 杨洋 张杰 李宁 姚明 刘翔 孙杨 林丹 马龙 王楠 朱婷 李勇 黄磊 王静 张静 李静 刘洋 王军 张军 张三 李四 王五 赵六 黄明 王勇 王宁 刘鹤 陈敏 张艳 杨超 陈明 孙燕 李健 王涛 周涛 马丽 李冰 张斌 杨颖 刘明 吴敏 李斌 朱宁 马勇 戴斌 刘波 李燕 王峰 张艺 刘鹏 王芳 陈静 王丽 李军 张勇 王明 罗宁 胡峰 郭峰 陈波 韩明'.split(
    ' ',
  ),
);

const usedNames = new Set<string>();
function personName(): string {
  for (;;) {
    const surname = SURNAMES[Math.floor(random() ** 1.4 * SURNAMES.length)] as string;
    const given = random() < 0.12 ? pick(GIVEN_SINGLE) : pick(GIVEN_FIRST) + pick(GIVEN_SECOND);
    const name = surname + given;
    if (given[0] === given[1] || DENIED_NAMES.has(name) || usedNames.has(name)) continue;
    usedNames.add(name);
    return name;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Units

const units: UnitSeed[] = [];
const blockOf = new Map<string, string>();

function unit(
  name: string,
  kind: UnitSeed['kind'],
  parent: UnitSeed | null,
  sortOrder: number,
  address: string,
): UnitSeed {
  const id = nextId('unit');
  const block = newBlock();
  blockOf.set(id, block);
  const record: UnitSeed = {
    id,
    name,
    kind,
    parentId: parent?.id ?? null,
    phone: landline(block, `0${digits(3)}`),
    address: `${DISTRICT}${address}`,
    sortOrder,
  };
  units.push(record);
  return record;
}

const govAddress = '政和路1号区行政中心';
const gov = unit(`${DISTRICT}人民政府`, 'government', null, 10, govAddress);
// The command bodies are where the command positions act; their members are listed in their home units.
unit('区突发事件应急委员会', 'other', gov, 10, `${govAddress}A座6楼`);
unit('区三防指挥部', 'other', gov, 20, '安澜大道66号区应急管理局大楼5楼');

const emaAddress = '安澜大道66号区应急管理局大楼';
const ema = unit(`${DISTRICT}应急管理局`, 'emergencyDept', gov, 30, emaAddress);
const emaOffice = unit('办公室', 'office', ema, 10, `${emaAddress}3楼`);
const commandCenter = unit('应急指挥中心（总值班室）', 'office', ema, 20, `${emaAddress}5楼`);
const riskSection = unit('风险监测和综合减灾科', 'office', ema, 30, `${emaAddress}4楼`);
const planSection = unit('应急救援协调和预案管理科', 'office', ema, 40, `${emaAddress}4楼`);
const hazmatSection = unit('危险化学品安全监督管理科', 'office', ema, 50, `${emaAddress}4楼`);
const enforcement = unit('安全生产执法监察大队', 'office', ema, 60, '安澜大道68号');

const fire = unit('区消防救援大队', 'rescue', gov, 100, '振兴路120号');
const police = unit('区公安分局', 'department', gov, 110, '政和路18号');
const health = unit('区卫生健康局', 'department', gov, 120, '仁济路9号');
const water = unit('区水务局', 'department', gov, 130, '清源路36号');
const weather = unit('区气象局', 'department', gov, 140, '观澜路2号');
const land = unit('区自然资源局', 'department', gov, 150, '政和路22号');
const housing = unit('区住房和建设局', 'department', gov, 160, '建设路50号');
const transport = unit('区交通运输局', 'department', gov, 170, '通达路15号');
const ecology = unit('区生态环境分局', 'department', gov, 180, '绿荫路7号');
const cityMgmt = unit('区城市管理和综合执法局', 'department', gov, 190, '政和路30号');
const civil = unit('区民政局', 'department', gov, 200, '仁济路21号');
const education = unit('区教育局', 'department', gov, 210, '育才路10号');
const industry = unit('区工业和信息化局', 'department', gov, 220, '创新大道100号');
const publicity = unit('区委宣传部（区政府新闻办）', 'department', gov, 230, `${govAddress}B座3楼`);
const power = unit('区供电局', 'enterprise', gov, 300, '光明路88号');
const hospital = unit('区人民医院', 'other', gov, 310, '仁济路1号');
const rescueTeam = unit('区应急救援队', 'rescue', gov, 320, '安澜大道70号');
const blueSky = unit(`${DISTRICT}蓝天救援队`, 'rescue', gov, 330, '滨江路216号');

interface StreetSpec {
  name: string;
  address: string;
  communities: { name: string; address: string }[];
}
const STREETS: StreetSpec[] = [
  {
    name: '东湖',
    address: '东湖路1号',
    communities: [
      { name: '东湖', address: '东湖路45号' },
      { name: '湖滨', address: '湖滨路12号' },
    ],
  },
  {
    name: '西城',
    address: '西城大道200号',
    communities: [
      { name: '西城', address: '西城大道158号' },
      { name: '金桥', address: '金桥路31号' },
    ],
  },
  { name: '南山', address: '南山路8号', communities: [{ name: '南山', address: '南山路76号' }] },
  {
    name: '北岭',
    address: '北岭路19号',
    communities: [
      { name: '北岭', address: '北岭路63号' },
      { name: '松林', address: '松林路5号' },
    ],
  },
  {
    name: '新港',
    address: '港城大道300号',
    communities: [
      { name: '新港', address: '港城大道256号' },
      { name: '渔港', address: '渔港路2号' },
    ],
  },
  { name: '青石', address: '青石路66号', communities: [{ name: '青石', address: '青石路102号' }] },
];

const streets = STREETS.map((spec, i) => {
  const street = unit(`${spec.name}街道办事处`, 'street', gov, 400 + i * 10, spec.address);
  const communities = spec.communities.map((c, j) =>
    unit(`${c.name}社区居委会`, 'community', street, (j + 1) * 10, c.address),
  );
  return { spec, street, communities };
});

// ---------------------------------------------------------------------------------------------------------
// Positions

const positions: PositionSeed[] = [];
function position(name: string, category: PositionSeed['category'], description: string): PositionSeed {
  const record: PositionSeed = {
    id: nextId('position'),
    name,
    category,
    description,
    sortOrder: (positions.length + 1) * 10,
  };
  positions.push(record);
  return record;
}

const P = {
  commander: position('总指挥', 'command', '统一领导、指挥全区突发事件应对工作，签发Ⅰ级应急响应。'),
  deputyCommander: position(
    '副总指挥',
    'command',
    '协助总指挥，指挥协调分管领域突发事件应对，签发Ⅱ级、Ⅲ级应急响应。',
  ),
  secretaryGeneral: position(
    '秘书长',
    'command',
    '主持会商研判，签发Ⅳ级应急响应，协调指挥部成员单位开展工作。',
  ),
  officeDirector: position(
    '办公室主任',
    'command',
    '主持指挥部办公室日常工作，组织研判并提出启动、调整、终止响应的建议。',
  ),
  leaderOnCall: position('带班领导', 'duty', '24小时带班，审核值班信息和突发事件信息报送，指导先期处置。'),
  dutyOfficer: position('值班员', 'duty', '24小时值守，接报、登记、核实突发事件信息并按规定报告和通知。'),
  spokesperson: position('新闻发言人', 'staff', '按统一口径发布突发事件信息，组织新闻发布和舆情回应。'),
  reporter: position('信息报送员', 'duty', '负责本单位突发事件信息的收集与初报、续报、终报。'),
  siteCommander: position('现场指挥官', 'command', '在事发现场统一指挥各方救援力量开展处置。'),
  expertLead: position('专家组组长', 'staff', '组织专家会商研判，为应急决策和现场处置提供技术支撑。'),
  groupLead: position('工作组组长', 'staff', '牵头本工作组（专班）跟进处置，落实指挥部的部署。'),
  liaison: position('联络员', 'staff', '负责本单位与指挥部之间的联络对接和信息传递。'),
  drillDirector: position('演练总指挥', 'drill', '宣布演练开始、暂停、终止和结束，统一指挥演练活动。'),
  controller: position('导调', 'drill', '按演练脚本推送情景注入、控制演练进程。'),
  evaluator: position('评估', 'drill', '依据评估方案观察记录演练过程，开展评估并提出整改意见。'),
  observer: position('观摩', 'drill', '观摩演练过程，不干预演练实施。'),
};

// ---------------------------------------------------------------------------------------------------------
// People

const people: PersonSeed[] = [];
function person(
  at: UnitSeed,
  title: string,
  held: PositionSeed[] = [],
  note = '',
  /** Roles set by hand; without them the app derives them from the positions (shared/domain/org/roles.ts). */
  roles?: Role[],
): PersonSeed {
  const block = blockOf.get(at.id) as string;
  const record: PersonSeed = {
    id: nextId('person'),
    name: personName(),
    unitId: at.id,
    title,
    mobile: mobile(),
    officePhone: landline(block),
    positionIds: held.map((p) => p.id),
    ...(roles ? { roles } : {}),
    note,
  };
  people.push(record);
  return record;
}

// 区人民政府
person(gov, '区长', [P.commander], '区突发事件应急委员会主任');
person(gov, '常务副区长', [P.deputyCommander], '区突发事件应急委员会常务副主任', ['operator', 'controller']);
person(gov, '副区长', [P.deputyCommander, P.drillDirector], '分管应急管理、安全生产');
person(gov, '副区长', [P.deputyCommander], '分管水务，区三防指挥部常务副总指挥');
person(gov, '区政府办公室副主任', [P.liaison, P.observer]);

// 示范区应急管理局
// The office's two heads administer the desk (roles, purge); everyone else's roles follow their positions.
person(ema, '局长', [P.secretaryGeneral], '兼区三防指挥部办公室主任', ['operator', 'administrator']);
person(ema, '副局长', [P.officeDirector, P.leaderOnCall], '区应急委办公室常务副主任', [
  'operator',
  'administrator',
]);
person(ema, '副局长', [P.leaderOnCall, P.siteCommander]);
person(ema, '副局长', [P.leaderOnCall]);
person(ema, '总工程师', [P.expertLead], '高级工程师，化工安全方向');
person(emaOffice, '主任', [P.liaison]);
person(emaOffice, '科员');
person(commandCenter, '主任', [P.leaderOnCall]);
person(commandCenter, '副主任', [P.dutyOfficer, P.reporter]);
person(commandCenter, '四级主任科员', [P.dutyOfficer]);
person(commandCenter, '一级科员', [P.dutyOfficer]);
person(commandCenter, '科员', [P.dutyOfficer]);
person(commandCenter, '科员', [P.dutyOfficer], '夜班组');
person(commandCenter, '辅助人员', [P.dutyOfficer]);
person(riskSection, '科长', [P.evaluator]);
person(riskSection, '科员');
person(planSection, '科长', [P.controller], '导调组组长');
person(planSection, '副科长', [P.controller]);
person(planSection, '科员', [P.controller]);
person(hazmatSection, '科长', [P.groupLead]);
person(hazmatSection, '科员');
person(enforcement, '大队长', [P.evaluator]);
person(enforcement, '一级行政执法员');

// 部门、救援力量、企事业单位
person(fire, '大队长', [P.siteCommander, P.groupLead]);
person(fire, '副大队长', [P.liaison]);
person(fire, '值班助理', [P.reporter]);
person(police, '副局长', [P.leaderOnCall, P.groupLead]);
person(police, '指挥中心主任', [P.liaison]);
person(health, '副局长', [P.leaderOnCall, P.groupLead]);
person(health, '卫生应急科科长', [P.liaison]);
person(water, '局长', [P.groupLead]);
person(water, '副局长', [P.leaderOnCall]);
person(water, '水旱灾害防御科科长', [P.liaison]);
person(weather, '局长', [P.groupLead]);
person(weather, '区气象台台长', [P.liaison], '负责气象预警信号发布');
person(land, '副局长', [P.groupLead], '地质灾害防治');
person(land, '科员', [P.liaison]);
person(housing, '副局长', [P.leaderOnCall]);
person(housing, '质量安全科科长', [P.liaison]);
person(transport, '副局长', [P.groupLead]);
person(transport, '科员', [P.liaison]);
person(ecology, '副局长', [P.groupLead]);
person(ecology, '环境监测站站长', [P.liaison]);
person(cityMgmt, '副局长', [P.leaderOnCall]);
person(cityMgmt, '科员', [P.liaison]);
person(civil, '副局长', [P.groupLead], '负责受灾群众临时安置');
person(civil, '科员', [P.liaison]);
person(education, '副局长', [P.observer]);
person(education, '安全管理科科长', [P.liaison]);
person(industry, '副局长', [P.liaison]);
person(publicity, '副部长', [P.spokesperson], '区政府新闻办主任');
person(publicity, '新闻科科长', [P.groupLead]);
person(publicity, '科员', [P.liaison]);
person(power, '副总经理', [P.groupLead]);
person(power, '调度主管', [P.liaison], '电力调度24小时值班');
person(hospital, '副院长', [P.groupLead]);
person(hospital, '主任医师', [P.evaluator], '急诊科主任');
person(rescueTeam, '队长', [P.liaison]);
person(rescueTeam, '副队长');
person(blueSky, '队长', [P.liaison], '社会应急力量，已在区应急管理局备案');
person(blueSky, '副队长');

// 街道、社区
for (const { spec, street, communities } of streets) {
  person(street, '副主任', [P.leaderOnCall], '分管应急管理');
  person(street, '应急管理办公室主任', [P.reporter, P.liaison]);
  person(street, '科员', [P.dutyOfficer]);
  // The two streets on the river and the coast keep a second duty officer.
  if (spec.name === '西城' || spec.name === '新港') person(street, '科员', [P.dutyOfficer], '三防值班');
  for (const community of communities) person(community, '书记', [P.reporter]);
}

// ---------------------------------------------------------------------------------------------------------

const sample = { format: 'emergency-desk-sample-org', version: 1, units, positions, people };
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `${JSON.stringify(sample, null, 2)}\n`, 'utf8');
console.log(`wrote ${OUTPUT}: ${units.length} units, ${positions.length} positions, ${people.length} people`);
