import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Inject } from '@shared/domain/drill/scenario';
import { createI18n } from '@renderer/i18n/i18n';
import { drillsScriptZhCN } from '@renderer/i18n/drills-script.zh-CN';
import { ServicesProvider, type Services } from '@renderer/services/services';
import { fakePlatform } from '../../../../test/support/render-app';
import { exportScript } from './export-script';
import { ImportScriptDialog } from './ImportScriptDialog';

function renderDialog(fileName: string, content: string | Uint8Array) {
  const platform = fakePlatform();
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  platform.nextOpenFile = { name: fileName, bytes };
  const i18n = createI18n('zh-CN');
  i18n.addResourceBundle('zh-CN', 'translation', { drills: { script: drillsScriptZhCN } }, true, false);
  // The dialog reaches nothing but the desktop bridge; it hands the injects to its caller to store. The
  // window's session feed reads who is signed in: nobody.
  const settings = { getSession: async () => null } as Partial<Services['settings']> as Services['settings'];
  const services = { platform, settings } as Partial<Services> as Services;
  const onImport = vi.fn<(injects: Inject[]) => Promise<void>>(async () => undefined);
  const onClose = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <AntApp>
        <ServicesProvider services={services}>
          <ImportScriptDialog open onClose={onClose} onImport={onImport} />
        </ServicesProvider>
      </AntApp>
    </I18nextProvider>,
  );
  return { onImport, onClose, user: userEvent.setup() };
}

const csv = [
  '序号,情景时间,事件,发送方,接收方,方式,预期响应',
  '1,T+0,化工园区储罐泄漏起火,园区企业,区应急局值班室,电话,15分钟内电话报告（15分钟）；启动响应',
  '2,T+20,现场2人受伤,现场指挥部,总指挥,飞鸽传书,',
  '3,T+1h,风向转为东南风,区气象局,总指挥,短信,研判疏散范围',
].join('\r\n');

describe('importing a drill script', () => {
  it('marks the bad cell of a bad row and imports the good rows once they are skipped', async () => {
    const { onImport, onClose, user } = renderDialog('脚本.csv', csv);
    await user.click(await screen.findByRole('button', { name: '选择文件…' }));

    const summary = await screen.findByTestId('script-summary');
    expect(summary.textContent).toContain('共 3 行：可导入 2 行，1 行有误（1 处）');
    const preview = screen.getByTestId('script-preview');
    const bad = within(preview).getByText(/“飞鸽传书”不是可选的方式/);
    expect(bad.closest('td')?.className).toContain('script-cell-bad');
    expect(within(bad.closest('tr')!).getByText('第3行')).toBeTruthy();
    expect(within(bad.closest('tr')!).getByText('有误')).toBeTruthy();

    const importButton = screen.getByRole('button', { name: /导入 2 条/ });
    expect(importButton.hasAttribute('disabled')).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: '跳过 1 行有误的行' }));
    await user.click(importButton);

    await waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    const injects = onImport.mock.calls[0]![0];
    expect(injects.map((i) => [i.no, i.offsetMs, i.method, i.text])).toEqual([
      ['1', 0, 'phone', '化工园区储罐泄漏起火'],
      ['3', 3_600_000, 'sms', '风向转为东南风'],
    ]);
    expect(injects[0]!.expectedActions.map((a) => [a.text, a.windowMinutes])).toEqual([
      ['15分钟内电话报告', 15],
      ['启动响应', 30],
    ]);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('names the file it refuses: a damaged workbook and a sheet without data rows, importing nothing', async () => {
    const damaged = renderDialog('演练脚本-损坏.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    await damaged.user.click(await screen.findByRole('button', { name: '选择文件…' }));
    expect((await screen.findByText(/^「演练脚本-损坏\.xlsx」：无法读取/)).textContent).not.toContain(
      'Error',
    );
    expect(damaged.onImport).not.toHaveBeenCalled();
    cleanup();

    const empty = renderDialog('空脚本.csv', '序号,情景时间,事件\r\n,,\r\n');
    await empty.user.click(await screen.findByRole('button', { name: '选择文件…' }));
    await screen.findByText('「空脚本.csv」中没有数据行');
    expect(empty.onImport).not.toHaveBeenCalled();
  });

  it('asks for the content column when no header names it, and checks again once it is mapped', async () => {
    const { onImport, user } = renderDialog('脚本.csv', '时间,说明\r\n09:40,接到报警\r\n10:05,现场反馈');
    await user.click(await screen.findByRole('button', { name: '选择文件…' }));

    expect((await screen.findByTestId('script-header-issues')).textContent).toContain('情况内容');
    expect(screen.getByRole('button', { name: /导入 0 条/ }).hasAttribute('disabled')).toBe(true);

    await user.click(screen.getByRole('combobox', { name: '说明' }));
    await user.click(await screen.findByTitle('情况内容'));

    expect((await screen.findByTestId('script-summary')).textContent).toContain('共 2 行，全部可以导入');
    await user.click(screen.getByRole('button', { name: /导入 2 条/ }));
    await waitFor(() => expect(onImport).toHaveBeenCalledTimes(1));
    expect(onImport.mock.calls[0]![0].map((i) => [i.offsetMs, i.clockTime, i.text])).toEqual([
      [0, '09:40', '接到报警'],
      [25 * 60_000, '10:05', '现场反馈'],
    ]);
  });

  it('reads back an exported XLSX script unchanged', async () => {
    const first = renderDialog('脚本.csv', csv);
    await first.user.click(await screen.findByRole('button', { name: '选择文件…' }));
    await first.user.click(await screen.findByRole('checkbox', { name: '跳过 1 行有误的行' }));
    await first.user.click(screen.getByRole('button', { name: /导入 2 条/ }));
    await waitFor(() => expect(first.onImport).toHaveBeenCalledTimes(1));
    const original = first.onImport.mock.calls[0]![0];

    const platform = fakePlatform();
    await exportScript(original, '危化品泄漏桌面推演', 'xlsx', platform);
    expect(platform.saved[0]?.defaultName).toBe('危化品泄漏桌面推演-演练脚本.xlsx');
    cleanup();

    const second = renderDialog('危化品泄漏桌面推演-演练脚本.xlsx', platform.saved[0]!.content as Uint8Array);
    await second.user.click(await screen.findByRole('button', { name: '选择文件…' }));
    expect((await screen.findByTestId('script-summary')).textContent).toContain('共 2 行，全部可以导入');
    await second.user.click(screen.getByRole('button', { name: /导入 2 条/ }));
    await waitFor(() => expect(second.onImport).toHaveBeenCalledTimes(1));
    const withoutIds = (injects: Inject[]) =>
      injects.map(({ id: _id, expectedActions, ...rest }) => ({
        ...rest,
        expectedActions: expectedActions.map(({ id: _a, ...a }) => a),
      }));
    expect(withoutIds(second.onImport.mock.calls[0]![0])).toEqual(withoutIds(original));
  });
});
