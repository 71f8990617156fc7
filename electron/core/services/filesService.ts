import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import type { SaveLocation } from '../../../shared/contract/files';
import type { Handlers } from '../registry';
import { removableMounts } from '../files/removableDrives';

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

export const filesHandlers: Handlers<'files.locations' | 'files.browse'> = {
  'files.locations': (ctx) => {
    const home = os.homedir();
    const found: SaveLocation[] = removableMounts().map((m) => location(m.mountPoint, path.basename(m.mountPoint), 'removable'));
    const documents = path.join(home, 'Documents');
    if (fs.existsSync(documents)) found.push(location(documents, 'Documents', 'documents'));
    found.push(location(home, home, 'home'));
    found.push(location(path.dirname(ctx.dataDir), path.dirname(ctx.dataDir), 'dataDir'));
    const seen = new Set<string>();
    return found.filter((l) => !seen.has(l.path) && (seen.add(l.path), true));
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
