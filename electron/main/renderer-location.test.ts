import { describe, it, expect } from 'vitest';
import { rendererLocation, resolveDevServerUrl } from './renderer-location';

const rendererFile = '/app/out/renderer/index.html';

describe('resolveDevServerUrl', () => {
  it('uses the electron-vite dev server in an unpackaged run', () => {
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe(
      'http://localhost:5173/',
    );
  });

  it('ignores the variable in a packaged app', () => {
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeUndefined();
  });

  it('ignores an absent, malformed or non-web value', () => {
    expect(resolveDevServerUrl({}, false)).toBeUndefined();
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: '' }, false)).toBeUndefined();
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: 'localhost:5173' }, false)).toBeUndefined();
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: 'not a url' }, false)).toBeUndefined();
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: 'file:///tmp/evil.html' }, false)).toBeUndefined();
    expect(resolveDevServerUrl({ ELECTRON_RENDERER_URL: 'javascript:alert(1)' }, false)).toBeUndefined();
  });
});

describe('rendererLocation', () => {
  it('loads the built file with the route in the hash', () => {
    expect(rendererLocation({ rendererFile }, '/drills/participant')).toEqual({
      kind: 'file',
      file: rendererFile,
      hash: '/drills/participant',
    });
  });

  it('loads the dev server with the route in the hash', () => {
    expect(
      rendererLocation({ devServerUrl: 'http://localhost:5173/', rendererFile }, '/drills/participant'),
    ).toEqual({ kind: 'url', url: 'http://localhost:5173/#/drills/participant' });
  });

  it('opens the home route when none is given', () => {
    expect(rendererLocation({ rendererFile })).toEqual({ kind: 'file', file: rendererFile, hash: '/' });
    expect(rendererLocation({ devServerUrl: 'http://localhost:5173', rendererFile })).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/#/',
    });
  });
});
