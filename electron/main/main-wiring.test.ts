/**
 * Drives the real `index.ts` wiring against a fake `electron` module (Electron cannot start here): which
 * windows open with which options, which IPC channels exist and that each one is guarded, and that the
 * session and web-contents hooks are attached. The decisions themselves are tested in their own modules.
 */
import { describe, it, expect, afterAll, beforeAll, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPC_CHANNELS } from '@shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '@shared/security/csp';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    emit(name: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(name) ?? []) listener(...args);
    }
  }

  const state = {
    hasLock: true,
    windows: [] as FakeWindow[],
    handlers: new Map<string, Listener>(),
    headersListener: undefined as Listener | undefined,
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    menuTemplate: undefined as unknown,
    quit: 0,
  };

  class FakeWindow extends Emitter {
    loaded: { url?: string; file?: string; hash?: string } = {};
    shown = false;
    minimized = false;
    restored = false;
    focused = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded = { url };
      return Promise.resolve();
    }
    loadFile(file: string, options: { hash?: string }) {
      this.loaded = { file, ...options };
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isMinimized() {
      return this.minimized;
    }
    isDestroyed() {
      return false;
    }
    restore() {
      this.restored = true;
    }
    focus() {
      this.focused = true;
    }
    static fromWebContents() {
      return null;
    }
  }

  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    enableSandbox: () => undefined,
    setAppUserModelId: () => undefined,
    requestSingleInstanceLock: () => state.hasLock,
    quit: () => {
      state.quit += 1;
    },
    whenReady: () => Promise.resolve(),
    getName: () => 'Emergency Desk',
    getVersion: () => '0.1.0',
    getPath: (name: string) => `/fake/${name}`,
    setAboutPanelOptions: () => undefined,
  });

  const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };

  const module = {
    app,
    BrowserWindow: FakeWindow,
    dialog,
    ipcMain: { handle: (channel: string, handler: Listener) => state.handlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => {
        state.menuTemplate = menu;
      },
    },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (listener: Listener) => {
            state.headersListener = listener;
          },
        },
        setPermissionRequestHandler: (handler: Listener) => {
          state.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: Listener) => {
          state.permissionCheck = handler;
        },
      },
    },
  };

  return { state, module, app, dialog, Emitter, FakeWindow };
});

vi.mock('electron', () => fake.module);

const rendererFile = resolve(__dirname, '../renderer/index.html');
const appPage = `${pathToFileURL(rendererFile).href}#/`;
const flush = () => new Promise((done) => setTimeout(done, 0));
const scratch = mkdtempSync(join(tmpdir(), 'ed-wiring-'));

function invoke(channel: string, payload: unknown, senderFrame: { url: string } | null = { url: appPage }) {
  const handler = fake.state.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const sender = { printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')) };
  return Promise.resolve().then(() => handler({ sender, senderFrame }, payload));
}

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

beforeAll(async () => {
  delete process.env['ELECTRON_RENDERER_URL'];
  await import('./index');
  await flush();
});

describe('main process wiring', () => {
  it('opens one hidden, hardened 1440x900 main window on the built renderer, shown when ready', () => {
    expect(fake.state.windows).toHaveLength(1);
    const [main] = fake.state.windows;
    expect(main?.options).toMatchObject({
      title: '应急指挥演练台',
      width: 1440,
      height: 900,
      minWidth: 1100,
      minHeight: 700,
      show: false,
      webPreferences: {
        preload: resolve(__dirname, '../preload/index.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        devTools: false,
      },
    });
    expect(main?.loaded).toEqual({ file: rendererFile, hash: '/' });
    expect(main?.shown).toBe(false);
    main?.emit('ready-to-show');
    expect(main?.shown).toBe(true);
  });

  it('installs the Chinese menu', () => {
    expect((fake.state.menuTemplate as { label: string }[]).map((menu) => menu.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ]);
  });

  it('registers exactly the contract channels', () => {
    expect([...fake.state.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('rejects every channel when the sender is not the app page', async () => {
    for (const channel of Object.values(IPC_CHANNELS)) {
      await expect(invoke(channel, undefined, { url: 'https://evil.example/' })).rejects.toThrow(
        /untrusted frame/,
      );
      await expect(invoke(channel, undefined, null)).rejects.toThrow(/untrusted frame/);
    }
    expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('answers appInfo', async () => {
    await expect(invoke(IPC_CHANNELS.appInfo, undefined)).resolves.toMatchObject({
      name: 'Emergency Desk',
      version: '0.1.0',
      platform: process.platform,
      userDataPath: '/fake/userData',
    });
  });

  it('opens a drill window on its hash route, unthrottled and hardened', async () => {
    await invoke(IPC_CHANNELS.openWindow, { route: '/drills/participant', title: '参演席' });
    const drill = fake.state.windows[1];
    expect(drill?.loaded).toEqual({ file: rendererFile, hash: '/drills/participant' });
    expect(drill?.options).toMatchObject({
      title: '参演席 — 应急指挥演练台',
      webPreferences: { backgroundThrottling: false, sandbox: true, contextIsolation: true },
    });
  });

  it('opens no window for a route that is not an app path', async () => {
    const before = fake.state.windows.length;
    await expect(invoke(IPC_CHANNELS.openWindow, { route: 'https://evil.example' })).rejects.toThrow(
      /invalid request \(route:/,
    );
    expect(fake.state.windows).toHaveLength(before);
  });

  it('saves through the dialog with a cleaned default name, and reports a cancel', async () => {
    const folder = mkdtempSync(join(scratch, 'case-'));
    const target = join(folder, '报告.csv');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await invoke(IPC_CHANNELS.saveFile, {
      defaultName: '../街道/报告',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
      content: '姓名,电话\n',
    });
    expect(result).toEqual({ saved: true, path: target });
    expect(readFileSync(target, 'utf8')).toBe('姓名,电话\n');
    expect(fake.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ defaultPath: join('/fake/documents', '_街道_报告.csv') }),
    );

    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(invoke(IPC_CHANNELS.saveFile, { defaultName: 'x.csv', content: 'x' })).resolves.toEqual({
      saved: false,
    });
  });

  it('prints to PDF and saves it as .pdf', async () => {
    const folder = mkdtempSync(join(scratch, 'case-'));
    const target = join(folder, '首报.pdf');
    fake.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(invoke(IPC_CHANNELS.printToPdf, { defaultName: '首报' })).resolves.toEqual({
      saved: true,
      path: target,
    });
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
    expect(fake.dialog.showSaveDialog).toHaveBeenLastCalledWith(
      expect.objectContaining({ defaultPath: join('/fake/documents', '首报.pdf') }),
    );
  });

  it('opens a file of a requested type and refuses one outside the filters', async () => {
    const folder = mkdtempSync(join(scratch, 'case-'));
    const csv = join(folder, '通讯录.csv');
    const key = join(folder, 'id_rsa');
    writeFileSync(csv, 'a,b');
    writeFileSync(key, 'secret');
    const filters = [{ name: 'CSV', extensions: ['csv'] }];

    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [csv] });
    const opened = (await invoke(IPC_CHANNELS.openFile, { filters })) as { name: string; bytes: Uint8Array };
    expect(opened.name).toBe('通讯录.csv');
    expect(new TextDecoder().decode(opened.bytes)).toBe('a,b');

    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [key] });
    await expect(invoke(IPC_CHANNELS.openFile, { filters })).rejects.toThrow(/not one of the requested/);

    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(invoke(IPC_CHANNELS.openFile, {})).resolves.toBeNull();
  });

  it('sends the CSP header and denies every permission', () => {
    const callback = vi.fn();
    fake.state.headersListener?.({ responseHeaders: { 'content-type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'content-type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
    const decide = vi.fn();
    fake.state.permissionRequest?.({}, 'media', decide, {});
    expect(decide).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheck?.({}, 'clipboard-read', 'file://', {})).toBe(false);
  });

  it('guards every new web contents: no popups, no foreign navigation, no webviews', () => {
    const contents = Object.assign(new fake.Emitter(), { setWindowOpenHandler: vi.fn() });
    fake.app.emit('web-contents-created', {}, contents);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => unknown;
    expect(openHandler()).toEqual({ action: 'deny' });

    const navigate = (name: string, url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit(name, event);
      return event.preventDefault.mock.calls.length > 0;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(name, 'https://evil.example/')).toBe(true);
      expect(navigate(name, 'file:///etc/passwd')).toBe(true);
      expect(navigate(name, appPage)).toBe(false);
    }
    warn.mockRestore();
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('brings the main window back when a second instance starts', () => {
    const [main] = fake.state.windows;
    if (!main) throw new Error('no main window');
    main.minimized = true;
    fake.app.emit('second-instance');
    expect(main.restored).toBe(true);
    expect(main.focused).toBe(true);
  });

  it('quits when the main window closes, taking drill windows with it', () => {
    const before = fake.state.quit;
    fake.state.windows[0]?.emit('closed');
    expect(fake.state.quit).toBe(before + 1);
  });
});

describe('a second instance', () => {
  it('quits at once without opening a window', async () => {
    vi.resetModules();
    fake.state.hasLock = false;
    fake.state.windows.length = 0;
    const quitsBefore = fake.state.quit;
    await import('./index');
    await flush();
    expect(fake.state.quit).toBe(quitsBefore + 1);
    expect(fake.state.windows).toHaveLength(0);
  });
});
