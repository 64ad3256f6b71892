/**
 * BrowserWindow options in one place, so every window the app opens gets the same hardened webPreferences
 * and the unit tests can hold each setting in place.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export const APP_TITLE = '应急指挥演练台';

export interface WebPreferenceOptions {
  /**
   * Drill windows and the main console run the drill clock and report deadlines; a throttled hidden window
   * wakes about once a second, and after five hidden minutes Chromium may batch timers to once a minute.
   */
  backgroundThrottling: boolean;
  /** Only unpackaged runs get DevTools: in the field they would let anyone run code beside the bridge. */
  devTools?: boolean;
}

export function buildWebPreferences(preloadPath: string, options: WebPreferenceOptions): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    enableWebSQL: false,
    plugins: false,
    devTools: options.devTools ?? false,
    backgroundThrottling: options.backgroundThrottling,
  };
}

export function buildMainWindowOptions(
  preloadPath: string,
  options: WebPreferenceOptions,
): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    width: 1440,
    height: 900,
    minWidth: 1100,
    minHeight: 700,
    // Shown on 'ready-to-show' so the office never sees a blank white frame while the renderer boots.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(preloadPath, options),
  };
}

export function buildAppWindowOptions(
  preloadPath: string,
  title: string | undefined,
  options: WebPreferenceOptions,
): BrowserWindowConstructorOptions {
  return {
    title: title ? `${title} — ${APP_TITLE}` : APP_TITLE,
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: buildWebPreferences(preloadPath, options),
  };
}
