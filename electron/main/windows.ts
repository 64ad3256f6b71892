/**
 * Creating and loading the app's windows. Every window shows the same renderer document; which screen it
 * shows is the hash route. Window titles belong to main, so the page's <title> does not replace them.
 */
import { BrowserWindow } from 'electron';
import { rendererLocation, type RendererLocation, type RendererSource } from './renderer-location';
import { buildAppWindowOptions, buildMainWindowOptions } from './window-options';

export interface WindowContext {
  preloadPath: string;
  source: RendererSource;
  isDev: boolean;
}

/** The main console runs the drill clock and deadline reminders too, so it is not throttled when hidden. */
export function createMainWindow(context: WindowContext): BrowserWindow {
  const window = new BrowserWindow(
    buildMainWindowOptions(context.preloadPath, { backgroundThrottling: false, devTools: context.isDev }),
  );
  prepare(window, rendererLocation(context.source));
  return window;
}

/** Drill screens must keep time while another window has the focus. */
export function openAppWindow(
  context: WindowContext,
  route: string,
  title: string | undefined,
): BrowserWindow {
  const window = new BrowserWindow(
    buildAppWindowOptions(context.preloadPath, title, {
      backgroundThrottling: false,
      devTools: context.isDev,
    }),
  );
  prepare(window, rendererLocation(context.source, route));
  return window;
}

export function focusWindow(window: BrowserWindow): void {
  // restore() on a window that is not minimised would un-maximise it on Windows.
  if (window.isMinimized()) window.restore();
  window.focus();
}

function prepare(window: BrowserWindow, location: RendererLocation): void {
  window.once('ready-to-show', () => window.show());
  window.on('page-title-updated', (event) => event.preventDefault());
  const loading =
    location.kind === 'url'
      ? window.loadURL(location.url)
      : window.loadFile(location.file, { hash: location.hash });
  loading.catch((error: unknown) => console.error('Failed to load the renderer', error));
}
