/**
 * Every channel of the contract, called from the app's own page with a malformed payload, is refused by
 * main before anything happens: no dialog, no PDF, no file read or written, no window. The tables are keyed
 * by `IpcChannel`, so a channel added to the contract does not compile here until it has bad payloads to
 * refuse and a good one to accept.
 */
import { describe, it, expect, beforeAll, beforeEach, vi } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '@shared/ipc/contract';
import { IpcRequestError } from './ipc-guard';
import { registerIpcHandlers } from './ipc-handlers';
import type { TrustOptions } from './trusted-url';

type Handler = (event: unknown, payload: unknown) => unknown;

const fake = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  dialog: {
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })),
  },
  fileIo: { readOpenedFile: vi.fn(), writeFileAtomically: vi.fn() },
}));

vi.mock('electron', () => ({
  app: {
    getName: () => 'Emergency Desk',
    getVersion: () => '0.1.0',
    getPath: (name: string) => `/fake/${name}`,
  },
  BrowserWindow: { fromWebContents: () => null },
  dialog: fake.dialog,
  ipcMain: { handle: (channel: string, handler: Handler) => fake.handlers.set(channel, handler) },
}));
vi.mock('./file-io', () => fake.fileIo);

const trust: TrustOptions = { rendererFile: '/app/out/renderer/index.html', platform: 'linux' };
const appPage = 'file:///app/out/renderer/index.html#/reports';
const openAppWindow = vi.fn();
const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));

const malformed: Record<IpcChannel, [label: string, payload: unknown][]> = {
  [IPC_CHANNELS.openFile]: [
    ['not an object', 'C:\\Windows\\System32\\config\\SAM'],
    ['null', null],
    ['a filter with no name', { filters: [{ name: '', extensions: ['csv'] }] }],
    ['an extension that is a path', { filters: [{ name: 'CSV', extensions: ['../csv'] }] }],
    ['a numeric title', { title: 7 }],
  ],
  [IPC_CHANNELS.saveFile]: [
    ['no name and no content', {}],
    ['content that is neither text nor bytes', { defaultName: '报告.csv', content: { path: '/etc/passwd' } }],
    ['an empty name', { defaultName: '', content: 'x' }],
    ['a name longer than a file name', { defaultName: 'a'.repeat(256), content: 'x' }],
    [
      'an extension with a space',
      { defaultName: 'a', content: 'x', filters: [{ name: 'x', extensions: ['c sv'] }] },
    ],
  ],
  [IPC_CHANNELS.printToPdf]: [
    ['no name', {}],
    ['landscape as text', { defaultName: '首报', landscape: 'yes' }],
  ],
  [IPC_CHANNELS.appInfo]: [
    ['an object', {}],
    ['a string', 'userData'],
  ],
  [IPC_CHANNELS.openWindow]: [
    ['no route', {}],
    ['an external URL', { route: 'https://evil.example/' }],
    ['a path with dots', { route: '/../../etc/passwd' }],
    ['a javascript: URL', { route: 'javascript:alert(1)' }],
    ['a numeric title', { route: '/drills/participant', title: 7 }],
  ],
};

/** A good payload and what main answers to it, the dialogs being cancelled. */
const wellFormed: Record<IpcChannel, [payload: unknown, answer: unknown]> = {
  [IPC_CHANNELS.openFile]: [{ filters: [{ name: 'CSV', extensions: ['csv'] }] }, null],
  [IPC_CHANNELS.saveFile]: [{ defaultName: '报告.csv', content: '姓名\n' }, { saved: false }],
  [IPC_CHANNELS.printToPdf]: [{ defaultName: '首报' }, { saved: false }],
  [IPC_CHANNELS.appInfo]: [undefined, expect.objectContaining({ name: 'Emergency Desk', version: '0.1.0' })],
  [IPC_CHANNELS.openWindow]: [{ route: '/drills/participant', title: '参演席' }, undefined],
};

function invoke(channel: IpcChannel, payload: unknown): Promise<unknown> {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`main registered no handler for ${channel}`);
  return Promise.resolve().then(() =>
    handler({ sender: { printToPDF }, senderFrame: { url: appPage } }, payload),
  );
}

function expectNothingDone() {
  expect(fake.dialog.showOpenDialog).not.toHaveBeenCalled();
  expect(fake.dialog.showSaveDialog).not.toHaveBeenCalled();
  expect(fake.fileIo.readOpenedFile).not.toHaveBeenCalled();
  expect(fake.fileIo.writeFileAtomically).not.toHaveBeenCalled();
  expect(printToPDF).not.toHaveBeenCalled();
  expect(openAppWindow).not.toHaveBeenCalled();
}

beforeAll(() => {
  registerIpcHandlers({ trust, openAppWindow });
});

beforeEach(() => {
  vi.clearAllMocks();
});

describe('IPC payload validation in main', () => {
  it('handles exactly the channels of the contract', () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  describe.each(Object.values(IPC_CHANNELS))('%s', (channel) => {
    it.each(malformed[channel])('refuses %s from the app page and does nothing', async (_label, payload) => {
      const call = invoke(channel, payload);
      await expect(call).rejects.toBeInstanceOf(IpcRequestError);
      await expect(call).rejects.toThrow(`${channel}: invalid request (`);
      expectNothingDone();
    });

    it('accepts a well-formed payload from the same page', async () => {
      const [payload, answer] = wellFormed[channel];
      await expect(invoke(channel, payload)).resolves.toEqual(answer);
    });
  });

  it('acts on the well-formed payloads it accepts', async () => {
    await invoke(IPC_CHANNELS.openWindow, wellFormed[IPC_CHANNELS.openWindow][0]);
    expect(openAppWindow).toHaveBeenCalledWith('/drills/participant', '参演席');
    await invoke(IPC_CHANNELS.printToPdf, wellFormed[IPC_CHANNELS.printToPdf][0]);
    expect(printToPDF).toHaveBeenCalledTimes(1);
    expect(fake.dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });
});
