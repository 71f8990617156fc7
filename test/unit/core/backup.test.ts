import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { call, callRaw, makeUnlockedCore, PASSPHRASE, tempDir } from '../helpers/testCore';
import { dumpVault } from '../helpers/backupDump';

const NAME = /^vigil-test-delegation-\d{8}T\d{6}Z\.vigilbackup$/;
const cores: Core[] = [];

/** A demo vault (every module's demo rows) with a clock we can move, so backup names differ. */
async function demoCore(extra: Record<string, unknown> = {}) {
  let t = Date.parse('2026-03-02T08:00:00.000Z');
  const now = () => new Date(t);
  const core = await makeUnlockedCore({ demo: true, now, idleCheckMs: 0, backupCheckMs: 0, ...extra } as never);
  cores.push(core);
  return { core, tick: (ms = 1000) => (t += ms), now };
}

afterAll(() => cores.forEach((c) => c.close()));

const withoutSeq = (rows: unknown[], n: number) => rows.slice(0, n);

describe('backups', () => {
  it('backs up and restores: every table equal, the old vault kept beside', async () => {
    const { core, tick } = await demoCore();
    const before = await dumpVault(core.dataDir, PASSPHRASE);
    const folder = tempDir('vigil-backups-');
    const progress: number[] = [];
    core.subscribe((e) => e.name === 'backup.progress' && progress.push(e.payload.progress!.done));
    const made = await call(core, 'backup.create', { folder });
    expect(path.basename(made.path)).toMatch(NAME);
    expect(made.verified).toBe(true);
    expect(fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8')).toBe(`${made.sha256}  ${path.basename(made.path)}\n`);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder }).toString()).toContain(': OK');
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(100);
    const status = await call(core, 'backup.status', {});
    expect(status.last).toMatchObject({ path: made.path, verified: true, sha256: made.sha256 });

    // Change things after the backup: the restore must bring back the backup's state, not today's.
    await call(core, 'premises.create', { name: 'Made after the backup', type: 'office' });
    tick();
    const restored = await call(core, 'backup.restore', { path: made.path, passphrase: PASSPHRASE });
    expect(restored.keptAs).toMatch(/\.before-restore-\d{8}T\d{6}Z$/);
    expect(fs.existsSync(path.join(restored.keptAs!, 'vault.db'))).toBe(true);

    const premises = await call(core, 'premises.list', { endRow: 500 });
    expect(premises.rows.map((r) => r.name)).not.toContain('Made after the backup');
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    await call(core, 'vault.lock', {});
    const after = await dumpVault(core.dataDir, PASSPHRASE);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) {
      // The restored vault records the restore itself in its audit trail, after the backup's rows.
      if (table === 'audit_log') expect(withoutSeq(after[table]!, before[table]!.length)).toEqual(before[table]);
      else expect(after[table], table).toEqual(before[table]);
    }
    // The vault kept beside still holds what was there before the restore.
    const kept = await dumpVault(restored.keptAs!, PASSPHRASE);
    expect(JSON.stringify(kept.premises)).toContain('Made after the backup');
  }, 60_000);

  it('refuses a backup with one flipped byte, with a clear message, and changes nothing', async () => {
    const { core } = await demoCore();
    const folder = tempDir('vigil-backups-');
    const made = await call(core, 'backup.create', { folder });
    const damaged = path.join(tempDir(), 'damaged.vigilbackup');
    const bytes = fs.readFileSync(made.path);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(damaged, bytes);
    await call(core, 'premises.create', { name: 'Still here', type: 'office' });
    const result = await callRaw(core, 'backup.restore', { path: damaged, passphrase: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/damaged.*checksum does not match.*Nothing was changed/s) } });
    expect((await call(core, 'premises.list', { endRow: 500 })).rows.map((r) => r.name)).toContain('Still here');
    expect(fs.readdirSync(path.dirname(core.dataDir)).filter((n) => n.includes('restor'))).toEqual([]);
    const notBackup = path.join(tempDir(), 'notes.vigilbackup');
    fs.writeFileSync(notBackup, 'hello, not a backup at all, just text');
    expect(await callRaw(core, 'backup.restore', { path: notBackup, passphrase: PASSPHRASE })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not a Vigil backup') },
    });
  }, 60_000);

  it('opens an old backup with the passphrase valid when it was made, not the new one', async () => {
    const { core, tick } = await demoCore();
    const folder = tempDir('vigil-backups-');
    const old = await call(core, 'backup.create', { folder });
    const NEW = 'violet-compass-thunder-88-quay';
    await call(core, 'vault.changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: NEW });
    tick();
    await call(core, 'backup.create', { folder });
    const wrong = await callRaw(core, 'backup.restore', { path: old.path, passphrase: NEW });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/valid when the backup was made/) } });
    expect((await call(core, 'vault.status', {})).state).toBe('unlocked');
    tick();
    await call(core, 'backup.restore', { path: old.path, passphrase: PASSPHRASE });
    await call(core, 'vault.lock', {});
    // The restored vault carries the old header: the old passphrase opens it, the new one does not.
    expect(await callRaw(core, 'vault.unlock', { passphrase: NEW })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
  }, 60_000);

  it('rotation keeps the newest N of this delegation and never touches any other file', async () => {
    const { core, tick } = await demoCore();
    const folder = tempDir('vigil-backups-');
    const others = [
      'notes.txt',
      'vigil-other-office-20200101T000000Z.vigilbackup',
      'vigil-test-delegation-2020.vigilbackup',
      'vigil-test-delegation-20200101T000000Z.vigilbackup.bak',
      'my-vigil-test-delegation-20200101T000000Z.vigilbackup',
    ];
    for (const n of others) fs.writeFileSync(path.join(folder, n), n);
    await call(core, 'backup.updateSettings', { keep: 2, folder });
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      made.push(path.basename((await call(core, 'backup.create', {})).path));
      tick(60_000);
    }
    const left = fs.readdirSync(folder).sort();
    expect(left).toEqual([...others, 'SHA256SUMS', made[2]!, made[3]!].sort());
    const sums = fs.readFileSync(path.join(folder, 'SHA256SUMS'), 'utf8');
    expect(sums).not.toContain(made[0]);
    expect(sums).toContain(made[3]);
    const listed = await call(core, 'backup.list', {});
    expect(listed.backups.map((b) => b.name)).toEqual([made[3], made[2], 'vigil-other-office-20200101T000000Z.vigilbackup']);
  }, 60_000);

  it('runs on a schedule while unlocked, and not while locked', async () => {
    const { core } = await demoCore({ backupCheckMs: 25 });
    const folder = tempDir('vigil-scheduled-');
    await call(core, 'backup.updateSettings', { folder, intervalHours: 24 });
    // The timer starts on unlock: lock and unlock so this core's timer runs with the settings above.
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { passphrase: PASSPHRASE });
    await vi.waitFor(() => expect(fs.readdirSync(folder).filter((n) => NAME.test(n))).toHaveLength(1), { timeout: 20_000, interval: 50 });
    await vi.waitFor(async () => expect((await call(core, 'backup.status', {})).last).not.toBeNull(), { timeout: 5000 });
    // Not due again for 24 h: no second file.
    await call(core, 'vault.lock', {});
    expect(fs.readdirSync(folder).filter((n) => NAME.test(n))).toHaveLength(1);
  }, 60_000);

  it('asks for a folder when none is set', async () => {
    const { core } = await demoCore();
    expect(await callRaw(core, 'backup.create', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Choose a backup folder first.' } });
    expect(await callRaw(core, 'backup.updateSettings', { folder: '/no/such/folder' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

/** A real small disk (tmpfs) as the backup target; root only, as in fullDisk.test.ts. */
const small = tempDir('vigil-small-target-');
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', small], { stdio: 'ignore' });
  mounted = true;
} catch {
  process.stderr.write('backup.test: cannot mount a tmpfs here (needs root); skipping the full-disk backup test\n');
}
afterAll(() => {
  if (mounted) execFileSync('umount', [small]);
});

describe.skipIf(!mounted)('a backup onto a full disk', () => {
  it('leaves no file under the final name, no partial file, and the vault untouched', async () => {
    const { core } = await demoCore();
    const before = await call(core, 'premises.list', { endRow: 500 });
    fs.writeFileSync(path.join(small, 'keep-me.txt'), 'other file');
    const result = await callRaw(core, 'backup.create', { folder: small });
    expect(result).toMatchObject({ ok: false, error: { code: 'IO', message: expect.stringMatching(/disk is full/) } });
    expect(fs.readdirSync(small)).toEqual(['keep-me.txt']);
    expect((await call(core, 'premises.list', { endRow: 500 })).rows).toEqual(before.rows);
    expect((await call(core, 'audit.verify', {})).ok).toBe(true);
    const status = await call(core, 'backup.status', {});
    expect(status.last).toBeNull();
    expect(status.lastError?.message).toMatch(/disk is full/);
    expect(fs.readdirSync(core.dataDir).filter((n) => n.startsWith('.backup-'))).toEqual([]);
  }, 60_000);
});
