import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');

function vigil(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE, ...env }, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts the CLI (tsx + the core): seconds each on a busy 2-core machine.
describe('vigil export --encrypt, export warnings, secret commands', { timeout: 300_000 }, () => {
  const dataDir = path.join(tempDir('vigil-encrypt-cli-'), 'vault');

  it('writes <out>.zip that 7-Zip opens with VIGIL_EXPORT_PASSWORD, warns on stderr, and verify passes', () => {
    expect(vigil(['init', '--demo', '--data-dir', dataDir, '--seed', '3']).code).toBe(0);
    const out = tempDir('vigil-encrypt-out-');
    const run = vigil(['export', 'risks', '--data-dir', dataDir, '--format', 'csv', '--out', path.join(out, 'risks.csv'), '--encrypt'], {
      VIGIL_EXPORT_PASSWORD: 'lantern-harbour-77',
    });
    expect(run.stderr).toContain('vigil: warning: risks.csv.zip: the target is not on a removable drive');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('risks.csv.zip');
    expect(fs.readdirSync(out).sort()).toEqual(['SHA256SUMS', 'risks.csv.zip']);
    expect(vigil(['verify', out])).toMatchObject({ code: 0, stdout: 'risks.csv.zip: OK\n' });
    if (spawnSync('7z', ['i'], { stdio: 'ignore' }).status === 0) {
      const x = tempDir();
      expect(spawnSync('7z', ['x', '-plantern-harbour-77', `-o${x}`, path.join(out, 'risks.csv.zip')]).status).toBe(0);
      expect(fs.readFileSync(path.join(x, 'risks.csv'), 'utf8')).toContain('FICTIONAL DEMO DATA');
      expect(spawnSync('7z', ['x', '-pwrong-password', `-o${tempDir()}`, path.join(out, 'risks.csv.zip')]).status).not.toBe(0);
    }
  });

  it('--encrypt without a password (no TTY, no VIGIL_EXPORT_PASSWORD) exits 2 and writes nothing', () => {
    const out = tempDir('vigil-encrypt-out-');
    const run = vigil(['export', 'risks', '--data-dir', dataDir, '--format', 'csv', '--out', path.join(out, 'risks.csv'), '--encrypt'], {
      VIGIL_EXPORT_PASSWORD: '',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('VIGIL_EXPORT_PASSWORD');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('vigil call refuses files.protectExport: it carries a password', () => {
    const run = vigil(['call', 'files.protectExport', '{"path":"/tmp/x.csv","password":"12345678"}', '--data-dir', dataDir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('carries a secret');
  });
});
