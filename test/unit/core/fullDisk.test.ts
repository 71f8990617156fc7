import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeCore, PASSPHRASE, tempDir } from '../helpers/testCore';

/**
 * A real small file system (tmpfs) that fills up and turns read-only under the vault, rather than a mock:
 * what the officer sees is a clear message, and the vault keeps every save made before.
 * Mounting needs root, which our CI and build machines are; elsewhere the test says so and is skipped.
 */
const mountPoint = tempDir('vigil-small-disk-');
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'ignore' });
  mounted = true;
} catch {
  process.stderr.write('fullDisk.test: cannot mount a tmpfs here (needs root); skipping the full-disk tests\n');
}

function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    fs.closeSync(fd);
  }
  // Fill the last partial block too.
  try {
    fs.appendFileSync(filler, Buffer.alloc(1024, 1));
  } catch {
    // already full to the byte
  }
  return filler;
}

describe.skipIf(!mounted)('a full or read-only disk under the vault', () => {
  let core: Core;
  const dataDir = path.join(mountPoint, 'vault');

  beforeAll(async () => {
    core = makeCore({ dataDir, idleCheckMs: 0 } as never);
    await call(core, 'vault.create', { delegationName: 'Small disk', officerName: 'Test', timeZone: 'UTC', passphrase: PASSPHRASE });
    for (let i = 0; i < 5; i++) await call(core, 'premises.create', { name: `Before ${i}`, type: 'office' });
  });

  afterAll(() => {
    core?.close();
    if (mounted) execFileSync('umount', [mountPoint]);
  });

  it('refuses a save on a full disk with a clear message and keeps every earlier save', async () => {
    const filler = fillDisk(mountPoint);
    let refused: Awaited<ReturnType<typeof callRaw>> | undefined;
    for (let i = 0; i < 50 && !refused; i++) {
      const result = await callRaw(core, 'premises.create', { name: `During ${i}`, type: 'office', notes: 'x'.repeat(5000) });
      if (!result.ok) refused = result;
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/disk is full/i) } });

    fs.rmSync(filler);
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
    const names = (await call(core, 'premises.list', { endRow: 100 })).rows.map((r) => r.name);
    expect(names.filter((n) => n.startsWith('Before'))).toHaveLength(5);
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('leaves no partial export on a full disk, and the earlier file intact', async () => {
    const target = path.join(mountPoint, 'premises.csv');
    await call(core, 'premises.export', { format: 'csv', path: target });
    const before = fs.readFileSync(target);
    const filler = fillDisk(mountPoint);
    for (let i = 0; i < 30; i++) await callRaw(core, 'premises.create', { name: `Big ${i}`, type: 'office', notes: 'y'.repeat(5000) }).catch(() => undefined);
    fs.rmSync(filler);
    const bigFiller = fillDisk(mountPoint);
    const result = await callRaw(core, 'premises.export', { format: 'xlsx', path: path.join(mountPoint, 'premises.xlsx') });
    fs.rmSync(bigFiller);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code: 'IO' });
      expect(fs.existsSync(path.join(mountPoint, 'premises.xlsx'))).toBe(false);
    }
    expect(fs.readdirSync(mountPoint).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(fs.readFileSync(target)).toEqual(before);
  });

  it('says clearly that a vault on a read-only disk cannot be opened, and it opens once writable again', async () => {
    await call(core, 'vault.lock', {});
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    try {
      const result = await callRaw(core, 'vault.unlock', { passphrase: PASSPHRASE });
      expect(result).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/read-only|permission/i) } });
    } finally {
      execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    }
    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
    const names = (await call(core, 'premises.list', { endRow: 200 })).rows.map((r) => r.name);
    expect(names.filter((n) => n.startsWith('Before'))).toHaveLength(5);
  });
});
