import fs from 'node:fs';
import path from 'node:path';

/**
 * Removable drives on Linux, read from /proc/self/mountinfo and /sys/block: a USB stick is offered first
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
