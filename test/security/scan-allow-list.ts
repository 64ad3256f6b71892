/**
 * Electronegativity findings that are known not to be weaknesses, each with the reason and the premise that
 * keeps the reason true. Printed on every scan. Add an entry only with a reason a reviewer can check, and
 * a premise as narrow as the code allows; when the code changes so an entry matches nothing, the scan fails
 * until the entry is removed.
 */
import type { AllowedFinding } from './scan-verdict';

/** `new BrowserWindow(` called with the options built by window-options.ts, not with a literal. */
const BUILT_WINDOW_OPTIONS = /new BrowserWindow\(\s*build(?:Main|App)WindowOptions\(/;

const OPTIONS_NOT_VISIBLE =
  'The scanner reads webPreferences only from an object literal written inside `new BrowserWindow(...)`; ' +
  'here they come from buildWebPreferences() in electron/main/window-options.ts';

export const SCAN_ALLOW_LIST: readonly AllowedFinding[] = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/main/windows.ts',
    premise: BUILT_WINDOW_OPTIONS,
    reason:
      `${OPTIONS_NOT_VISIBLE}, which sets contextIsolation: true. window-options.test.ts holds the value, ` +
      'and main-wiring.test.ts checks the options main really passes to each BrowserWindow.',
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'electron/main/windows.ts',
    premise: BUILT_WINDOW_OPTIONS,
    reason:
      `${OPTIONS_NOT_VISIBLE}, which sets sandbox: true (held by window-options.test.ts and ` +
      'main-wiring.test.ts); index.ts also calls app.enableSandbox(), which sandboxes every renderer.',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'electron/main/windows.ts',
    premise: BUILT_WINDOW_OPTIONS,
    reason:
      "The check asks for disableBlinkFeatures: 'Auxclick', but Chromium no longer has a Blink runtime " +
      'feature of that name (auxclick is a standard event; runtime_enabled_features.json5 lists none), so ' +
      'the setting would change nothing. The risk it names, a middle-click opening a link in a new window, ' +
      "is closed by setWindowOpenHandler(() => ({ action: 'deny' })) on every web contents (hardening.ts; " +
      "main-wiring.test.ts 'guards every new web contents').",
  },
];
