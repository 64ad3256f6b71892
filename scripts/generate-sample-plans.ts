/**
 * Writes resources/sample-data/plans.json: three district plans of 示范区, built from the plan texts in
 * ../shared/domain/sources (national flood levels, typhoon signers and cumulative actions, hazardous
 * chemicals with 提级 and level adjustment) and bound to the sample directory's units, positions and people.
 * Run with `npx tsx scripts/generate-sample-plans.ts`. The thresholds are the fictional district's own
 * choices where the sources leave them to local plans; the sources' wording is kept where it applies.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkPlanInput, formatPlanIssue } from '../shared/domain/plan/check-plan';
import type { PlanInput, Trigger } from '../shared/domain/plan/plan-schema';

const OUTPUT = resolve(import.meta.dirname, '../resources/sample-data/plans.json');

const hex = (n: number) => n.toString(16).padStart(4, '0');
const unit = (n: number) => `00000000-0000-4000-8000-00000001${hex(n)}`;
const position = (n: number) => `00000000-0000-4000-8000-00000002${hex(n)}`;
const person = (n: number) => `00000000-0000-4000-8000-00000003${hex(n)}`;

const U = {
  government: unit(0x01),
  threePrevention: unit(0x03),
  emergency: unit(0x04),
  commandCentre: unit(0x06),
  hazmatSection: unit(0x09),
  fire: unit(0x0b),
  police: unit(0x0c),
  health: unit(0x0d),
  water: unit(0x0e),
  weather: unit(0x0f),
  resources: unit(0x10),
  housing: unit(0x11),
  transport: unit(0x12),
  ecology: unit(0x13),
  civil: unit(0x15),
  education: unit(0x16),
  industry: unit(0x17),
  publicity: unit(0x18),
  power: unit(0x19),
  hospital: unit(0x1a),
  rescueTeam: unit(0x1b),
};

/** Command roles shared by the district's 指挥部: bound to positions and to the people who hold them. */
const ROLES = [
  { id: 'commander', name: '总指挥', positionIds: [position(0x01)], personIds: [person(0x01)] },
  {
    id: 'deputy',
    name: '副总指挥',
    positionIds: [position(0x02)],
    personIds: [person(0x02), person(0x03), person(0x04)],
  },
  { id: 'secretary', name: '秘书长', positionIds: [position(0x03)], personIds: [person(0x06)] },
  { id: 'office', name: '指挥部办公室', positionIds: [position(0x04)], personIds: [person(0x07)] },
  { id: 'spokesperson', name: '新闻发言人', positionIds: [position(0x07)], personIds: [] },
];

const GROUPS = [
  {
    id: 'coordination',
    name: '综合协调组',
    leadUnitId: U.emergency,
    memberUnitIds: [U.commandCentre],
    duties: '汇总信息、协调调度、督办落实、起草文稿',
  },
  {
    id: 'rescue',
    name: '抢险救援组',
    leadUnitId: U.fire,
    memberUnitIds: [U.rescueTeam, U.housing],
    duties: '人员搜救、险情排除、现场控制',
  },
  {
    id: 'medical',
    name: '医疗救治组',
    leadUnitId: U.health,
    memberUnitIds: [U.hospital],
    duties: '伤员救治、卫生防疫、心理疏导',
  },
  {
    id: 'security',
    name: '治安警戒组',
    leadUnitId: U.police,
    memberUnitIds: [U.transport],
    duties: '现场警戒、交通管制、维护秩序',
  },
  {
    id: 'publicity',
    name: '新闻宣传组',
    leadUnitId: U.publicity,
    memberUnitIds: [],
    duties: '信息发布、舆情监测与引导',
  },
  {
    id: 'logistics',
    name: '后勤保障组',
    leadUnitId: U.civil,
    memberUnitIds: [U.industry, U.power],
    duties: '物资调拨、转移安置、电力通信保障',
  },
];

const WARNING_LEVELS = (what: string): NonNullable<PlanInput['warningLevels']> => [
  {
    level: 'blue',
    meaning: `预计将发生一般${what}，事态可能会扩大`,
    measures: ['启动值班值守，加强监测', '发布警报，宣传避险常识'],
  },
  {
    level: 'yellow',
    meaning: `预计将发生较大${what}，事态有扩大的趋势`,
    measures: ['组织会商研判', '相关队伍进入待命状态'],
  },
  {
    level: 'orange',
    meaning: `预计将发生重大${what}，事态正在逐步扩大`,
    measures: ['应急救援队伍和人员进入待命状态', '调集应急物资、设备和工具', '必要时转移危险区域人员'],
  },
  {
    level: 'red',
    meaning: `预计将发生特别重大${what}，事态正在不断蔓延`,
    measures: [
      '转移、疏散或撤离易受危害人员并妥善安置',
      '关闭或限制使用易受危害的场所',
      '加强对重点单位和基础设施的安全保卫',
    ],
  },
];

let actionSeq = 0;
const act = (text: string, owner: { groupId?: string; roleId?: string }, deadlineMinutes: number) => ({
  id: `a${String(++actionSeq).padStart(3, '0')}`,
  text,
  groupId: owner.groupId ?? null,
  roleId: owner.roleId ?? null,
  deadlineMinutes,
});
const g = (groupId: string) => ({ groupId });
const r = (roleId: string) => ({ roleId });
const warn = (warningType: string, atLeast: 'blue' | 'yellow' | 'orange' | 'red'): Trigger => ({
  kind: 'warning',
  warningType,
  atLeast,
});
const range = (observation: string, atLeast?: number, below?: number): Trigger => ({
  kind: 'threshold',
  observation,
  atLeast,
  below,
});
const flag = (observation: string): Trigger => ({ kind: 'flag', observation });
const approval = (...roleIds: string[]) => ({ roleIds, mode: 'any' as const });
const all = (...of: Trigger[]): Trigger => ({ kind: 'all', of });
const upperOrder: Trigger = { kind: 'upperOrder' };

const META = {
  issuingUnitId: U.government,
  edition: '2024年修订版',
  effectiveDate: '2024-03-01',
  nextReviewDate: '2027-03-01',
  filing: { status: 'filed' as const, withUnit: '市应急管理局', date: '2024-03-20' },
  parentPlanId: null,
  revisionTriggers: [
    '上位法律法规或上级预案修订',
    '指挥机构及其职责调整',
    '面临的风险或主要应急资源发生重大变化',
    '演练或应急处置中发现重大问题',
  ],
};

// ---------------------------------------------------------------------------------------------------------
// 防汛: national flood levels (sources/01) — commander differs per level; triggers are "any one of".

const flood: PlanInput = {
  id: 'sample-flood',
  version: 1,
  status: 'published',
  meta: {
    ...META,
    title: '示范区防汛应急预案',
    planType: 'special',
    hazardCategory: 'natural',
    hazardType: '暴雨洪涝',
    lastDrillDate: '2025-05-20',
    summary: '适用于本区行政区域内暴雨、洪水及其引发的内涝、山洪、水库和堤防险情的预防与应急处置。',
  },
  commandBody: '区三防指挥部',
  roles: ROLES,
  groups: [
    ...GROUPS,
    {
      id: 'engineering',
      name: '工程抢险组',
      leadUnitId: U.water,
      memberUnitIds: [U.housing, U.resources],
      duties: '堤防、水库、排涝设施抢险',
    },
  ],
  observations: [
    { key: 'rainfall24h', label: '24小时降雨量', kind: 'number', unit: '毫米' },
    { key: 'riverLevel', label: '东湖河水位', kind: 'number', unit: '米' },
    { key: 'reservoirDanger', label: '中小型水库出现险情', kind: 'flag', unit: '' },
    { key: 'dikeBreach', label: '河道堤防发生决口', kind: 'flag', unit: '' },
    { key: 'reservoirBreach', label: '水库发生垮坝', kind: 'flag', unit: '' },
    { key: 'deaths', label: '死亡人数', kind: 'number', unit: '人' },
    { key: 'situationControlled', label: '汛情已趋于平稳、险情已得到控制', kind: 'flag', unit: '' },
  ],
  warningTypes: ['暴雨'],
  warningLevels: WARNING_LEVELS('暴雨洪涝灾害'),
  preResponseActions: [
    act('指挥部办公室组织气象、水务会商，研判雨情水情', r('office'), 60),
    act('抢险救援队伍、物资进入待命状态', g('rescue'), 120),
  ],
  levels: [
    {
      level: 'IV',
      triggers: [
        warn('暴雨', 'yellow'),
        range('rainfall24h', 100),
        range('riverLevel', 4.5),
        flag('reservoirDanger'),
      ],
      recommenderRoleIds: ['office'],
      approval: approval('secretary', 'deputy'),
      matter: '示范区防汛Ⅳ级应急响应',
      expectedDurationHours: 24,
      actions: [
        act('秘书长主持会商，作出相应工作安排，加强对汛情的监视', r('secretary'), 60),
        act('指挥部办公室加强值班，将情况报区政府和市三防指挥部', r('office'), 60),
        act('气象、水务部门加密监测预报，每3小时报告一次雨情水情', g('coordination'), 180),
        act('各街道巡查易涝点、山塘水库，落实值守人员', g('engineering'), 120),
      ],
      termination: { approval: approval('secretary', 'deputy'), conditions: [flag('situationControlled')] },
    },
    {
      level: 'III',
      triggers: [
        warn('暴雨', 'orange'),
        range('rainfall24h', 150),
        range('riverLevel', 5.5),
        range('deaths', 1),
      ],
      recommenderRoleIds: ['office'],
      approval: approval('deputy'),
      matter: '示范区防汛Ⅲ级应急响应',
      expectedDurationHours: 48,
      actions: [
        act('副总指挥主持会商，部署防汛工作', r('deputy'), 60),
        act('工程抢险队伍前置到重点堤段和水库', g('engineering'), 120),
        act('组织危险区域群众转移避险', g('logistics'), 180),
        act('发布防汛Ⅲ级应急响应信息和避险提示', g('publicity'), 60),
      ],
      termination: { approval: approval('deputy'), conditions: [flag('situationControlled')] },
    },
    {
      level: 'II',
      triggers: [warn('暴雨', 'red'), range('rainfall24h', 250), flag('dikeBreach'), range('deaths', 3)],
      recommenderRoleIds: ['office'],
      approval: approval('deputy', 'commander'),
      matter: '示范区防汛Ⅱ级应急响应',
      expectedDurationHours: 72,
      actions: [
        act('副总指挥坐镇区三防指挥部指挥', r('deputy'), 30),
        act('停止户外集体活动，视情停课、停工、停业', g('coordination'), 120),
        act('医疗救治组在转移安置点设立医疗点', g('medical'), 180),
        act('治安警戒组对危险区域实施交通管制', g('security'), 60),
      ],
      termination: { approval: approval('deputy', 'commander'), conditions: [flag('situationControlled')] },
    },
    {
      level: 'I',
      triggers: [
        flag('reservoirBreach'),
        range('deaths', 10),
        all(warn('暴雨', 'red'), range('rainfall24h', 400)),
        upperOrder,
      ],
      recommenderRoleIds: ['office'],
      approval: approval('commander'),
      matter: '示范区防汛Ⅰ级应急响应',
      expectedDurationHours: 72,
      actions: [
        act('总指挥主持会商，全区进入紧急防汛状态', r('commander'), 30),
        act('请求市级及驻区部队支援抢险救灾', g('coordination'), 60),
        act('全面组织受威胁区域群众转移', g('logistics'), 120),
      ],
      termination: { approval: approval('commander'), conditions: [flag('situationControlled')] },
    },
  ],
  discretionaryRaise: false,
};

/** Every typhoon level ends the same way: its own signer declares it over once the typhoon has passed. */
function typhoonLevels(levels: PlanInput['levels']): PlanInput['levels'] {
  return levels.map((level) => ({
    ...level,
    termination: { approval: level.approval, conditions: [flag('typhoonPassed')] },
  }));
}

// ---------------------------------------------------------------------------------------------------------
// 防台风 (sources/02): 警报颜色 + 台风等级 decide the level; signers per level; actions accumulate.

const typhoon: PlanInput = {
  id: 'sample-typhoon',
  version: 1,
  status: 'published',
  meta: {
    ...META,
    title: '示范区防台风应急预案',
    planType: 'special',
    hazardCategory: 'natural',
    hazardType: '台风',
    lastDrillDate: '2024-06-18',
    summary: '适用于影响本区的热带气旋（热带风暴、强热带风暴、台风、强台风、超强台风）的防御和应急处置。',
  },
  commandBody: '区三防指挥部',
  roles: ROLES,
  groups: [
    ...GROUPS,
    {
      id: 'marine',
      name: '海上防风组',
      leadUnitId: U.transport,
      memberUnitIds: [],
      duties: '船只回港避风、海上和沿海作业人员撤离',
    },
  ],
  observations: [
    { key: 'windScale', label: '台风中心附近最大风力', kind: 'number', unit: '级' },
    { key: 'landfallExpected', label: '预计登陆或严重影响本区', kind: 'flag', unit: '' },
    { key: 'typhoonPassed', label: '台风已过境、影响基本结束', kind: 'flag', unit: '' },
  ],
  warningTypes: ['台风'],
  warningLevels: WARNING_LEVELS('台风灾害'),
  preResponseActions: [act('指挥部办公室跟踪台风路径，组织会商', r('office'), 60)],
  levels: typhoonLevels([
    {
      level: 'IV',
      // 橙色警报 + 热带风暴（8–9级）
      triggers: [all(warn('台风', 'orange'), range('windScale', 8, 10))],
      recommenderRoleIds: [],
      approval: approval('deputy', 'secretary'),
      matter: '示范区防台风Ⅳ级应急响应',
      expectedDurationHours: 24,
      actions: [
        act(
          '防汛抗旱指挥机构秘书长主持会商，研究分析台风可能影响情况，安排部署防台风工作',
          r('secretary'),
          60,
        ),
        act('指挥办事机构加强值班，将台风信息报告指挥、区政府和市三防指挥部，通报成员单位', r('office'), 60),
        act('气象部门密切监视台风动向并及时发布预测预报信息', g('coordination'), 120),
        act('做好海上船只、沿海养殖和作业人员的防风避风工作', g('marine'), 240),
        act('各成员单位按照职责分工，做好相应工作', g('coordination'), 240),
      ],
    },
    {
      level: 'III',
      // 橙色警报 + 强热带风暴（10–11级）
      triggers: [all(warn('台风', 'orange'), range('windScale', 10, 12))],
      recommenderRoleIds: [],
      approval: approval('commander', 'deputy'),
      matter: '示范区防台风Ⅲ级应急响应',
      expectedDurationHours: 36,
      actions: [
        act('副指挥主持会商，主要成员单位参加，研究部署防御台风工作', r('deputy'), 60),
        act('指挥办事机构研究防御对策，将防台风信息报告指挥并报区政府和市三防指挥部', r('office'), 60),
        act('危险区域人员转移到安全地带', g('logistics'), 240),
      ],
    },
    {
      level: 'II',
      // 红色警报 + 台风、强台风（12–15级）
      triggers: [all(warn('台风', 'red'), range('windScale', 12, 16))],
      recommenderRoleIds: [],
      approval: approval('commander', 'deputy'),
      matter: '示范区防台风Ⅱ级应急响应',
      expectedDurationHours: 48,
      actions: [
        act('指挥坐镇指挥，区三防指挥部成员单位全员值班', r('commander'), 30),
        act('停课、停工、停业，关闭旅游景区和户外场所', g('coordination'), 120),
        act('抢险救援队伍全员到岗待命', g('rescue'), 60),
      ],
    },
    {
      level: 'I',
      // 红色警报 + 超强台风（16级以上）
      triggers: [all(warn('台风', 'red'), range('windScale', 16)), upperOrder],
      recommenderRoleIds: [],
      approval: approval('commander'),
      matter: '示范区防台风Ⅰ级应急响应',
      expectedDurationHours: 72,
      actions: [
        act('区政府主要负责同志坐镇指挥，召开紧急动员部署会议', r('commander'), 30),
        act('组织和动员全社会力量投入防台风工作，所有村（社区）干部24小时值班', g('coordination'), 60),
      ],
    },
  ]),
  discretionaryRaise: false,
};

// ---------------------------------------------------------------------------------------------------------
// 危险化学品 (sources/04): 条例 Art. 3 grades; 提级 for sensitive cases; adjust level to avoid over/under-response;
// elapsed time: not under control 2 h after the accident in a sensitive period, 4 h otherwise.

const hazmat: PlanInput = {
  id: 'sample-hazmat',
  version: 1,
  status: 'published',
  meta: {
    ...META,
    title: '示范区危险化学品生产安全事故应急预案',
    planType: 'special',
    hazardCategory: 'accident',
    hazardType: '危险化学品',
    issuingUnitId: U.emergency,
    lastDrillDate: '2025-11-10',
    summary:
      '适用于本区危险化学品生产、经营、储存、使用和运输过程中发生的火灾、爆炸、泄漏、中毒等生产安全事故。',
  },
  commandBody: '区危险化学品事故应急指挥部',
  roles: [
    ...ROLES,
    { id: 'bureau', name: '区应急管理局主要负责人', positionIds: [], personIds: [person(0x06)] },
    { id: 'fieldCommander', name: '现场指挥官', positionIds: [position(0x09)], personIds: [] },
  ],
  groups: [
    ...GROUPS,
    {
      id: 'monitoring',
      name: '环境监测组',
      leadUnitId: U.ecology,
      memberUnitIds: [U.weather],
      duties: '大气、水体监测，划定影响范围',
    },
  ],
  observations: [
    { key: 'deaths', label: '死亡人数', kind: 'number', unit: '人' },
    { key: 'seriousInjuries', label: '重伤人数（含急性工业中毒）', kind: 'number', unit: '人' },
    { key: 'directLoss', label: '直接经济损失', kind: 'number', unit: '万元' },
    { key: 'leakOffsite', label: '泄漏扩散至厂区外', kind: 'flag', unit: '' },
    { key: 'accidentAt', label: '事故发生', kind: 'moment', unit: '' },
    { key: 'controlled', label: '得到有效控制', kind: 'flag', unit: '' },
    { key: 'sensitivePeriod', label: '敏感时期', kind: 'flag', unit: '' },
  ],
  warningTypes: ['危险化学品事故'],
  warningLevels: WARNING_LEVELS('危险化学品生产安全事故'),
  preResponseActions: [act('危化科组织专家研判，督促企业落实防范措施', g('coordination'), 60)],
  levels: [
    {
      level: 'IV',
      triggers: [
        range('deaths', 1, 3),
        range('seriousInjuries', 3, 10),
        range('directLoss', 100, 1000),
        flag('leakOffsite'),
        warn('危险化学品事故', 'blue'),
      ],
      recommenderRoleIds: [],
      approval: approval('bureau', 'secretary'),
      matter: '危险化学品生产安全事故Ⅳ级应急响应',
      expectedDurationHours: 12,
      actions: [
        act('区应急管理局负责人带队赶赴现场，成立现场指挥部', r('bureau'), 30),
        act('消防救援大队开展灭火、堵漏、搜救', g('rescue'), 15),
        act('环境监测组布设监测点，每小时报告监测数据', g('monitoring'), 60),
        act('设置警戒区，疏散无关人员', g('security'), 30),
        act('按规定时限向区政府和市应急管理局报告事故信息', g('coordination'), 60),
      ],
      deescalation: null,
      termination: { approval: approval('bureau', 'secretary'), conditions: [flag('controlled')] },
    },
    {
      level: 'III',
      triggers: [
        range('deaths', 3, 10),
        range('seriousInjuries', 10, 50),
        range('directLoss', 1000, 5000),
        {
          kind: 'elapsed',
          since: 'accidentAt',
          unless: 'controlled',
          minutes: 240,
          alternative: { when: 'sensitivePeriod', minutes: 120 },
        },
      ],
      recommenderRoleIds: [],
      approval: approval('bureau', 'secretary'),
      matter: '危险化学品生产安全事故Ⅲ级应急响应',
      expectedDurationHours: 24,
      actions: [
        act('区指挥部各工作组到位，现场指挥官统一指挥', r('fieldCommander'), 30),
        act('医疗救治组开通绿色通道，调派专家救治中毒伤员', g('medical'), 60),
        act('新闻宣传组发布权威信息，回应社会关切', g('publicity'), 120),
      ],
      deescalation: { approval: approval('bureau', 'secretary'), conditions: [flag('controlled')] },
      termination: { approval: approval('bureau', 'secretary'), conditions: [flag('controlled')] },
    },
    {
      level: 'II',
      triggers: [
        range('deaths', 10, 30),
        range('seriousInjuries', 50, 100),
        range('directLoss', 5000, 10000),
      ],
      recommenderRoleIds: ['office'],
      approval: approval('commander', 'deputy'),
      matter: '危险化学品生产安全事故Ⅱ级应急响应',
      expectedDurationHours: 48,
      actions: [
        act('副总指挥赶赴现场指挥，区指挥部全体成员单位参加', r('deputy'), 60),
        act('组织周边群众疏散转移并妥善安置', g('logistics'), 120),
        act('请求市级危化救援专业队伍支援', g('coordination'), 60),
      ],
      deescalation: { approval: approval('commander', 'deputy'), conditions: [flag('controlled')] },
      termination: { approval: approval('commander', 'deputy'), conditions: [flag('controlled')] },
    },
    {
      level: 'I',
      triggers: [range('deaths', 30), range('seriousInjuries', 100), range('directLoss', 10000), upperOrder],
      recommenderRoleIds: ['office'],
      // 区政府常务会议决定: 总指挥与常务副总指挥会签.
      approval: { roleIds: ['commander', 'deputy'], mode: 'all' },
      matter: '危险化学品生产安全事故Ⅰ级应急响应',
      expectedDurationHours: 72,
      actions: [
        act('总指挥坐镇指挥，报请市政府统一协调响应支援', r('commander'), 30),
        act('划定并扩大疏散范围，实施区域交通管制', g('security'), 60),
      ],
      deescalation: { approval: { roleIds: ['commander'], mode: 'any' }, conditions: [flag('controlled')] },
      termination: { approval: { roleIds: ['commander'], mode: 'any' }, conditions: [flag('controlled')] },
    },
  ],
  discretionaryRaise: true,
};

const plans = [flood, typhoon, hazmat];
for (const plan of plans) {
  const checked = checkPlanInput(plan);
  if (!checked.ok)
    throw new Error(
      `${plan.meta.title}: ${checked.issues.map((issue) => formatPlanIssue(issue)).join('; ')}`,
    );
}
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(
  OUTPUT,
  `${JSON.stringify({ format: 'emergency-desk-sample-plans', version: 1, plans }, null, 2)}\n`,
  'utf8',
);
console.log(`wrote ${OUTPUT}: ${plans.map((p) => p.meta.title).join('、')}`);
