import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import type { SaveLocation } from '../../../shared/contract/files';
import type { Handlers } from '../registry';
import { driveForPath, listRemovableDrives } from '../files/removableDrives';
import { armExportEncryption, exportTargetWarnings, refreshDrives } from '../export/exportFile';

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

function location(p: string, label: string, kind: SaveLocation['kind']): SaveLocation {
  return { path: p, label, kind, freeBytes: freeBytes(p) };
}

export const filesHandlers: Handlers<'files.locations' | 'files.browse' | 'files.checkTarget' | 'files.protectExport'> = {
  'files.locations': async (ctx) => {
    const home = os.homedir();
    // Windows and macOS: Get-Volume / diskutil, with a timeout; Linux: mountinfo + sysfs. Never throws.
    const found: SaveLocation[] = (await listRemovableDrives()).map((d) => ({
      path: d.mountPoint,
      label: d.label,
      kind: 'removable' as const,
      freeBytes: d.freeBytes ?? freeBytes(d.mountPoint),
    }));
    const documents = path.join(home, 'Documents');
    if (fs.existsSync(documents)) found.push(location(documents, 'Documents', 'documents'));
    found.push(location(home, home, 'home'));
    found.push(location(path.dirname(ctx.dataDir), path.dirname(ctx.dataDir), 'dataDir'));
    const seen = new Set<string>();
    return found.filter((l) => !seen.has(l.path) && (seen.add(l.path), true));
  },

  'files.checkTarget': async (_ctx, input) => {
    const resolved = path.resolve(input.path);
    // A file path is checked by its folder; a folder (existing) is checked as itself.
    const folder = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? resolved : path.dirname(resolved);
    const listed = driveForPath(folder, await refreshDrives());
    // The OS listing may miss network or odd mounts: statfs the folder itself for free space.
    const free = freeBytes(folder);
    const drive = listed ? { ...listed, freeBytes: free ?? listed.freeBytes } : null;
    const warnings = exportTargetWarnings(drive, input.sizeBytes ?? null);
    return { folder, drive, warnings, blocked: warnings.some((w) => w.code === 'fatTooBig') };
  },

  'files.protectExport': (_ctx, input) => {
    armExportEncryption(input.path, input.password);
    return { path: `${path.resolve(input.path)}.zip` };
  },

  'files.browse': (_ctx, input) => {
    const dir = path.resolve(input.path);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `The folder ${dir} cannot be opened (${code ?? 'error'}).`);
    }
    const parent = path.dirname(dir);
    return {
      path: dir,
      parent: parent === dir ? null : parent,
      entries: entries
        .filter((e) => !e.name.startsWith('.'))
        .map((e) => ({ name: e.name, isDir: e.isDirectory() }))
        .sort((a, b) => Number(b.isDir) - Number(a.isDir) || a.name.localeCompare(b.name))
        .slice(0, 2000),
    };
  },
};
