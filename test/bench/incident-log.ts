/**
 * log_open_100k_ms: opening the 指挥台 of an ad-hoc incident whose log holds 100,000 lines, from the in-page
 * navigation (`location.hash`, coming from 值班) until the newest line (seq 100000) shows its text instead of
 * 读取中…, timed with `performance.now()` and a MutationObserver inside the page; median of 5 opens.
 *
 * The log is sealed in Node with the app's own `sealEntry`, so the chain is what the app would have written,
 * and goes in through raw IndexedDB into the database the app created on its first start: appending 100,000
 * lines through the repository would take many minutes more. The incident row goes in last, with its count.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import orgJson from '../../resources/sample-data/org.json';
import { mulberry32 as prng } from '../../scripts/seeded-random';
import type { Incident } from '../../shared/domain/incident/incident';
import { reportDeadlines, SAMPLE_REPORT_RULES } from '../../shared/domain/incident/report-deadlines';
import {
  sealEntry,
  type LogCategory,
  type LogEntry,
  type LogLink,
} from '../../shared/domain/incident/log-chain';
import type { Actor } from '../../shared/domain/org/types';
import { launchBrowser, type StaticServer } from '../e2e/harness';
import { DATABASE, indexRange, putRows } from './raw-idb';
import { median, progress, type Figure } from './report';

export const LOG_LINES = 100_000;
const GOAL_MS = 200;
const CHUNK = 5_000;
const LOADING = '读取中…';
const LONG = { timeout: 180_000 };
/** 2026-07-20 06:00 in China: the rain started the night before. */
const OCCURRED_AT = Date.UTC(2026, 6, 19, 22, 0);

/**
 * How often each kind of line comes in a long flood response; only the first line is the 接报. A category the
 * log gains later occurs in no line until it is given a weight (and a clause) here.
 */
const CATEGORY_WEIGHTS = {
  intake: 0,
  decision: 8,
  observation: 30,
  task: 20,
  report: 8,
  resource: 13,
  note: 18,
  correction: 2,
} satisfies Partial<Record<LogCategory, number>>;
type FixtureCategory = keyof typeof CATEGORY_WEIGHTS;

const PLACES = ['滨江街道', '东湖街道', '新港镇', '北岭镇', '安澜社区', '清源村', '望江村', '杨柳湾'];
const SPOTS = ['沿江堤段', '排涝泵站', '低洼小区', '地下车库', '下穿隧道', '水库溢洪道', '老旧危房', '学校'];
const UNITS = [
  '区应急管理局',
  '区水务局',
  '区消防救援大队',
  '区卫健委',
  '区交通运输局',
  '供电公司',
  '区民政局',
];
const MATERIALS = ['编织袋', '救生衣', '冲锋舟', '抽水泵', '发电机', '帐篷', '棉被', '照明灯组', '饮用水'];
const TASKS = [
  '转移危险区群众',
  '封控下穿隧道',
  '加固沿江堤防',
  '开放避难场所',
  '排查地质灾害点',
  '抢修供电线路',
];

type Pick = <T>(items: readonly T[]) => T;

/** One clause of a line of `category`; a line is one or more of them, 20–120 characters in all. */
function clause(category: FixtureCategory, pick: Pick, int: (max: number) => number): string {
  const place = `${pick(PLACES)}${pick(SPOTS)}`;
  switch (category) {
    case 'intake':
      return `接${pick(PLACES)}报告：${pick(SPOTS)}积水深约${int(120) + 10}厘米，有${int(30) + 1}人被困`;
    case 'decision':
      return pick([
        `指挥部决定对${place}实施人员转移，${int(300) + 20}户${int(900) + 50}人须于${int(23)}时前转移完毕`,
        `同意${pick(UNITS)}请求，增派${int(5) + 1}支救援队伍赴${place}`,
        `决定关闭${place}周边道路，实行交通管制`,
      ]);
    case 'observation':
      return pick([
        `${place}水位${(int(500) / 100 + 20).toFixed(2)}米，较上一时次上涨${int(40) + 1}厘米`,
        `${pick(PLACES)}雨量站1小时降雨${int(80) + 5}毫米`,
        `巡查发现${place}出现管涌${int(4) + 1}处，已设置警示标志`,
        `${place}险情稳定，无新增渗漏`,
      ]);
    case 'task':
      return pick([
        `任务「${pick(TASKS)}」交${pick(UNITS)}办理`,
        `${pick(UNITS)}报告任务「${pick(TASKS)}」已完成`,
        `任务「${pick(TASKS)}」进展：已完成${int(90) + 10}%`,
      ]);
    case 'report':
      return pick([
        `向区委区政府报送第${int(60) + 1}期续报`,
        `收到${pick(UNITS)}书面报告，已转送指挥部各成员单位`,
        `向市应急管理局电话报告${pick(PLACES)}最新灾情`,
      ]);
    case 'resource':
      return `从区救灾物资储备库调拨${pick(MATERIALS)}${int(2000) + 10}件至${place}`;
    case 'note':
      return pick([
        `${pick(UNITS)}来电：${place}需补充${pick(MATERIALS)}`,
        `${pick(PLACES)}安置点现有群众${int(800) + 20}人，情绪稳定`,
        `${pick(UNITS)}值班员到岗，联络电话已更新`,
      ]);
    case 'correction':
      return `更正：上报的${place}转移人数应为${int(900) + 50}人`;
  }
}

/** What a longer line goes on to say after its first clause. */
function detail(pick: Pick, int: (max: number) => number): string {
  return pick([
    `${pick(UNITS)}${int(40) + 2}人已到场`,
    `现场仍有中到大雨，风力${int(4) + 4}级`,
    `下次报告时间${String(int(24)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`,
    `${pick(PLACES)}安置点已接收${int(400) + 10}人`,
    `请${pick(UNITS)}做好${pick(MATERIALS)}保障`,
    `联系人${pick(['王', '李', '张', '刘', '陈'])}${pick(['科长', '主任', '队长'])}，电话已登记`,
  ]);
}

function text(category: FixtureCategory, random: () => number): string {
  const pick: Pick = (items) => items[Math.floor(random() * items.length)]!;
  const int = (max: number) => Math.floor(random() * max);
  const target = 20 + int(101);
  let line = clause(category, pick, int);
  while (line.length + 1 < target) line += `，${detail(pick, int)}`;
  return line.length >= 120 ? `${line.slice(0, 119)}。` : `${line}。`;
}

function actors(): Actor[] {
  const positions = new Map(orgJson.positions.map((p) => [p.id, p.name]));
  return orgJson.people.flatMap((person) =>
    person.positionIds.map((positionId) => ({
      personId: person.id,
      name: person.name,
      positionId,
      positionName: positions.get(positionId) ?? '',
    })),
  );
}

export interface LogFixture {
  incident: Incident;
  entries: LogEntry[];
}

/** An ad-hoc incident (no plan: the console shows the task board and the log) and its sealed log. */
export function incidentLogFixture(lines: number, seed = 20260720): LogFixture {
  const random = prng(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
  const people = actors();
  const weighted = (Object.keys(CATEGORY_WEIGHTS) as FixtureCategory[]).flatMap((c) =>
    Array<FixtureCategory>(CATEGORY_WEIGHTS[c]).fill(c),
  );
  const incidentId = uuid();
  const entries: LogEntry[] = [];
  let at = OCCURRED_AT + 10 * 60_000;
  let previous: LogEntry | null = null;
  for (let seq = 1; seq <= lines; seq += 1) {
    at += 1_000 + Math.floor(random() * 11_000);
    const category = seq === 1 ? 'intake' : weighted[Math.floor(random() * weighted.length)]!;
    const links: LogLink[] =
      random() < 0.05
        ? [
            {
              kind: (['task', 'report', 'resource', 'journal'] as const)[Math.floor(random() * 4)]!,
              id: uuid(),
            },
          ]
        : [];
    const corrects = category === 'correction' ? entries[Math.floor(random() * entries.length)]!.id : null;
    previous = sealEntry(
      {
        at,
        author: random() < 0.1 ? null : people[Math.floor(random() * people.length)]!,
        category,
        text: text(category, random),
        links,
        corrects,
      },
      previous,
      { id: uuid(), incidentId },
    );
    entries.push(previous);
  }
  const opener = people[0] ?? null;
  const timing = { grade: 'larger', occurredAt: OCCURRED_AT, receivedAt: OCCURRED_AT + 10 * 60_000 } as const;
  const incident: Incident = {
    id: incidentId,
    serial: '2026-0001',
    title: '示范区“7·20”暴雨洪涝灾害',
    place: '示范区滨江街道、东湖街道、新港镇',
    category: 'natural',
    ...timing,
    // A response this long has had its missed deadlines logged already: opening it writes nothing.
    flaggedDeadlines: reportDeadlines(SAMPLE_REPORT_RULES, timing).map((d) => d.ruleId),
    intakeId: null,
    plan: null,
    status: 'open',
    level: null,
    phase: 'monitoring',
    eventCount: 0,
    logCount: lines,
    createdAt: OCCURRED_AT + 10 * 60_000,
    createdBy: opener,
    updatedAt: at,
    updatedBy: entries.at(-1)?.author ?? null,
  };
  return { incident, entries };
}

/** The incident's log lines on disk, counted by the index the app reads them with. */
async function storedLines(page: Page, incidentId: string): Promise<number> {
  const range = { store: 'incidentLog', index: '[incidentId+seq]' };
  return Number(
    await indexRange(page, { ...range, lower: [incidentId, 1], upper: [incidentId, Infinity] }, 'count'),
  );
}

/** The sample resources load behind the first screen: wait until they are in, so they do not run alongside. */
export async function sampleResourcesLoaded(page: Page): Promise<void> {
  const deadline = Date.now() + LONG.timeout;
  for (;;) {
    const loaded = await page.evaluate(
      (name) =>
        new Promise<boolean>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('settings').objectStore('settings').get('sampleResourcesSeededAt');
            request.onsuccess = () => {
              db.close();
              resolve(request.result !== undefined);
            };
            request.onerror = () => reject(request.error);
          };
        }),
      DATABASE,
    );
    if (loaded) return;
    if (Date.now() > deadline) throw new Error('the sample resources were not loaded');
    await sleep(250);
  }
}

export async function seedLog(server: StaticServer, profileDir: string, fixture: LogFixture): Promise<void> {
  const session = await launchBrowser({ profileDir });
  const { page } = session;
  try {
    await page.goto(`${server.url}#/duty`);
    await page.getByTestId('intake-register').waitFor(LONG);
    await sampleResourcesLoaded(page);
    const { incident, entries } = fixture;
    const started = Date.now();
    for (let from = 0; from < entries.length; from += CHUNK) {
      await putRows(page, 'incidentLog', entries.slice(from, from + CHUNK));
      const done = Math.min(entries.length, from + CHUNK);
      if (done % 25_000 === 0 || done === entries.length) {
        progress(`  inserted ${done}/${entries.length} (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    }
    await putRows(page, 'incidents', [incident]);
    const stored = await storedLines(page, incident.id);
    progress(`seeded ${stored} log lines in ${Math.round((Date.now() - started) / 1000)} s`);
    if (stored !== entries.length)
      throw new Error(`incidentLog holds ${stored} lines, expected ${entries.length}`);
    if (session.errors.length > 0)
      throw new Error(`the app logged errors while seeding:\n${session.errors.join('\n')}`);
  } finally {
    await session.close({ keepProfile: true });
  }
}

interface Open {
  /** The console's root is in the DOM. */
  console: number;
  /** The newest line's row is there, still reading its page. */
  placeholder: number | null;
  /** The newest line's row shows its text: the figure. */
  shown: number;
  /** The next animation frame after that: about when it is painted. */
  frame: number;
}

/** Goes from 值班 to the console in the page and times it there; `expected` is the newest line's text. */
export async function openConsole(
  page: Page,
  incidentId: string,
  seq: number,
  expected: string,
): Promise<Open> {
  return page.evaluate(
    ({ hash, seq, expected, loading }) =>
      new Promise<Open>((resolve, reject) => {
        // No named helpers in here: tsx would wrap them in a `__name` call the page does not have.
        const at: Partial<Open> = { placeholder: null };
        let started = 0;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`line ${seq} not shown after 30 s`));
        }, 30_000);
        const observer = new MutationObserver(() => {
          const now = performance.now() - started;
          if (at.console === undefined && document.querySelector('.incident-console')) at.console = now;
          const row = document.querySelector(
            `[data-testid="incident-log-rows"] .incident-log-row[data-seq="${seq}"]`,
          );
          if (!row) return;
          const content = row.textContent ?? '';
          if (content.includes(loading)) {
            at.placeholder ??= now;
            return;
          }
          if (!content.includes(expected)) return;
          at.shown = now;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve({ ...(at as Open), frame: performance.now() - started }));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        started = performance.now();
        location.hash = hash;
      }),
    { hash: `#/incidents/${incidentId}`, seq, expected, loading: LOADING },
  );
}

/** (Back) to 值班, and wait until the page is idle, so the next open starts from rest. */
export async function toDuty(page: Page): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/duty';
  });
  await page.locator('.incident-console').waitFor({ state: 'detached', ...LONG });
  await page.getByTestId('intake-register').waitFor(LONG);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 2_000 })),
      ),
  );
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function logOpenFigure(server: StaticServer, profileDir: string, runs: number): Promise<Figure> {
  let started = Date.now();
  const fixture = incidentLogFixture(LOG_LINES);
  progress(`sealed ${LOG_LINES} log lines in Node in ${Date.now() - started} ms`);
  started = Date.now();
  await seedLog(server, profileDir, fixture);
  const seeded = Date.now() - started;
  const newest = fixture.entries.at(-1)!;

  const session = await launchBrowser({ profileDir });
  const { page } = session;
  try {
    await page.goto(`${server.url}#/duty`);
    await page.getByTestId('intake-register').waitFor(LONG);
    await sampleResourcesLoaded(page);
    await toDuty(page);
    const times: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const open = await openConsole(page, fixture.incident.id, newest.seq, newest.text);
      times.push(round(open.shown));
      progress(
        `  open ${run}/${runs}: ${round(open.shown)} ms (console ${round(open.console)}, ` +
          `loading row ${open.placeholder === null ? '—' : round(open.placeholder)}, next frame ${round(open.frame)})`,
      );
      await toDuty(page);
    }
    if (session.errors.length > 0) {
      throw new Error(`the app logged errors while opening the log:\n${session.errors.join('\n')}`);
    }
    const figure: Figure = {
      name: 'log_open_100k_ms',
      value: round(median(times)),
      unit: 'ms',
      goal: GOAL_MS,
    };
    progress(
      `log_open_100k_ms: runs ${times.join(', ')} → median ${figure.value} ms (goal ≤ ${GOAL_MS} ms); ` +
        `seeding took ${Math.round(seeded / 1000)} s`,
    );
    return figure;
  } finally {
    await session.close({ keepProfile: true });
  }
}
