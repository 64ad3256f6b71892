/**
 * Writes resources/sample-data/resources.json: the emergency resources of 示范区 — material classes,
 * warehouses and their opening stock, rescue teams, equipment, experts and shelters — bound to the units and
 * people of the sample directory. Run with `npx tsx scripts/generate-sample-resources.ts` (after
 * generate-sample-org.ts, whose file it reads).
 *
 * Deterministic: ids come from per-kind counters and quantities, lot numbers and positions from a seeded
 * PRNG, so running it again gives the same file byte for byte. Dates are days relative to the day the
 * sample is loaded, so what it is meant to alert on never goes stale: about ten materials below their
 * minimum and a few with no stock, eight batches expiring within 30 days and three already expired, four
 * inspections due within 14 days and two overdue, one warehouse whose 盘点 is overdue; the rest is
 * comfortable. Everything is invented. The lower levels of the GB/T 38565 codes are the office's own
 * table (material-code.ts), not the standard's; area code 0999 is not in use in China.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { MaterialClass } from '../shared/domain/resources/material-code';
import { RESOURCE_INPUT_SCHEMAS } from '../shared/domain/resources/resource-schemas';
import type { GeoPoint, MaterialSource } from '../shared/domain/resources/resource-types';
import type { SampleReceipt, SampleResources } from '../shared/domain/resources/sample-resources';
import { mulberry32 } from './seeded-random';

const OUTPUT = resolve(import.meta.dirname, '../resources/sample-data/resources.json');
const ORG = resolve(import.meta.dirname, '../resources/sample-data/org.json');

type Row<K extends keyof SampleResources> = SampleResources[K] extends (infer T)[] ? T : never;

// ---------------------------------------------------------------------------------------------------------
// Determinism: a seeded PRNG (mulberry32) and UUID-v4-shaped ids from per-kind counters, as in
// generate-sample-org.ts. The directory uses kinds 1–3; resources take 0x11–0x16.

const random = mulberry32(20241015);
const int = (max: number): number => Math.floor(random() * max);
const between = (min: number, max: number): number => min + int(max - min + 1);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
const digits = (n: number): string => Array.from({ length: n }, () => String(int(10))).join('');

const ID_KIND = { warehouse: 0x11, material: 0x12, team: 0x13, equipment: 0x14, expert: 0x15, shelter: 0x16 };
const counters = { warehouse: 0, material: 0, team: 0, equipment: 0, expert: 0, shelter: 0 };
function nextId(kind: keyof typeof ID_KIND): string {
  counters[kind] += 1;
  const tail = (ID_KIND[kind] * 0x10000 + counters[kind]).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${tail}`;
}

// ---------------------------------------------------------------------------------------------------------
// The sample directory: records bind to its units and people by name, so a renamed unit fails loudly here.

interface OrgSample {
  units: { id: string; name: string; address: string }[];
  people: { id: string; name: string; unitId: string; title: string; mobile: string }[];
}
const org = JSON.parse(readFileSync(ORG, 'utf8')) as OrgSample;

function orgUnit(name: string): { id: string; address: string } {
  const found = org.units.find((u) => u.name === name);
  if (!found) throw new Error(`org.json has no unit ${name}`);
  return found;
}
const unitId = (name: string): string => orgUnit(name).id;

function personId(unitName: string, title: string, nth = 0): string {
  const at = unitId(unitName);
  const found = org.people.filter((p) => p.unitId === at && p.title === title)[nth];
  if (!found) throw new Error(`org.json has no ${title} #${nth + 1} in ${unitName}`);
  return found.id;
}

// Positions around the district centre (114.30, 30.59): each area has a centre, each place a small offset.
const AREA = {
  区: [114.3, 30.59],
  东湖: [114.352, 30.611],
  西城: [114.251, 30.584],
  南山: [114.293, 30.538],
  北岭: [114.309, 30.646],
  新港: [114.364, 30.557],
  青石: [114.243, 30.629],
} as const;
type Area = keyof typeof AREA;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
function near(area: Area, spread = 0.008): GeoPoint {
  const [lng, lat] = AREA[area];
  return { lng: round6(lng + (random() * 2 - 1) * spread), lat: round6(lat + (random() * 2 - 1) * spread) };
}

// ---------------------------------------------------------------------------------------------------------
// Warehouses, each counted every 90 days; 新港's point was last counted 118 days ago and is overdue.

type WarehouseKey = 'district' | 'flood' | 'donghu' | 'xicheng' | 'xingang';
const WAREHOUSE_SPECS: Record<
  WarehouseKey,
  { name: string; address: string; area: Area; keeper: [string, string, number?]; lastCounted: number }
> = {
  district: {
    name: '示范区应急物资储备库（区级）',
    address: '示范区安澜大道118号',
    area: '区',
    keeper: ['风险监测和综合减灾科', '科员'],
    lastCounted: 34,
  },
  flood: {
    name: '示范区防汛抢险物资仓库',
    address: '示范区清源路52号',
    area: '西城',
    keeper: ['区水务局', '水旱灾害防御科科长'],
    lastCounted: 61,
  },
  donghu: {
    name: '东湖街道应急物资储备点',
    address: '示范区东湖路3号',
    area: '东湖',
    keeper: ['东湖街道办事处', '科员'],
    lastCounted: 12,
  },
  xicheng: {
    name: '西城街道应急物资储备点',
    address: '示范区西城大道206号',
    area: '西城',
    keeper: ['西城街道办事处', '科员', 1],
    lastCounted: 47,
  },
  xingang: {
    name: '新港街道应急物资储备点',
    address: '示范区港城大道318号',
    area: '新港',
    keeper: ['新港街道办事处', '科员', 1],
    lastCounted: 118,
  },
};

const warehouses: Row<'warehouses'>[] = [];
const warehouseIds = {} as Record<WarehouseKey, string>;
for (const key of Object.keys(WAREHOUSE_SPECS) as WarehouseKey[]) {
  const spec = WAREHOUSE_SPECS[key];
  const [keeperUnit, keeperTitle, nth] = spec.keeper;
  const record = {
    id: nextId('warehouse'),
    name: spec.name,
    address: spec.address,
    location: near(spec.area, 0.004),
    keeperId: personId(keeperUnit, keeperTitle, nth),
    stocktakeIntervalDays: 90,
    lastStocktakeDaysAgo: spec.lastCounted,
  };
  warehouses.push(record);
  warehouseIds[key] = record.id;
}
const STREET_POINTS: WarehouseKey[] = ['donghu', 'xicheng', 'xingang'];

// ---------------------------------------------------------------------------------------------------------
// Material classes and the catalogue. A class lists its items; every spec of an item is one material with
// its own 细类 code. `stock` and `minimum` are per spec; 'spec*0.3' scales them for a variant stocked in
// smaller numbers. `shelf` (days) marks goods that expire: food, water, medicine, disinfectant, sterile
// consumables and filter canisters.

type Store = 'district' | 'flood' | 'street';
interface Item {
  name: string;
  unit: string;
  specs: string;
  stock: number;
  minimum: number;
  store: Store;
  shelf?: number;
}
const item = (
  name: string,
  unit: string,
  specs: string,
  stock: number,
  minimum: number,
  store: Store,
  shelf?: number,
): Item =>
  shelf === undefined
    ? { name, unit, specs, stock, minimum, store }
    : { name, unit, specs, stock, minimum, store, shelf };

interface MinorClass {
  code: string;
  name: string;
  items: Item[];
  /** The name of its 99 收容类目, where the office keeps one. */
  other?: string;
}

const MIDDLE_CLASSES: MaterialClass[] = [
  { code: '101', name: '食品' },
  { code: '102', name: '饮用水' },
  { code: '103', name: '衣被' },
  { code: '104', name: '帐篷及住宿' },
  { code: '105', name: '照明' },
  { code: '106', name: '卫生防疫' },
  { code: '199', name: '其他基本生活保障物资' },
  { code: '201', name: '防汛抢险器材' },
  { code: '202', name: '消防及救援器材' },
  { code: '203', name: '个体防护' },
  { code: '204', name: '通信' },
  { code: '205', name: '医疗急救' },
  { code: '299', name: '其他应急装备及配套物资' },
  { code: '301', name: '工程材料' },
  { code: '302', name: '机械设备' },
  { code: '303', name: '抢修工具' },
  { code: '399', name: '其他工程材料与机械加工设备' },
];

const CATALOGUE: MinorClass[] = [
  {
    code: '10101',
    name: '主食类',
    other: '其他主食',
    items: [
      item(
        '方便面',
        '箱',
        '红烧牛肉味 24袋/箱|香辣牛肉味 24袋/箱|老坛酸菜味 24袋/箱|桶装 12桶/箱|非油炸 20袋/箱',
        400,
        200,
        'street',
        180,
      ),
      item('挂面', '箱', '1kg×10把/箱|500g×20把/箱', 150, 60, 'street', 365),
      item('大米', '袋', '5kg/袋|10kg/袋|25kg/袋*0.5', 300, 100, 'district', 365),
      item('面粉', '袋', '10kg/袋|25kg/袋*0.5', 120, 40, 'district', 270),
    ],
  },
  {
    code: '10102',
    name: '即食食品',
    other: '其他即食食品',
    items: [
      item('压缩饼干', '箱', '125g×40袋/箱|90g×60袋/箱|100g×50袋/箱', 250, 120, 'district', 1095),
      item(
        '自热米饭',
        '箱',
        '350g×12盒/箱|香菇鸡肉 260g×12盒/箱|红烧牛肉 320g×12盒/箱',
        120,
        60,
        'district',
        270,
      ),
      item('八宝粥', '箱', '360g×12罐/箱|280g×24罐/箱', 150, 60, 'street', 540),
      item('火腿肠', '箱', '60g×50支/箱|30g×100支/箱', 80, 30, 'street', 180),
      item('午餐肉罐头', '箱', '340g×24罐/箱|198g×48罐/箱', 60, 20, 'district', 1095),
      item('饼干', '箱', '苏打饼干 2.5kg/箱|全麦饼干 2kg/箱|夹心饼干 2kg/箱', 100, 40, 'street', 365),
      item('面包', '箱', '长保质期 90g×30个/箱', 60, 0, 'street', 120),
      item('能量棒', '箱', '40g×60支/箱', 40, 10, 'district', 365),
    ],
  },
  {
    code: '10103',
    name: '副食及调味品',
    items: [
      item('食用油', '桶', '5L/桶|10L/桶*0.5|20L/桶*0.2', 80, 30, 'district', 540),
      item('食盐', '箱', '400g×50袋/箱', 30, 10, 'district', 1095),
      item('榨菜', '箱', '80g×100袋/箱|15g×500袋/箱', 40, 10, 'street', 365),
      item('白砂糖', '箱', '1kg×20袋/箱', 20, 5, 'district', 730),
    ],
  },
  {
    code: '10104',
    name: '婴幼儿及特殊人群食品',
    items: [
      item('婴儿配方奶粉', '罐', '1段 800g/罐|2段 800g/罐|3段 800g/罐', 60, 20, 'district', 540),
      item('婴幼儿米粉', '盒', '225g/盒', 80, 20, 'district', 540),
      item('无糖食品', '箱', '无糖饼干 2kg/箱|无糖燕麦片 1kg×12袋/箱', 20, 5, 'district', 365),
      item('液态奶', '箱', '250ml×24盒/箱', 100, 40, 'street', 180),
    ],
  },
  {
    code: '10199',
    name: '其他食品',
    items: [
      item('功能饮料', '箱', '500ml×15瓶/箱|250ml×24罐/箱', 60, 0, 'street', 365),
      item('姜茶', '盒', '速溶 10g×20袋/盒', 100, 0, 'street', 540),
    ],
  },
  {
    code: '10201',
    name: '瓶装饮用水',
    items: [
      item(
        '矿泉水',
        '箱',
        '550ml×24瓶/箱|350ml×24瓶/箱|1.5L×12瓶/箱*0.5|5L×4桶/箱*0.5',
        600,
        300,
        'street',
        540,
      ),
      item('纯净水', '箱', '550ml×24瓶/箱|5L×4桶/箱*0.5', 300, 100, 'district', 365),
    ],
  },
  {
    code: '10202',
    name: '桶装饮用水',
    items: [item('桶装水', '桶', '18.9L/桶|11.3L/桶', 200, 50, 'street', 180)],
  },
  {
    code: '10203',
    name: '净水及储水用品',
    other: '其他净水及储水用品',
    items: [
      item('净水片', '瓶', '100片/瓶|50片/瓶', 200, 50, 'district', 730),
      item('储水袋', '个', '折叠式 10L|折叠式 20L', 500, 200, 'district'),
      item('软体水囊', '个', '1立方米|5立方米*0.5', 20, 6, 'flood'),
      item('便携式净水器', '台', '处理量 50L/h|处理量 500L/h*0.5', 10, 4, 'district'),
      item('食品级水桶', '个', '20L 带龙头', 200, 50, 'district'),
    ],
  },
  {
    code: '10301',
    name: '被褥',
    items: [
      item(
        '棉被',
        '条',
        '2.0×2.3m 4kg|1.5×2.0m 3kg|2.0×2.3m 冬被 5kg*0.5|1.5×2.0m 夏凉被*0.5',
        800,
        500,
        'district',
      ),
      item('毛毯', '条', '1.5×2.0m|2.0×2.3m|珊瑚绒 1.5×2.0m*0.5', 600, 300, 'district'),
      item('睡袋', '个', '信封式 -5℃|木乃伊式 -10℃*0.5|儿童款*0.3', 300, 100, 'district'),
      item('床单', '条', '1.5×2.0m|1.2×2.0m', 500, 200, 'district'),
      item('枕头', '个', '48×74cm', 500, 200, 'district'),
      item('褥子', '条', '0.9×2.0m|1.2×2.0m', 300, 100, 'district'),
    ],
  },
  {
    code: '10302',
    name: '服装鞋帽',
    other: '其他服装鞋帽',
    items: [
      item('棉大衣', '件', 'L|XL|XXL', 200, 80, 'district'),
      item('防寒服', '件', 'M|L|XL', 150, 50, 'district'),
      item('秋衣秋裤', '套', '男款 L|男款 XL|女款 M|女款 L', 120, 40, 'district'),
      item('棉鞋', '双', '38码|40码|42码|44码', 100, 30, 'district'),
      item('拖鞋', '双', '均码', 400, 100, 'street'),
      item('儿童棉衣', '件', '110cm|130cm|150cm', 60, 20, 'district'),
    ],
  },
  {
    code: '10401',
    name: '帐篷',
    items: [
      item(
        '帐篷',
        '顶',
        '12m²单帐篷|12m²棉帐篷|36m²框架帐篷*0.3|60m²指挥帐篷*0.1|6m²班用帐篷*0.5|9m²隔离帐篷*0.3',
        200,
        100,
        'district',
      ),
    ],
  },
  {
    code: '10402',
    name: '床具',
    items: [
      item('折叠床', '张', '190×70cm 钢管|190×80cm 铝合金|儿童 150×60cm*0.3', 300, 150, 'district'),
      item('行军床', '张', '190×65cm|加宽 190×80cm', 150, 50, 'district'),
      item('充气床垫', '张', '单人 190×80cm|双人 190×137cm*0.5', 120, 40, 'street'),
      item('防潮垫', '张', '180×60cm|200×120cm', 300, 100, 'street'),
    ],
  },
  {
    code: '10403',
    name: '简易家具',
    items: [
      item('折叠桌', '张', '120×60cm|180×60cm', 60, 10, 'district'),
      item('折叠椅', '把', '靠背式|马扎', 200, 50, 'district'),
      item('隔断帘', '套', '2×2m 安置点用', 100, 20, 'district'),
    ],
  },
  {
    code: '10499',
    name: '其他住宿用品',
    items: [
      item('蚊帐', '顶', '1.2m|1.5m|1.8m', 200, 60, 'district'),
      item('电暖器', '台', '2000W 油汀', 30, 10, 'district'),
      item('保温水壶', '个', '3.2L', 200, 50, 'street'),
    ],
  },
  {
    code: '10501',
    name: '照明灯具',
    items: [
      item(
        '应急照明灯',
        '台',
        'LED 30W 充电式|LED 50W 充电式|LED 100W 泛光*0.5|LED 200W 泛光*0.3',
        60,
        30,
        'street',
      ),
      item('手电筒', '个', '强光 LED 充电式|防爆型*0.3|手摇发电式*0.5', 300, 100, 'street'),
      item('头灯', '个', 'LED 充电式|防水型', 200, 80, 'flood'),
      item('帐篷灯', '个', 'LED 悬挂式|太阳能', 200, 50, 'district'),
    ],
  },
  {
    code: '10502',
    name: '电池及电源',
    items: [
      item('干电池', '节', '1号|5号|7号', 2000, 500, 'district'),
      item('移动电源', '个', '10000mAh|20000mAh', 100, 30, 'district'),
      item('蜡烛', '箱', '白蜡 50支/箱', 30, 10, 'street'),
    ],
  },
  {
    code: '10601',
    name: '消毒用品',
    other: '其他消毒用品',
    items: [
      item(
        '消毒液',
        '瓶',
        '84消毒液 500ml|季铵盐消毒液 500ml|过氧乙酸 15% 500ml*0.3',
        300,
        100,
        'district',
        365,
      ),
      item('消毒液', '桶', '84消毒液 5L|季铵盐消毒液 5L', 100, 30, 'district', 365),
      item('消毒泡腾片', '瓶', '含氯 100片/瓶|二氧化氯 50片/瓶', 200, 60, 'district', 730),
      item('医用酒精', '瓶', '75% 500ml|75% 2.5L*0.3|95% 500ml*0.2', 300, 100, 'district', 730),
      item('漂白粉', '桶', '25kg/桶', 20, 5, 'district', 365),
      item('免洗手消毒凝胶', '瓶', '500ml|60ml', 300, 50, 'street', 730),
    ],
  },
  {
    code: '10602',
    name: '消杀器具',
    items: [
      item('喷雾器', '台', '背负式 16L 手动|背负式 16L 电动|担架式 机动*0.2', 60, 20, 'district'),
      item('灭蚊蝇喷雾', '瓶', '600ml', 200, 50, 'street'),
    ],
  },
  {
    code: '10603',
    name: '个人卫生用品',
    items: [
      item('毛巾', '条', '70×35cm|浴巾 140×70cm*0.5', 600, 200, 'district'),
      item('洗漱包', '套', '牙刷/牙膏/毛巾/香皂', 500, 200, 'district'),
      item('卫生纸', '提', '10卷/提', 300, 100, 'street'),
      item('卫生巾', '包', '日用 10片/包|夜用 8片/包', 200, 50, 'district'),
      item('纸尿裤', '包', '婴儿 L|成人 L', 100, 20, 'district'),
      item('湿巾', '包', '80抽', 300, 50, 'street'),
      item('洗衣皂', '块', '200g', 300, 50, 'district'),
    ],
  },
  {
    code: '10604',
    name: '环境卫生用品',
    items: [
      item('垃圾袋', '卷', '大号 100×120cm|中号 60×80cm', 300, 100, 'street'),
      item('移动厕所', '个', '单人 免水冲|无障碍型*0.5', 20, 6, 'district'),
      item('垃圾桶', '个', '240L 带盖|120L 带盖', 60, 10, 'street'),
      item('生石灰', '吨', '袋装 25kg/袋', 5, 2, 'district'),
    ],
  },
  {
    code: '19901',
    name: '应急包',
    items: [
      item('家庭应急包', '个', '单人款|三人款', 300, 100, 'street'),
      item('应急生存背囊', '个', '72小时型', 50, 10, 'district'),
    ],
  },
  {
    code: '19999',
    name: '其他',
    items: [
      item('急救保温毯', '条', '铝箔 160×210cm', 500, 100, 'district'),
      item('雨伞', '把', '长柄|折叠', 200, 0, 'street'),
    ],
  },
  {
    code: '20101',
    name: '防汛袋类',
    other: '其他防汛袋类',
    items: [
      item('编织袋', '条', '50×80cm|60×90cm|80×100cm*0.5', 30000, 15000, 'flood'),
      item('麻袋', '条', '70×110cm', 5000, 2000, 'flood'),
      item('吸水膨胀袋', '个', '40×60cm|30×50cm', 2000, 500, 'flood'),
      item('吨袋', '个', '90×90×110cm 1t', 200, 50, 'flood'),
      item('防汛沙袋', '条', '已装土 50×80cm', 20000, 5000, 'flood'),
    ],
  },
  {
    code: '20102',
    name: '救生器材',
    items: [
      item('救生衣', '件', '成人 浮力≥75N|儿童 浮力≥40N*0.3|水域救援专用 浮力≥150N*0.2', 600, 400, 'flood'),
      item('救生圈', '个', '成人 2.5kg|儿童 1.5kg*0.3', 200, 100, 'flood'),
      item('救生绳', '条', '12mm×30m|10mm×50m', 200, 80, 'flood'),
      item('抛绳包', '个', '20m 浮水绳', 60, 20, 'flood'),
      item('救生浮索', '条', '50m', 20, 5, 'flood'),
    ],
  },
  {
    code: '20103',
    name: '舟艇及配件',
    items: [
      item('冲锋舟', '艘', '玻璃钢 5.2m|铝合金 4.7m', 6, 4, 'flood'),
      item('橡皮艇', '艘', '充气式 3.8m|充气式 4.3m', 8, 4, 'flood'),
      item('船外机', '台', '40马力|25马力', 8, 4, 'flood'),
      item('船桨', '副', '铝合金 1.8m', 40, 10, 'flood'),
    ],
  },
  {
    code: '20104',
    name: '排水器材',
    items: [
      item(
        '抽水泵',
        '台',
        '潜水泵 4寸 7.5kW|潜水泵 6寸 15kW*0.5|汽油机水泵 3寸|柴油机水泵 4寸*0.5',
        30,
        20,
        'flood',
      ),
      item('排水软管', '米', 'Φ100mm|Φ150mm|Φ200mm*0.5', 2000, 600, 'flood'),
    ],
  },
  {
    code: '20105',
    name: '堵漏及挡水器材',
    items: [
      item('土工滤垫', '块', '防管涌 1×1m', 200, 60, 'flood'),
      item('组合式围井', '套', 'Φ1.5m×1.2m', 20, 6, 'flood'),
      item('防汛挡水板', '块', '1.2m 铝合金|0.8m 铝合金', 100, 0, 'flood'),
      item('充水式子堤', '条', '10m×0.6m|20m×0.6m', 30, 10, 'flood'),
    ],
  },
  {
    code: '20199',
    name: '其他防汛器材',
    items: [
      item('水尺', '根', '搪瓷 1m', 50, 0, 'flood'),
      item('巡堤查险工具包', '套', '铁锤/钢钎/标志旗', 50, 20, 'flood'),
      item('防汛标志旗', '面', '红黄蓝三色', 200, 0, 'flood'),
    ],
  },
  {
    code: '20201',
    name: '灭火器材',
    items: [
      item(
        '灭火器',
        '具',
        '干粉 4kg|干粉 8kg|二氧化碳 5kg*0.5|水基型 6L|推车式干粉 35kg*0.1',
        200,
        60,
        'district',
      ),
      item('灭火毯', '条', '1.2×1.2m|1.5×1.5m', 200, 50, 'district'),
      item('消防水带', '盘', '65mm×20m|80mm×20m', 60, 20, 'district'),
      item('消防水枪', '支', '直流 Φ19mm|多功能', 30, 10, 'district'),
    ],
  },
  {
    code: '20202',
    name: '破拆及支撑器材',
    items: [
      item('救援支撑木', '根', '10×10×120cm', 200, 50, 'district'),
      item('起重气垫', '套', '20t', 4, 2, 'district'),
      item('无齿锯片', '片', '350mm 金刚石', 40, 10, 'district'),
    ],
  },
  {
    code: '20203',
    name: '绳索及登高器材',
    items: [
      item('安全绳', '条', '11mm×50m 静力绳|11mm×100m 静力绳*0.5|8mm×30m 辅绳', 60, 20, 'district'),
      item('安全带', '副', '全身式|半身式', 80, 30, 'district'),
      item('主锁', '个', 'D型 丝扣|O型 自动', 100, 30, 'district'),
      item('下降器', '个', '8字环|自锁式', 30, 10, 'district'),
      item('折叠梯', '架', '铝合金 6m', 10, 4, 'district'),
    ],
  },
  {
    code: '20204',
    name: '警戒器材',
    items: [
      item('警戒带', '卷', '红白 100m|黄黑 100m', 300, 100, 'street'),
      item('锥桶', '个', '70cm 反光', 300, 100, 'street'),
      item('爆闪警示灯', '个', '太阳能|充电式', 200, 50, 'street'),
      item('警示牌', '块', '前方施工 注意安全|危险区域 禁止入内', 100, 20, 'district'),
      item('伸缩护栏', '个', '3m 不锈钢', 50, 10, 'street'),
    ],
  },
  {
    code: '20301',
    name: '呼吸防护',
    other: '其他呼吸防护用品',
    items: [
      item(
        '口罩',
        '盒',
        '医用外科 50只/盒|KN95 30只/盒|N95医用防护 20只/盒*0.5|一次性医用 50只/盒',
        600,
        200,
        'district',
        1095,
      ),
      item('防毒面具', '套', '全面罩 过滤式|半面罩 过滤式|自吸过滤式 逃生', 100, 40, 'district'),
      item('滤毒罐', '个', '综合防护 P-A-1|防有机蒸气 P-A-2', 200, 60, 'district', 1825),
    ],
  },
  {
    code: '20302',
    name: '身体防护',
    items: [
      item('防化服', '套', '轻型 连体|重型 全封闭*0.5|一次性 防液', 80, 40, 'district'),
      item('医用防护服', '套', '连体 L|连体 XL|连体 XXL*0.5', 400, 200, 'district', 730),
      item('隔离衣', '件', '一次性 L|一次性 XL', 500, 200, 'district', 730),
      item('反光背心', '件', '荧光黄|荧光橙', 500, 100, 'street'),
    ],
  },
  {
    code: '20303',
    name: '头部及手足防护',
    items: [
      item('安全帽', '顶', 'ABS 红|ABS 黄|ABS 蓝', 300, 100, 'street'),
      item('防护手套', '副', '防割 5级|绝缘 10kV*0.2|耐酸碱 丁腈|劳保 帆布', 400, 100, 'district'),
      item('一次性医用手套', '盒', '乳胶 M 100只/盒|丁腈 L 100只/盒', 200, 60, 'district', 1095),
      item('护目镜', '副', '防雾 防冲击|全密封', 200, 60, 'district'),
      item('防护鞋', '双', '防砸防刺 41码|防砸防刺 43码', 100, 30, 'district'),
    ],
  },
  {
    code: '20304',
    name: '防雨用品',
    items: [
      item('雨衣', '件', '分体 L|分体 XL|分体 XXL|连体 反光|雨披', 800, 400, 'street'),
      item('雨靴', '双', '高筒 39码|高筒 41码|高筒 43码|中筒 41码', 300, 150, 'street'),
      item('连体下水裤', '条', '40码|42码|44码', 80, 30, 'flood'),
    ],
  },
  {
    code: '20401',
    name: '对讲机及配件',
    items: [
      item('对讲机', '台', '数字 手持|防爆 手持*0.3|车载 25W*0.3', 60, 30, 'district'),
      item('对讲机电池', '块', '2000mAh|防爆 1800mAh*0.3', 100, 30, 'district'),
    ],
  },
  {
    code: '20402',
    name: '广播及警报器材',
    items: [
      item('扩音器', '个', '手持 25W|肩挂 50W', 100, 30, 'street'),
      item('手摇报警器', '台', '手摇式 110dB', 40, 12, 'street'),
      item('铜锣', '面', '防汛预警 40cm', 60, 20, 'street'),
      item('应急收音机', '台', '手摇发电 带照明', 200, 50, 'street'),
    ],
  },
  {
    code: '20403',
    name: '通信电源',
    items: [
      item('太阳能充电板', '块', '100W 折叠', 20, 5, 'district'),
      item('车载逆变器', '台', '1000W', 10, 3, 'district'),
    ],
  },
  {
    code: '20501',
    name: '急救包及急救箱',
    items: [
      item('急救包', '个', '家庭型|车载型|户外型|战术型*0.3', 400, 200, 'district'),
      item('急救箱', '个', '多功能 铝合金|医用 ABS', 60, 20, 'district'),
    ],
  },
  {
    code: '20502',
    name: '担架及固定器材',
    items: [
      item('担架', '副', '折叠 铝合金|铲式|篮式 救援*0.5|软担架', 60, 30, 'district'),
      item('颈托', '个', '成人 可调|儿童 可调', 60, 20, 'district'),
      item('脊柱板', '块', '成人 183cm', 20, 6, 'district'),
      item('轮椅', '辆', '折叠 手动', 20, 6, 'district'),
    ],
  },
  {
    code: '20503',
    name: '药品',
    other: '其他药品',
    items: [
      item('碘伏', '瓶', '100ml|500ml', 300, 100, 'district', 730),
      item('生理盐水', '瓶', '500ml|250ml', 300, 100, 'district', 730),
      item('口服补液盐', '盒', 'Ⅲ 5.125g×6袋/盒', 200, 60, 'district', 730),
      item('藿香正气水', '盒', '10ml×10支/盒', 200, 60, 'street', 730),
      item('布洛芬缓释胶囊', '盒', '0.3g×20粒/盒', 200, 60, 'district', 730),
      item('蒙脱石散', '盒', '3g×10袋/盒', 150, 40, 'district', 1095),
      item('创可贴', '盒', '100片/盒', 300, 80, 'street', 1095),
      item('烫伤膏', '支', '20g', 100, 30, 'district', 730),
      item('硝酸甘油片', '瓶', '0.5mg×100片/瓶', 20, 5, 'district', 730),
    ],
  },
  {
    code: '20504',
    name: '医用耗材',
    items: [
      item('医用纱布', '包', '8×10cm 10片/包|大块 1m×0.8m', 400, 100, 'district', 1095),
      item('医用绷带', '卷', '弹力 10cm×4.5m|PBT 5cm×4.5m', 400, 100, 'district', 1095),
      item('止血带', '条', '旋压式|橡胶管式', 100, 30, 'district'),
      item('三角巾', '条', '96×96×136cm', 300, 100, 'district', 1095),
      item('体温计', '支', '电子 腋下|红外额温枪*0.3', 60, 20, 'district'),
      item('血压计', '台', '上臂式 电子', 20, 6, 'district'),
    ],
  },
  {
    code: '29901',
    name: '应急标识',
    items: [
      item('避难场所指示牌', '块', '1.2×0.8m 反光', 60, 20, 'district'),
      item('安置点标识牌', '块', '0.6×0.4m', 100, 20, 'district'),
    ],
  },
  {
    code: '29999',
    name: '其他',
    items: [
      item('望远镜', '副', '10×42 防水', 20, 6, 'district'),
      item('指南针', '个', '金属 带夜光', 50, 10, 'district'),
      item('救生哨', '个', '塑料 120dB', 500, 100, 'street'),
    ],
  },
  {
    code: '30101',
    name: '砂石料',
    items: [
      item('砂', '立方米', '中粗砂|细砂*0.5', 300, 100, 'flood'),
      item('碎石', '立方米', '20-40mm|40-60mm', 300, 100, 'flood'),
      item('块石', '立方米', '单块30-50kg', 500, 200, 'flood'),
      item('瓜米石', '立方米', '5-10mm 反滤料', 100, 30, 'flood'),
    ],
  },
  {
    code: '30102',
    name: '钢材及金属制品',
    items: [
      item('钢管', '米', 'Φ48×3.5mm', 3000, 1000, 'flood'),
      item('扣件', '个', '直角|旋转|对接', 2000, 500, 'flood'),
      item('铁丝', '吨', '8号 镀锌|12号 镀锌', 2, 1, 'flood'),
      item('钢丝网', '张', '2×10m Φ4mm', 100, 30, 'flood'),
      item('钢筋', '吨', 'HRB400 Φ12mm|HRB400 Φ16mm', 10, 3, 'flood'),
      item('钢丝绳', '米', '6×19 Φ12mm', 1000, 300, 'flood'),
    ],
  },
  {
    code: '30103',
    name: '木材及竹材',
    items: [
      item('木桩', '根', 'Φ10cm×2m|Φ12cm×3m|Φ15cm×4m*0.5', 2000, 600, 'flood'),
      item('木方', '立方米', '10×10cm 松木', 20, 6, 'flood'),
      item('竹跳板', '块', '2.5×0.3m', 300, 80, 'flood'),
      item('毛竹', '根', '6m', 400, 100, 'flood'),
    ],
  },
  {
    code: '30104',
    name: '土工及覆盖材料',
    items: [
      item('土工布', '卷', '200g/m² 宽4m×50m|300g/m² 宽6m×50m', 100, 40, 'flood'),
      item('彩条布', '卷', '4×50m|6×50m', 200, 60, 'flood'),
      item('防雨篷布', '张', '6×8m|8×10m|10×12m*0.5', 200, 80, 'district'),
      item('塑料薄膜', '卷', '0.12mm 宽6m×50m', 100, 30, 'flood'),
      item('土工膜', '卷', '0.5mm HDPE 宽6m', 40, 10, 'flood'),
    ],
  },
  {
    code: '30105',
    name: '水泥及胶凝材料',
    items: [
      item('水泥', '吨', 'P.O 42.5 袋装|P.O 52.5 袋装*0.5', 50, 20, 'flood'),
      item('速凝堵漏剂', '袋', '5kg/袋', 200, 60, 'flood'),
    ],
  },
  {
    code: '30199',
    name: '其他工程材料',
    items: [item('砖', '块', '标准砖 240×115×53mm', 5000, 0, 'flood')],
  },
  {
    code: '30201',
    name: '发电设备',
    items: [
      item(
        '发电机',
        '台',
        '汽油 3kW|汽油 5kW|汽油 8kW 手推式|柴油 10kW*0.5|柴油 30kW 静音*0.3',
        20,
        10,
        'district',
      ),
    ],
  },
  {
    code: '30202',
    name: '照明设备',
    items: [
      item('移动照明灯塔', '台', '4×400W 升降 7m|4×1000W 升降 9m', 6, 3, 'district'),
      item('便携式照明灯组', '套', '2×500W 三脚架', 20, 6, 'district'),
    ],
  },
  {
    code: '30203',
    name: '起重及牵引设备',
    items: [
      item('手拉葫芦', '台', '2t|5t', 20, 6, 'district'),
      item('千斤顶', '台', '液压 20t|液压 50t', 20, 6, 'district'),
      item('电动绞盘', '台', '5t 12V', 6, 2, 'district'),
    ],
  },
  {
    code: '30204',
    name: '动力及加工设备',
    items: [
      item('空压机', '台', '移动式 0.9m³/min', 4, 1, 'district'),
      item('电焊机', '台', '逆变式 400A|汽油发电电焊机 250A', 4, 1, 'district'),
      item('砂轮切割机', '台', '400型', 6, 2, 'district'),
    ],
  },
  {
    code: '30299',
    name: '其他机械设备',
    items: [item('手推车', '辆', '斗车 0.12m³|平板车', 100, 30, 'flood')],
  },
  {
    code: '30301',
    name: '手工工具',
    other: '其他手工工具',
    items: [
      item('铁锹', '把', '尖头|方头|折叠工兵锹*0.3', 1500, 600, 'flood'),
      item('镐', '把', '十字镐|洋镐', 300, 100, 'flood'),
      item('撬棍', '根', '1.2m|1.8m', 200, 60, 'flood'),
      item('大锤', '把', '8磅|12磅', 100, 30, 'flood'),
      item('斧头', '把', '消防尖斧|木柄斧', 100, 30, 'district'),
      item('钢钎', '根', '1.5m Φ25mm', 200, 50, 'flood'),
      item('砍刀', '把', '开山刀', 100, 30, 'flood'),
      item('锄头', '把', '板锄', 200, 60, 'flood'),
      item('扁担', '根', '竹制 1.6m', 200, 0, 'flood'),
    ],
  },
  {
    code: '30302',
    name: '电动及机动工具',
    items: [
      item('油锯', '台', '20寸 汽油|16寸 充电式', 30, 10, 'flood'),
      item('切割机', '台', '汽油无齿锯 350mm|充电式角磨机', 20, 6, 'district'),
      item('电锤', '台', '充电式 26mm', 10, 3, 'district'),
      item('割灌机', '台', '背负式', 10, 3, 'flood'),
    ],
  },
  {
    code: '30303',
    name: '电力抢修器材',
    items: [
      item('电缆', '米', 'YJV 3×35+1×16|YJV 3×70+1×35*0.5|橡套软电缆 3×6', 2000, 500, 'district'),
      item('防水插线盘', '个', '50m 16A|30m 10A', 60, 20, 'district'),
      item('配电箱', '台', '便携式 63A 三相', 10, 3, 'district'),
      item('绝缘垫', '块', '10kV 1×1m', 30, 10, 'district'),
      item('验电器', '支', '10kV 声光', 20, 6, 'district'),
    ],
  },
  {
    code: '30399',
    name: '其他抢修工具',
    items: [
      item('综合工具箱', '套', '维修 120件', 20, 6, 'district'),
      item('人字梯', '架', '铝合金 3m', 20, 6, 'district'),
    ],
  },
  {
    code: '39901',
    name: '包装及捆扎材料',
    items: [
      item('打包带', '卷', '塑钢 1608 10kg/卷', 50, 10, 'flood'),
      item('尼龙绳', '卷', 'Φ10mm×200m', 100, 30, 'flood'),
      item('尼龙扎带', '包', '5×300mm 1000根/包', 100, 20, 'district'),
    ],
  },
  { code: '39999', name: '其他', items: [] },
];

// ---------------------------------------------------------------------------------------------------------
// What the sample must alert on, keyed 'name|spec'. Everything else is stocked comfortably above its minimum
// and expires 60 days out or later.

/** Stock on hand as a fraction of the minimum. */
const LOW_STOCK = new Map([
  ['救生衣|成人 浮力≥75N', 0.65],
  ['编织袋|50×80cm', 0.6],
  ['棉被|2.0×2.3m 4kg', 0.7],
  ['折叠床|190×70cm 钢管', 0.55],
  ['帐篷|12m²单帐篷', 0.5],
  ['发电机|汽油 5kW', 0.6],
  ['防化服|重型 全封闭', 0.5],
  ['雨靴|高筒 41码', 0.8],
  ['急救包|家庭型', 0.75],
  ['抽水泵|潜水泵 4寸 7.5kW', 0.5],
]);
/** No stock at all: two issued in full and not yet replenished, one ordered and not yet delivered. */
const NO_STOCK = new Map([
  ['帐篷|12m²棉帐篷', '已全部出库支援受灾地区，补充采购中'],
  ['睡袋|木乃伊式 -10℃', '已全部出库支援受灾地区，补充采购中'],
  ['防汛挡水板|1.2m 铝合金', '已列入年度采购计划，尚未到货'],
]);
/** One batch expiring within 30 days (days left). */
const EXPIRING = new Map([
  ['矿泉水|550ml×24瓶/箱', 18],
  ['方便面|红烧牛肉味 24袋/箱', 9],
  ['压缩饼干|125g×40袋/箱', 25],
  ['八宝粥|360g×12罐/箱', 27],
  ['自热米饭|350g×12盒/箱', 14],
  ['碘伏|100ml', 21],
  ['消毒液|84消毒液 500ml', 6],
  ['口罩|医用外科 50只/盒', 29],
]);
/** One batch already expired and waiting to be written off (days past expiry, negative). */
const EXPIRED = new Map([
  ['净水片|100片/瓶', -40],
  ['医用酒精|75% 500ml', -12],
  ['火腿肠|60g×50支/箱', -5],
]);

const SUPPLIERS = {
  food: ['示范区惠民商贸有限公司', '示范区粮油储备有限公司'],
  build: ['示范区建材市场管理有限公司', '示范区城建材料供应有限公司'],
};

/** Round a quantity the way a shelf card would show it. */
function roundQty(n: number): number {
  if (n >= 1000) return Math.round(n / 100) * 100;
  if (n >= 200) return Math.round(n / 10) * 10;
  return Math.max(1, Math.round(n));
}

function sourceOf(code: string): { source: MaterialSource; note: string } {
  const middle = code.slice(0, 3);
  if ((middle === '101' || middle === '102') && random() < 0.3) {
    return { source: 'agreement', note: `协议储备（${pick(SUPPLIERS.food)}），接调用通知后24小时内补供` };
  }
  if (middle === '301' && random() < 0.6) {
    return { source: 'agreement', note: `协议储备（${pick(SUPPLIERS.build)}），接调用通知后12小时内供货` };
  }
  if ((middle === '103' || middle === '104') && random() < 0.2)
    return { source: 'donation', note: '社会捐赠' };
  return { source: 'purchase', note: '' };
}

const materialClasses: MaterialClass[] = [...MIDDLE_CLASSES];
const materials: Row<'materials'>[] = [];
const receipts: SampleReceipt[] = [];
const usedLots = new Set<string>();
const seenKeys = new Set<string>();

function lotNumber(): string {
  for (;;) {
    const lot = `${pick([...'ABCHKMPT'])}${digits(6)}`;
    if (!usedLots.has(lot)) {
      usedLots.add(lot);
      return lot;
    }
  }
}

function homeOf(store: Store): WarehouseKey {
  return store === 'street' ? pick(STREET_POINTS) : store;
}

/** Warehouses that hold a share of an item besides its home, in the order a second and third receipt use. */
function othersFor(home: WarehouseKey): WarehouseKey[] {
  if (home === 'flood') return ['xicheng', 'xingang', 'donghu'];
  if (home === 'district') return [pick(STREET_POINTS), 'flood'];
  return ['district', ...STREET_POINTS.filter((k) => k !== home)];
}

function split(total: number, parts: number): number[] {
  const shares = parts === 3 ? [0.5, 0.3] : parts === 2 ? [0.6] : [];
  const out: number[] = [];
  let left = total;
  for (const share of shares) {
    const q = roundQty(total * share);
    if (q >= left) break;
    out.push(q);
    left -= q;
  }
  return [...out, left];
}

function receive(
  materialId: string,
  warehouse: WarehouseKey,
  quantity: number,
  shelf: number | undefined,
  expiresInDays?: number,
) {
  if (shelf === undefined) {
    receipts.push({
      materialId,
      warehouseId: warehouseIds[warehouse],
      batchNo: '',
      expiresInDays: null,
      quantity,
      daysAgo: between(20, 1200),
    });
    return;
  }
  const left = expiresInDays ?? between(Math.min(60, shelf - 30), shelf - 30);
  receipts.push({
    materialId,
    warehouseId: warehouseIds[warehouse],
    batchNo: lotNumber(),
    expiresInDays: left,
    quantity,
    daysAgo: shelf - left,
  });
}

for (const minor of CATALOGUE) {
  const middle = MIDDLE_CLASSES.find((c) => c.code === minor.code.slice(0, 3));
  if (!middle) throw new Error(`no middle class for ${minor.code}`);
  materialClasses.push({ code: minor.code, name: minor.name });
  if (minor.other) materialClasses.push({ code: `${minor.code}99`, name: minor.other });
  let fine = 0;
  for (const entry of minor.items) {
    for (const raw of entry.specs.split('|')) {
      const [spec = '', factorText] = raw.split('*');
      const factor = factorText === undefined ? 1 : Number(factorText);
      const key = `${entry.name}|${spec}`;
      if (seenKeys.has(key)) throw new Error(`duplicate item ${key}`);
      seenKeys.add(key);
      fine += 1;
      const code = `${minor.code}${String(fine).padStart(2, '0')}`;
      const home = homeOf(entry.store);
      const minimum = entry.minimum === 0 ? 0 : roundQty(entry.minimum * factor);
      const noStockNote = NO_STOCK.get(key);
      const { source, note } = sourceOf(code);
      const material = {
        id: nextId('material'),
        code,
        name: entry.name,
        spec,
        unit: entry.unit,
        warehouseId: warehouseIds[home],
        minimumStock: minimum,
        source,
        note: noStockNote ?? note,
      };
      materials.push(material);

      if (noStockNote !== undefined) continue;
      const low = LOW_STOCK.get(key);
      if (low !== undefined) {
        receive(material.id, home, roundQty(minimum * low), entry.shelf);
        continue;
      }
      const total = Math.max(
        roundQty(entry.stock * factor * (0.7 + random() * 0.8)),
        Math.ceil(minimum * 1.2),
      );
      const special = EXPIRING.get(key) ?? EXPIRED.get(key);
      if (special !== undefined) {
        if (entry.shelf === undefined) throw new Error(`${key} is listed to expire but has no shelf life`);
        const old = roundQty(total * 0.25);
        receive(material.id, home, old, entry.shelf, special);
        receive(material.id, home, total, entry.shelf);
        continue;
      }
      const r = random();
      const parts = r < 0.5 ? 1 : r < 0.92 ? 2 : 3;
      const others = othersFor(home);
      split(total, parts).forEach((quantity, i) => {
        // A perishable's later lot may sit beside the first; anything else spreads to another warehouse.
        const beside = i === 0 || (entry.shelf !== undefined && random() < 0.5);
        receive(material.id, beside ? home : (others[i - 1] ?? home), quantity, entry.shelf);
      });
    }
  }
  if (fine > 98) throw new Error(`${minor.code} has more than 98 items`);
}
materialClasses.sort((a, b) => a.code.localeCompare(b.code));

for (const key of [...LOW_STOCK.keys(), ...NO_STOCK.keys(), ...EXPIRING.keys(), ...EXPIRED.keys()]) {
  if (!seenKeys.has(key)) throw new Error(`special case ${key} is not in the catalogue`);
}

// ---------------------------------------------------------------------------------------------------------
// Teams: 综合性消防救援, 专业, 社会 and 基层 (every street, and three communities on the water).

interface TeamSpec {
  name: string;
  type: Row<'teams'>['type'];
  field: string;
  headcount: number;
  /** Directory unit, its leader's title and its contacts' titles (with an index where a title repeats). */
  unit: string | null;
  leader?: [string, number?];
  contacts?: [string, number?][];
  base: string;
  address?: string;
  area: Area;
  equipment: string[];
  readiness?: Row<'teams'>['readiness'];
  qualifications: string[];
}

const TEAM_SPECS: TeamSpec[] = [
  {
    name: '示范区消防救援大队',
    type: 'fireRescue',
    field: '综合性消防救援',
    headcount: 26,
    unit: '区消防救援大队',
    leader: ['大队长'],
    contacts: [['副大队长'], ['值班助理']],
    base: '大队部',
    area: '区',
    equipment: [
      '水罐消防车 4辆',
      '泡沫消防车 2辆',
      '抢险救援消防车 2辆',
      '举高喷射消防车 1辆',
      '通信指挥车 1辆',
    ],
    qualifications: ['国家综合性消防救援队伍', '灭火救援', '抢险救援'],
  },
  {
    name: '东湖消防救援站',
    type: 'fireRescue',
    field: '灭火救援',
    headcount: 32,
    unit: '区消防救援大队',
    contacts: [['值班助理']],
    base: '东湖消防救援站',
    address: '示范区东湖路88号',
    area: '东湖',
    equipment: ['水罐消防车 2辆', '抢险救援消防车 1辆', '液压破拆工具组 2套'],
    readiness: 'resting',
    qualifications: ['灭火救援', '高层建筑火灾扑救'],
  },
  {
    name: '西城消防救援站',
    type: 'fireRescue',
    field: '灭火救援',
    headcount: 36,
    unit: '区消防救援大队',
    contacts: [['值班助理']],
    base: '西城消防救援站',
    address: '示范区西城大道92号',
    area: '西城',
    equipment: ['城市主战消防车 2辆', '水罐消防车 1辆', '排烟消防车 1辆'],
    qualifications: ['灭火救援', '地下空间火灾扑救'],
  },
  {
    name: '新港消防救援站',
    type: 'fireRescue',
    field: '水域及危化品救援',
    headcount: 40,
    unit: '区消防救援大队',
    contacts: [['值班助理']],
    base: '新港消防救援站',
    address: '示范区港城大道166号',
    area: '新港',
    equipment: ['泡沫消防车 2辆', '化学洗消车 1辆', '冲锋舟 2艘', '重型防化服 20套'],
    readiness: 'deployed',
    qualifications: ['危险化学品救援', '水域救援'],
  },
  {
    name: '北岭特勤消防救援站',
    type: 'fireRescue',
    field: '特种灾害救援',
    headcount: 45,
    unit: '区消防救援大队',
    contacts: [['副大队长']],
    base: '北岭特勤消防救援站',
    address: '示范区北岭路150号',
    area: '北岭',
    equipment: ['抢险救援消防车 2辆', '照明消防车 1辆', '生命探测仪 2台', '侦检机器人 1台'],
    qualifications: ['地震及建筑倒塌救援', '山岳救援', '高空救援'],
  },
  {
    name: '区应急救援队',
    type: 'professional',
    field: '综合应急救援',
    headcount: 48,
    unit: '区应急救援队',
    leader: ['队长'],
    contacts: [['副队长']],
    base: '区应急救援队驻地',
    area: '区',
    equipment: ['冲锋舟 4艘', '排涝车 1辆', '发电机组 2台', '破拆工具组 2套', '无人机 2架'],
    qualifications: ['专职应急救援队伍', '水域救援', '山地救援'],
  },
  {
    name: '区防汛抢险队',
    type: 'professional',
    field: '防汛抢险',
    headcount: 60,
    unit: '区水务局',
    leader: ['副局长'],
    contacts: [['水旱灾害防御科科长']],
    base: '区防汛抢险物资仓库',
    address: '示范区清源路52号',
    area: '西城',
    equipment: ['移动泵站 2套', '抽水泵 20台', '编织袋 20000条', '土工布 50卷'],
    readiness: 'deployed',
    qualifications: ['堤防巡查抢险', '管涌处置'],
  },
  {
    name: '区城市排涝抢险队',
    type: 'professional',
    field: '城市排涝',
    headcount: 40,
    unit: '区城市管理和综合执法局',
    leader: ['副局长'],
    contacts: [['科员']],
    base: '市政设施养护中心',
    address: '示范区政和路32号',
    area: '区',
    equipment: ['排涝车 2辆', '移动泵站 1套', '管道疏通车 2辆'],
    qualifications: ['城市内涝处置', '有限空间作业'],
  },
  {
    name: '区危化品应急处置队',
    type: 'professional',
    field: '危化品处置',
    headcount: 35,
    unit: '危险化学品安全监督管理科',
    contacts: [['科长']],
    base: '新港化工园区应急救援站',
    address: '示范区港城大道520号',
    area: '新港',
    equipment: ['气体检测仪 6台', '防化服 30套', '洗消帐篷 1顶', '堵漏器材 2套'],
    qualifications: ['危险化学品应急救援', '依托化工园区企业组建'],
  },
  {
    name: '区人民医院医疗救护队',
    type: 'professional',
    field: '医疗救护',
    headcount: 45,
    unit: '区人民医院',
    leader: ['副院长'],
    contacts: [['主任医师']],
    base: '区人民医院急诊楼',
    area: '区',
    equipment: ['救护车 6辆', '负压救护车 1辆', '急救背囊 20个', '除颤仪 4台'],
    qualifications: ['院前急救', '创伤救治'],
  },
  {
    name: '区卫生应急防疫队',
    type: 'professional',
    field: '卫生防疫',
    headcount: 30,
    unit: '区卫生健康局',
    leader: ['副局长'],
    contacts: [['卫生应急科科长']],
    base: '区疾病预防控制中心',
    address: '示范区仁济路15号',
    area: '区',
    equipment: ['消杀车 1辆', '背负式喷雾器 30台', '现场检测箱 4个'],
    qualifications: ['传染病防控', '灾后消杀'],
  },
  {
    name: '区供电局电力抢修队',
    type: 'professional',
    field: '电力抢修',
    headcount: 56,
    unit: '区供电局',
    leader: ['副总经理'],
    contacts: [['调度主管']],
    base: '区供电局运维中心',
    address: '示范区光明路90号',
    area: '北岭',
    equipment: ['应急发电车 2辆', '抢修车 6辆', '高空作业车 2辆', '应急照明车 1辆'],
    readiness: 'deployed',
    qualifications: ['电工作业证', '带电作业'],
  },
  {
    name: '示范区燃气抢修队',
    type: 'professional',
    field: '燃气抢修',
    headcount: 24,
    unit: '区城市管理和综合执法局',
    contacts: [['科员']],
    base: '示范区安燃燃气有限公司抢修中心',
    address: '示范区创新大道210号',
    area: '北岭',
    equipment: ['燃气抢修车 3辆', '可燃气体检测仪 8台', '防爆工具 4套'],
    qualifications: ['燃气管道带气抢修', '24小时抢修值班'],
  },
  {
    name: '示范区供水抢修队',
    type: 'professional',
    field: '供水抢修',
    headcount: 28,
    unit: '区水务局',
    contacts: [['副局长']],
    base: '示范区自来水公司管网抢修站',
    address: '示范区清源路80号',
    area: '西城',
    equipment: ['管网抢修车 4辆', '移动供水车 2辆', '管道切割机 3台'],
    qualifications: ['供水管网抢修', '应急供水'],
  },
  {
    name: '区应急通信保障队',
    type: 'professional',
    field: '通信保障',
    headcount: 22,
    unit: '区工业和信息化局',
    contacts: [['副局长']],
    base: '区通信保障中心',
    address: '示范区创新大道102号',
    area: '北岭',
    equipment: ['应急通信车 1辆', '便携式卫星站 2套', '卫星电话 10部', '应急移动基站 1套'],
    qualifications: ['应急通信保障', '卫星通信'],
  },
  {
    name: '区地质灾害应急抢险队',
    type: 'professional',
    field: '地质灾害',
    headcount: 26,
    unit: '区自然资源局',
    leader: ['副局长'],
    contacts: [['科员']],
    base: '区地质勘查院',
    address: '示范区政和路26号',
    area: '南山',
    equipment: ['GNSS监测仪 6台', '无人机 2架', '裂缝计 20个'],
    qualifications: ['地质灾害调查评价', '应急监测'],
  },
  {
    name: '区建筑工程抢险队',
    type: 'professional',
    field: '工程抢险',
    headcount: 50,
    unit: '区住房和建设局',
    leader: ['副局长'],
    contacts: [['质量安全科科长']],
    base: '示范区城建集团机械场',
    address: '示范区建设路120号',
    area: '青石',
    equipment: ['挖掘机 4台', '装载机 2台', '汽车起重机 2台', '自卸车 6辆'],
    qualifications: ['建筑施工总承包资质', '房屋安全应急评估'],
  },
  {
    name: '示范区蓝天救援队',
    type: 'social',
    field: '山地及水域救援',
    headcount: 68,
    unit: '示范区蓝天救援队',
    leader: ['队长'],
    contacts: [['副队长']],
    base: '队部',
    area: '西城',
    equipment: ['冲锋舟 2艘', '橡皮艇 3艘', '无人机 2架', '绳索救援装备 4套'],
    readiness: 'resting',
    qualifications: ['已在区应急管理局备案', '水域救援', '山地搜救'],
  },
  {
    name: '示范区红十字应急救护队',
    type: 'social',
    field: '应急救护',
    headcount: 40,
    unit: null,
    base: '示范区红十字会',
    address: '示范区仁济路40号',
    area: '区',
    equipment: ['急救包 40个', '除颤仪 4台', '担架 10副'],
    qualifications: ['红十字救护员证', '已在区应急管理局备案'],
  },
  {
    name: '示范区曙光水上救援队',
    type: 'social',
    field: '水域救援',
    headcount: 32,
    unit: null,
    base: '滨江码头救援点',
    address: '示范区滨江路88号',
    area: '新港',
    equipment: ['冲锋舟 3艘', '水下声呐 1台', '潜水装备 6套'],
    qualifications: ['潜水员证', '已在区应急管理局备案'],
  },
  {
    name: '示范区应急志愿者服务队',
    type: 'social',
    field: '安置服务',
    headcount: 120,
    unit: null,
    base: '示范区志愿服务中心',
    address: '示范区政和路60号',
    area: '区',
    equipment: ['志愿者马甲 200件', '扩音器 10个', '对讲机 20台'],
    qualifications: ['应急志愿服务培训', '心理疏导培训'],
  },
];

for (const street of ['东湖', '西城', '南山', '北岭', '新港', '青石'] as const) {
  const unit = `${street}街道办事处`;
  const extraOfficer = street === '西城' || street === '新港';
  TEAM_SPECS.push({
    name: `${street}街道应急队`,
    type: 'grassroots',
    field: '先期处置',
    headcount: 30 + int(16),
    unit,
    leader: ['副主任'],
    contacts: [['应急管理办公室主任'], ['科员'], ...(extraOfficer ? [['科员', 1] as [string, number]] : [])],
    base: unit,
    area: street,
    equipment: ['抽水泵 4台', '发电机 2台', '救生衣 50件', '应急照明灯 10台', '铁锹 50把'],
    qualifications: ['基层应急救援队伍', '防汛巡查', '人员转移'],
  });
}
for (const [community, area] of [
  ['湖滨', '东湖'],
  ['金桥', '西城'],
  ['渔港', '新港'],
] as const) {
  const unit = `${community}社区居委会`;
  TEAM_SPECS.push({
    name: `${community}社区应急分队`,
    type: 'grassroots',
    field: '先期处置',
    headcount: 12 + int(9),
    unit,
    leader: ['书记'],
    base: unit,
    area,
    equipment: ['救生衣 20件', '手摇报警器 2台', '应急照明灯 4台'],
    qualifications: ['社区应急分队', '隐患巡查', '人员转移'],
  });
}

const teams: Row<'teams'>[] = TEAM_SPECS.map((spec) => ({
  id: nextId('team'),
  name: spec.name,
  type: spec.type,
  field: spec.field,
  headcount: spec.headcount,
  leaderId: spec.unit && spec.leader ? personId(spec.unit, ...spec.leader) : null,
  contactIds: spec.unit ? (spec.contacts ?? []).map((c) => personId(spec.unit as string, ...c)) : [],
  unitId: spec.unit ? unitId(spec.unit) : null,
  base: spec.base,
  address: spec.address ?? (spec.unit ? orgUnit(spec.unit).address : ''),
  location: near(spec.area),
  equipment: spec.equipment,
  readiness: spec.readiness ?? 'standby',
  qualifications: spec.qualifications,
}));

// ---------------------------------------------------------------------------------------------------------
// Equipment. Four inspections fall due within 14 days and two are overdue; the rest are further out.

type EquipmentStatus = Row<'equipment'>['status'];
const EQUIPMENT_SPECS: [
  string,
  string,
  string,
  WarehouseKey | string,
  string,
  EquipmentStatus,
  number | null,
][] = [
  ['冲锋舟（1号）', '舟艇', '玻璃钢 5.2m / 40马力船外机', 'flood', '区水务局', 'ready', 45],
  ['冲锋舟（2号）', '舟艇', '玻璃钢 5.2m / 40马力船外机', 'flood', '区水务局', 'ready', 120],
  [
    '冲锋舟（3号）',
    '舟艇',
    '铝合金 4.7m / 25马力船外机',
    '区应急救援队驻地船库',
    '区应急救援队',
    'ready',
    12,
  ],
  ['冲锋舟（4号）', '舟艇', '玻璃钢 5.2m / 40马力船外机', '新港消防救援站', '区消防救援大队', 'inUse', 75],
  ['橡皮艇（1号）', '舟艇', '充气式 3.8m', '蓝天救援队队部', '示范区蓝天救援队', 'ready', 150],
  ['橡皮艇（2号）', '舟艇', '充气式 3.8m', '区应急救援队驻地船库', '区应急救援队', 'ready', 150],
  ['橡皮艇（3号）', '舟艇', '充气式 4.3m', 'flood', '区水务局', 'maintenance', -5],
  [
    '大流量排涝车（1号）',
    '排涝设备',
    '3000m³/h 垂直供排水',
    '市政设施养护中心车库',
    '区城市管理和综合执法局',
    'ready',
    60,
  ],
  [
    '大流量排涝车（2号）',
    '排涝设备',
    '3000m³/h 垂直供排水',
    '区应急救援队驻地',
    '区应急救援队',
    'inUse',
    200,
  ],
  ['移动泵站（1号）', '排涝设备', '柴油机驱动 1000m³/h', 'flood', '区水务局', 'inUse', 90],
  ['移动泵站（2号）', '排涝设备', '柴油机驱动 1000m³/h', 'flood', '区水务局', 'ready', 7],
  ['柴油发电机组（100kW）', '发电设备', '100kW 拖车式 静音型', 'district', '示范区应急管理局', 'ready', 180],
  ['柴油发电机组（30kW）', '发电设备', '30kW 移动式', 'district', '示范区应急管理局', 'ready', 30],
  ['应急发电车', '发电设备', '400kW 车载式', '区供电局运维中心', '区供电局', 'inUse', 40],
  ['移动照明车（1号）', '照明设备', '4×1000W LED 升降 9m', 'district', '示范区应急管理局', 'ready', 100],
  ['移动照明车（2号）', '照明设备', '4×1000W LED 升降 9m', '区应急救援队驻地', '区应急救援队', 'ready', -21],
  [
    '卫星电话（1号）',
    '通信设备',
    '手持卫星电话 北斗/天通双模',
    '应急指挥中心（总值班室）',
    '示范区应急管理局',
    'ready',
    210,
  ],
  [
    '卫星电话（2号）',
    '通信设备',
    '手持卫星电话 北斗/天通双模',
    '应急指挥中心（总值班室）',
    '示范区应急管理局',
    'ready',
    210,
  ],
  [
    '卫星电话（3号）',
    '通信设备',
    '手持卫星电话 北斗/天通双模',
    '西城街道办事处',
    '西城街道办事处',
    'ready',
    3,
  ],
  [
    '卫星电话（4号）',
    '通信设备',
    '手持卫星电话 北斗/天通双模',
    '新港街道办事处',
    '新港街道办事处',
    'ready',
    260,
  ],
  [
    '多旋翼无人机（1号）',
    '无人机',
    '六旋翼 续航45分钟 可见光/红外双光',
    'district',
    '示范区应急管理局',
    'ready',
    90,
  ],
  [
    '多旋翼无人机（2号）',
    '无人机',
    '四旋翼 续航35分钟 喊话/照明挂载',
    '区应急救援队驻地',
    '区应急救援队',
    'ready',
    90,
  ],
  ['垂直起降固定翼无人机', '无人机', '测绘型 续航120分钟', '区地质勘查院', '区自然资源局', 'maintenance', 55],
  ['雷达生命探测仪', '搜救设备', '超宽带雷达 穿透≥20m', '北岭特勤消防救援站', '区消防救援大队', 'ready', 160],
  ['音视频生命探测仪', '搜救设备', '蛇眼式 探杆3m', '区应急救援队驻地', '区应急救援队', 'ready', 14],
  [
    '液压破拆工具组（1号）',
    '破拆设备',
    '扩张器/剪切器/顶杆 机动泵',
    '东湖消防救援站',
    '区消防救援大队',
    'ready',
    120,
  ],
  [
    '液压破拆工具组（2号）',
    '破拆设备',
    '扩张器/剪切器/顶杆 机动泵',
    '区应急救援队驻地',
    '区应急救援队',
    'ready',
    120,
  ],
  ['手动破拆工具组', '破拆设备', '撬斧/切割锯/凿子 14件套', 'district', '示范区应急管理局', 'ready', null],
  [
    '四合一气体检测仪（1号）',
    '检测仪器',
    'O₂/CO/H₂S/可燃气 泵吸式',
    '区应急管理局装备室',
    '危险化学品安全监督管理科',
    'ready',
    50,
  ],
  [
    '四合一气体检测仪（2号）',
    '检测仪器',
    'O₂/CO/H₂S/可燃气 扩散式',
    '新港消防救援站',
    '区消防救援大队',
    'inUse',
    50,
  ],
  ['有毒有害气体检测仪', '检测仪器', 'VOC/氯气/氨气 便携式', '区环境监测站', '区生态环境分局', 'ready', 35],
  [
    '应急通信指挥车',
    '通信设备',
    '卫星动中通 + 4G/5G 图传',
    '区应急管理局车库',
    '示范区应急管理局',
    'ready',
    65,
  ],
  [
    '便携式卫星通信站',
    '通信设备',
    '1.2m 自动对星 Ku波段',
    '区通信保障中心',
    '区工业和信息化局',
    'ready',
    300,
  ],
  ['救生抛投器（1号）', '救生器材', '气动式 射程≥90m', 'flood', '区水务局', 'ready', 230],
  ['救生抛投器（2号）', '救生器材', '气动式 射程≥90m', '蓝天救援队队部', '示范区蓝天救援队', 'ready', 230],
  ['应急抢险挖掘机', '工程机械', '20t 履带式', '示范区城建集团机械场', '区住房和建设局', 'ready', 140],
  ['水下探测声呐', '搜救设备', '侧扫声呐 双频', '区应急救援队驻地', '区应急救援队', 'maintenance', 25],
  [
    '洗消帐篷',
    '防化洗消',
    '充气式 双通道 公众洗消',
    '新港化工园区应急救援站',
    '危险化学品安全监督管理科',
    'ready',
    null,
  ],
  ['红外热成像仪', '侦检设备', '手持式 -20~650℃', '北岭特勤消防救援站', '区消防救援大队', 'ready', 80],
  ['北斗短报文终端', '通信设备', '手持式 北斗三号', '青石街道办事处', '青石街道办事处', 'ready', 190],
];

const equipment: Row<'equipment'>[] = EQUIPMENT_SPECS.map(
  ([name, type, model, where, owner, status, due]) => {
    const inWarehouse = where in warehouseIds;
    return {
      id: nextId('equipment'),
      name,
      type,
      model,
      warehouseId: inWarehouse ? warehouseIds[where as WarehouseKey] : null,
      location: inWarehouse ? '' : where,
      ownerUnitId: unitId(owner),
      status,
      inspectionDueInDays: due,
    };
  },
);

// ---------------------------------------------------------------------------------------------------------
// Experts: invented names (not in the directory, not real public figures) and random mobiles.

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯史陶黎贺顾毛郝龚邵万严覃武戴孔汤',
];
const GIVEN_FIRST = [...'建志文海明秀春立永俊嘉子思宇欣佳宏振德玉家天继正少光学庆晓梦慕若怀'];
const GIVEN_SECOND = [
  ...'华平军强辉峰芳霞琳婷杰涛斌鹏超磊敏静颖宁洋林飞东成然怡浩勇刚慧娟燕波锋蓉清源航瑶萍舟川',
];
/** Real public figures and stock placeholder names a generated name must not collide with. */
const DENIED_NAMES = new Set(
  '李强 王毅 李明 张伟 王伟 刘涛 李娜 王菲 周迅 黄渤 孙俪 赵薇 陈坤 王刚 刘欢 韩红 杨洋 张杰 李宁 姚明 刘翔 孙杨 林丹 马龙 王楠 朱婷 李勇 黄磊 王静 张静 李静 刘洋 王军 张军 王勇 王宁 刘鹤 陈敏 张艳 杨超 陈明 李健 王涛 周涛 马丽 李冰 张斌 刘明 吴敏 李斌 朱宁 马勇 刘波 李燕 王峰 刘鹏 王芳 陈静 王丽 李军 张勇 王明 罗宁 陈波 韩明 钟南山 袁隆平'.split(
    ' ',
  ),
);
const usedNames = new Set(org.people.map((p) => p.name));
function expertName(): string {
  for (;;) {
    const name = pick(SURNAMES) + pick(GIVEN_FIRST) + pick(GIVEN_SECOND);
    if (name[1] === name[2] || DENIED_NAMES.has(name) || usedNames.has(name)) continue;
    usedNames.add(name);
    return name;
  }
}

const MOBILE_PREFIXES =
  '130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 176 177 180 181 182 183 185 186 187 188 189 191 198 199'.split(
    ' ',
  );
const usedMobiles = new Set(org.people.map((p) => p.mobile));
function mobile(): string {
  for (;;) {
    const number = pick(MOBILE_PREFIXES) + digits(8);
    if (!usedMobiles.has(number)) {
      usedMobiles.add(number);
      return number;
    }
  }
}

const EXPERT_SPECS: [string[], string, string, Row<'experts'>['availability'], boolean][] = [
  [['防汛抗旱', '水文水资源'], '正高级工程师', '示范区水利水电勘测设计院', 'available', true],
  [['防汛抗旱'], '高级工程师', '示范区堤防管理所', 'busy', true],
  [['地质灾害'], '高级工程师', '示范区地质勘查院', 'available', true],
  [['地质灾害', '岩土工程'], '教授', '示范理工大学土木与建筑学院', 'available', true],
  [['危险化学品'], '正高级工程师', '示范化工集团有限公司', 'available', true],
  [['危险化学品', '安全生产'], '高级工程师', '示范区安全生产技术服务中心', 'available', true],
  [['危险化学品'], '教授', '示范理工大学化学工程学院', 'available', false],
  [['消防'], '高级工程师', '示范区消防技术服务中心', 'available', true],
  [['消防', '建筑结构'], '副教授', '示范理工大学土木与建筑学院', 'available', false],
  [['医疗救治'], '主任医师', '示范区人民医院', 'available', true],
  [['医疗救治', '创伤外科'], '主任医师', '示范医科大学附属医院', 'busy', true],
  [['卫生防疫'], '主任医师', '示范区疾病预防控制中心', 'available', true],
  [['气象'], '正高级工程师', '示范区气象台', 'available', true],
  [['气象', '水文水资源'], '高级工程师', '示范市气象科学研究所', 'unavailable', true],
  [['建筑结构'], '教授级高级工程师', '示范区建筑设计研究院', 'available', true],
  [['建筑结构', '房屋安全鉴定'], '高级工程师', '示范区房屋安全鉴定站', 'available', true],
  [['电力'], '高级工程师', '示范区供电局', 'busy', true],
  [['电力', '通信'], '高级工程师', '示范区通信发展有限公司', 'available', false],
  [['心理援助'], '主任医师', '示范区精神卫生中心', 'available', true],
  [['心理援助'], '教授', '示范师范大学心理学院', 'available', true],
];

const experts: Row<'experts'>[] = EXPERT_SPECS.map(([fields, title, employer, availability, hasOffice]) => ({
  id: nextId('expert'),
  name: expertName(),
  fields,
  title,
  employer,
  mobile: mobile(),
  officePhone: hasOffice ? `0999-${between(2, 8)}${digits(7)}` : '',
  availability,
}));

// ---------------------------------------------------------------------------------------------------------
// Shelters (GB 21734-2008 levels and durations). Two are open: 西城体育馆, partly occupied, and 湖滨小学,
// full at its own 2.0 m² per person. 北岭's capacity is set by hand from its fire-evacuation rating.

interface ShelterSpec {
  name: string;
  level: Row<'shelters'>['level'];
  type: Row<'shelters'>['type'];
  duration: Row<'shelters'>['duration'];
  address: string;
  area: Area;
  effectiveAreaM2: number;
  perPersonAreaM2?: number;
  capacityOverride?: { value: number; reason: string };
  occupancy?: number;
  serviceRadiusM: number;
  facilities: string[];
  open?: boolean;
  manager: [string, string] | null;
}

const FULL_FACILITIES = [
  '应急供水',
  '应急厕所',
  '应急照明',
  '应急供电',
  '医疗救护点',
  '物资发放点',
  '应急广播',
  '消防设施',
];

const SHELTER_SPECS: ShelterSpec[] = [
  {
    name: '示范区中央公园应急避难场所',
    level: 'district',
    type: 'park',
    duration: 'long',
    address: '示范区政和路100号',
    area: '区',
    effectiveAreaM2: 60000,
    serviceRadiusM: 5000,
    facilities: [...FULL_FACILITIES, '应急停机坪', '应急指挥点', '洗浴设施', '垃圾收集点'],
    manager: ['区民政局', '科员'],
  },
  {
    name: '示范区体育中心应急避难场所',
    level: 'district',
    type: 'stadium',
    duration: 'medium',
    address: '示范区育才路88号',
    area: '区',
    effectiveAreaM2: 42000,
    serviceRadiusM: 4000,
    facilities: [...FULL_FACILITIES, '应急指挥点', '洗浴设施'],
    manager: ['风险监测和综合减灾科', '科长'],
  },
  {
    name: '示范区滨江广场应急避难场所',
    level: 'district',
    type: 'square',
    duration: 'medium',
    address: '示范区滨江路150号',
    area: '新港',
    effectiveAreaM2: 28000,
    serviceRadiusM: 3000,
    facilities: [...FULL_FACILITIES, '应急停机坪'],
    manager: ['区民政局', '科员'],
  },
  {
    name: '东湖公园应急避难场所',
    level: 'street',
    type: 'park',
    duration: 'medium',
    address: '示范区东湖路60号',
    area: '东湖',
    effectiveAreaM2: 15000,
    serviceRadiusM: 2000,
    facilities: ['应急供水', '应急厕所', '应急照明', '医疗救护点', '物资发放点', '应急广播'],
    manager: ['东湖街道办事处', '应急管理办公室主任'],
  },
  {
    name: '西城体育馆应急避难场所',
    level: 'street',
    type: 'stadium',
    duration: 'short',
    address: '示范区西城大道180号',
    area: '西城',
    effectiveAreaM2: 4500,
    occupancy: 420,
    serviceRadiusM: 1500,
    facilities: ['应急供水', '应急厕所', '应急照明', '应急供电', '医疗救护点', '物资发放点'],
    open: true,
    manager: ['西城街道办事处', '应急管理办公室主任'],
  },
  {
    name: '南山中学应急避难场所',
    level: 'street',
    type: 'school',
    duration: 'short',
    address: '示范区南山路30号',
    area: '南山',
    effectiveAreaM2: 6800,
    serviceRadiusM: 1500,
    facilities: ['应急供水', '应急厕所', '应急照明', '物资发放点'],
    manager: ['南山街道办事处', '应急管理办公室主任'],
  },
  {
    name: '北岭街道文化活动中心应急避难场所',
    level: 'street',
    type: 'building',
    duration: 'short',
    address: '示范区北岭路25号',
    area: '北岭',
    effectiveAreaM2: 2600,
    capacityOverride: { value: 900, reason: '按消防疏散核定人数' },
    serviceRadiusM: 1000,
    facilities: ['应急供水', '应急厕所', '应急照明', '应急供电'],
    manager: ['北岭街道办事处', '应急管理办公室主任'],
  },
  {
    name: '新港广场应急避难场所',
    level: 'street',
    type: 'square',
    duration: 'short',
    address: '示范区港城大道280号',
    area: '新港',
    effectiveAreaM2: 9000,
    serviceRadiusM: 2000,
    facilities: ['应急供水', '应急厕所', '应急照明', '物资发放点', '应急广播'],
    manager: ['新港街道办事处', '应急管理办公室主任'],
  },
  {
    name: '青石小学应急避难场所',
    level: 'street',
    type: 'school',
    duration: 'short',
    address: '示范区青石路40号',
    area: '青石',
    effectiveAreaM2: 5200,
    serviceRadiusM: 1200,
    facilities: ['应急供水', '应急厕所', '应急照明'],
    manager: ['青石街道办事处', '应急管理办公室主任'],
  },
  {
    name: '湖滨小学室内体育馆应急避难场所',
    level: 'community',
    type: 'school',
    duration: 'short',
    address: '示范区湖滨路30号',
    area: '东湖',
    effectiveAreaM2: 1600,
    perPersonAreaM2: 2.0,
    occupancy: 800,
    serviceRadiusM: 800,
    facilities: ['应急供水', '应急厕所', '应急照明', '物资发放点'],
    open: true,
    manager: ['湖滨社区居委会', '书记'],
  },
  {
    name: '金桥社区广场应急避难点',
    level: 'community',
    type: 'square',
    duration: 'emergency',
    address: '示范区金桥路20号',
    area: '西城',
    effectiveAreaM2: 1800,
    serviceRadiusM: 500,
    facilities: ['应急照明', '应急广播'],
    manager: ['金桥社区居委会', '书记'],
  },
  {
    name: '南山社区游园应急避难点',
    level: 'community',
    type: 'park',
    duration: 'emergency',
    address: '示范区南山路70号',
    area: '南山',
    effectiveAreaM2: 2400,
    serviceRadiusM: 600,
    facilities: ['应急照明', '应急厕所'],
    manager: ['南山社区居委会', '书记'],
  },
  {
    name: '松林社区服务中心应急避难点',
    level: 'community',
    type: 'building',
    duration: 'emergency',
    address: '示范区松林路8号',
    area: '北岭',
    effectiveAreaM2: 800,
    serviceRadiusM: 500,
    facilities: ['应急供水', '应急照明'],
    manager: ['松林社区居委会', '书记'],
  },
  {
    name: '渔港社区广场应急避难点',
    level: 'community',
    type: 'square',
    duration: 'emergency',
    address: '示范区渔港路10号',
    area: '新港',
    effectiveAreaM2: 3000,
    serviceRadiusM: 800,
    facilities: ['应急照明', '应急广播', '物资发放点'],
    manager: ['渔港社区居委会', '书记'],
  },
  {
    name: '青石社区公园应急避难点',
    level: 'community',
    type: 'park',
    duration: 'emergency',
    address: '示范区青石路98号',
    area: '青石',
    effectiveAreaM2: 1500,
    serviceRadiusM: 500,
    facilities: ['应急照明'],
    manager: null,
  },
];

const shelters: Row<'shelters'>[] = SHELTER_SPECS.map((spec) => ({
  id: nextId('shelter'),
  name: spec.name,
  level: spec.level,
  type: spec.type,
  duration: spec.duration,
  address: spec.address,
  location: near(spec.area),
  effectiveAreaM2: spec.effectiveAreaM2,
  perPersonAreaM2: spec.perPersonAreaM2 ?? null,
  capacityOverride: spec.capacityOverride ?? null,
  occupancy: spec.occupancy ?? 0,
  serviceRadiusM: spec.serviceRadiusM,
  facilities: spec.facilities,
  open: spec.open ?? false,
  managerId: spec.manager ? personId(...spec.manager) : null,
}));

// ---------------------------------------------------------------------------------------------------------
// Check every record against the form schemas before writing, the way the app will on seeding.

function check(kind: keyof typeof RESOURCE_INPUT_SCHEMAS, name: string, input: object) {
  const result = RESOURCE_INPUT_SCHEMAS[kind].safeParse(input);
  if (!result.success) throw new Error(`${kind} ${name}: ${JSON.stringify(result.error.issues)}`);
}
const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
for (const { lastStocktakeDaysAgo: _days, ...w } of warehouses) check('warehouse', w.name, withoutId(w));
for (const m of materials) check('material', m.name, withoutId(m));
for (const t of teams) check('team', t.name, withoutId(t));
for (const { inspectionDueInDays, ...e } of equipment) {
  check('equipment', e.name, {
    ...withoutId(e),
    inspectionDue: inspectionDueInDays === null ? null : '2000-01-01',
  });
}
for (const e of experts) check('expert', e.name, withoutId(e));
for (const s of shelters) check('shelter', s.name, withoutId(s));

const sample: SampleResources = {
  format: 'emergency-desk-sample-resources',
  version: 1,
  materialClasses,
  warehouses,
  materials,
  receipts,
  teams,
  equipment,
  experts,
  shelters,
};
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `${JSON.stringify(sample, null, 2)}\n`, 'utf8');
console.log(
  `wrote ${OUTPUT}: ${materialClasses.length} classes, ${warehouses.length} warehouses, ${materials.length} materials, ` +
    `${receipts.length} receipts, ${teams.length} teams, ${equipment.length} equipment, ${experts.length} experts, ` +
    `${shelters.length} shelters`,
);
