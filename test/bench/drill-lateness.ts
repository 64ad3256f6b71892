/**
 * inject_lateness_p99_ms: how late the 导调台's ticker hands injects to the players, in Chromium, through the
 * real console page (#/drills/runs/:id) with a signed-in 演练总指挥. Two runs of 1,000 injects each: one at
 * ×1 with an inject every 25 ms of scenario time, one at ×60 with one every 1.5 s of scenario time (both
 * ≈25 s of real running time), each paused twice for a few seconds with the console's 暂停 / 继续 buttons.
 * The run is started through the console's own buttons too (通信检查完成, 倍速, 开始演练).
 * inject_lateness_participant_screen_p99_ms: a third run, ×60 like the second, with the 参演人员 screen of the
 * run open in a second tab of the same browser, as on the projector in a real drill; its figure is its own.
 *
 * Lateness is what the journal says: `at − plannedAt` of every automatic `inject.deliver` (`at` is the tick's
 * moment, `plannedAt` the real moment the scenario clock reached the inject), over both runs together: p50,
 * p99 (the figure) and max. An inject more than OVERDUE_AFTER_MS late is never auto-delivered (the controller
 * decides), so it would not settle: the wait times out and says how many were held as overdue. While the
 * run is measured the bench does not read the database (it follows the console's buttons), since a read of
 * the journal would hold the ticker's writes behind it.
 *
 * The scenarios and runs are built in Node with the app's own schemas (injectSchema / scenarioInputSchema
 * fill the defaults) and go in through raw IndexedDB into the database the app created on its first start.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import orgJson from '../../resources/sample-data/org.json';
import type { DrillRun } from '../../shared/domain/drill/drill-run';
import { replayRun } from '../../shared/domain/drill/drill-machine';
import { OVERDUE_AFTER_MS, tickDecisions } from '../../shared/domain/drill/inject-schedule';
import type { RunEvent } from '../../shared/domain/drill/run-events';
import { injectSchema, scenarioInputSchema, type Scenario } from '../../shared/domain/drill/scenario';
import type { Actor } from '../../shared/domain/org/types';
import { label, openApp, signIn } from '../e2e/drivers';
import { launchBrowser, type StaticServer } from '../e2e/harness';
import { indexRange, putRows } from './raw-idb';
import { progress, type Figure, REPORTED } from './report';

export const DRILL_INJECTS = 1_000;
const GOAL_MS = 20;
const DIRECTOR = '李伟涛';
const DIRECTOR_POSITION = '演练总指挥';
/** Two pauses, after this much real running time each, of PAUSE_MS. */
const PAUSE_AFTER_MS = [8_000, 17_000];
const PAUSE_MS = 3_000;
const POLL_MS = 1_000;
/** Beyond the run's own length (running time and pauses): then it has stalled. */
const SETTLE_SLACK_MS = 60_000;
const LONG = { timeout: 60_000 };

interface Cadence {
  name: string;
  speed: number;
  /** Scenario time between two injects. */
  stepMs: number;
  /** The 参演人员 screen open beside the console, as on a projector in a real drill. */
  hasParticipantScreen: boolean;
}

const CADENCES: readonly Cadence[] = [
  { name: '×1', speed: 1, stepMs: 25, hasParticipantScreen: false },
  { name: '×60', speed: 60, stepMs: 1_500, hasParticipantScreen: false },
  { name: '×60 with the 参演人员 screen', speed: 60, stepMs: 1_500, hasParticipantScreen: true },
];

function director(): Actor {
  const person = orgJson.people.find((p) => p.name === DIRECTOR);
  const position = orgJson.positions.find((p) => p.name === DIRECTOR_POSITION);
  if (!person || !position || !person.positionIds.includes(position.id)) {
    throw new Error(`the sample district has no ${DIRECTOR} as ${DIRECTOR_POSITION}`);
  }
  return { personId: person.id, name: person.name, positionId: position.id, positionName: position.name };
}

/**
 * A scenario of `count` injects, one every `stepMs` of scenario time from T+stepMs, and a draft run of it (the
 * row `createRun` would write). The first inject is one step after T+0, not at it, like every other.
 */
/** Each run's frozen scenario, as the app keeps it in `drillRunScenarios`. */
const FROZEN = new Map<string, Scenario>();

function injectsOf(run: DrillRun): Scenario['injects'] {
  const scenario = FROZEN.get(run.id);
  if (!scenario) throw new Error(`no scenario for run ${run.id}`);
  return scenario.injects;
}

function fixture(cadence: Cadence, by: Actor, at: number): { scenario: Scenario; run: DrillRun } {
  const injects = Array.from({ length: DRILL_INJECTS }, (_, i) =>
    injectSchema.parse({
      id: randomUUID(),
      no: String(i + 1),
      offsetMs: (i + 1) * cadence.stepMs,
      synopsis: `基准情景 ${i + 1}`,
      text: `第 ${i + 1} 条情景：滨江街道沿江堤段水位上涨，请按预案处置并报告。`,
      to: '区防汛抗旱指挥部办公室',
    }),
  );
  const values = scenarioInputSchema.parse({
    title: `下发延迟基准 ${cadence.name}（${DRILL_INJECTS} 条）`,
    form: 'tabletop',
    scope: 'single',
    purpose: 'research',
    injects,
  });
  const authored = { createdAt: at, createdBy: by, updatedAt: at, updatedBy: by };
  const scenario: Scenario = { ...values, id: randomUUID(), ...authored };
  const run: DrillRun = {
    id: randomUUID(),
    scenarioId: scenario.id,
    title: scenario.title,
    directorId: by.personId,
    directorName: by.name,
    status: 'draft',
    lastSeq: 0,
    ...authored,
  };
  FROZEN.set(run.id, scenario);
  return { scenario, run };
}

/** The run's journal rows on disk, counted by the index the app reads them with (cheap: no rows cross). */
async function journalCount(page: Page, runId: string): Promise<number> {
  return Number(await indexRange(page, journalRange(runId), 'count'));
}

/** The run's journal in order, as the app replays it. */
async function journal(page: Page, runId: string): Promise<RunEvent[]> {
  const rows = JSON.parse(await indexRange(page, journalRange(runId), 'all')) as { event: RunEvent }[];
  return rows.map((row) => row.event);
}

function journalRange(runId: string) {
  return { store: 'drillJournal', index: '[runId+seq]', lower: [runId, 0], upper: [runId, Infinity] };
}

/**
 * The first event of `type` after row `since` (the journal's row count before the click that writes it), once
 * the journal has it. Not "the newest rows": while the ticker delivers every few milliseconds and the page is
 * slow to answer, the event a click wrote can already lie many rows deep.
 */
async function waitForEvent(
  page: Page,
  runId: string,
  type: RunEvent['type'],
  since: number,
): Promise<RunEvent> {
  const deadline = Date.now() + LONG.timeout;
  const range = { ...journalRange(runId), lower: [runId, since + 1] };
  for (;;) {
    const rows = JSON.parse(await indexRange(page, range, 'all')) as { event: RunEvent }[];
    const found = rows.find((row) => row.event.type === type)?.event;
    if (found) return found;
    if (Date.now() > deadline) {
      const notices = await page.locator('.ant-message').allTextContents();
      throw new Error(
        `no ${type} in the journal after ${LONG.timeout / 1000} s` +
          (notices.join('').trim() ? ` (the console says: ${notices.join(' / ')})` : ''),
      );
    }
    await sleep(50);
  }
}

/** Long main-thread tasks (≥ 50 ms), kept in the page from now on; read with `longTasks`. */
async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchLong?: { start: number; duration: number }[] };
    if (w.benchLong) return;
    const entries: { start: number; duration: number }[] = (w.benchLong = []);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        entries.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

async function longTasks(page: Page, from: number, to: number): Promise<number[]> {
  return page.evaluate(
    ({ from, to }) =>
      ((window as unknown as { benchLong?: { start: number; duration: number }[] }).benchLong ?? [])
        .filter((e) => e.start >= from && e.start <= to)
        .map((e) => Math.round(e.duration)),
    { from, to },
  );
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function spread(latenesses: readonly number[]): string {
  if (latenesses.length === 0) return 'none';
  const [p50, p99] = [percentile(latenesses, 50), percentile(latenesses, 99)];
  return `p50 ${p50}, p99 ${p99}, max ${Math.max(...latenesses)} ms`;
}

type Delivery = Extract<RunEvent, { type: 'inject.deliver' }>;

interface RunResult {
  latenesses: number[];
}

/** What the journal says of one run: deliveries, skips, ticks, gaps, and what is held as overdue now. */
function summarise(run: DrillRun, events: readonly RunEvent[], now: number) {
  const deliveries = events.filter((e): e is Delivery => e.type === 'inject.deliver');
  const auto = deliveries.filter((e) => e.isAuto && e.plannedAt !== null);
  const { snapshot } = replayRun({ injects: injectsOf(run), directorId: run.directorId }, events);
  const overdue = tickDecisions(snapshot.context, now).filter((d) => d.kind === 'overdue').length;
  const pauses = events.filter((e) => e.type === 'clock.pause').map((e) => e.at);
  return {
    acrossPause: auto.filter((e) => pauses.some((p) => (e.plannedAt as number) < p && p <= e.at)).length,
    auto,
    settled: deliveries.length + events.filter((e) => e.type === 'inject.skip').length,
    manual: deliveries.length - auto.length,
    skipped: events.filter((e) => e.type === 'inject.skip').length,
    gaps: events.filter((e) => e.type === 'clock.gap').length,
    ticks: new Set(auto.map((e) => e.at)).size,
    overdue,
  };
}

async function click(page: Page, name: string): Promise<void> {
  await page
    .getByTestId('drill-clock-bar')
    .getByRole('button', { name: label(name) })
    .click();
}

async function driveRun(page: Page, run: DrillRun, cadence: Cadence): Promise<RunResult> {
  // A fresh page per run: the previous run's console (and its ticker) must not share the measurement.
  await page.goto(`${page.url().split('#')[0]}#/drills/runs/${run.id}`);
  await page.reload();
  await page
    .getByTestId('drill-console')
    .waitFor(LONG)
    .catch(async (error: unknown) => {
      await page.screenshot({ path: '/tmp/drill-bench-fail.png' });
      progress(`console did not open: ${(await page.locator('body').innerText()).slice(0, 500)}`);
      throw error;
    });
  const screen = cadence.hasParticipantScreen ? await openParticipantScreen(page, run) : null;
  try {
    const result = await timeRun(page, run, cadence);
    // The screen followed the run to its last inject (it shows the newest ones).
    await screen
      ?.getByTestId('participant-inject')
      .filter({ hasText: `基准情景 ${DRILL_INJECTS}` })
      .waitFor(LONG);
    return result;
  } finally {
    await screen?.close();
  }
}

/** The 参演人员 screen of the run in a second tab; the console's tab is brought back to the front. */
async function openParticipantScreen(page: Page, run: DrillRun): Promise<Page> {
  const screen = await page.context().newPage();
  await screen.goto(`${page.url().split('#')[0]}#/screen/drills/${run.id}`);
  await screen.getByTestId('participant-screen').waitFor(LONG);
  await page.bringToFront();
  return screen;
}

async function timeRun(page: Page, run: DrillRun, cadence: Cadence): Promise<RunResult> {
  await click(page, '通信检查完成');
  if (cadence.speed !== 1) {
    const speed = page.getByTestId('drill-clock-bar').getByRole('combobox', { name: '倍速' });
    const before = await journalCount(page, run.id);
    await speed.click();
    await page
      .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="×${cadence.speed}"]`)
      .click();
    const event = await waitForEvent(page, run.id, 'clock.speed', before);
    if (event.type !== 'clock.speed' || event.speed !== cadence.speed) {
      throw new Error(`the console set ${JSON.stringify(event)}, not ×${cadence.speed}`);
    }
  }
  // From 开始演练 until the last inject is due the bench reads nothing from IndexedDB: a read of the journal
  // holds the ticker's next write behind it (the worker's transaction waits for the page's), so polling the
  // journal every 50 ms for the start and the pauses put the bench's own reads among the latest deliveries.
  // It follows the console's buttons instead, and takes the exact moments from the journal afterwards.
  const button = (name: string) =>
    page.getByTestId('drill-clock-bar').getByRole('button', { name: label(name) });
  await click(page, '开始演练');
  await button('暂停').waitFor(LONG);
  const clicked = Date.now();
  const runningMs = (DRILL_INJECTS * cadence.stepMs) / cadence.speed;
  progress(`  ${cadence.name}: started; ${DRILL_INJECTS} injects over ${runningMs / 1000} s of running time`);

  let paused = 0;
  for (const after of PAUSE_AFTER_MS) {
    await sleep(Math.max(0, clicked + paused + after - Date.now()));
    await click(page, '暂停');
    await button('继续').waitFor(LONG);
    const pausedAt = Date.now();
    await sleep(PAUSE_MS);
    await click(page, '继续');
    await button('暂停').waitFor(LONG);
    paused += Date.now() - pausedAt;
  }
  // The last inject falls due about now + what is left of the running time; look once it should be out.
  await sleep(Math.max(0, clicked + paused + runningMs + 1_000 - Date.now()));
  const deadline = clicked + runningMs + paused + SETTLE_SLACK_MS;
  for (;;) {
    // The rows besides the injects' are the clock's (a handful): count, and read the rows once they may be done.
    const isDone = (await journalCount(page, run.id)) >= DRILL_INJECTS;
    const isLate = Date.now() > deadline;
    if (isDone || isLate) {
      const events = await journal(page, run.id);
      const now = Date.now();
      const started = events.find((e) => e.type === 'clock.start')?.at ?? clicked;
      progress(`  ${cadence.name}: ${pauseLine(events, started)}`);
      const s = summarise(run, events, now);
      const latenesses = s.auto.map((e) => e.at - (e.plannedAt as number));
      const tasks = await longTasks(page, started, now);
      const line =
        `${s.auto.length} auto deliveries in ${s.ticks} ticks, ${s.manual} by hand, ${s.skipped} skipped, ` +
        `${s.overdue} held as overdue (more than ${OVERDUE_AFTER_MS} ms late), ${s.gaps} clock gaps; ` +
        `lateness ${spread(latenesses)}; ${s.acrossPause} fell due before a 暂停 and went out after 继续; ` +
        `${tasks.length} long tasks${tasks.length > 0 ? ` (longest ${Math.max(...tasks)} ms)` : ''}`;
      if (s.settled >= DRILL_INJECTS) {
        progress(`  ${cadence.name}: ${line}`);
        progress(`  ${cadence.name}: latest: ${latest(run, s.auto)}`);
        return { latenesses };
      }
      if (isLate) {
        throw new Error(
          `${cadence.name}: only ${s.settled}/${DRILL_INJECTS} injects settled ` +
            `${Math.round((now - started) / 1000)} s after the start: ${line}; latest: ${latest(run, s.auto)}`,
        );
      }
    }
    await sleep(POLL_MS);
  }
}

/** When each 暂停 came (in running time) and how long it held, as the journal has them. */
function pauseLine(events: readonly RunEvent[], started: number): string {
  const parts: string[] = [];
  let held = 0;
  let pausedAt: number | null = null;
  for (const e of events) {
    if (e.type === 'clock.pause') pausedAt = e.at;
    if (e.type === 'clock.resume' && pausedAt !== null) {
      parts.push(`paused after ${pausedAt - started - held} ms of running time for ${e.at - pausedAt} ms`);
      held += e.at - pausedAt;
      pausedAt = null;
    }
  }
  return parts.join('; ') || 'never paused';
}

/** The latest deliveries, by 序号. */
function latest(run: DrillRun, auto: readonly Delivery[]): string {
  const no = new Map(injectsOf(run).map((i) => [i.id, i.no]));
  return auto
    .map((e) => ({ no: no.get(e.injectId), late: e.at - (e.plannedAt as number) }))
    .sort((a, b) => b.late - a.late)
    .slice(0, 8)
    .map((w) => `#${w.no} ${w.late} ms`)
    .join(', ');
}

export async function injectLatenessFigures(server: StaticServer, profileDir: string): Promise<Figure[]> {
  const began = Date.now();
  const session = await launchBrowser({ profileDir });
  const { page } = session;
  try {
    await openApp(page, server.url, '/drills');
    const by = director();
    const at = await page.evaluate(() => Date.now());
    const fixtures = CADENCES.map((cadence) => ({ cadence, ...fixture(cadence, by, at) }));
    await putRows(
      page,
      'drillScenarios',
      fixtures.map((f) => f.scenario),
    );
    await putRows(
      page,
      'drillRuns',
      fixtures.map((f) => f.run),
    );
    await putRows(
      page,
      'drillRunScenarios',
      fixtures.map((f) => ({ runId: f.run.id, scenario: f.scenario })),
    );
    await signIn(page, DIRECTOR, { position: DIRECTOR_POSITION });
    const visibility = await page.evaluate(() => document.visibilityState);
    if (visibility !== 'visible') throw new Error(`the page is ${visibility}: its timers would be throttled`);
    await observeLongTasks(page);
    const all: number[] = [];
    const beside: number[] = [];
    for (const { cadence, run } of fixtures) {
      try {
        const { latenesses } = await driveRun(page, run, cadence);
        (cadence.hasParticipantScreen ? beside : all).push(...latenesses);
      } catch (error) {
        // A render error unmounts the whole app (a blank page): the page's own errors say which.
        if (session.errors.length > 0) progress(`the app logged errors:\n${session.errors.join('\n')}`);
        throw error;
      }
    }
    if (session.errors.length > 0) {
      throw new Error(`the app logged errors during the drill runs:\n${session.errors.join('\n')}`);
    }
    const figures: Figure[] = [
      { name: 'inject_lateness_p99_ms', value: percentile(all, 99), unit: 'ms', goal: GOAL_MS },
      { name: 'inject_lateness_p50_ms', value: percentile(all, 50), unit: 'ms', goal: REPORTED },
      { name: 'inject_lateness_max_ms', value: Math.max(...all), unit: 'ms', goal: REPORTED },
      // The same goal with the players' screen open, since that is how a drill runs.
      {
        name: 'inject_lateness_participant_screen_p99_ms',
        value: percentile(beside, 99),
        unit: 'ms',
        goal: GOAL_MS,
      },
    ];
    progress(
      `inject_lateness: ${all.length} auto deliveries → p50 ${figures[1]?.value}, p99 ${figures[0]?.value} ` +
        `(goal ≤ ${GOAL_MS} ms), max ${figures[2]?.value} ms; with the 参演人员 screen open, ${beside.length} ` +
        `deliveries → p99 ${figures[3]?.value} ms, max ${Math.max(...beside)} ms; ` +
        `${Math.round((Date.now() - began) / 1000)} s`,
    );
    return figures;
  } finally {
    await session.close({ keepProfile: true });
  }
}
