/**
 * The opening most e2e files share: a fresh browser and profile for each test, the page's clocks faked from
 * one moment of local time, and a test failing when the page logged an error it did not expect. Kept apart
 * from harness.ts, which the bench imports outside vitest.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { launchBrowser, type BrowserSession } from './harness';

/** Registers the hooks; `use` receives each test's session before the test runs. */
export function freshBrowserEachTest(time: Date, use: (session: BrowserSession) => void): void {
  let current: BrowserSession | null = null;
  beforeEach(async () => {
    current = await launchBrowser();
    await current.page.clock.install({ time });
    use(current);
  });
  afterEach(async () => {
    const session = current;
    current = null;
    if (!session) return;
    try {
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
}
