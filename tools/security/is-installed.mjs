// Exits 0 when node_modules here holds exactly the versions package-lock.json pins, so `npm run
// test:security` can skip a 20-50 s `npm ci` on every local run; exits 1 (and the script installs) otherwise.
// It reads npm's own record of what it installed (node_modules/.package-lock.json) and installs nothing.
import { readFileSync } from 'node:fs';

const readJson = (path) => {
  try {
    return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
  } catch {
    return undefined;
  }
};

const locked = readJson('./package-lock.json')?.packages ?? {};
const installed = readJson('./node_modules/.package-lock.json')?.packages;
const isCurrent =
  installed !== undefined &&
  Object.entries(locked).every(
    ([path, pkg]) =>
      path === '' ||
      // Platform-specific optional packages are absent on other platforms by design.
      (pkg.optional && installed[path] === undefined) ||
      installed[path]?.version === pkg.version,
  );

if (!isCurrent) console.log('tools/security: installing Electronegativity from its lockfile');
process.exit(isCurrent ? 0 : 1);
