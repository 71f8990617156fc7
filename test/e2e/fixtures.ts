import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface VigilServer {
  /** The VIGIL_URL of the running server (with its token). */
  url: string;
  dataDir: string;
  /** Stops the server and starts a new one on the same data dir; returns the new URL. */
  restart(): Promise<string>;
  /** Everything the server wrote to stderr so far. */
  logs(): string;
  /** Stops the server (idempotent). */
  stop(): Promise<void>;
}

/** Starts `npm run web`'s entry point and waits for its single VIGIL_URL= stdout line. */
export async function startServer(dataDir: string, log: string[]): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'electron/web/bin.mjs'), '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, VIGIL_PASSPHRASE: '' },
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => log.push(d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log.join('')}`)), 30_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const match = /^VIGIL_URL=(\S+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${log.join('')}`));
    });
  });
  return { url, child };
}

function stopChild(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ vigil: VigilServer }>({
  // Playwright requires the destructured fixtures argument even when a fixture uses none.
  // eslint-disable-next-line no-empty-pattern
  vigil: async ({}, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-e2e-'));
    const log: string[] = [];
    let current = await startServer(path.join(dataDir, 'vault'), log);
    const server: VigilServer = {
      url: current.url,
      dataDir: path.join(dataDir, 'vault'),
      logs: () => log.join(''),
      async restart() {
        await stopChild(current.child);
        current = await startServer(path.join(dataDir, 'vault'), log);
        server.url = current.url;
        return current.url;
      },
      stop: () => stopChild(current.child),
    };
    await use(server);
    await stopChild(current.child);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('web-server.log', { body: log.join(''), contentType: 'text/plain' });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
