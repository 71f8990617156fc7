import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { exportTargetWarnings, exportWarningText, FAT_MAX_FILE_BYTES, writeExportStream } from '../../../electron/core/export/exportFile';
import type { DriveInfo } from '../../../electron/core/files/removableDrives';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

const GiB = 1024 * 1024 * 1024;
const stick = (over: Partial<DriveInfo> = {}): DriveInfo => ({
  mountPoint: '/media/officer/VIGIL USB',
  label: 'VIGIL USB',
  fsType: 'vfat',
  sizeBytes: 16e9,
  freeBytes: 12e9,
  removable: true,
  ...over,
});

describe('exportTargetWarnings', () => {
  it('says nothing for a roomy USB stick', () => {
    expect(exportTargetWarnings(stick(), 50e6)).toEqual([]);
  });

  it('warns when the target is not removable, naming the drive', () => {
    expect(exportTargetWarnings(stick({ removable: false, mountPoint: '/' }), 10)).toEqual([{ code: 'notRemovable', mountPoint: '/' }]);
  });

  it('warns nearly full under 100 MB free, or under the file size + 10 %', () => {
    expect(exportTargetWarnings(stick({ freeBytes: 99e6 }), null)).toEqual([{ code: 'nearlyFull', freeBytes: 99e6, neededBytes: null }]);
    expect(exportTargetWarnings(stick({ freeBytes: 1.05e9 }), 1e9)).toEqual([{ code: 'nearlyFull', freeBytes: 1.05e9, neededBytes: 1.1e9 }]);
    expect(exportTargetWarnings(stick({ freeBytes: 1.2e9 }), 1e9)).toEqual([]);
  });

  it('blocks a file of 4 GiB or more on FAT32 (vfat, msdos, FAT32), not on exFAT or NTFS', () => {
    expect(exportTargetWarnings(stick(), 4 * GiB)).toEqual([{ code: 'fatTooBig', fsType: 'vfat', sizeBytes: 4 * GiB }]);
    expect(exportTargetWarnings(stick({ fsType: 'msdos' }), 5 * GiB)[0]?.code).toBe('fatTooBig');
    expect(exportTargetWarnings(stick({ fsType: 'fat32' }), 5 * GiB)[0]?.code).toBe('fatTooBig');
    expect(exportTargetWarnings(stick(), FAT_MAX_FILE_BYTES)).toEqual([]);
    expect(exportTargetWarnings(stick({ fsType: 'exfat' }), 5 * GiB)).toEqual([]);
    expect(exportWarningText({ code: 'fatTooBig', fsType: 'vfat', sizeBytes: 5 * GiB })).toContain('FAT32, which cannot hold a file of 4 GiB or more');
  });

  it('claims nothing when the drive is unknown', () => {
    expect(exportTargetWarnings(null, 5 * GiB)).toEqual([]);
  });
});

describe('files.checkTarget and files.protectExport through the core', () => {
  const mounts: string[] = [];
  afterAll(() => {
    for (const m of mounts) spawnSync('umount', ['-l', m]);
  });

  it('on a real, small, non-removable tmpfs: "not removable" and "nearly full", not blocked', async (ctx) => {
    const at = tempDir('vigil-check-');
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', at]).status !== 0) {
      process.stderr.write('exportServiceWarnings.test: cannot mount a tmpfs here (needs root); skipping\n');
      return ctx.skip();
    }
    mounts.push(at);
    const core = await makeUnlockedCore();
    const result = await call(core, 'files.checkTarget', { path: path.join(at, 'incidents.xlsx'), sizeBytes: 500_000 });
    expect(result.folder).toBe(at);
    expect(result.drive).toMatchObject({ mountPoint: at, fsType: 'tmpfs', removable: false, sizeBytes: 2 * 1024 * 1024 });
    expect(result.warnings).toEqual([
      { code: 'notRemovable', mountPoint: at },
      { code: 'nearlyFull', freeBytes: 2 * 1024 * 1024, neededBytes: 550_000 },
    ]);
    expect(result.blocked).toBe(false);
    // A folder is checked as itself.
    expect((await call(core, 'files.checkTarget', { path: at })).folder).toBe(at);
    core.close();
  });

  it('refuses a 4 GiB stream to a real FAT32 drive before writing anything (needs vfat in the kernel)', async (ctx) => {
    const image = path.join(tempDir(), 'fat.img');
    const at = tempDir('vigil-fat-');
    execFileSync('truncate', ['-s', '40M', image]);
    const mkfs = spawnSync('mkfs.vfat', ['-F', '32', image], { encoding: 'utf8' });
    const mounted = mkfs.status === 0 && spawnSync('mount', ['-o', 'loop', image, at]).status === 0;
    if (!mounted) {
      const why = mkfs.status !== 0 ? 'mkfs.vfat is missing (dosfstools)' : 'the kernel cannot mount vfat here';
      process.stderr.write(`exportServiceWarnings.test: SKIPPED "real FAT32 refusal": ${why}\n`);
      return ctx.skip(why);
    }
    mounts.push(at);
    async function* never(): AsyncGenerator<Uint8Array> {
      yield Buffer.alloc(1);
    }
    await expect(writeExportStream(path.join(at, 'backup.vigilbackup'), never(), { expectedBytes: 4 * GiB })).rejects.toThrow('cannot hold a file of 4 GiB');
    expect(fs.readdirSync(at)).toEqual([]);
  });

  it('files.protectExport is secret (vigil call refuses it) and wraps the next module export in an AES-256 ZIP', async () => {
    expect(contract['files.protectExport'].secret).toBe(true);
    const core = await makeUnlockedCore({ demo: true });
    const dir = tempDir('vigil-protect-');
    const bad = await callRaw(core, 'files.protectExport', { path: path.join(dir, 'premises.xlsx'), password: 'short' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const armed = await call(core, 'files.protectExport', { path: path.join(dir, 'premises.xlsx'), password: 'copper-harbour-9' });
    expect(armed.path).toBe(path.join(dir, 'premises.xlsx.zip'));
    const result = (await callRaw(core, 'premises.export', { format: 'xlsx', path: path.join(dir, 'premises.xlsx') })) as { ok: boolean; value: { path: string } };
    expect(result).toMatchObject({ ok: true, value: { path: path.join(dir, 'premises.xlsx.zip') } });
    expect(fs.readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'premises.xlsx.zip']);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).toBe('premises.xlsx.zip: OK\n');
    if (spawnSync('7z', ['i'], { stdio: 'ignore' }).status === 0) {
      const out = tempDir();
      expect(spawnSync('7z', ['x', '-pcopper-harbour-9', `-o${out}`, path.join(dir, 'premises.xlsx.zip')]).status).toBe(0);
      expect(fs.readFileSync(path.join(out, 'premises.xlsx')).subarray(0, 2).toString()).toBe('PK'); // an XLSX inside
    }
    core.close();
  });
});
