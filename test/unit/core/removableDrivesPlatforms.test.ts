import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  driveForPath,
  drivesFromDiskutil,
  isFat,
  linuxDrives,
  listDrives,
  listRemovableDrives,
  parseDiskutilList,
  parseGetVolumeJson,
  type RunCommand,
} from '../../../electron/core/files/removableDrives';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures/drives');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** What the recorded commands printed, served to listDrives as if the OS had run them. */
const recorded: RunCommand = (file, args) => {
  if (file === 'powershell.exe') return Promise.resolve(fixture('get-volume.json'));
  if (file === 'diskutil' && args[0] === 'list') return Promise.resolve(fixture('diskutil-list.plist'));
  if (file === 'diskutil' && args[0] === 'info') return Promise.resolve(fixture(`diskutil-info-${args[2]}.plist`));
  return Promise.reject(new Error(`unexpected command ${file}`));
};

describe('Windows: Get-Volume | ConvertTo-Json', () => {
  it('reads lettered volumes with label, file system, size, free space; removable = DriveType 2', () => {
    expect(parseGetVolumeJson(fixture('get-volume.json'))).toEqual([
      { mountPoint: 'C:\\', label: 'Windows', fsType: 'ntfs', sizeBytes: 510770802688, freeBytes: 183463378944, removable: false },
      { mountPoint: 'E:\\', label: 'VIGIL USB', fsType: 'fat32', sizeBytes: 15495856128, freeBytes: 14233436160, removable: true },
      { mountPoint: 'F:\\', label: 'F:', fsType: 'exfat', sizeBytes: 62730010624, freeBytes: 61985914880, removable: true },
      { mountPoint: 'D:\\', label: 'D:', fsType: '', sizeBytes: 0, freeBytes: 0, removable: false },
    ]);
  });

  it('reads a single volume (an object, not an array), a BOM, CRLF and DriveType as text', () => {
    expect(parseGetVolumeJson(fixture('get-volume-single-select.json'))).toEqual([
      { mountPoint: 'G:\\', label: 'BACKUP', fsType: 'ntfs', sizeBytes: 31914983424, freeBytes: 104857600, removable: true },
    ]);
  });

  it('takes a drive letter given as a char code, and ignores garbage without throwing', () => {
    expect(parseGetVolumeJson('{"DriveLetter":72,"DriveType":2,"FileSystem":"FAT32","Size":1,"SizeRemaining":1}')[0]?.mountPoint).toBe('H:\\');
    expect(parseGetVolumeJson('not json')).toEqual([]);
    expect(parseGetVolumeJson('')).toEqual([]);
    expect(parseGetVolumeJson('[null, 3, "x"]')).toEqual([]);
  });
});

describe('macOS: diskutil list -plist + diskutil info -plist', () => {
  it('lists mounted partitions and APFS volumes, not unmounted ones (EFI, the APFS store)', () => {
    expect(parseDiskutilList(fixture('diskutil-list.plist')).map((v) => [v.deviceIdentifier, v.mountPoint, v.volumeName, v.content])).toEqual([
      ['disk1s1', '/', 'Macintosh HD', ''],
      ['disk1s2', '/System/Volumes/Data', 'Data', ''],
      ['disk1s5', '/System/Volumes/VM', 'VM', ''],
      ['disk4s1', '/Volumes/VIGIL USB', 'VIGIL USB', 'DOS_FAT_32'],
      ['disk5s1', '/Volumes/BACKUP', 'BACKUP', 'Microsoft Basic Data'],
    ]);
  });

  it('marks the USB stick and the external USB disk removable, with fs type and free space from diskutil info', async () => {
    const drives = await listDrives({ platform: 'darwin', run: recorded });
    expect(drives.find((d) => d.mountPoint === '/Volumes/VIGIL USB')).toEqual({
      mountPoint: '/Volumes/VIGIL USB',
      label: 'VIGIL USB',
      fsType: 'msdos',
      sizeBytes: 15495856128,
      freeBytes: 52428800,
      removable: true,
    });
    expect(drives.find((d) => d.mountPoint === '/Volumes/BACKUP')).toMatchObject({ fsType: 'exfat', removable: true, freeBytes: 812345671680 });
    expect(drives.find((d) => d.mountPoint === '/')).toMatchObject({ fsType: 'apfs', removable: false });
    expect((await listRemovableDrives({ platform: 'darwin', run: recorded })).map((d) => d.label)).toEqual(['VIGIL USB', 'BACKUP']);
  });

  it('without diskutil info, still lists the volumes (not removable, fs type from the partition content)', () => {
    const drives = drivesFromDiskutil(fixture('diskutil-list.plist'), {});
    expect(drives.find((d) => d.label === 'VIGIL USB')).toMatchObject({ fsType: 'msdos', removable: false, freeBytes: null });
    expect(drivesFromDiskutil('<plist><broken', {})).toEqual([]);
  });
});

describe('the platform choice', () => {
  it('runs PowerShell only on Windows and diskutil only on macOS', async () => {
    const calls: string[] = [];
    const spy: RunCommand = (file, args, timeout) => {
      calls.push(file);
      return recorded(file, args, timeout);
    };
    expect((await listRemovableDrives({ platform: 'win32', run: spy })).map((d) => d.mountPoint)).toEqual(['E:\\', 'F:\\']);
    expect(calls).toEqual(['powershell.exe']);
    calls.length = 0;
    await listDrives({ platform: 'linux', run: spy });
    expect(calls).toEqual([]);
    expect(await listDrives({ platform: 'freebsd', run: spy })).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('gives an empty list, not an exception, when the command is missing, fails or hangs past the timeout', async () => {
    // The real execFile: there is no powershell.exe or diskutil on this Linux machine.
    expect(await listDrives({ platform: 'win32' })).toEqual([]);
    expect(await listDrives({ platform: 'darwin' })).toEqual([]);
    const failing: RunCommand = () => Promise.reject(new Error('exit 1'));
    expect(await listDrives({ platform: 'win32', run: failing })).toEqual([]);
    // A real hanging command killed by execFile's timeout.
    const hanging: RunCommand = (_f, _a, timeoutMs) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        try {
          resolve(execFileSync('sleep', ['5'], { timeout: timeoutMs }).toString());
        } catch (error) {
          expect(Date.now() - started).toBeLessThan(2000);
          reject(error as Error);
        }
      });
    expect(await listDrives({ platform: 'darwin', run: hanging, timeoutMs: 200 })).toEqual([]);
  });
});

describe('Linux: free space and fs type', () => {
  it('reports fs type from mountinfo and size/free from statfs for the real root mount', () => {
    const root = linuxDrives().find((d) => d.mountPoint === '/');
    expect(root).toBeDefined();
    expect(root?.fsType).toMatch(/^[a-z0-9.]+$/);
    const s = fs.statfsSync('/');
    expect(root?.sizeBytes).toBe(s.blocks * s.bsize);
    // Other processes write meanwhile: free space within 256 MiB of a fresh statfs.
    expect(Math.abs((root?.freeBytes ?? 0) - s.bavail * s.bsize)).toBeLessThan(256 * 1024 * 1024);
  });

  it('reports the exact size and free space of a real 8 MiB tmpfs mount (root only)', (ctx) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-drive-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
    } catch {
      process.stderr.write('removableDrivesPlatforms.test: cannot mount a tmpfs here (needs root); skipping\n');
      ctx.skip();
      return;
    }
    try {
      fs.writeFileSync(path.join(dir, 'two-mib'), Buffer.alloc(2 * 1024 * 1024));
      expect(linuxDrives().find((d) => d.mountPoint === dir)).toEqual({
        mountPoint: dir,
        label: path.basename(dir),
        fsType: 'tmpfs',
        sizeBytes: 8 * 1024 * 1024,
        freeBytes: 6 * 1024 * 1024,
        removable: false,
      });
    } finally {
      execFileSync('umount', [dir]);
      fs.rmdirSync(dir);
    }
  });

  it('finds the drive holding a path: longest mount point; drive letters without case on Windows', () => {
    const drives = [
      { mountPoint: '/', label: '/', fsType: 'ext4', sizeBytes: 1, freeBytes: 1, removable: false },
      { mountPoint: '/media/officer/VIGIL USB', label: 'VIGIL USB', fsType: 'vfat', sizeBytes: 1, freeBytes: 1, removable: true },
    ];
    expect(driveForPath('/media/officer/VIGIL USB/reports/a.pdf', drives, 'linux')?.label).toBe('VIGIL USB');
    expect(driveForPath('/media/officer/VIGIL USB2/a.pdf', drives, 'linux')?.label).toBe('/');
    const win = parseGetVolumeJson(fixture('get-volume.json'));
    expect(driveForPath('e:\\exports\\a.xlsx', win, 'win32')?.label).toBe('VIGIL USB');
    expect(driveForPath('Z:\\a.xlsx', win, 'win32')).toBeNull();
    expect(os.platform()).toBe('linux');
  });

  it.each([
    ['vfat', true],
    ['msdos', true],
    ['FAT32', true],
    ['exfat', false],
    ['ntfs', false],
  ])('treats %s as FAT: %s', (fsType, fat) => {
    expect(isFat(fsType)).toBe(fat);
  });
});
