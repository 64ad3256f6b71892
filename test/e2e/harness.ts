/**
 * Builds the real renderer, serves it on 127.0.0.1 and launches Debian's Chromium through playwright-core.
 * Used by the end-to-end suites and by the benchmarks, so both measure the same production bundle.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import sirv from 'sirv';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Parallel sessions (or a benchmark next to a test run) set ED_RENDERER_OUT so they do not overwrite each other's bundle. */
export const RENDERER_OUT = process.env['ED_RENDERER_OUT'] ?? join(ROOT, 'out/renderer');
export const RESULTS_DIR = join(ROOT, 'test-results');

export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  // vitest sets NODE_ENV=test, which would make React's development bundle.
  const previous = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: join(ROOT, 'vite.renderer.config.mts'),
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: RENDERER_OUT, emptyOutDir: true },
    });
  } finally {
    process.env['NODE_ENV'] = previous;
  }
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveRenderer(port = 0): Promise<StaticServer> {
  const handler = sirv(RENDERER_OUT, { dev: false, etag: true, single: false });
  const server: Server = createServer((req, res) => handler(req, res));
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  /** Console errors and uncaught page errors: a test fails if the app logs one it did not expect. */
  errors: string[];
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

const beforeClose: ((session: BrowserSession) => Promise<void>)[] = [];
/** Runs `hook` as each session closes, while its pages are still there (see failure-evidence.ts). */
export function beforeEverySessionCloses(hook: (session: BrowserSession) => Promise<void>): void {
  beforeClose.push(hook);
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'ed-profile-'));
}

export async function launchBrowser(
  options: { profileDir?: string; locale?: string } = {},
): Promise<BrowserSession> {
  const profileDir = options.profileDir ?? newProfileDir();
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: options.locale ?? 'zh-CN',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  const session: BrowserSession = {
    context,
    page,
    profileDir,
    errors,
    async close({ keepProfile = false } = {}) {
      for (const hook of beforeClose) await hook(session);
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(RESULTS_DIR, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
