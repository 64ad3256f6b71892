import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { readArchivePackage, type ArchivePackage } from '@shared/domain/archive/archive-package';
import { animationsSettled, auditRows, auditTrail, label, openApp, signIn } from './drivers';
import { freshBrowserEachTest } from './browser-per-test';
import { screenshot } from './harness';
import {
  TYPHOON,
  TYPHOON_CALL,
  incidentConsole,
  pick,
  recordIntake,
  turnIntoIncident,
} from './incident-drivers';
import { latinWords, simulator } from './plan-drivers';
import { messageShown, waitUntilSettled } from './settings-drivers';

const baseUrl = inject('baseUrl');
/** 02:15 at night, local time of the browser: a typhoon report comes in. */
const NOW = new Date('2026-11-23T02:15:00');
const TITLE = TYPHOON_CALL.nature;

let page: Page;

freshBrowserEachTest(NOW, (fresh) => {
  page = fresh.page;
});

/** 王建国 calls about the typhoon (two injured); the duty officer turns the call into an incident. */
async function openIncidentFromCall(): Promise<void> {
  await recordIntake(page, { ...TYPHOON_CALL, injured: 2 });
  const dialog = await turnIntoIncident(
    page,
    page.getByTestId('intake-register').locator('.ant-table-row').first(),
  );
  await pick(page, dialog.getByLabel('启用预案'), TYPHOON);
  await dialog.getByRole('button', { name: label('保存') }).click();
  await page.locator('.incident-console').getByTestId('incident-header').waitFor();
}

/** Ⅳ approved by the secretary-general, the typhoon passes, she ends the response and closes the case. */
async function runToClosed(): Promise<void> {
  const sim = simulator(page, '.incident-console');
  await sim.issueWarning('台风', '橙色');
  await sim.record('台风中心附近最大风力', 9);
  await signIn(page, '邵嘉蓉');
  await expect(sim.approve()).resolves.toBe('Ⅳ级响应');
  await sim.record('台风已过境、影响基本结束', true);
  const ending = await sim.openReasonDialog('宣布响应终止');
  await ending.getByLabel('理由').fill('台风已过境，影响基本结束');
  await ending.getByRole('button', { name: label('确定') }).click();
  await ending.waitFor({ state: 'hidden' });
  await sim.decision('转入善后评估').click();
  await sim.phase.getByText('善后评估', { exact: true }).waitFor();
  await sim.decision('关闭').click();
  await incidentConsole(page).header.getByText('已结案', { exact: true }).waitFor();
}

/** Clicks 导出归档包 in the closing panel and reads the downloaded file back as text. */
async function exportArchive(): Promise<{ fileName: string; text: string }> {
  const closing = incidentConsole(page).root.getByTestId('incident-closing');
  await closing.waitFor();
  await animationsSettled(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    closing.getByRole('button', { name: label('导出归档包') }).click(),
  ]);
  const saved = join(mkdtempSync(join(tmpdir(), 'ed-archive-')), 'archive.json');
  await download.saveAs(saved);
  return { fileName: download.suggestedFilename(), text: readFileSync(saved, 'utf8') };
}

async function verified(text: string): Promise<ArchivePackage> {
  const read = await readArchivePackage(text);
  if (!read.ok) throw new Error(read.message);
  return read.archive;
}

const intakeRow = () => page.getByTestId('intake-register').locator('.ant-table-row').first();

describe('归档包与个人信息清除', () => {
  it('exports a closed incident’s archive that verifies in Node, clears the caller’s name and phone after typed confirmation, keeps counts and the log chain, across a reload, in the audit trail', async () => {
    await openApp(page, baseUrl, '/duty');
    await signIn(page, '崔伟');
    await openIncidentFromCall();
    await runToClosed();
    const c = incidentConsole(page);

    // 导出归档包: the downloaded file verifies here, outside the app, and holds the caller as recorded.
    const { fileName, text } = await exportArchive();
    expect(fileName).toBe(`归档包-事件-2026-0001-${TITLE}-20261123.json`);
    const archive = await verified(text);
    expect(archive).toMatchObject({
      kind: 'incident',
      subject: { serial: '2026-0001', title: TITLE },
      exportedBy: '邵嘉蓉（秘书长）',
      manifest: { incidents: 1, intakes: 1, plans: 1 },
    });
    expect(archive.logChecks).toEqual([
      { incidentId: archive.subject.id, check: { ok: true, count: archive.manifest['incidentLog'] } },
    ]);
    expect(archive.tables['intakes']).toEqual([
      expect.objectContaining({ sourcePerson: '王建国', sourcePhone: '13912345678', injured: 2 }),
    ]);
    // The same file cut short, or with a count edited, is refused with a reason.
    expect(await readArchivePackage(text.slice(0, text.length - 200))).toMatchObject({
      ok: false,
      message: '文件不完整或已损坏，无法解析（可能在复制或下载时被截断）',
    });
    expect(await readArchivePackage(text.replace('"injured": 2', '"injured": 0'))).toMatchObject({
      ok: false,
      message: '校验失败：归档包内容已被修改或不完整',
    });
    const checksum = archive.checksum.slice(0, 8);
    await messageShown(page, `校验码 ${checksum}`);
    await c
      .logRow(
        '邵嘉蓉（秘书长）',
        `已生成归档包（日志${archive.manifest['incidentLog']}条，哈希链完整；校验码 ${checksum}）`,
      )
      .waitFor();

    // 清除个人信息: the dialog says what goes and what stays, and clears only once the word is typed.
    const closing = c.root.getByTestId('incident-closing');
    await closing.getByRole('button', { name: label('清除个人信息') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '清除个人信息（不可撤销）' });
    await waitUntilSettled(dialog);
    await dialog.getByText('将清除 1 名报告人的姓名和电话（接报 2026-0001）。').waitFor();
    await dialog.getByText(/^保留：伤亡、损失等人数/).waitFor();
    const clear = dialog.getByRole('button', { name: label('清除') });
    await expect(clear.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('确认清除').fill('清除');
    await expect(clear.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('确认清除').fill('确认清除');
    await animationsSettled(page);
    await screenshot(page, '260-archive-purge-confirm');
    await clear.click();
    await dialog.waitFor({ state: 'hidden' });
    await messageShown(page, '已清除 1 名报告人的姓名和电话');
    const purgeLine = c.logRow(
      '邵嘉蓉（秘书长）',
      '清除个人信息：已清除 1 名报告人的姓名和电话（接报 2026-0001）；伤亡、损失等人数保留。操作人：邵嘉蓉（秘书长）',
    );
    await purgeLine.waitFor();
    await closing.getByText(/^个人信息已于 2026-11-23 \d\d:\d\d 清除，人数统计保留。$/).waitFor();

    // Nothing is left to clear: a second attempt is offered nothing and writes nothing.
    await closing.getByRole('button', { name: label('清除个人信息') }).click();
    await waitUntilSettled(dialog);
    await dialog.getByText(/^没有需要清除的个人信息/).waitFor();
    await expect(dialog.getByRole('button', { name: label('清除') }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('button', { name: label('取消') }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The log is evidence: its chain still verifies with the purge line in it.
    await c.log.getByRole('button', { name: label('校验日志') }).click();
    await c.log
      .getByTestId('log-verify-result')
      .getByText(/^日志完整：共 \d+ 条，哈希链未被改动$/)
      .waitFor();
    await closing.scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '261-archive-purged-console');

    // After a reload the 接报 no longer shows the caller, and the casualties stay.
    await page.reload();
    await page.getByRole('menuitem', { name: '值班值守' }).click();
    await intakeRow().getByText('受伤2人').waitFor();
    await intakeRow().getByText('〔已清除〕').waitFor();
    const row = await intakeRow().innerText();
    expect(row).not.toContain('王建国');
    expect(row).not.toContain('13912345678');
    await animationsSettled(page);
    await screenshot(page, '262-archive-intake-cleared');
    // (Not on the console: a checksum's hex digits may spell a Latin word there.)
    await expect(latinWords(page)).resolves.toEqual([]);

    // The audit trail names both acts and who did them.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await auditRows(
      page,
      '邵嘉蓉（秘书长）',
      '清除个人信息',
      '2026-0001 已清除 1 名报告人的姓名和电话',
    ).waitFor();
    await auditRows(page, '邵嘉蓉（秘书长）', '生成归档包', checksum).waitFor();
    await auditTrail(page).scrollIntoViewIfNeeded();
    await animationsSettled(page);
    await screenshot(page, '263-archive-audit-trail');

    // An archive made now carries the cleared intake and a log whose chain still verifies.
    await page.getByRole('menuitem', { name: '事件指挥' }).click();
    await page.getByTestId('incident-list').locator('.ant-table-row').filter({ hasText: TITLE }).click();
    const after = await verified((await exportArchive()).text);
    expect(after.tables['intakes']).toEqual([
      expect.objectContaining({ sourcePerson: '〔已清除〕', sourcePhone: '', injured: 2 }),
    ]);
    expect(after.logChecks[0]?.check).toMatchObject({ ok: true });
  });
});
