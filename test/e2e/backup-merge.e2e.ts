import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  createBackupBundle,
  type BackupBundle,
  type TableRows,
} from '../../shared/domain/backup/backup-bundle';
import { sealEntry, type LogEntry } from '../../shared/domain/incident/log-chain';
import type { Person } from '../../shared/domain/org/types';
import { launchBrowser, screenshot, type BrowserSession } from './harness';
import { editPerson, findPerson, openApp, signIn } from './drivers';
import {
  databaseCard,
  exportAllData,
  latestAuditRow,
  messageShown,
  restoreConfirmDialog,
  waitForTableCount,
  waitUntilSettled,
} from './settings-drivers';

const baseUrl = inject('baseUrl');
const author = { personId: 'p', name: '崔伟', positionId: 'x', positionName: '值班员' };

function logOf(incidentId: string, texts: readonly string[]): LogEntry[] {
  const entries: LogEntry[] = [];
  texts.forEach((text, i) => {
    const input = {
      at: 1_700_000_000_000 + i,
      author,
      category: 'note' as const,
      text,
      links: [],
      corrects: null,
    };
    entries.push(sealEntry(input, entries.at(-1) ?? null, { id: `${incidentId}-log-${i + 1}`, incidentId }));
  });
  return entries;
}

/** Two closed incidents (no deadline ticker touches them), each with the log `lines` gives it. */
function withIncidents(bundle: BackupBundle, lines: Record<'i1' | 'i2', string[]>): TableRows {
  const incident = (id: 'i1' | 'i2', serial: string, title: string) => ({
    id,
    serial,
    title,
    place: '南山街道',
    category: 'natural',
    occurredAt: 1_700_000_000_000,
    receivedAt: 1_700_000_000_000,
    grade: 'general',
    flaggedDeadlines: [],
    intakeId: null,
    plan: null,
    status: 'closed',
    level: null,
    phase: 'monitoring',
    eventCount: 0,
    logCount: lines[id].length,
    createdAt: 1_700_000_000_000,
    createdBy: author,
    updatedAt: 1_700_000_000_000,
    updatedBy: author,
  });
  return {
    ...bundle.tables,
    incidents: [incident('i1', '2026-0001', '山体滑坡'), incident('i2', '2026-0002', '城区内涝')],
    incidentLog: [...logOf('i1', lines.i1), ...logOf('i2', lines.i2)],
  };
}

async function writeBundle(dir: string, name: string, bundle: BackupBundle): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(await createBackupBundle(bundle)));
  return path;
}

async function chooseFile(session: BrowserSession, button: RegExp, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    session.page.waitForEvent('filechooser'),
    databaseCard(session.page).getByRole('button', { name: button }).click(),
  ]);
  await chooser.setFiles(path);
}

describe('merging a backup from another machine', () => {
  let session: BrowserSession;
  beforeEach(async () => {
    session = await launchBrowser();
  });
  afterEach(async () => {
    await session.close();
  });

  it('shows the conflict, merges both machines’ log lines once each and keeps the phone a person chose', async () => {
    const { page } = session;
    const dir = mkdtempSync(join(tmpdir(), 'ed-merge-'));
    await openApp(page, baseUrl, '/settings');
    await signIn(page, '崔伟');
    await waitForTableCount(page, '人员', 96);
    const { bundle: sample } = await exportAllData(page);
    const people = sample.tables['people'] as Person[];
    const person = people.find((p) => p.name !== '崔伟' && p.mobile !== '')!;

    // This machine: incident 1 got a line here. The field vehicle: incident 2 got one there, and the same
    // person's phone was changed on each machine.
    const local = await writeBundle(dir, '本机数据.json', {
      ...sample,
      tables: withIncidents(sample, { i1: ['接报：山体滑坡', '本机：转移群众30人'], i2: ['接报：城区内涝'] }),
    });
    const fieldTables = withIncidents(sample, {
      i1: ['接报：山体滑坡'],
      i2: ['接报：城区内涝', '外出车：排涝泵到场'],
    });
    fieldTables['people'] = people.map((p) =>
      p.id === person.id ? { ...p, mobile: '13900000002', updatedAt: p.updatedAt + 60_000 } : p,
    );
    const field = await writeBundle(dir, '外出车-20260512.json', {
      ...sample,
      jurisdiction: '示范区外出指挥车',
      exportedBy: '李强（现场指挥）',
      exportedAt: sample.exportedAt + 3_600_000,
      tables: fieldTables,
    });

    // Only a 系统管理员 restores (it replaces the directory and its roles); the 值班员 merges.
    await signIn(page, '邵嘉蓉');
    await chooseFile(session, /从备份文件恢复/, local);
    await restoreConfirmDialog(page)
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await messageShown(page, '已从备份恢复');
    await signIn(page, '崔伟');
    await waitForTableCount(page, '处置日志', 3);
    await page.getByRole('menuitem', { name: /通讯录/ }).click();
    await editPerson(page, person.name, { mobile: '13900000001' });
    await page.getByRole('menuitem', { name: /设置/ }).click();

    await chooseFile(session, /合并导入/, field);
    const dialog = page.getByRole('dialog').filter({ hasText: '合并导入备份' });
    await waitUntilSettled(dialog);
    await expect
      .poll(() => dialog.locator('.ant-descriptions').innerText())
      .toMatch(/外出车-20260512\.json[\s\S]*示范区外出指挥车[\s\S]*李强（现场指挥）/);
    const counts = dialog.getByTestId('merge-counts');
    await expect
      .poll(() => counts.locator('tr').filter({ hasText: '处置日志' }).innerText())
      .toMatch(/处置日志\s+1\s+2\s/);
    const conflict = dialog.getByTestId('merge-conflicts').locator('.ant-table-row');
    await expect(conflict.count()).resolves.toBe(1);
    await expect(conflict.innerText()).resolves.toMatch(
      new RegExp(`${person.name}[\\s\\S]*13900000001[\\s\\S]*13900000002`),
    );
    const start = dialog.getByRole('button', { name: '开始合并' });
    await expect(start.isDisabled()).resolves.toBe(true);
    await screenshot(page, '290-merge-preview');

    await conflict.getByText('采用导入').click();
    await start.click();
    await dialog.getByTestId('merge-result').waitFor();
    await expect(dialog.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await expect(dialog.getByTestId('merge-result').innerText()).resolves.toMatch(/合并完成：新增 \d+ 条/);
    await waitUntilSettled(dialog.getByTestId('merge-result'));
    await screenshot(page, '291-merge-done');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关\s*闭/ })
      .click();

    await page.reload();
    await waitForTableCount(page, '处置日志', 4);
    await expect.poll(() => latestAuditRow(page).innerText()).toMatch(/崔伟（值班员）[\s\S]*合并导入/);
    const { bundle: after } = await exportAllData(page);
    const texts = (after.tables['incidentLog'] as LogEntry[]).map((e) => e.text).sort();
    expect(texts).toEqual(
      ['外出车：排涝泵到场', '接报：城区内涝', '接报：山体滑坡', '本机：转移群众30人'].sort(),
    );
    expect((after.tables['people'] as Person[]).find((p) => p.id === person.id)?.mobile).toBe('13900000002');

    // The same file again adds nothing.
    await chooseFile(session, /合并导入/, field);
    await waitUntilSettled(dialog);
    await dialog.getByText('导入文件中的记录本机都已有').waitFor();
    await screenshot(page, '292-merge-again-nothing');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    await page.getByRole('menuitem', { name: /通讯录/ }).click();
    const row = await findPerson(page, person.name);
    await expect(row.innerText()).resolves.toContain('13900000002');
    expect(session.errors).toEqual([]);
  });

  it('names the file it refuses', async () => {
    const { page } = session;
    const path = join(mkdtempSync(join(tmpdir(), 'ed-merge-')), '不是备份.json');
    writeFileSync(path, '{"hello":1}');
    await openApp(page, baseUrl, '/settings');
    await signIn(page, '崔伟');
    await chooseFile(session, /合并导入/, path);
    await messageShown(page, '「不是备份.json」：该文件不是应急指挥演练台的备份文件');
    await screenshot(page, '293-merge-file-refused');
    expect(session.errors).toEqual([]);
  });
});
