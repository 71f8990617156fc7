import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');
const HANDOVER_PASSWORD = 'for-my-successor-2026';

function vigil(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE, VIGIL_HANDOVER_PASSWORD: HANDOVER_PASSWORD, ...env },
    input: '',
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const root = tempDir('vigil-backup-cli-');
const dataDir = path.join(root, 'vault');
const init = vigil(['init', '--demo', '--name', 'Kivu Sub-Office', '--data-dir', dataDir, '--seed', '3']);
const out = path.join(root, 'backups');
fs.mkdirSync(out);

describe('vigil backup / restore', () => {
  let backup = '';

  it('writes vigil-<slug>-<UTC>.vigilbackup, prints its path, and --json gives {path, bytes, sha256}', () => {
    expect(init.code).toBe(0);
    const run = vigil(['backup', '--out', out, '--data-dir', dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const value = JSON.parse(run.stdout) as { path: string; bytes: number; sha256: string };
    expect(Object.keys(value).sort()).toEqual(['bytes', 'path', 'sha256']);
    expect(path.basename(value.path)).toMatch(/^vigil-kivu-sub-office-\d{8}T\d{6}Z\.vigilbackup$/);
    expect(fs.statSync(value.path).size).toBe(value.bytes);
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain(`${value.sha256}  ${path.basename(value.path)}`);
    expect(run.stderr).toContain('backup: 100%');
    backup = value.path;
    const human = vigil(['backup', '--out', out, '--data-dir', dataDir]);
    expect(human.code).toBe(0);
    expect(human.stdout.trim()).toMatch(/\.vigilbackup$/);
  }, 180_000);

  it('exits 2 on a missing folder and 3 on a wrong passphrase', () => {
    expect(vigil(['backup', '--out', path.join(root, 'nope'), '--data-dir', dataDir]).code).toBe(2);
    const wrong = vigil(['backup', '--out', out, '--data-dir', dataDir], { VIGIL_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(3);
  }, 180_000);

  it('restores into the vault folder and keeps the old vault as <d>.before-restore-<ts>', () => {
    const run = vigil(['restore', backup, '--data-dir', dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { keptAs: string; dataDir: string };
    expect(result.dataDir).toBe(dataDir);
    expect(path.basename(result.keptAs)).toMatch(/^vault\.before-restore-\d{8}T\d{6}Z$/);
    expect(fs.existsSync(path.join(result.keptAs, 'vault.json'))).toBe(true);
    const audit = vigil(['audit', 'verify', '--data-dir', dataDir]);
    expect(audit.code).toBe(0);
  }, 180_000);

  it('refuses a damaged backup (exit 2), a wrong passphrase (exit 3) and a missing file (exit 2), changing nothing', () => {
    const damaged = path.join(root, 'damaged.vigilbackup');
    const bytes = fs.readFileSync(backup);
    bytes[bytes.length - 100]! ^= 0x80;
    fs.writeFileSync(damaged, bytes);
    const vaultBefore = fs.readFileSync(path.join(dataDir, 'vault.db'));
    const bad = vigil(['restore', damaged, '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('The backup is damaged');
    const wrong = vigil(['restore', backup, '--data-dir', dataDir], { VIGIL_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toContain('valid when the backup was made');
    expect(vigil(['restore', path.join(root, 'missing.vigilbackup'), '--data-dir', dataDir]).code).toBe(2);
    expect(fs.readFileSync(path.join(dataDir, 'vault.db')).equals(vaultBefore)).toBe(true);
    expect(fs.readdirSync(root).filter((n) => n.includes('restoring'))).toEqual([]);
  }, 180_000);
});

describe('vigil handover', () => {
  const pack = path.join(root, 'handover.zip');

  it('exports with the password from VIGIL_HANDOVER_PASSWORD and imports into a fresh vault', () => {
    const run = vigil(['handover', 'export', '--out', pack, '--data-dir', dataDir, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const value = JSON.parse(run.stdout) as { index: { leftOut: string[] } };
    expect(value.index.leftOut.join('\n')).toMatch(/\d+ sensitive contacts left out/);
    expect(run.stdout + run.stderr).not.toContain(HANDOVER_PASSWORD);

    const fresh = path.join(root, 'successor');
    expect(vigil(['init', '--name', 'Successor', '--data-dir', fresh]).code).toBe(0);
    const imported = vigil(['handover', 'import', pack, '--data-dir', fresh, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).total).toBeGreaterThan(100);
    // Second time: the vault is not empty any more.
    const again = vigil(['handover', 'import', pack, '--data-dir', fresh]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('new, empty vault');
  }, 180_000);

  it('exit codes: wrong password 1, no password and no terminal 2, missing file 2; vigil call refuses it', () => {
    const fresh = path.join(root, 'successor2');
    expect(vigil(['init', '--name', 'Successor', '--data-dir', fresh]).code).toBe(0);
    const wrong = vigil(['handover', 'import', pack, '--data-dir', fresh], { VIGIL_HANDOVER_PASSWORD: 'a wrong password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Wrong handover password');
    expect(vigil(['handover', 'export', '--out', pack, '--data-dir', dataDir], { VIGIL_HANDOVER_PASSWORD: '' }).code).toBe(2);
    expect(vigil(['handover', 'import', path.join(root, 'nope.zip'), '--data-dir', fresh]).code).toBe(2);
    const viaCall = vigil(['call', 'handover.export', JSON.stringify({ path: pack, password: HANDOVER_PASSWORD }), '--data-dir', dataDir]);
    expect(viaCall.code).toBe(2);
    expect(viaCall.stderr).toContain('carries a secret');
  }, 180_000);
});
