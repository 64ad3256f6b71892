/**
 * The application menu as data: Chinese labels over Electron's standard roles, so the platform supplies the
 * behaviour and shortcuts. Reload and DevTools appear only in development: a reload in the field would throw
 * away a half-typed report.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { APP_TITLE } from './window-options';

export interface MenuOptions {
  isDev: boolean;
  /** macOS puts the first menu under the application's name, so it needs its own app menu first. */
  isMac: boolean;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate({ isDev, isMac }: MenuOptions): MenuItemConstructorOptions[] {
  const macAppMenu: MenuItemConstructorOptions[] = isMac ? [{ label: APP_TITLE, role: 'appMenu' }] : [];
  const developerItems: MenuItemConstructorOptions[] = isDev
    ? [
        { label: '重新加载', role: 'reload' },
        { label: '强制重新加载', role: 'forceReload' },
        { label: '开发者工具', role: 'toggleDevTools' },
        separator,
      ]
    : [];
  return [
    ...macAppMenu,
    {
      label: '文件',
      submenu: [isMac ? { label: '关闭窗口', role: 'close' } : { label: '退出', role: 'quit' }],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        separator,
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...developerItems,
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        separator,
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '窗口',
      role: 'window',
      submenu: [
        { label: '最小化', role: 'minimize' },
        { label: '关闭', role: 'close' },
      ],
    },
    {
      label: '帮助',
      role: 'help',
      submenu: [{ label: `关于${APP_TITLE}`, role: 'about' }],
    },
  ];
}
