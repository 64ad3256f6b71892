/**
 * Renders the real app over a fresh fake-indexeddb database and a recording fake of the desktop bridge —
 * the only seam faked in renderer tests.
 */
import { render } from '@testing-library/react';
import type { OpenedFile, SaveFileRequest } from '@shared/ipc/contract';
import { App } from '@renderer/app/App';
import { EmergencyDeskDatabase } from '@renderer/db/database';
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

function newDatabaseName(): string {
  return `test-${Date.now()}-${counter++}`;
}

/**
 * A database whose sample resources count as loaded, for tests that never look at resources. The app loads
 * them behind the home screen in one transaction that also holds the settings and audit stores: a moment in
 * a browser, 10–30 s in jsdom over fake-indexeddb on two busy cores, and every write meanwhile (a sign-in
 * too) waits behind it.
 */
export async function databaseWithoutSampleResources(): Promise<string> {
  const name = newDatabaseName();
  const db = new EmergencyDeskDatabase(name);
  await db.settings.put({ key: 'sampleResourcesSeededAt', value: 0 });
  db.close();
  return name;
}

export function renderApp(options: { databaseName?: string; platform?: FakePlatform; route?: string } = {}) {
  const databaseName = options.databaseName ?? newDatabaseName();
  const platform = options.platform ?? fakePlatform();
  window.location.hash = options.route ?? '#/directory';
  const view = render(<App platform={platform} databaseName={databaseName} />);
  return { ...view, platform, databaseName };
}
