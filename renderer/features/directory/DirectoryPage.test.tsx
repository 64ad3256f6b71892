import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { databaseWithoutSampleResources, renderApp } from '../../../test/support/render-app';

async function signIn(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: /签到上岗/ }));
  const dialog = await screen.findByRole('dialog');
  await user.type(within(dialog).getByRole('combobox', { name: /人员/ }), name);
  await user.click(await screen.findByTitle(new RegExp(`^${name} ·`)));
  await user.click(within(dialog).getByRole('button', { name: /签\s*到/ }));
  await screen.findByTestId('operator');
}

async function findDrawer(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title, { selector: '.ant-drawer-title' });
  const drawer = heading.closest<HTMLElement>('.ant-drawer-section, .ant-drawer-content');
  if (!drawer) throw new Error(`no drawer titled ${title}`);
  return drawer;
}

describe('directory (通讯录)', () => {
  it('opens in Chinese with the sample district loaded', async () => {
    renderApp();
    expect(await screen.findByRole('tab', { name: '人员' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: /值班值守/ })).toBeTruthy();
    const count = await screen.findByTestId('people-count');
    expect(Number(count.textContent?.match(/\d+/)?.[0])).toBeGreaterThanOrEqual(60);
  });

  it('asks for sign-in before a write, then saves a person that survives a restart', async () => {
    const user = userEvent.setup();
    const { unmount, databaseName, platform } = renderApp({
      databaseName: await databaseWithoutSampleResources(),
    });
    await user.click(await screen.findByRole('button', { name: /新增人员/ }));
    expect(await screen.findByText('请先签到上岗后再进行操作')).toBeTruthy();
    await user.keyboard('{Escape}');

    await signIn(user, '崔伟');
    await user.click(screen.getByRole('button', { name: /新增人员/ }));
    const drawer = await findDrawer('新增人员');
    await user.type(within(drawer).getByLabelText('姓名'), '测试员甲');
    await user.type(within(drawer).getByLabelText('手机'), '1381234');
    await user.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    expect(await within(drawer).findByText('手机号应为 11 位数字，以 13–19 开头')).toBeTruthy();
    expect(screen.queryByRole('cell', { name: '测试员甲' })).toBeNull();

    await user.type(within(drawer).getByLabelText('手机'), '5678');
    await user.type(within(drawer).getAllByRole('combobox')[0]!, '水务');
    await user.click(await screen.findByTitle('区水务局'));
    await user.click(within(drawer).getByRole('button', { name: /保\s*存/ }));
    await user.type(await screen.findByRole('searchbox'), '测试员甲');
    expect(await screen.findByText('测试员甲')).toBeTruthy();
    unmount();

    renderApp({ databaseName, platform });
    await user.type(await screen.findByRole('searchbox'), 'csyj');
    expect(await screen.findByText('测试员甲')).toBeTruthy();
    expect(screen.getByTestId('operator').textContent).toContain('崔伟');
  }, 40_000); // two app starts, a sign-in and typing in jsdom: near the default 20 s on two busy cores
});
