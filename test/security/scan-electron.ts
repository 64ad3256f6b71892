/**
 * Electron security scan, run by `npm run test:security` after tools/security/ is installed.
 * Electronegativity 1.10.3 lives in its own package there because it parses with the TypeScript API of its
 * own TypeScript 4, and it exits 0 whatever it finds; this wrapper decides instead (scan-verdict.ts): any
 * HIGH or MEDIUM finding not covered by scan-allow-list.ts fails, and so does a file it could not parse.
 *
 * It scans the sources of electron/, shared/ and renderer/ (tests left out: they are not shipped and hold
 * hostile URLs on purpose), with renderer/index.html carrying the CSP <meta> the build writes into it, so the
 * policy itself is evaluated. It calls the scanner's programmatic entry (the package's `main`) rather than
 * its CLI, because the CLI's CSV and SARIF outputs drop the list of files it failed to parse.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { SCAN_ALLOW_LIST } from './scan-allow-list';
import { formatFindings, judgeScan, sourceFrom, type Finding, type Verdict } from './scan-verdict';

const root = resolve(__dirname, '../..');
const toolDir = join(root, 'tools', 'security');
const SCANNED_DIRS = ['electron', 'shared', 'renderer'];
/** What the scanner reads; anything else it would skip anyway. */
const SCANNABLE = /\.(js|jsx|ts|tsx|html|htm)$/;
const TEST_FILE = /\.test\.(ts|tsx)$/;
/**
 * Compares the Electron version with the newest releases fetched from GitHub at scan time: the gate would
 * then depend on the network and on the day it runs. Electron updates are a dependency decision, not a
 * finding in this code.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const scanResultSchema = z.object({
  globalChecks: z.number(),
  atomicChecks: z.number(),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  issues: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      location: z.object({ line: z.number(), column: z.number() }),
      description: z.string(),
      severity: z.object({ name: z.enum(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']) }),
      confidence: z.object({ name: z.string() }),
    }),
  ),
});

type RunScan = (options: Record<string, unknown>, forCli: boolean) => Promise<unknown>;

async function main(): Promise<void> {
  const started = performance.now();
  const electronVersion = rootElectronVersion();
  const { run, version } = loadScanner();
  const stage = mkdtempSync(join(tmpdir(), 'ed-security-'));
  try {
    const fileCount = stageSources(stage);
    const result = scanResultSchema.parse(
      await run(
        {
          input: stage,
          isRelative: true,
          electronVersionOverride: electronVersion,
          excludeFromScan: EXCLUDED_CHECKS,
        },
        false,
      ),
    );
    const findings: Finding[] = result.issues.map((issue) => ({
      check: issue.id,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      file: issue.file.split(sep).join('/'),
      line: issue.location.line,
      column: issue.location.column,
      description: issue.description,
    }));
    const errors = result.errors.map((error) => ({
      ...error,
      file: relative(stage, error.file).split(sep).join('/'),
    }));
    const verdict = judgeScan(findings, errors, SCAN_ALLOW_LIST, (finding) =>
      sourceFrom(readStaged(stage, finding.file), finding.line, finding.column),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Electronegativity ${version}, Electron ${electronVersion}: ${fileCount} files of ` +
        `${SCANNED_DIRS.join('/, ')}/, ${result.globalChecks + result.atomicChecks} checks ` +
        `(left out: ${EXCLUDED_CHECKS.join(', ')}), ${seconds} s`,
    );
    printVerdict(verdict);
    process.exitCode = verdict.passed ? 0 : 1;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function printVerdict(verdict: Verdict): void {
  const section = (title: string, lines: string[]) => {
    console.log(`\n${title}`);
    for (const line of lines) console.log(`  ${line}`);
  };
  section(
    'HIGH/MEDIUM findings that fail the scan:',
    verdict.blocking.length ? formatFindings(verdict.blocking) : ['none'],
  );
  section(
    'Allowed by test/security/scan-allow-list.ts:',
    verdict.allowed.flatMap(({ entry, findings }) => [
      `${entry.check} in ${entry.file} (${findings.length}: ${findings.map((f) => `${f.line}:${f.column}`).join(', ')})`,
      `  why: ${entry.reason}`,
    ]),
  );
  if (verdict.unusedEntries.length) {
    section(
      'Allow-list entries that match nothing any more (remove them):',
      verdict.unusedEntries.map((entry) => `${entry.check} in ${entry.file}`),
    );
  }
  if (verdict.unscanned.length) {
    section(
      'Files the scanner could not parse (unscanned):',
      verdict.unscanned.map((failure) => `${failure.file}: ${failure.message}`),
    );
  }
  if (verdict.parserWarnings.length) {
    section(
      'Parser warnings (files still scanned):',
      verdict.parserWarnings.map((warning) => `${warning.file}: ${warning.message}`),
    );
  }
  section(
    'Notes (LOW/INFORMATIONAL, do not fail):',
    verdict.notes.length ? formatFindings(verdict.notes) : ['none'],
  );
  console.log(`\nSecurity scan ${verdict.passed ? 'passed' : 'FAILED'}.`);
}

/** The Electron the app builds with; without it the scanner assumes Electron 0.1 and reports false HIGHs. */
function rootElectronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const version = /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.['electron'] ?? '')?.[0];
  if (!version) throw new Error('package.json names no Electron version in devDependencies');
  return version;
}

function loadScanner(): { run: RunScan; version: string } {
  const requireFromTool = createRequire(join(toolDir, 'package.json'));
  let runnerPath: string;
  try {
    runnerPath = requireFromTool.resolve('@doyensec/electronegativity');
  } catch {
    throw new Error('Electronegativity is not installed: run `npm ci --prefix tools/security`');
  }
  const pinned = (
    JSON.parse(readFileSync(join(toolDir, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies['@doyensec/electronegativity'];
  const { version } = requireFromTool('@doyensec/electronegativity/package.json') as { version: string };
  if (version !== pinned) {
    throw new Error(`tools/security has Electronegativity ${version}, not ${pinned}: run npm ci there`);
  }
  installOfflineMessages(join(dirname(runnerPath), 'locales', 'i18n.js'));
  return { run: requireFromTool(runnerPath) as RunScan, version };
}

/**
 * The scanner fetches message translations from S3 at every start and, offline, retries for about three
 * seconds before falling back to the English messages it ships. This sets up that same fallback without
 * the request (the scanner's own i18n module, pre-loaded with its offline branch), so the gate never
 * touches the network. Pinned to 1.10.3's layout; a different layout throws here instead of going online.
 */
function installOfflineMessages(i18nModulePath: string): void {
  const i18n = createRequire(i18nModulePath)('i18n') as {
    configure(options: Record<string, unknown>): void;
    setLocale(locale: string): void;
  };
  readFileSync(join(dirname(i18nModulePath), 'en-US.json'));
  const offline = new Module(i18nModulePath);
  offline.filename = i18nModulePath;
  offline.loaded = true;
  offline.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nModulePath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  };
  createRequire(i18nModulePath).cache[i18nModulePath] = offline;
}

/** Copies what the scanner should read into `stage`, keeping repository paths; returns the file count. */
function stageSources(stage: string): number {
  let count = 0;
  const copy = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') copy(path);
      } else if (SCANNABLE.test(entry.name) && !TEST_FILE.test(entry.name)) {
        mkdirSync(join(stage, dir), { recursive: true });
        copyFileSync(join(root, path), join(stage, path));
        count += 1;
      }
    }
  };
  for (const dir of SCANNED_DIRS) copy(dir);
  writeFileSync(
    join(stage, 'renderer', 'index.html'),
    withBuiltCsp(readStaged(stage, 'renderer/index.html')),
  );
  return count;
}

/** The same <meta> the renderer build adds (vite.renderer.config.mts), so the scanner evaluates the policy. */
function withBuiltCsp(html: string): string {
  if (!html.includes('<head>')) throw new Error('renderer/index.html has no <head> to carry the CSP');
  return html.replace(
    '<head>',
    `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
  );
}

function readStaged(stage: string, file: string): string {
  return readFileSync(join(stage, ...file.split('/')), 'utf8');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
