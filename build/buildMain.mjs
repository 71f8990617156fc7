// Bundles the Electron main process and the preload with esbuild, and copies the drizzle migrations next to
// the main bundle. Needs no Electron binary: `node build/buildMain.mjs` runs anywhere Node does.
import { cp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const outputs = {
  main: path.join(root, 'dist', 'main', 'index.mjs'),
  preload: path.join(root, 'dist', 'preload', 'index.cjs'),
  migrations: path.join(root, 'dist', 'main', 'migrations'),
};

// Bundled CommonJS dependencies call require() and read __dirname; an ES module has neither.
const esmBanner = [
  "import { createRequire as __vigilCreateRequire } from 'node:module';",
  "import { fileURLToPath as __vigilFileURLToPath } from 'node:url';",
  "import { dirname as __vigilDirname } from 'node:path';",
  'const require = __vigilCreateRequire(import.meta.url);',
  'const __filename = __vigilFileURLToPath(import.meta.url);',
  'const __dirname = __vigilDirname(__filename);',
].join('\n');

/** A sandboxed preload gets a require() that knows 'electron' and little else: anything more fails at run time. */
async function checkPreloadRequires(file) {
  const code = await readFile(file, 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
  const unexpected = required.filter((name) => name !== 'electron');
  if (unexpected.length > 0) {
    throw new Error(`The preload bundle requires ${unexpected.join(', ')}; a sandboxed preload may only require 'electron'.`);
  }
}

export async function buildMain() {
  await rm(path.join(root, 'dist', 'main'), { recursive: true, force: true });
  await rm(path.join(root, 'dist', 'preload'), { recursive: true, force: true });

  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  };

  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['electron/main/index.ts'],
      outfile: outputs.main,
      format: 'esm',
      target: 'node22',
      // better-sqlite3 is a native addon loaded from node_modules (unpacked from the asar when packaged).
      external: ['electron', 'better-sqlite3'],
      banner: { js: esmBanner },
    }),
    esbuild.build({
      ...common,
      entryPoints: ['electron/preload/index.ts'],
      outfile: outputs.preload,
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
    }),
  ]);

  await checkPreloadRequires(outputs.preload);
  await cp(path.join(root, 'db', 'migrations'), outputs.migrations, { recursive: true });
  return outputs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const built = await buildMain();
    for (const file of Object.values(built)) process.stderr.write(`built ${path.relative(root, file)}\n`);
  } catch (error) {
    // esbuild has already printed its diagnostics; say which step failed and stop.
    process.stderr.write(`build:main failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
