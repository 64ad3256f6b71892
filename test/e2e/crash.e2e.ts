import { rmSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { killBrowser } from './browser-kill';
import { runCrashCycles } from './crash-harness';
import {
  addInject,
  clockText,
  createScenario,
  deskClock,
  drillConsole,
  screenAtRest,
  startRun,
  type ScriptInject,
} from './drill-drivers';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { launchBrowser, newProfileDir, screenshot } from './harness';

const baseUrl = inject('baseUrl');

describe('崩溃恢复', () => {
  it('keeps every 处置日志 line the page reported saved across three hard kills of the browser, with the chain intact', async () => {
    const result = await runCrashCycles({
      baseUrl,
      cycles: 3,
      afterLastReopen: async (page) => {
        await animationsSettled(page);
        await screenshot(page, '190-crash-reopened');
      },
    });
    expect(result.problems).toEqual([]);
    expect(result.confirmed).toBeGreaterThan(0);
    expect(result).toMatchObject({ lost: 0, duplicated: 0, chainOk: true, present: result.confirmed });
  }, 240_000);

  it('reopens a drill killed while it ran at the right scenario time, delivers what is barely late and offers what is overdue', async () => {
    /** 09:30 sharp on a June morning, local time of the browser: the run starts; the desk's clock stands. */
    const runStart = new Date('2026-06-10T09:30:00');
    const script = {
      warning: { offset: 'T+0', synopsis: '气象台发布台风橙色预警', text: '区气象台发布台风橙色预警。' },
      dyke: { offset: 'T+2m', synopsis: '滨江村海水漫堤', text: '滨江村报告：海水漫过老堤约30米。' },
      piping: { offset: 'T+5m', synopsis: '江堤出现管涌险情', text: '江堤桩号K3+200处出现管涌。' },
      taskForce: { offset: 'T+6m', synopsis: '市工作组即将抵达', text: '市防指工作组预计30分钟后抵达。' },
      rain: { offset: 'T+12m', synopsis: '雨量站报告短时强降雨', text: '滨江雨量站1小时降雨52毫米。' },
      power: { offset: 'T+30m', synopsis: '滨江变电站停电', text: '滨江变电站进水，全村停电。' },
    } satisfies Record<string, Omit<ScriptInject, 'to'>>;

    const profileDir = newProfileDir();
    const first = await launchBrowser({ profileDir });
    let runId: string;
    try {
      const clock = await deskClock(first.page, new Date('2026-06-10T09:00:00'));
      await openApp(first.page, baseUrl);
      await signIn(first.page, '崔伟');
      await createScenario(first.page, {
        title: '“海燕”台风防御桌面推演',
        hazard: '台风',
        form: '桌面推演',
        objectives: ['检验防台风预案Ⅳ级响应启动程序'],
        units: ['区应急管理局'],
      });
      for (const item of Object.values(script)) await addInject(first.page, { ...item, to: '区防指值班室' });
      await clock.freeze(runStart);
      runId = await startRun(first.page, '彭新浩');
      const before = drillConsole(first.page, clock, runId, baseUrl);
      await before.commsChecked();
      await before.setSpeed(60);
      await before.start();
      await before.advance('3m');
      await before.expectStatus(script.dyke.synopsis, '已下发');
      expect(await before.injectStatus(script.piping.synopsis)).toBe('待下发');
      expect(first.errors).toEqual([]);
    } catch (error) {
      await first.close();
      throw error;
    }

    // The desk dies at T+3m; it is started again 12 real seconds later (12 scenario minutes at ×60).
    await killBrowser(first);
    const second = await launchBrowser({ profileDir });
    try {
      const page = second.page;
      const reopenedClock = await deskClock(page, new Date(runStart.getTime() + 15_000));
      await reopenedClock.freeze(new Date(runStart.getTime() + 15_000));
      await page.goto(`${baseUrl}#/drills/runs/${runId}`);
      const after = drillConsole(page, reopenedClock, runId, baseUrl);
      await after.root.waitFor();
      await expect
        .poll(() => after.root.getByTestId('scenario-clock').innerText(), { timeout: 10_000 })
        .toBe(clockText(15 * 60_000));
      await after.status('进行中');

      // What was delivered before the kill stays delivered; T+12m, 3 s late, goes out; T+5m and T+6m, 10 s
      // and 9 s late, wait for the controller; T+30m is still to come.
      await after.expectStatus(script.dyke.synopsis, '已下发');
      await after.expectStatus(script.rain.synopsis, '已下发');
      await after.overdue.getByText('2 条情景已逾期未下发').waitFor();
      const piping = after.overdueItem(script.piping.synopsis);
      await piping.getByText('已晚 10.0 秒').waitFor();
      await after.overdueItem(script.taskForce.synopsis).getByText('已晚 9.0 秒').waitFor();
      expect(await after.injectStatus(script.piping.synopsis)).toBe('逾期');
      expect(await after.injectStatus(script.power.synopsis)).toBe('待下发');
      await after.overdue.scrollIntoViewIfNeeded();
      await screenAtRest(page);
      await screenshot(page, '191-crash-drill-overdue');

      await piping.getByRole('button', { name: label('立即下发') }).click();
      await after.expectStatus(script.piping.synopsis, '已下发');
      await after
        .overdueItem(script.taskForce.synopsis)
        .getByRole('button', { name: label('跳过') })
        .click();
      await after.expectStatus(script.taskForce.synopsis, '已跳过·导调跳过');
      await after.overdue.waitFor({ state: 'hidden' });
      expect(second.errors).toEqual([]);
    } finally {
      await second.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  }, 240_000);
});
