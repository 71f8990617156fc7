import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore, defaultDataDir } from '../core';
import { createStderrLogger } from '../core/log';
import { startWebServer } from './server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STATIC_DIR = path.join(ROOT, 'dist', 'renderer');

const USAGE = 'usage: npm run web -- [--data-dir <dir>] [--port <port>]';

/** `npm run web`: prints exactly one stdout line, VIGIL_URL=..., once the server accepts connections. */
export async function main(argv: string[]): Promise<number> {
  const logger = createStderrLogger('web');
  let values: { 'data-dir'?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`vigil web: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`vigil web: --port must be a number from 0 to 65535\n${USAGE}\n`);
    return 2;
  }
  if (!ensureRendererBuilt()) return 2;

  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : defaultDataDir();
  const core = createCore({ dataDir, adapter: 'web', logger: createStderrLogger('core') });
  const token = randomBytes(32).toString('hex');
  let server;
  try {
    server = await startWebServer({ core, staticDir: STATIC_DIR, token, port, logger });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `vigil web: port ${port} is already in use; choose another with --port, or leave it out for a free one.\n`
        : `vigil web: cannot start the server: ${(error as Error).message}\n`,
    );
    core.close();
    return 2;
  }
  process.stderr.write(`vigil web: serving the vault in ${dataDir} on 127.0.0.1:${server.port} (Ctrl+C to stop)\n`);
  process.stdout.write(`VIGIL_URL=${server.url}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  core.close();
  await server.close();
  return 0;
}

/** A fresh checkout has no build yet: build the renderer once rather than serve an empty page. */
function ensureRendererBuilt(): boolean {
  if (fs.existsSync(path.join(STATIC_DIR, 'index.html'))) return true;
  process.stderr.write('vigil web: building the app once (dist/renderer is missing)…\n');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0 || !fs.existsSync(path.join(STATIC_DIR, 'index.html'))) {
    process.stderr.write('vigil web: the app could not be built; run `npm run build:renderer` to see why.\n');
    return false;
  }
  return true;
}
