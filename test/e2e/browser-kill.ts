/**
 * A crash of the desktop app, in the end-to-end harness: the browser process killed hard (SIGKILL), as a power
 * cut or a crash would end it. The profile is then reopened with `launchBrowser({ profileDir })` on the same
 * origin (IndexedDB belongs to the origin). A process kill keeps the OS write cache, so it tests that what the
 * app reported as saved survives and that the app recovers, not strict against relaxed durability.
 */
import type { BrowserSession } from './harness';

/**
 * Kills the browser of a session as a crash would: SIGKILL to the browser process, then to whatever of its
 * renderers and helpers is still alive, and waits until Playwright has seen the context go.
 */
export async function killBrowser(session: BrowserSession): Promise<void> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser behind the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  const main = processInfo.find((p) => p.type === 'browser');
  if (!main) throw new Error('SystemInfo.getProcessInfo named no browser process');
  const closed = new Promise<void>((done) => session.context.once('close', () => done()));
  process.kill(main.id, 'SIGKILL');
  for (const other of processInfo) {
    if (other.id === main.id) continue;
    try {
      process.kill(other.id, 'SIGKILL');
    } catch {
      // Already gone with its parent.
    }
  }
  await closed;
}
