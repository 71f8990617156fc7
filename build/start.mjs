// `npm start`: build the renderer and the main process, then run the desktop app in Electron. Where the
// Electron binary is not installed (it is fetched from GitHub, which offline machines cannot reach), say so
// and point to browser mode instead of hanging on a download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain, outputs } from './buildMain.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronPackageDir = path.join(root, 'node_modules', 'electron');

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

/**
 * Where the electron package's binary is, or null when it was never downloaded. The same lookup as the
 * package's own index.js, minus its fallback: that one starts a download with no time limit.
 */
function installedElectronBinary() {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = path.join(electronPackageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function buildRenderer() {
  const viteBin = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = existsSync(viteBin)
    ? spawnSync(process.execPath, [viteBin, 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.error) fail(`start: could not run vite: ${result.error.message}`);
  if (result.status !== 0) fail('start: the renderer build failed (see the vite output above).');
}

function checkPackageMain() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const main = path.resolve(root, pkg.main ?? 'index.js');
  if (main !== outputs.main) {
    fail(
      `start: package.json "main" is ${JSON.stringify(pkg.main)}, but the main bundle is ` +
        `${path.relative(root, outputs.main)}; Electron would not find it.`,
    );
  }
}

function launch(binary) {
  const env = { ...process.env };
  // Inherited from some shells and test runners, it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => fail(`start: Electron could not be started (${error.message}).`));
  child.on('exit', (code, signal) => {
    if (signal) process.stderr.write(`Electron exited with signal ${signal}\n`);
    process.exit(code ?? 1);
  });
}

buildRenderer();
try {
  await buildMain();
} catch (error) {
  fail(`start: the main process build failed: ${error instanceof Error ? error.message : String(error)}`);
}

let binary = installedElectronBinary();
if (binary) {
  try {
    // With the binary present the package resolves it without downloading (and honours its overrides).
    binary = createRequire(import.meta.url)('electron');
  } catch {
    binary = null;
  }
}
if (!binary) {
  fail(
    [
      'The Electron desktop binary is not available on this machine: npm does not install it, it is',
      'downloaded from GitHub on first use, and this machine has no copy. The desktop window cannot open.',
      '',
      'Start browser mode instead - the same app on the same data dir:',
      '',
      '    npm run web',
      '',
      'On a machine with internet access, `npx install-electron` fetches the binary once; `npm start` then works.',
    ].join('\n'),
  );
}
checkPackageMain();
launch(binary);
