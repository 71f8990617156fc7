import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockDeviceOf, parseMountinfo, removableMounts } from '../../../electron/core/files/removableDrives';
import { tempDir } from '../helpers/testCore';

const MOUNTINFO = [
  '22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw',
  '30 22 0:26 / /tmp rw shared:2 - tmpfs tmpfs rw',
  '95 22 8:17 / /media/officer/VIGIL\\040USB rw,nosuid shared:50 - vfat /dev/sdb1 rw,uid=1000',
  '96 22 8:33 / /media/officer/BACKUP rw,nosuid shared:51 - exfat /dev/sdc1 rw',
  '97 22 179:1 / /media/officer/SDCARD rw shared:52 - vfat /dev/mmcblk0p1 rw',
].join('\n');

function sysTree(): string {
  const root = tempDir('vigil-sys-');
  const block = (name: string, removable: string, realDir?: string) => {
    const real = path.join(root, 'devices', realDir ?? `pci/${name}`);
    fs.mkdirSync(real, { recursive: true });
    fs.writeFileSync(path.join(real, 'removable'), `${removable}\n`);
    fs.mkdirSync(path.join(root, 'block'), { recursive: true });
    fs.symlinkSync(real, path.join(root, 'block', name));
  };
  block('nvme0n1', '0');
  block('sdb', '1');
  block('sdc', '0', 'pci0000:00/usb2/2-1/sdc'); // a USB disk that reports removable=0
  block('mmcblk0', '0');
  return root;
}

describe('removable drive detection (Linux)', () => {
  it('parses mountinfo, including escaped spaces', () => {
    expect(parseMountinfo(MOUNTINFO)[2]).toEqual({ mountPoint: '/media/officer/VIGIL USB', source: '/dev/sdb1', fsType: 'vfat' });
  });

  it.each([
    ['/dev/sdb1', 'sdb'],
    ['/dev/nvme0n1p2', 'nvme0n1'],
    ['/dev/mmcblk0p1', 'mmcblk0'],
    ['tmpfs', null],
  ])('maps %s to block device %s', (source, device) => {
    expect(blockDeviceOf(source)).toBe(device);
  });

  it('offers USB sticks and USB disks, not the internal disk or an SD reader reporting fixed', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'mountinfo'), MOUNTINFO);
    const found = removableMounts({ procMountinfo: path.join(dir, 'mountinfo'), sysRoot: sysTree() });
    expect(found.map((m) => m.mountPoint)).toEqual(['/media/officer/VIGIL USB', '/media/officer/BACKUP']);
  });
});
