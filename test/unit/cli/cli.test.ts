import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');

function vigil(args: string[], options: { passphrase?: string; input?: string } = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: options.passphrase ?? '' };
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input: options.input ?? '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// One demo vault for the whole file: the real KDF runs in each child process.
const dataDir = path.join(tempDir('vigil-cli-'), 'vault');
const init = vigil(['init', '--demo', '--data-dir', dataDir, '--json', '--seed', '3'], { passphrase: PASSPHRASE });

describe('vigil command line', () => {
  it('init --demo creates a demo vault and prints its status as JSON', () => {
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toMatchObject({ state: 'unlocked', isDemo: true });
  });

  it('init refuses (exit 1) when the folder already holds a vault, and changes nothing', () => {
    const header = fs.readFileSync(path.join(dataDir, 'vault.json'));
    const again = vigil(['init', '--data-dir', dataDir], { passphrase: PASSPHRASE });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a vault/);
    expect(fs.readFileSync(path.join(dataDir, 'vault.json'))).toEqual(header);
  });

  it('commands prints the contract as JSON Schema without a passphrase', () => {
    const out = vigil(['commands', '--data-dir', dataDir]);
    expect(out.code).toBe(0);
    const list = JSON.parse(out.stdout) as Array<{ name: string; input: { type?: string } }>;
    expect(list.map((c) => c.name)).toContain('premises.create');
    expect(list.find((c) => c.name === 'premises.create')?.input.type).toBe('object');
  });

  it('call prints one envelope and exits 0, reading JSON from argv or stdin', () => {
    const out = vigil(['call', 'premises.list', '{"endRow":3}', '--data-dir', dataDir], { passphrase: PASSPHRASE });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true, value: { total: 8 } });
    const piped = vigil(['call', 'areas.list', '-', '--data-dir', dataDir], { passphrase: PASSPHRASE, input: '{}' });
    expect(JSON.parse(piped.stdout).value.length).toBeGreaterThan(3);
  });

  it.each([
    ['malformed JSON', ['call', 'premises.list', '{oops'], 1, 'VALIDATION'],
    ['unknown command', ['call', 'nothing.here', '{}'], 1, 'NOT_FOUND'],
    ['wrong types', ['call', 'premises.create', '{"name":1,"type":"office"}'], 1, 'VALIDATION'],
    ['coordinates out of range', ['call', 'premises.create', '{"name":"x","type":"office","latitude":91,"longitude":0}'], 1, 'VALIDATION'],
  ])('call with %s exits %i with a %s envelope', (_label, args, code, errorCode) => {
    const out = vigil([...args, '--data-dir', dataDir], { passphrase: PASSPHRASE });
    expect(out.code).toBe(code);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: false, error: { code: errorCode } });
  });

  it('refuses secret commands (exit 2) and a missing passphrase without a terminal (exit 2)', () => {
    expect(vigil(['call', 'vault.unlock', '{"passphrase":"x"}', '--data-dir', dataDir]).code).toBe(2);
    const noPass = vigil(['call', 'premises.list', '{}', '--data-dir', dataDir]);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toMatch(/VIGIL_PASSPHRASE/);
  });

  it('exits 3 on a wrong passphrase', () => {
    const out = vigil(['call', 'premises.list', '{}', '--data-dir', dataDir], { passphrase: 'wrong-but-long-enough' });
    expect(out.code).toBe(3);
    expect(out.stderr).toMatch(/wrong passphrase/i);
  });

  it('exits 2 on a usage error', () => {
    expect(vigil(['frobnicate']).code).toBe(2);
  });

  it('audit verify reports an intact trail', () => {
    const out = vigil(['audit', 'verify', '--data-dir', dataDir, '--json'], { passphrase: PASSPHRASE });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ ok: true });
  });

  it('a data dir holding something that is not a vault gets a clear message and is left alone', () => {
    const dir = tempDir('vigil-notvault-');
    fs.writeFileSync(path.join(dir, 'vault.db'), 'garbage');
    const out = vigil(['call', 'premises.list', '{}', '--data-dir', dir], { passphrase: PASSPHRASE });
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/header.*missing/i);
    expect(fs.readFileSync(path.join(dir, 'vault.db'), 'utf8')).toBe('garbage');
  });
});
