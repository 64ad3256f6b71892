/**
 * Renders the real app over a fresh fake-indexeddb database and a recording fake of the desktop bridge —
 * the only seam faked in renderer tests.
 */
import { render } from '@testing-library/react';
import type { OpenedFile, SaveFileRequest } from '@shared/ipc/contract';
import { App } from '@renderer/app/App';
import type { Platform } from '@renderer/platform/desktop';

export interface FakePlatform extends Platform {
  saved: SaveFileRequest[];
  nextOpenFile: OpenedFile | null;
}

export function fakePlatform(): FakePlatform {
  const platform: FakePlatform = {
    isDesktop: false,
    saved: [],
    nextOpenFile: null,
    openFile: async () => platform.nextOpenFile,
    saveFile: async (request) => {
      platform.saved.push(request);
      return { saved: true, path: request.defaultName };
    },
    printToPdf: async () => ({ saved: false }),
    appInfo: async () => ({
      name: 'Emergency Desk',
      version: 'test',
      platform: 'jsdom',
      electron: '',
      userDataPath: '',
    }),
    openWindow: async () => undefined,
  };
  return platform;
}

let counter = 0;

export function renderApp(options: { databaseName?: string; platform?: FakePlatform; route?: string } = {}) {
  const databaseName = options.databaseName ?? `test-${Date.now()}-${counter++}`;
  const platform = options.platform ?? fakePlatform();
  window.location.hash = options.route ?? '#/directory';
  const view = render(<App platform={platform} databaseName={databaseName} />);
  return { ...view, platform, databaseName };
}
