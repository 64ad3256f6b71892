/**
 * Electron main entry: wiring only. Order matters — the sandbox switch and the single-instance lock come
 * before `ready`, and the web-contents guards are in place before the first window is created.
 */
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { guardWebContents, hardenDefaultSession } from './hardening';
import { registerIpcHandlers } from './ipc-handlers';
import { installMenu } from './menu';
import { resolveDevServerUrl, type RendererSource } from './renderer-location';
import { createMainWindow, focusWindow, openAppWindow, type WindowContext } from './windows';

const APP_ID = 'cn.gov.emergency.desk';

const source: RendererSource = {
  devServerUrl: resolveDevServerUrl(process.env, app.isPackaged),
  rendererFile: join(__dirname, '../renderer/index.html'),
};
const context: WindowContext = {
  preloadPath: join(__dirname, '../preload/index.js'),
  source,
  isDev: !app.isPackaged,
};

app.enableSandbox();
app.setAppUserModelId(APP_ID);

// Two instances would open the same IndexedDB profile and fight over it; the second one hands over instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) focusWindow(mainWindow);
  });
  // Offices run this on Windows and Linux, where closing the last window means quitting; on macOS too,
  // because the drill windows are meaningless without the console.
  app.on('window-all-closed', () => app.quit());
  guardWebContents(source);

  void app.whenReady().then(() => {
    hardenDefaultSession(source);
    installMenu({ isDev: context.isDev, isMac: process.platform === 'darwin' });
    registerIpcHandlers({
      trust: source,
      openAppWindow: (route, title) => {
        openAppWindow(context, route, title);
      },
    });
    mainWindow = createMainWindow(context);
    // Drill windows belong to the console: closing it ends the session.
    mainWindow.on('closed', () => app.quit());
  });
}
