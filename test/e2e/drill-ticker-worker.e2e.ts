/**
 * The 导调台's ticker in its worker, on the real clock. Every other drill test holds the page's clock
 * (`page.clock`), which does not reach a worker, so there the console keeps the ticker on its own thread; this
 * one leaves the clock alone, and checks that the worker takes the ticker, that its deliveries reach the
 * console (which follows the rows the worker hands over instead of reading the run) and the 参演人员 screen
 * (Dexie's live queries hear of another thread's writes), that a player's response reaches the console both
 * while the worker ticks and while it stands, and that a pause and a resume stop and start its ticker without
 * handing the run back. It waits on real time: a few seconds at ×60.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { addInject, createScenario, openParticipantScreen, participant, startRun } from './drill-drivers';
import { label, openApp, signIn } from './drivers';
import { launchBrowser, type BrowserSession } from './harness';
import { pick } from './incident-drivers';

const baseUrl = inject('baseUrl');
const DIRECTOR = '彭新浩';
const INJECTS = [
  {
    offset: 'T+1m',
    synopsis: '江堤水位超警戒',
    text: '滨江水文站报告：水位超警戒 0.3 米。',
    to: '区防指值班室',
  },
  { offset: 'T+2m', synopsis: '滨江村停电', text: '供电公司报告：滨江村全村停电。', to: '区防指值班室' },
  {
    offset: 'T+10m',
    synopsis: '市工作组抵达',
    text: '市防指工作组一行 5 人抵达区防指。',
    to: '区防指办公室',
  },
];
/** Real time, at ×60: a scenario minute is a second. */
const REAL = { timeout: 15_000 };

let session: BrowserSession;
let page: Page;

beforeEach(async () => {
  session = await launchBrowser();
  page = session.page;
});
afterEach(async () => {
  expect(session.errors).toEqual([]);
  await session.close();
});

const tickerWorkers = () => page.workers().filter((w) => w.url().includes('drill-ticker-worker'));

describe('演练 ticker worker', () => {
  it('delivers on the real clock from its own thread, and both screens follow', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await createScenario(page, {
      title: '江堤巡查桌面推演',
      hazard: '洪水',
      form: '桌面推演',
      objectives: ['检验巡堤查险流程'],
      units: ['滨江街道'],
    });
    for (const item of INJECTS) await addInject(page, item);

    await startRun(page, DIRECTOR);
    const root = page.getByTestId('drill-console');
    const button = (name: string) =>
      root.getByTestId('drill-clock-bar').getByRole('button', { name: label(name) });
    const status = (synopsis: string) =>
      root
        .getByTestId('inject-timeline')
        .locator('.ant-table-row')
        .filter({ hasText: synopsis })
        .getByTestId('inject-status')
        .innerText();
    await button('通信检查完成').click();
    await root.getByTestId('run-status').getByText('就绪', { exact: true }).waitFor();
    const screen = await openParticipantScreen(page, session.errors);
    const players = participant(screen, page);

    // ×60 is chosen as the e2e drivers do; the run starts, and the worker takes the ticker.
    await pick(page, root.getByLabel('倍速'), '×60');
    await root.getByTestId('drill-clock-bar').getByTitle('×60').waitFor();
    // The worker watches the run from the moment the console opens, before the clock starts.
    await expect.poll(() => tickerWorkers().length, REAL).toBe(1);
    expect(await root.getAttribute('data-ticker')).toBe('none');
    await button('开始演练').click();
    await expect.poll(() => root.getAttribute('data-ticker'), REAL).toBe('worker');

    await expect.poll(() => status(INJECTS[0]!.synopsis), REAL).toBe('已下发');
    await players.card(INJECTS[0]!.synopsis).getByText(INJECTS[0]!.text).waitFor(REAL);

    // A pause holds the rest back; after 继续 the worker goes on from where the clock stood.
    await button('暂停').click();
    await root.getByTestId('run-status').getByText('暂停', { exact: true }).waitFor();
    await expect.poll(() => root.getAttribute('data-ticker'), REAL).toBe('none');
    expect(await status(INJECTS[2]!.synopsis)).toBe('待下发');
    // Paused, the worker does not tick; it watches the run row, and a response still reaches the console.
    const notes = root.getByTestId('run-notes');
    await players.respond(INJECTS[0]!.synopsis, '巡堤队已出发', '值班长 崔伟');
    await notes.getByText('巡堤队已出发').waitFor(REAL);
    await button('继续').click();
    for (const item of INJECTS) {
      await expect.poll(() => status(item.synopsis), REAL).toBe('已下发');
      await players.card(item.synopsis).getByText(item.text).waitFor(REAL);
    }
    expect(tickerWorkers()).toHaveLength(1);
    expect(await root.getAttribute('data-ticker')).toBe('worker');

    // While the worker ticks the console does not read the run: a player's response reaches it through the
    // worker's next tick, which reads what other windows wrote.
    await players.respond(INJECTS[2]!.synopsis, '已安排工作组到指挥部会商', '值班长 崔伟');
    await notes.getByText('已安排工作组到指挥部会商').waitFor(REAL);
    expect(await root.getAttribute('data-ticker')).toBe('worker');
  });
});
