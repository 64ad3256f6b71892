/**
 * Offline packaging check, run by `npm run test:pack`. Electron cannot be downloaded here, so it proves what
 * can be proved without it:
 *  - electron-builder validates the config (copies with an unknown option or a wrong type are rejected);
 *  - the real config packs (`--dir --linux --x64`) against a stub Electron folder that looks like a real
 *    distribution: an `electron` file carrying a fuse wire, `version`, `LICENSE`, `locales/`, `resources/`;
 *  - app.asar holds the built main, preload and renderer and nothing that Vite already bundled;
 *  - the fuses were flipped and only the Chinese and English locales were kept.
 * Builds `out/` first when an entry point is missing. Prints one line per check and a final tally.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';

const root = resolve(__dirname, '../..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const configPath = join(root, 'electron-builder.yml');
const unpacked = join(root, 'dist', 'linux-unpacked');
const asarPath = join(unpacked, 'resources', 'app.asar');
/** Must match `linux.executableName` in electron-builder.yml. */
const executablePath = join(unpacked, 'emergency-desk');
const entryPoints = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];
/** Renderer-only libraries: Vite bundles them, so any copy in the package is dead weight. */
const rendererOnlyPackages = [
  'react',
  'react-dom',
  'antd',
  'dexie',
  'xstate',
  'zustand',
  'echarts',
  'exceljs',
];
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, in @electron/fuses V1 order: RunAsNode, CookieEncryption, NodeOptions,
 * NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, V8Snapshot, GrantFileProtocolExtraPrivileges. */
const STUB_FUSE_WIRE = '10110001';
const EXPECTED_FUSE_WIRE = '00000101';

interface CheckResult {
  name: string;
  ok: boolean;
  detail?: string;
}

interface RunResult {
  status: number | null;
  output: string;
  seconds: number;
}

const results: CheckResult[] = [];

function check(name: string, ok: boolean, detail?: string): void {
  results.push(detail === undefined ? { name, ok } : { name, ok, detail });
  console.log(
    `${ok ? 'ok' : 'not ok'} - ${name}${!ok && detail ? `\n    ${detail.replace(/\n/g, '\n    ')}` : ''}`,
  );
}

/** Runs a package's own bin script with this Node: no shell, no npx lookup, nothing fetched. */
function runBin(packageName: string, binName: string, args: string[]): RunResult {
  const manifestPath = requireFromRoot.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[binName];
  if (!bin) throw new Error(`${packageName} has no bin ${binName}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(manifestPath, '..', bin), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: result.status,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`,
    seconds: (performance.now() - started) / 1000,
  };
}

function tail(text: string, lines = 15): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

function makeStubElectron(folder: string): void {
  writeFileSync(
    join(folder, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stub Electron for packaging checks" >&2\nexit 1\n# '),
      Buffer.from(FUSE_SENTINEL, 'ascii'),
      Buffer.from([1, STUB_FUSE_WIRE.length]),
      Buffer.from(`${STUB_FUSE_WIRE}\n`, 'ascii'),
    ]),
    { mode: 0o755 },
  );
  writeFileSync(join(folder, 'version'), '45.4.1');
  writeFileSync(join(folder, 'LICENSE'), 'MIT (stub)\n');
  mkdirSync(join(folder, 'resources'));
  mkdirSync(join(folder, 'locales'));
  for (const locale of ['en-US', 'zh-CN', 'zh-TW', 'de', 'ja']) {
    writeFileSync(join(folder, 'locales', `${locale}.pak`), locale);
  }
}

function readFuseWire(path: string): string | undefined {
  const binary = readFileSync(path);
  const at = binary.indexOf(FUSE_SENTINEL);
  if (at === -1) return undefined;
  const wire = at + FUSE_SENTINEL.length;
  const length = binary[wire + 1] ?? 0;
  return binary.subarray(wire + 2, wire + 2 + length).toString('latin1');
}

function ensureBuilt(): void {
  const missing = entryPoints.filter((entry) => !existsSync(join(root, entry)));
  if (missing.length === 0) {
    console.log('# out/ already built; run `npm run build` first to pack fresh code');
    return;
  }
  console.log(`# building out/ (missing ${missing.join(', ')})`);
  const build = runBin('electron-vite', 'electron-vite', ['build']);
  check(`electron-vite build (${build.seconds.toFixed(1)} s)`, build.status === 0, tail(build.output));
}

function checkInvalidConfigs(scratch: string, stub: string): void {
  const config = readFileSync(configPath, 'utf8');
  const variants = [
    {
      name: 'an unknown top-level option',
      text: `${config}\nnotAnElectronBuilderOption: true\n`,
      mentions: 'notAnElectronBuilderOption',
    },
    {
      name: 'a wrong type (asar: sometimes)',
      text: config.replace(/^asar: true$/m, 'asar: sometimes'),
      mentions: 'asar',
    },
  ];
  for (const [index, variant] of variants.entries()) {
    // A config that slipped through validation would pack into scratch space, never into dist/.
    const text = variant.text.replace(
      /^(\s+output:).*$/m,
      `$1 ${JSON.stringify(join(scratch, `out-${index}`))}`,
    );
    const path = join(scratch, `invalid-${index}.yml`);
    writeFileSync(path, text);
    const changed = text !== config;
    const run = runBin('electron-builder', 'electron-builder', [
      '--config',
      path,
      '--dir',
      '--linux',
      '--x64',
      `-c.electronDist=${stub}`,
      '--publish',
      'never',
    ]);
    const rejected =
      changed &&
      run.status !== 0 &&
      run.output.includes('Invalid configuration object') &&
      run.output.includes(variant.mentions);
    check(
      `electron-builder rejects a config with ${variant.name} (${run.seconds.toFixed(1)} s)`,
      rejected,
      changed
        ? `exit ${run.status}\n${tail(run.output)}`
        : 'could not derive the invalid copy from the config',
    );
  }
}

function checkPack(stub: string): boolean {
  rmSync(unpacked, { recursive: true, force: true });
  const run = runBin('electron-builder', 'electron-builder', [
    '--dir',
    '--linux',
    '--x64',
    `-c.electronDist=${stub}`,
    '--publish',
    'never',
  ]);
  check(
    `electron-builder --dir --linux --x64 packs (${run.seconds.toFixed(1)} s)`,
    run.status === 0,
    tail(run.output),
  );
  return run.status === 0;
}

function checkAsar(): void {
  const exists = existsSync(asarPath);
  check('dist/linux-unpacked/resources/app.asar exists', exists);
  if (!exists) return;
  const files = new Set(listPackage(asarPath, { isPack: false }).map((entry) => entry.replace(/\\/g, '/')));
  for (const entry of entryPoints) {
    check(`app.asar contains ${entry}`, files.has(`/${entry}`));
  }
  const manifest = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main?: string };
  check(
    `package.json in app.asar points main at a packed file (${manifest.main})`,
    manifest.main !== undefined && files.has(`/${manifest.main.replace(/^\.\//, '')}`),
  );
  for (const name of rendererOnlyPackages) {
    const packed = [...files].filter(
      (file) => file.startsWith(`/node_modules/${name}/`) || file === `/node_modules/${name}`,
    );
    check(
      `app.asar does not contain node_modules/${name}`,
      packed.length === 0,
      packed.slice(0, 3).join('\n'),
    );
  }
  const strays = [...files].filter((file) =>
    /^\/(renderer|shared|electron|test|resources|src|node_modules\/electron)(\/|$)/.test(file),
  );
  check(
    'app.asar holds no sources, build resources or Electron itself',
    strays.length === 0,
    strays.slice(0, 5).join('\n'),
  );
}

function checkFusesAndLocales(): void {
  const wire = existsSync(executablePath) ? readFuseWire(executablePath) : undefined;
  check(
    'fuses flipped: no RunAsNode, NODE_OPTIONS or --inspect; app only from asar',
    wire === EXPECTED_FUSE_WIRE,
    `wire ${wire ?? 'not found'} (expected ${EXPECTED_FUSE_WIRE})`,
  );
  const localesDir = join(unpacked, 'locales');
  const locales = existsSync(localesDir) ? readdirSync(localesDir).sort() : [];
  check(
    'only the zh-CN and en-US Chromium locales are kept',
    locales.join(',') === 'en-US.pak,zh-CN.pak',
    `found ${locales.join(', ') || 'none'}`,
  );
}

function main(): void {
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'ed-pack-'));
  try {
    ensureBuilt();
    const stub = join(scratch, 'electron-dist');
    mkdirSync(stub);
    makeStubElectron(stub);
    checkInvalidConfigs(scratch, stub);
    if (checkPack(stub)) {
      checkAsar();
      checkFusesAndLocales();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(`# ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`pack: ${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main();
