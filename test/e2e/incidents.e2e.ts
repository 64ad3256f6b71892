import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readArchivePackage } from '@shared/domain/archive/archive-package';
import { animationsSettled, label, openApp, signIn } from './drivers';
import { freshBrowserEachTest } from './browser-per-test';
import { screenshot } from './harness';
import {
  incidentConsole,
  openTyphoonIncident,
  pick as pickIn,
  pickPerson as pickPersonIn,
  recordIntake,
  turnIntoIncident,
  TYPHOON,
} from './incident-drivers';
import { latinWords, messageGone, simulator } from './plan-drivers';

const baseUrl = inject('baseUrl');
/** 02:15 at night, local time of the browser: a typhoon report comes in. */
const NOW = new Date('2026-11-23T02:15:00');

let page: Page;

freshBrowserEachTest(NOW, (fresh) => {
  page = fresh.page;
});

const pick = (select: Parameters<typeof pickIn>[1], option: string) => pickIn(page, select, option);
const pickPerson = (select: Parameters<typeof pickPersonIn>[1], name: string) =>
  pickPersonIn(page, select, name);

describe('事件处置 · 指挥台', () => {
  it('turns a 接报 into a typhoon incident, runs the plan from a warning to Ⅲ with the tasks kept, keeps everything across a reload and catches a tampered log line', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await recordIntake(page);

    // 接报 → 转为事件, filled from the report; the typhoon plan is chosen.
    const dialog = await turnIntoIncident(
      page,
      page.getByTestId('intake-register').locator('.ant-table-row').first(),
    );
    expect(await dialog.getByLabel('事件名称').inputValue()).toBe('台风“海燕”外围影响，滨江村海水漫堤');
    expect(await dialog.getByLabel('事发时间').inputValue()).toBe('2026-11-23 02:00');
    await pick(dialog.getByLabel('启用预案'), TYPHOON);
    await dialog.getByRole('button', { name: label('保存') }).click();

    const c = incidentConsole(page);
    await c.header.getByText('台风“海燕”外围影响，滨江村海水漫堤').waitFor();
    await c.level.getByText('未启动响应', { exact: true }).waitFor();
    await c.header.getByText('事发已 15分钟').waitFor();
    await c.logRow('由接报2026-0001转为事件').waitFor();
    await c.logRow('启用预案：示范区防台风应急预案（第1版）').waitFor();

    // The warning and the wind reading: the plan proposes Ⅳ, and the header says so in colour.
    const sim = simulator(page, '.incident-console');
    await sim.issueWarning('台风', '橙色');
    await sim.record('台风中心附近最大风力', 9);
    await expect(sim.proposedLevel()).resolves.toBe('Ⅳ级响应');
    await c.header.getByTestId('incident-proposal').getByText('建议启动Ⅳ级响应').waitFor();
    await c.header.getByTestId('incident-warnings').getByText('台风橙色（二级）预警').waitFor();
    await page.getByTestId('duty-state').getByText('预警状态').waitFor();
    await c.logRow('系统', '建议启动Ⅳ级响应').waitFor();
    await c.logRow('崔伟（值班员）', '台风中心附近最大风力：9级').waitFor();
    // The duty officer may not start it.
    const why = await sim.explainDisabled('批准启动');
    await expect(why.textContent()).resolves.toBe('不能执行：崔伟（值班员）无权签发Ⅳ级响应');
    await sim.dismissTooltip();

    // The secretary-general signs in and approves: Ⅳ, its tasks issued.
    await signIn(page, '邵嘉蓉');
    await expect(sim.approve()).resolves.toBe('Ⅳ级响应');
    await c.level.getByText('Ⅳ级响应', { exact: true }).waitFor();
    await c.logRow('邵嘉蓉（秘书长）', '批准启动Ⅳ级响应').waitFor();
    // Every screen's header now says a response runs, and at which level.
    await page.getByTestId('duty-state').getByText('应急响应（Ⅳ级）').waitFor();
    await c.taskRow('防汛抗旱指挥机构秘书长主持会商').waitFor();
    const ivTasks = await c.tasks.locator('.ant-table-row').count();
    expect(ivTasks).toBe(6);

    // A task is started and a line is logged with Alt+L.
    await pick(c.tasks.getByLabel(/^状态 防汛抗旱指挥机构秘书长主持会商/), '进行中');
    await c.logRow('任务「防汛抗旱指挥机构秘书长主持会商', '未开始→进行中').waitFor();
    await page.keyboard.press('Alt+L');
    await page.keyboard.type('滨江村已转移群众120人，安置在滨江小学');
    await page.keyboard.press('Enter');
    await c.logRow('邵嘉蓉（秘书长）', '滨江村已转移群众120人').waitFor();
    await messageGone(page, /已记录第/);
    await c.header.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '90-incident-iv-approved');
    await expect(latinWords(page)).resolves.toEqual([]);

    // A reload continues exactly where it was.
    await page.reload();
    await c.level.getByText('Ⅳ级响应', { exact: true }).waitFor();
    await c.taskRow('防汛抗旱指挥机构秘书长主持会商', '进行中').waitFor();
    await c.logRow('滨江村已转移群众120人').waitFor();

    // The wind rises: Ⅲ is proposed and approved by a deputy commander; the Ⅳ tasks stay.
    await signIn(page, '崔伟');
    await sim.record('台风中心附近最大风力', 11);
    await expect(sim.proposedLevel()).resolves.toBe('Ⅲ级响应');
    await signIn(page, '彭新浩');
    await expect(sim.approve()).resolves.toBe('Ⅲ级响应');
    await c.level.getByText('Ⅲ级响应', { exact: true }).waitFor();
    await c.taskRow('防汛抗旱指挥机构秘书长主持会商', '进行中').waitFor();
    await expect.poll(() => c.tasks.locator('.ant-table-row').count()).toBeGreaterThan(ivTasks);

    // Dispatch a team and 500 sandbags from stock (出库): the stock falls by 500.
    const dispatches = c.root.getByTestId('incident-dispatches');
    const dispatch = async (query: string, result: string, quantity?: number) => {
      await dispatches.getByRole('button', { name: label('调派资源') }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '调派资源' });
      await dialog.locator('input[aria-label="一键检索"]').fill(query);
      await dialog
        .getByTestId('resource-search-results')
        .getByText(result, { exact: true })
        .first()
        .waitFor();
      await dialog.locator('input[aria-label="一键检索"]').press('Enter');
      if (quantity !== undefined) await dialog.getByLabel('出库数量').fill(String(quantity));
      return dialog;
    };
    let picking = await dispatch('2010101', '编织袋', 500);
    await picking.getByText('9000条').waitFor();
    await picking.getByRole('button', { name: label('确认调派') }).click();
    await picking.waitFor({ state: 'hidden' });
    await dispatches
      .locator('.ant-table-row')
      .filter({ hasText: '编织袋' })
      .filter({ hasText: '500条' })
      .waitFor();
    await c.logRow('调派物资 编织袋 500条，已出库').waitFor();
    picking = await dispatch('2010101', '编织袋');
    await picking.getByText('8500条').waitFor();
    await picking.locator('.ant-modal-close').click();
    await picking.waitFor({ state: 'hidden' });
    picking = await dispatch('区防汛抢险队', '区防汛抢险队');
    await picking.getByLabel('备注（去向、任务）').fill('滨江村堤段抢险');
    await picking.getByRole('button', { name: label('确认调派') }).click();
    await picking.waitFor({ state: 'hidden' });
    const team = dispatches.locator('.ant-table-row').filter({ hasText: '区防汛抢险队' });
    await team.getByRole('button', { name: label('在途') }).click();
    await team.getByText('在途', { exact: true }).waitFor();
    await c.logRow('救援队伍 区防汛抢险队：在途').waitFor();
    await dispatches.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '96-incident-dispatch');

    // The hall screen: the same incident, read-only, legible across the room.
    const [wall] = await Promise.all([
      page.context().waitForEvent('page'),
      c.header.getByRole('button', { name: label('大屏显示') }).click(),
    ]);
    await wall.getByTestId('big-screen-level').getByText('Ⅲ级响应').waitFor();
    await wall.getByText('调派物资 编织袋 500条，已出库').waitFor();
    await wall.getByText('✗ 一个口径报送发布').waitFor();
    await animationsSettled(wall);
    await screenshot(wall, '99-incident-hall-screen');
    await wall.close();

    // The typhoon has passed: the deputy commander ends the response, the incident closes, its archive is saved.
    await sim.record('台风已过境、影响基本结束', true);
    const ending = await sim.openReasonDialog('宣布响应终止');
    await ending.getByLabel('理由').fill('台风已过境，影响基本结束');
    await ending.getByRole('button', { name: label('确定') }).click();
    await ending.waitFor({ state: 'hidden' });
    await sim.phase.getByText('响应终止', { exact: true }).waitFor();
    await sim.decision('转入善后评估').click();
    await sim.phase.getByText('善后评估', { exact: true }).waitFor();
    await sim.decision('关闭').click();
    const closing = c.root.getByTestId('incident-closing');
    await closing.waitFor();
    await c.header.getByText('已结案', { exact: true }).waitFor();
    await page.getByTestId('duty-state').getByText('日常值守').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      closing.getByRole('button', { name: label('导出归档包') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      '归档包-事件-2026-0001-台风“海燕”外围影响，滨江村海水漫堤-20261123.json',
    );
    const saved = join(mkdtempSync(join(tmpdir(), 'ed-archive-')), 'archive.json');
    await download.saveAs(saved);
    const read = await readArchivePackage(readFileSync(saved, 'utf8'));
    if (!read.ok) throw new Error(read.message);
    const { tables, logChecks, manifest } = read.archive;
    expect(tables['incidents']).toEqual([expect.objectContaining({ status: 'closed', level: 'III' })]);
    expect(logChecks).toEqual([
      { incidentId: expect.any(String), check: { ok: true, count: manifest['incidentLog'] } },
    ]);
    expect(
      (tables['incidentDispatches'] as { name: string; quantity: number | null }[]).map((d) => [
        d.name,
        d.quantity,
      ]),
    ).toEqual([
      ['编织袋', 500],
      ['区防汛抢险队', null],
    ]);
    await c.logRow('已生成归档包（日志').waitFor();
    await closing.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '98-incident-closed');

    // The chain verifies; then a line altered behind the app's back is found.
    await c.log.getByRole('button', { name: label('校验日志') }).click();
    await c.log
      .getByTestId('log-verify-result')
      .getByText(/^日志完整：共 \d+ 条，哈希链未被改动$/)
      .waitFor();
    const altered = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('emergency-desk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('incidentLog', 'readwrite');
            const store = tx.objectStore('incidentLog');
            const all = store.getAll();
            all.onsuccess = () => {
              const rows = all.result as { seq: number; text: string }[];
              const target = rows.find((r) => r.text.startsWith('台风中心附近最大风力：9级'));
              if (!target) return reject(new Error('line not found'));
              store.put({ ...target, text: '台风中心附近最大风力：7级' });
              tx.oncomplete = () => resolve(target.seq);
            };
          };
        }),
    );
    await page.reload();
    await c.log.waitFor();
    await c.log.getByRole('button', { name: label('校验日志') }).click();
    await c.log
      .getByTestId('log-verify-result')
      .getByText(`日志自第 ${altered} 条起被改动或缺失：内容与其哈希值不符`)
      .waitFor();
    await c.log.locator(`.incident-log-row-broken[data-seq="${altered}"]`).waitFor();
    await animationsSettled(page);
    await screenshot(page, '91-incident-log-tampered');
  });

  it('opens an ad-hoc incident, refuses an empty title on its field and a plan attached later starts the chart', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await page.keyboard.press('Alt+2');
    const list = page.getByTestId('incident-list');
    await list.getByText(/尚无事件/).waitFor();
    await list.getByRole('button', { name: label('新建事件') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建事件' });
    await dialog.waitFor();
    await animationsSettled(page);
    await dialog.getByLabel('事发地点').fill('青石街道工业园');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await expect
      .poll(() => dialog.locator('.ant-form-item-explain-error').allInnerTexts())
      .toEqual(['必填', '必填']);
    expect(await dialog.getByLabel('事发地点').inputValue()).toBe('青石街道工业园');
    await dialog.getByLabel('事件名称').fill('厂房冒烟，原因待查');
    await pick(dialog.getByLabel('事件类别'), '事故灾难');
    await dialog.getByRole('button', { name: label('保存') }).click();

    const c = incidentConsole(page);
    await c.root.getByText(/本事件尚未启用预案/).waitFor();
    await c.logRow('立案：厂房冒烟，原因待查').waitFor();
    await c.tasks.getByRole('button', { name: label('临时任务') }).click();
    const task = page.getByRole('dialog').filter({ hasText: '新增临时任务' });
    await task.waitFor();
    await task.getByLabel('任务内容').fill('派员核实冒烟原因');
    await task.getByLabel('负责人').fill('刘志蓉');
    await task.getByRole('button', { name: label('保存') }).click();
    await c.taskRow('派员核实冒烟原因', '刘志蓉', '未开始').waitFor();
    await c.logRow('新增任务「派员核实冒烟原因」').waitFor();

    // 通知叫应: two people are told; one answers, the other not within 10 minutes.
    const notify = c.root.getByTestId('incident-notifications');
    await notify.getByRole('button', { name: label('发起通知') }).click();
    const notice = page.getByRole('dialog').filter({ hasText: '发起通知' });
    await notice.waitFor();
    await animationsSettled(page);
    await notice.getByLabel('通知内容').fill('青石街道工业园厂房冒烟，请立即到场核实');
    await pickPerson(notice.getByLabel('通知对象'), '黄欣刚');
    await pickPerson(notice.getByLabel('通知对象'), '刘志蓉');
    await notice.getByLabel('须在多少分钟内回复').fill('10');
    await notice.getByRole('button', { name: label('保存') }).click();
    await notice.waitFor({ state: 'hidden' });
    const huang = notify.locator('.ant-table-row').filter({ hasText: '黄欣刚' });
    const liu = notify.locator('.ant-table-row').filter({ hasText: '刘志蓉' });
    await huang.getByRole('button', { name: label('已通知') }).click();
    await huang.getByText('待回复', { exact: true }).waitFor();
    await huang.getByRole('button', { name: label('已回复') }).click();
    await huang.getByText('已回复', { exact: true }).waitFor();
    await liu.getByRole('button', { name: label('已通知') }).click();
    await liu.getByText('待回复', { exact: true }).waitFor();
    await page.clock.fastForward('11:00');
    await liu.getByText('超时未回复', { exact: true }).waitFor();
    await c.logRow('系统', '叫应超时：刘志蓉').waitFor();
    await notify.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '97-notification-overdue');

    await pick(c.root.getByLabel('选择已发布的预案'), TYPHOON);
    await c.root.getByRole('button', { name: label('启用预案') }).click();
    await c.level.getByText('未启动响应', { exact: true }).waitFor();
    await c.root.getByTestId('plan-state').waitFor();
    await c.taskRow('派员核实冒烟原因').waitFor();

    await page.keyboard.press('Alt+2');
    await list.locator('.ant-table-row').filter({ hasText: '厂房冒烟，原因待查' }).waitFor();
    await animationsSettled(page);
    await screenshot(page, '92-incident-list');
    await expect(latinWords(page)).resolves.toEqual([]);
  });
  it('fills the 四个一, counts down the 初报, refuses an incomplete report and a signature by the wrong person, then signs and sends it, and a 续报 shows what changed', async () => {
    await openApp(page, baseUrl);
    await signIn(page, '崔伟');
    await openTyphoonIncident(page);
    const c = incidentConsole(page);
    const four = c.root.getByTestId('four-ones');
    await pickPerson(four.getByLabel('一位领导和部门牵头'), '邵嘉蓉');
    await four
      .getByRole('button', { name: label('确定') })
      .nth(0)
      .click();
    await four.getByText(/一位领导和部门牵头：邵嘉蓉/).waitFor();
    const members = four.getByLabel('一个专班跟进');
    await pickPerson(members, '黄欣刚');
    await pickPerson(members, '刘志蓉');
    await four
      .getByRole('button', { name: label('确定') })
      .nth(1)
      .click();
    await four.getByText(/一个专班跟进：黄欣刚、刘志蓉/).waitFor();
    await four.getByLabel('一个专项方案统筹').fill('“海燕”台风防御工作方案');
    await four
      .getByRole('button', { name: label('确定') })
      .nth(2)
      .click();
    await pickPerson(four.getByLabel('一个口径报送发布'), '黄欣刚');
    await four
      .getByRole('button', { name: label('确定') })
      .nth(3)
      .click();
    await c.root.getByTestId('plan-state').getByText('四个一已全部落实').waitFor();
    await c.logRow('信息口径签发人：黄欣刚').waitFor();

    // 一般 by default: the written 初报 is due one hour after the event (02:00), the countdown runs.
    const reports = c.root.getByTestId('incident-reports');
    const written = reports.locator('.report-deadline[data-rule="written-1h"]');
    await written.getByText('时限 11-23 03:00').waitFor();
    await written.getByText(/^剩余 4\d分钟$/).waitFor();

    // Alt+R drafts the 初报 from the 接报; 已经采取的措施 was not reported, so it is missing.
    await page.keyboard.press('Alt+R');
    const editor = page.getByRole('dialog').filter({ hasText: '突发事件信息报告' });
    await editor.waitFor();
    await animationsSettled(page);
    expect(await editor.getByLabel('事件的基本情况和简要经过').inputValue()).toBe(
      '台风“海燕”外围影响，滨江村海水漫堤',
    );
    await editor.getByText(/必填内容未填写：已经采取的措施/).waitFor();
    await editor.getByLabel('报送对象').fill('区委区政府总值班室');
    await editor.getByRole('button', { name: label('保存') }).click();
    await editor.waitFor({ state: 'hidden' });

    // Neither sent nor signed while incomplete; 崔伟 may not sign anyway.
    await reports.locator('.ant-table-row').filter({ hasText: '初报' }).click();
    const sheet = page.getByRole('dialog').filter({ hasText: '初报 · 草稿' });
    await sheet.waitFor();
    await animationsSettled(page);
    await sheet.getByTestId('report-sheet').getByText('（未填写）').waitFor();
    expect(await sheet.getByRole('button', { name: label('报送') }).isDisabled()).toBe(true);
    await sheet.getByRole('button', { name: label('签发') }).hover();
    await page.locator('.ant-tooltip:visible').getByText('报告须由信息口径签发人黄欣刚签发').waitFor();
    await screenshot(page, '93-report-refused');

    await sheet.getByRole('button', { name: label('修改') }).click();
    await editor.waitFor();
    await animationsSettled(page);
    await editor.getByLabel('已经采取的措施').fill('已转移滨江村群众120人，安置在滨江小学');
    await editor.getByRole('button', { name: label('保存') }).click();
    await editor.waitFor({ state: 'hidden' });

    await signIn(page, '黄欣刚');
    await reports.locator('.ant-table-row').filter({ hasText: '初报' }).click();
    await sheet.waitFor();
    await sheet.getByRole('button', { name: label('签发') }).click();
    const signed = page.getByRole('dialog').filter({ hasText: '初报 · 已签发' });
    await signed.getByRole('button', { name: label('报送') }).click();
    const sent = page.getByRole('dialog').filter({ hasText: '初报 · 已报送' });
    await sent.getByText(/签发人：黄欣刚 2026年11月23日/).waitFor();
    await animationsSettled(page);
    await screenshot(page, '94-report-sent');
    await sent.locator('.ant-modal-close').click();
    await written.getByText('已按时报送').waitFor();
    await c
      .logRow('黄欣刚（办公室主任）', '报送初报（书面）至区委区政府总值班室：书面初报（事发单位报县级）按时')
      .waitFor();

    // A 续报 starts from the 初报 and shows what changed.
    await reports.getByRole('button', { name: label('起草续报') }).click();
    await editor.waitFor();
    await animationsSettled(page);
    await editor.getByLabel('人员伤亡、失联和财产损失情况').fill('受伤2人，已送医');
    await editor.getByRole('button', { name: label('保存') }).click();
    await editor.waitFor({ state: 'hidden' });
    await reports.locator('.ant-table-row').filter({ hasText: '续报一' }).click();
    const follow = page.getByRole('dialog').filter({ hasText: '续报一 · 草稿' });
    await follow.getByTestId('report-diff').getByText('与初报相比的变化').waitFor();
    await follow.getByTestId('report-diff').getByText('受伤2人，已送医').waitFor();
    await animationsSettled(page);
    await screenshot(page, '95-follow-up-diff');
    await expect(latinWords(page)).resolves.toEqual([]);
  });
});
