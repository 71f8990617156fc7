import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');

function vigil(args: string[], passphrase = PASSPHRASE) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, VIGIL_PASSPHRASE: passphrase }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vigil: lockout, audit verify and erase', () => {
  const dataDir = path.join(tempDir('vigil-cli-hard-'), 'vault');
  const init = vigil(['init', '--data-dir', dataDir, '--json']);

  it('exits 3 with the remaining wait while a lockout is in force, without trying the passphrase', () => {
    expect(init.code).toBe(0);
    const lockout = path.join(dataDir, 'vault.lockout.json');
    const lockedAt = Date.now();
    fs.writeFileSync(lockout, JSON.stringify({ failures: 5, lastFailureAt: new Date(lockedAt).toISOString() }));
    let refused: ReturnType<typeof vigil>;
    try {
      refused = vigil(['audit', 'verify', '--data-dir', dataDir]);
    } finally {
      fs.rmSync(lockout);
    }
    expect(refused.code).toBe(3);
    // The wait left is the 60 s lockout minus the time the command took to start (long on a loaded machine).
    const wait = Number(/wait (\d+) s before trying again/.exec(refused.stderr)?.[1]);
    const elapsed = Math.ceil((Date.now() - lockedAt) / 1000);
    expect(wait).toBeLessThanOrEqual(60);
    expect(wait).toBeGreaterThanOrEqual(60 - elapsed - 1);
    const verified = vigil(['audit', 'verify', '--data-dir', dataDir]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/Audit trail intact/);
  });

  it('a wrong passphrase exits 3 and is counted', () => {
    expect(vigil(['audit', 'verify', '--data-dir', dataDir], 'wrong-passphrase-entirely').code).toBe(3);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'vault.lockout.json'), 'utf8')).failures).toBe(1);
  });

  it('erase needs --yes, then destroys the key so the old passphrase opens nothing', () => {
    const header = fs.readFileSync(path.join(dataDir, 'vault.json'));
    expect(vigil(['erase', '--data-dir', dataDir]).code).toBe(2);
    expect(fs.readFileSync(path.join(dataDir, 'vault.json'))).toEqual(header);
    const erased = vigil(['erase', '--yes', '--data-dir', dataDir]);
    expect(erased.code).toBe(0);
    expect(fs.readdirSync(dataDir)).toEqual([]);
    const after = vigil(['audit', 'verify', '--data-dir', dataDir]);
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/no vault/i);
  });
});
