import { describe, it, expect } from 'vitest';
import { SCAN_ALLOW_LIST } from './scan-allow-list';
import {
  formatTable,
  judgeScan,
  sourceFrom,
  type AllowedFinding,
  type Finding,
  type ParseFailure,
} from './scan-verdict';

const windowsTs = [
  "import { BrowserWindow } from 'electron';",
  'export function createMainWindow(context: WindowContext): BrowserWindow {',
  '  const window = new BrowserWindow(',
  '    buildMainWindowOptions(context.preloadPath, { backgroundThrottling: false }),',
  '  );',
  '}',
  'export function openRaw(): BrowserWindow {',
  '  const window = new BrowserWindow({ webPreferences: { sandbox: false } });',
  '}',
].join('\n');

function finding(overrides: Partial<Finding>): Finding {
  return {
    check: 'SANDBOX_JS_CHECK',
    severity: 'MEDIUM',
    confidence: 'FIRM',
    file: 'electron/main/windows.ts',
    line: 3,
    column: 17,
    description: 'Use sandbox for untrusted origins',
    ...overrides,
  };
}

const sources: Record<string, string> = {
  'electron/main/windows.ts': windowsTs,
  'electron/main/drill-window.ts': windowsTs,
};
const sourceAt = (f: Finding) => sourceFrom(sources[f.file] ?? '', f.line, f.column);
const judge = (findings: Finding[], failures: ParseFailure[] = [], list = SCAN_ALLOW_LIST) =>
  judgeScan(findings, failures, list, sourceAt);

describe('judgeScan', () => {
  it('passes a clean scan', () => {
    const verdict = judge([]);
    expect(verdict.blocking).toEqual([]);
    // With nothing reported, every allow-list entry is stale.
    expect(verdict.unusedEntries).toHaveLength(SCAN_ALLOW_LIST.length);
    expect(verdict.passed).toBe(false);
    expect(judge([], [], []).passed).toBe(true);
  });

  it('allows the three window findings at a BrowserWindow built by window-options.ts', () => {
    const findings = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'].map((check) =>
      finding({ check, severity: check === 'CONTEXT_ISOLATION_JS_CHECK' ? 'HIGH' : 'MEDIUM' }),
    );
    const verdict = judge(findings);
    expect(verdict.blocking).toEqual([]);
    expect(verdict.allowed.map(({ entry, findings: f }) => [entry.check, f.length])).toEqual([
      ['CONTEXT_ISOLATION_JS_CHECK', 1],
      ['SANDBOX_JS_CHECK', 1],
      ['AUXCLICK_JS_CHECK', 1],
    ]);
    expect(verdict.passed).toBe(true);
  });

  it('fails the same check on a BrowserWindow given literal options', () => {
    const literal = finding({ line: 8, column: 17 });
    const atProperty = finding({ line: 8, column: 54 });
    const verdict = judge([finding({}), literal, atProperty]);
    expect(verdict.blocking).toEqual([literal, atProperty]);
    expect(verdict.passed).toBe(false);
  });

  it('fails an allowed check found in another file', () => {
    const elsewhere = finding({ file: 'electron/main/drill-window.ts' });
    expect(judge([finding({}), elsewhere]).blocking).toEqual([elsewhere]);
  });

  it('fails every HIGH and MEDIUM finding nobody allowed, and only notes LOW and INFORMATIONAL ones', () => {
    const high = finding({ check: 'NODE_INTEGRATION_JS_CHECK', severity: 'HIGH' });
    const low = finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'renderer/index.html' });
    const info = finding({ check: 'ELECTRON_VERSION_JSON_CHECK', severity: 'INFORMATIONAL' });
    const verdict = judge([low, high, info], [], []);
    expect(verdict.blocking).toEqual([high]);
    expect(verdict.notes).toEqual([low, info]);
    expect(judge([low, info], [], []).passed).toBe(true);
  });

  it('fails when a file went unscanned, and only reports parser warnings', () => {
    const unscanned = {
      file: 'electron/main/broken.ts',
      message: 'Unexpected token (1:23)',
      tolerable: false,
    };
    const warning = { file: 'renderer/app/App.tsx', message: 'Unknown JSX', tolerable: true };
    const verdict = judge([], [unscanned, warning], []);
    expect(verdict.unscanned).toEqual([unscanned]);
    expect(verdict.parserWarnings).toEqual([warning]);
    expect(verdict.passed).toBe(false);
    expect(judge([], [warning], []).passed).toBe(true);
  });

  it('matches a premise only at the finding, whatever flags it carries', () => {
    const entry: AllowedFinding = {
      check: 'SANDBOX_JS_CHECK',
      file: 'electron/main/windows.ts',
      premise: /new BrowserWindow\(\s*build/gm,
      reason: 'test',
    };
    // Line 2 is not the call, though the call follows two lines later.
    expect(judge([finding({ line: 2, column: 0 })], [], [entry]).blocking).toHaveLength(1);
    expect(judge([finding({})], [], [entry]).blocking).toHaveLength(0);
  });
});

describe('sourceFrom', () => {
  it('starts at the 1-based line and 0-based column', () => {
    expect(sourceFrom('ab\ncdef\ng', 2, 1)).toBe('def\ng');
    expect(sourceFrom('ab', 5, 0)).toBe('');
  });
});

describe('formatTable', () => {
  it('pads every column but the last, and underlines each header to its width', () => {
    expect(formatTable(['a', 'bb'], [['xyz', 'long text']])).toEqual([
      'a    bb',
      '---  ---------',
      'xyz  long text',
    ]);
  });
});
