import { Menu, app } from 'electron';
import { buildMenuTemplate, type MenuOptions } from './menu-template';
import { APP_TITLE } from './window-options';

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
  app.setAboutPanelOptions({
    applicationName: APP_TITLE,
    applicationVersion: app.getVersion(),
    copyright: '应急指挥演练台 — 离线应急指挥与演练',
  });
}
