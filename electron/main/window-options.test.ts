import { describe, it, expect } from 'vitest';
import {
  APP_TITLE,
  buildAppWindowOptions,
  buildMainWindowOptions,
  buildWebPreferences,
} from './window-options';

const preload = '/app/out/preload/index.js';

describe('buildWebPreferences', () => {
  const prefs = buildWebPreferences(preload, { backgroundThrottling: true });

  it('loads the preload bridge', () => {
    expect(prefs.preload).toBe(preload);
  });

  it('isolates the page from the preload and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });

  it('gives no Node.js to pages, workers or frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and mixed content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('turns off webview, experimental features, plugins, WebSQL and spellcheck', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.plugins).toBe(false);
    expect(prefs.enableWebSQL).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('does not navigate to files dropped on the window, and lets users silence dialog loops', () => {
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
  });

  it('enables nothing through Blink feature switches', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('leaves DevTools off unless asked for', () => {
    expect(prefs.devTools).toBe(false);
    expect(buildWebPreferences(preload, { backgroundThrottling: true, devTools: true }).devTools).toBe(true);
  });

  it('passes background throttling through', () => {
    expect(prefs.backgroundThrottling).toBe(true);
    expect(buildWebPreferences(preload, { backgroundThrottling: false }).backgroundThrottling).toBe(false);
  });
});

describe('window options', () => {
  it('opens the main window at 1440x900, no smaller than 1100x700, hidden until ready', () => {
    const options = buildMainWindowOptions(preload, { backgroundThrottling: false });
    expect(options).toMatchObject({
      title: APP_TITLE,
      width: 1440,
      height: 900,
      minWidth: 1100,
      minHeight: 700,
      show: false,
    });
    expect(options.webPreferences).toEqual(buildWebPreferences(preload, { backgroundThrottling: false }));
  });

  it('gives app windows the same hardened preferences and a titled frame', () => {
    const options = buildAppWindowOptions(preload, '演练参演席', { backgroundThrottling: false });
    expect(options.title).toBe(`演练参演席 — ${APP_TITLE}`);
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(buildWebPreferences(preload, { backgroundThrottling: false }));
    expect(buildAppWindowOptions(preload, undefined, { backgroundThrottling: false }).title).toBe(APP_TITLE);
    expect(buildAppWindowOptions(preload, '', { backgroundThrottling: false }).title).toBe(APP_TITLE);
  });
});
