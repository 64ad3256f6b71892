import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  openWindowRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
} from '@shared/ipc/contract';
import { IpcRequestError, guardIpcRequest } from './ipc-guard';
import type { TrustOptions } from './trusted-url';

const trust: TrustOptions = { rendererFile: '/app/out/renderer/index.html', platform: 'linux' };
const appPage = 'file:///app/out/renderer/index.html#/reports';

describe('guardIpcRequest', () => {
  it('returns the parsed payload, defaults filled in, for the app page', () => {
    const request = guardIpcRequest(
      IPC_CHANNELS.printToPdf,
      { senderUrl: appPage, payload: { defaultName: '首报.pdf' } },
      printToPdfRequestSchema,
      trust,
    );
    expect(request).toEqual({ defaultName: '首报.pdf', landscape: false });
  });

  it('accepts binary content for saving', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const request = guardIpcRequest(
      IPC_CHANNELS.saveFile,
      { senderUrl: appPage, payload: { defaultName: 'backup.json', content: bytes } },
      saveFileRequestSchema,
      trust,
    );
    expect(request.content).toBe(bytes);
    expect(request.filters).toEqual([]);
  });

  it.each([
    ['a foreign site', 'https://evil.example/'],
    ['another local file', 'file:///tmp/evil.html'],
    ['a data: page', 'data:text/html,<b>hi</b>'],
    ['a frame with no URL', undefined],
  ])('rejects a request from %s before looking at the payload', (_label, senderUrl) => {
    const act = () =>
      guardIpcRequest(
        IPC_CHANNELS.openWindow,
        { senderUrl, payload: { route: '/drills' } },
        openWindowRequestSchema,
        trust,
      );
    expect(act).toThrow(IpcRequestError);
    expect(act).toThrow('window:open: rejected a request from an untrusted frame');
  });

  it('accepts the dev server only during development', () => {
    const request = {
      senderUrl: 'http://localhost:5173/#/drills',
      payload: { route: '/drills/participant' },
    };
    expect(() => guardIpcRequest(IPC_CHANNELS.openWindow, request, openWindowRequestSchema, trust)).toThrow(
      IpcRequestError,
    );
    expect(
      guardIpcRequest(IPC_CHANNELS.openWindow, request, openWindowRequestSchema, {
        ...trust,
        devServerUrl: 'http://localhost:5173',
      }),
    ).toEqual({ route: '/drills/participant' });
  });

  it('rejects an invalid payload and says where, without echoing values', () => {
    const act = () =>
      guardIpcRequest(
        IPC_CHANNELS.openWindow,
        { senderUrl: appPage, payload: { route: 'https://evil.example/secret-token' } },
        openWindowRequestSchema,
        trust,
      );
    expect(act).toThrow(IpcRequestError);
    expect(act).toThrow(/^window:open: invalid request \(route: route must be an app path/);
    expect(act).not.toThrow(/secret-token/);
  });

  it.each([
    ['a missing payload', undefined],
    ['null', null],
    ['a string', '/drills'],
    ['an array', [{ route: '/drills' }]],
  ])('rejects %s', (_label, payload) => {
    expect(() =>
      guardIpcRequest(
        IPC_CHANNELS.openWindow,
        { senderUrl: appPage, payload },
        openWindowRequestSchema,
        trust,
      ),
    ).toThrow(/invalid request \(\(payload\)/);
  });

  it('names nested fields', () => {
    expect(() =>
      guardIpcRequest(
        IPC_CHANNELS.saveFile,
        {
          senderUrl: appPage,
          payload: { defaultName: 'a.csv', content: 'x', filters: [{ name: 'CSV', extensions: ['c/v'] }] },
        },
        saveFileRequestSchema,
        trust,
      ),
    ).toThrow(/filters\.0\.extensions\.0/);
  });

  it('guards channels that take no payload', () => {
    const none = z.undefined();
    expect(
      guardIpcRequest(IPC_CHANNELS.appInfo, { senderUrl: appPage, payload: undefined }, none, trust),
    ).toBe(undefined);
    expect(() =>
      guardIpcRequest(IPC_CHANNELS.appInfo, { senderUrl: appPage, payload: { x: 1 } }, none, trust),
    ).toThrow(IpcRequestError);
  });
});
