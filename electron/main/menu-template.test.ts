import { describe, it, expect } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menu-template';

const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label);
const submenu = (items: MenuItemConstructorOptions[], label: string) => {
  const menu = items.find((item) => item.label === label)?.submenu;
  if (!Array.isArray(menu)) throw new Error(`no submenu ${label}`);
  return menu;
};
const roles = (items: MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  const production = buildMenuTemplate({ isDev: false, isMac: false });

  it('has the five Chinese top-level menus in order', () => {
    expect(labels(production)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('offers 退出 in 文件', () => {
    expect(submenu(production, '文件')).toEqual([{ label: '退出', role: 'quit' }]);
  });

  it('uses the standard edit roles so shortcuts and the clipboard work in inputs', () => {
    expect(roles(submenu(production, '编辑'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
  });

  it('labels every item that is not a separator in Chinese', () => {
    const all = production.flatMap((menu) => [menu, ...(Array.isArray(menu.submenu) ? menu.submenu : [])]);
    for (const item of all.filter((entry) => entry.type !== 'separator')) {
      expect(item.label).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('keeps reload and DevTools out of production builds', () => {
    expect(roles(submenu(production, '视图'))).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('adds reload and DevTools in development', () => {
    const dev = buildMenuTemplate({ isDev: true, isMac: false });
    expect(roles(submenu(dev, '视图'))).toEqual([
      'reload',
      'forceReload',
      'toggleDevTools',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('puts an app menu first on macOS, where quitting lives', () => {
    const mac = buildMenuTemplate({ isDev: false, isMac: true });
    expect(mac[0]).toEqual({ label: '应急指挥演练台', role: 'appMenu' });
    expect(labels(mac).slice(1)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(roles(submenu(mac, '文件'))).toEqual(['close']);
  });
});
