/**
 * The system clock misbehaves while an incident is open. Playwright's clock fakes both of the page's clocks:
 * `setSystemTime` moves the wall clock (`Date`) alone, as a person changing the time does, and `fastForward`
 * moves both at once and fires what fell due once, as a laptop waking from sleep does.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { animationsSettled, auditRows, openApp, signIn } from './drivers';
import { freshBrowserEachTest } from './browser-per-test';
import { screenshot, type BrowserSession } from './harness';
import { incidentConsole, openTyphoonIncident } from './incident-drivers';

const baseUrl = inject('baseUrl');
/** 02:15 at night, local time of the browser. */
const NOW = new Date('2026-11-23T02:15:00');

let session: BrowserSession;
let page: Page;

freshBrowserEachTest(NOW, (fresh) => {
  session = fresh;
  page = fresh.page;
});

/** The strip at the top of every screen, one notice per anomaly, newest first. */
const notice = (title: string) =>
  page.getByTestId('clock-notices').locator('.ant-alert').filter({ hasText: title });

describe('系统时钟跳变', () => {
  it('logs a clock set back and a sleep into the open incident and the audit trail, and tells the operator', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await openTyphoonIncident(page);
    const c = incidentConsole(page);

    // Someone sets the computer's clock back ten minutes; a heartbeat notices, the next confirms it.
    const wall = await page.evaluate(() => Date.now());
    await page.clock.setSystemTime(wall - 10 * 60_000);
    await page.clock.runFor(11_000);
    const jump = notice('检测到系统时钟跳变');
    await jump.getByText(/差 −600 秒/).waitFor();
    await jump.getByText('已记入审计记录和 1 起处置中事件的日志。').waitFor();
    await c.logRow('系统', '【系统】检测到系统时钟跳变：', '差 −600 秒（系统时间被调回）').waitFor();
    await c.log.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '97-clock-jump');

    // The laptop sleeps forty minutes (both clocks move, the heartbeat fires once, late).
    await page.clock.fastForward('40:00');
    await notice('检测到休眠恢复')
      .getByText(/本机约 40 分钟未运行/)
      .waitFor();
    await c.logRow('系统', '【系统】检测到休眠恢复：', '约 40 分钟未运行').waitFor();
    // Each is written once, and each notice stays until the operator closes it.
    await expect(notice('检测到系统时钟跳变').count()).resolves.toBe(1);
    await expect(c.logRow('【系统】检测到').count()).resolves.toBe(2);
    await animationsSettled(page);
    await screenshot(page, '98-clock-sleep');
    await notice('检测到系统时钟跳变').locator('.ant-alert-close-icon').click();
    await notice('检测到系统时钟跳变').waitFor({ state: 'hidden' });
    await notice('检测到休眠恢复').locator('.ant-alert-close-icon').click();
    await page.getByTestId('clock-notices').waitFor({ state: 'detached' });

    await page.keyboard.press('Alt+8');
    await auditRows(page, '时钟跳变', '系统时钟').waitFor();
    await auditRows(page, '休眠恢复', '系统时钟').waitFor();
    expect(session.errors).toEqual([]);
  });
});
