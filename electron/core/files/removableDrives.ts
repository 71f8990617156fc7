import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parsePlist } from 'plist';

/**
 * Removable drives: on Linux read from /proc/self/mountinfo and /sys/block: a USB stick is offered first
 * wherever the user saves an export. `sysRoot` and `procMountinfo` point at a fixture tree in tests.
 */
export interface MountEntry {
  mountPoint: string;
  source: string;
  fsType: string;
}

/** mountinfo fields: id parent major:minor root mount-point options ... - fstype source super-options */
export function parseMountinfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const fields = left.split(' ');
    const [fsType, source] = right.split(' ');
    const mountPoint = fields[4];
    if (!mountPoint || !fsType || !source) continue;
    entries.push({ mountPoint: unescapeOctal(mountPoint), source: unescapeOctal(source), fsType });
  }
  return entries;
}

/** mountinfo escapes space, tab, newline and backslash as \040 etc. */
function unescapeOctal(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** /dev/sdb1 -> sdb, /dev/nvme0n1p2 -> nvme0n1, /dev/mmcblk0p1 -> mmcblk0; anything else (tmpfs, overlay) -> null */
export function blockDeviceOf(source: string): string | null {
  const numbered = /^\/dev\/(nvme\d+n\d+|mmcblk\d+)(p\d+)?$/.exec(source);
  if (numbered?.[1]) return numbered[1];
  const lettered = /^\/dev\/([a-z]+)\d*$/.exec(source);
  return lettered?.[1] ?? null;
}

export function isRemovableDevice(device: string, sysRoot = '/sys'): boolean {
  const base = path.join(sysRoot, 'block', device);
  try {
    if (fs.readFileSync(path.join(base, 'removable'), 'utf8').trim() === '1') return true;
  } catch {
    return false;
  }
  try {
    // USB hard drives and many USB sticks report removable=0; their sysfs path goes through the USB bus.
    return fs.realpathSync(base).includes('/usb');
  } catch {
    return false;
  }
}

export function removableMounts(options: { procMountinfo?: string; sysRoot?: string } = {}): MountEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(options.procMountinfo ?? '/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  return parseMountinfo(text).filter((m) => {
    const device = blockDeviceOf(m.source);
    return device !== null && isRemovableDevice(device, options.sysRoot);
  });
}

/**
 * One mounted volume, whatever the OS: Linux mount point, Windows drive root ("E:\\"), macOS /Volumes/...
 * Sizes are bytes; null when the OS did not say.
 */
export interface DriveInfo {
  mountPoint: string;
  label: string;
  /** Lower-case file system name as the OS reports it: vfat, exfat, ntfs, fat32, msdos, apfs, ext4 ... */
  fsType: string;
  sizeBytes: number | null;
  freeBytes: number | null;
  removable: boolean;
}

/** FAT (vfat/msdos on Linux and macOS, FAT/FAT32 on Windows) cannot hold a file of 4 GiB or more. */
export function isFat(fsType: string): boolean {
  return /^(vfat|msdos|fat|fat12|fat16|fat32)$/i.test(fsType.trim());
}

function statfsBytes(dir: string): { sizeBytes: number | null; freeBytes: number | null } {
  try {
    const s = fs.statfsSync(dir);
    return { sizeBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
  } catch {
    return { sizeBytes: null, freeBytes: null };
  }
}

/** Network file systems: a dead server makes statfs hang, so their size is not asked for. */
const NETWORK_FS = /^(nfs|nfs4|cifs|smb3|smbfs|ncpfs|afs|ceph|glusterfs|9p|fuse\.sshfs|fuse\.rclone|davfs|fuse\.davfs2)$/;

/** Every mount on Linux (removable or not), with size and free space from statfs (local file systems only). */
export function linuxDrives(options: { procMountinfo?: string; sysRoot?: string; statfs?: boolean } = {}): DriveInfo[] {
  let text: string;
  try {
    text = fs.readFileSync(options.procMountinfo ?? '/proc/self/mountinfo', 'utf8');
  } catch {
    return [];
  }
  return parseMountinfo(text).map((m) => {
    const device = blockDeviceOf(m.source);
    const removable = device !== null && isRemovableDevice(device, options.sysRoot);
    const sizes = options.statfs === false || NETWORK_FS.test(m.fsType) ? { sizeBytes: null, freeBytes: null } : statfsBytes(m.mountPoint);
    return { mountPoint: m.mountPoint, label: path.basename(m.mountPoint) || m.mountPoint, fsType: m.fsType.toLowerCase(), ...sizes, removable };
  });
}

// ---------------------------------------------------------------- Windows: Get-Volume | ConvertTo-Json

/** MSFT_Volume.DriveType as a number (raw CIM value) or as its name (formatted / Select-Object output). */
const WINDOWS_DRIVE_TYPES: Record<number, string> = { 0: 'Unknown', 1: 'Invalid Root Path', 2: 'Removable', 3: 'Fixed', 4: 'Remote', 5: 'CD-ROM', 6: 'RAM Disk' };

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
}

/**
 * Parses `Get-Volume | ConvertTo-Json` (one object when there is a single volume, else an array). Only
 * volumes with a drive letter can be saved to; DriveLetter is a string ("E") or, from some PowerShell
 * versions, the char code (69). Removable = DriveType 2 / "Removable".
 */
export function parseGetVolumeJson(text: string): DriveInfo[] {
  let parsed: unknown;
  try {
    // PowerShell 5.1 may write a UTF-8 BOM.
    parsed = JSON.parse(text.replace(/^\uFEFF/, '').trim() || '[]');
  } catch {
    return [];
  }
  const volumes = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown> | null>;
  const drives: DriveInfo[] = [];
  for (const v of volumes) {
    if (!v || typeof v !== 'object') continue;
    const rawLetter = v.DriveLetter;
    const letter = typeof rawLetter === 'number' ? String.fromCharCode(rawLetter) : typeof rawLetter === 'string' ? rawLetter.trim() : '';
    if (!/^[A-Za-z]$/.test(letter)) continue;
    const type = typeof v.DriveType === 'number' ? WINDOWS_DRIVE_TYPES[v.DriveType] : String(v.DriveType ?? '');
    const fsName = typeof v.FileSystem === 'string' ? v.FileSystem : typeof v.FileSystemType === 'string' ? v.FileSystemType : '';
    drives.push({
      mountPoint: `${letter.toUpperCase()}:\\`,
      label: typeof v.FileSystemLabel === 'string' && v.FileSystemLabel.trim() ? v.FileSystemLabel.trim() : `${letter.toUpperCase()}:`,
      fsType: fsName.toLowerCase(),
      sizeBytes: num(v.Size),
      freeBytes: num(v.SizeRemaining),
      removable: type === 'Removable',
    });
  }
  return drives;
}

// ---------------------------------------------------------------- macOS: diskutil list/info -plist

export interface DiskutilVolume {
  deviceIdentifier: string;
  mountPoint: string;
  volumeName: string;
  content: string;
  size: number | null;
}

type PlistDict = Record<string, unknown>;

function asDict(v: unknown): PlistDict | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as PlistDict) : null;
}

function parsePlistDict(xml: string): PlistDict | null {
  // Truncated output (a killed diskutil) is not parsed at all: the XML parser would log a fatal error.
  if (!/<\/plist>\s*$/.test(xml)) return null;
  try {
    return asDict(parsePlist(xml));
  } catch {
    return null;
  }
}

/** Mounted volumes from `diskutil list -plist`: partitions, APFS volumes and whole disks with a MountPoint. */
export function parseDiskutilList(xml: string): DiskutilVolume[] {
  const root = parsePlistDict(xml);
  const disks = Array.isArray(root?.AllDisksAndPartitions) ? root.AllDisksAndPartitions : [];
  const found: DiskutilVolume[] = [];
  const add = (d: PlistDict | null) => {
    if (!d || typeof d.MountPoint !== 'string' || !d.MountPoint || typeof d.DeviceIdentifier !== 'string') return;
    found.push({
      deviceIdentifier: d.DeviceIdentifier,
      mountPoint: d.MountPoint,
      volumeName: typeof d.VolumeName === 'string' ? d.VolumeName : path.basename(d.MountPoint),
      content: typeof d.Content === 'string' ? d.Content : '',
      size: num(d.Size),
    });
  };
  for (const entry of disks) {
    const disk = asDict(entry);
    if (!disk) continue;
    add(disk);
    for (const key of ['Partitions', 'APFSVolumes']) {
      const list = disk[key];
      if (Array.isArray(list)) for (const p of list) add(asDict(p));
    }
  }
  return found;
}

/** Values of `diskutil info -plist <id>` that the drive shape needs. */
export function parseDiskutilInfo(xml: string): Partial<DriveInfo> & { internal?: boolean } {
  const d = parsePlistDict(xml);
  if (!d) return {};
  const removable = d.RemovableMedia === true || d.Removable === true || d.RemovableMediaOrExternalDevice === true || d.Internal === false;
  // `FilesystemType` is "msdos" for every FAT (FilesystemName says "MS-DOS (FAT32)"): all have the 4 GiB limit.
  const fsType = typeof d.FilesystemType === 'string' ? d.FilesystemType.toLowerCase() : '';
  return {
    ...(typeof d.MountPoint === 'string' && d.MountPoint ? { mountPoint: d.MountPoint } : {}),
    ...(typeof d.VolumeName === 'string' && d.VolumeName ? { label: d.VolumeName } : {}),
    ...(fsType ? { fsType } : {}),
    sizeBytes: num(d.TotalSize) ?? num(d.Size),
    freeBytes: num(d.APFSContainerFree) ?? num(d.FreeSpace) ?? num(d.FreeSpaceBytes),
    removable,
    ...(typeof d.Internal === 'boolean' ? { internal: d.Internal } : {}),
  };
}

/** Joins `diskutil list -plist` with one `diskutil info -plist` per mounted volume (keyed by DeviceIdentifier). */
export function drivesFromDiskutil(listXml: string, infoXml: Record<string, string>): DriveInfo[] {
  return parseDiskutilList(listXml).map((v) => {
    const info = infoXml[v.deviceIdentifier] !== undefined ? parseDiskutilInfo(infoXml[v.deviceIdentifier] ?? '') : {};
    return {
      mountPoint: v.mountPoint,
      label: info.label ?? v.volumeName,
      fsType: info.fsType ?? (/FAT/i.test(v.content) ? 'msdos' : v.content.toLowerCase()),
      sizeBytes: info.sizeBytes ?? v.size,
      freeBytes: info.freeBytes ?? null,
      removable: info.removable ?? false,
    };
  });
}

// ---------------------------------------------------------------- the platform choice

export type RunCommand = (file: string, args: string[], timeoutMs: number) => Promise<string>;

const runCommand: RunCommand = (file, args, timeoutMs) =>
  new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024, windowsHide: true, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });

const GET_VOLUME_SCRIPT =
  '[Console]::OutputEncoding=[Text.Encoding]::UTF8; @(Get-Volume | Select-Object DriveLetter,FileSystemLabel,FileSystem,@{n="DriveType";e={[string]$_.DriveType}},Size,SizeRemaining) | ConvertTo-Json -Compress';

/**
 * Every mounted volume, with `removable` set, on this OS: Linux from mountinfo + sysfs, Windows from
 * PowerShell Get-Volume, macOS from diskutil. The outside commands run only on their own OS, with a
 * timeout; any failure gives an empty list, never an exception.
 */
export async function listDrives(options: { platform?: NodeJS.Platform; run?: RunCommand; timeoutMs?: number } = {}): Promise<DriveInfo[]> {
  const platform = options.platform ?? process.platform;
  const run = options.run ?? runCommand;
  const timeoutMs = options.timeoutMs ?? 5000;
  try {
    if (platform === 'linux') return linuxDrives();
    if (platform === 'win32') {
      return parseGetVolumeJson(await run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', GET_VOLUME_SCRIPT], timeoutMs));
    }
    if (platform === 'darwin') {
      const listXml = await run('diskutil', ['list', '-plist'], timeoutMs);
      const infos: Record<string, string> = {};
      for (const v of parseDiskutilList(listXml).slice(0, 32)) {
        infos[v.deviceIdentifier] = await run('diskutil', ['info', '-plist', v.deviceIdentifier], timeoutMs).catch(() => '');
      }
      return drivesFromDiskutil(listXml, infos);
    }
  } catch {
    return [];
  }
  return [];
}

/** Removable drives only, in the order the OS listed them. */
export async function listRemovableDrives(options: Parameters<typeof listDrives>[0] = {}): Promise<DriveInfo[]> {
  return (await listDrives(options)).filter((d) => d.removable);
}

/** The drive holding `target` (longest mount point that contains it; drive letters compared without case). */
export function driveForPath(target: string, drives: DriveInfo[], platform: NodeJS.Platform = process.platform): DriveInfo | null {
  const win = platform === 'win32';
  const norm = (p: string) => (win ? p.replaceAll('/', '\\').toLowerCase() : p);
  const t = norm(target);
  let best: DriveInfo | null = null;
  for (const d of drives) {
    const m = norm(d.mountPoint);
    const sep = win ? '\\' : '/';
    const inside = t === m || t.startsWith(m.endsWith(sep) ? m : m + sep);
    if (inside && (!best || m.length > norm(best.mountPoint).length)) best = d;
  }
  return best;
}
