import fs from 'node:fs';
import path from 'node:path';
import { SUMS_FILE } from '../export/exportFile';
import { fsyncDir, writeFileAtomic } from '../fs/atomicWrite';

export const BACKUP_EXTENSION = 'vigilbackup';

/** `vigil-<slug>-<UTC yyyymmddThhmmssZ>.vigilbackup` (INTERFACES.md); nothing else is ever rotated away. */
export const BACKUP_NAME = /^vigil-([a-z0-9]+(?:-[a-z0-9]+)*)-(\d{8}T\d{6}Z)\.vigilbackup$/;

/** The delegation name as lower-case ASCII words joined by dashes; "vault" when nothing Latin is left. */
export function backupSlug(delegationName: string): string {
  const slug = delegationName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'vault';
}

export function utcStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

export function backupFileName(delegationName: string, at: Date): string {
  return `vigil-${backupSlug(delegationName)}-${utcStamp(at)}.${BACKUP_EXTENSION}`;
}

/** "20261123T140501Z" back to an ISO time. */
export function stampToIso(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : stamp;
}

export interface BackupFileInfo {
  name: string;
  path: string;
  slug: string;
  createdAt: string;
  bytes: number;
}

/** Backups in a folder (only names of the exact pattern), newest first. */
export function listBackups(folder: string): BackupFileInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupFileInfo[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m) continue;
    const full = path.join(folder, name);
    try {
      const stat = fs.statSync(full);
      if (!stat.isFile()) continue;
      found.push({ name, path: full, slug: m[1]!, createdAt: stampToIso(m[2]!), bytes: stat.size });
    } catch {
      // Vanished while listing (another rotation, a pulled stick): not a backup any more.
    }
  }
  return found.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/**
 * Keeps the newest `keep` backups of this delegation (same slug) in the folder and deletes older ones;
 * any other file, including another delegation's backups, is never touched. The deleted names are taken
 * out of SHA256SUMS so `vigil verify` keeps passing on the folder.
 */
export function rotateBackups(folder: string, slug: string, keep: number): string[] {
  const mine = listBackups(folder).filter((b) => b.slug === slug);
  const removed: string[] = [];
  for (const old of mine.slice(Math.max(keep, 1))) {
    try {
      fs.rmSync(old.path);
      removed.push(old.name);
    } catch {
      // A file that cannot be deleted (read-only) stays; the next rotation tries again.
    }
  }
  if (removed.length) {
    dropFromSums(folder, removed);
    fsyncDir(folder);
  }
  return removed;
}

function dropFromSums(folder: string, names: string[]): void {
  const sumsPath = path.join(folder, SUMS_FILE);
  if (!fs.existsSync(sumsPath)) return;
  const gone = new Set(names);
  const lines = fs.readFileSync(sumsPath, 'utf8').split('\n').filter((l) => l.trim());
  const kept = lines.filter((l) => {
    const m = /^[0-9a-f]{64} [ *](.+)$/.exec(l);
    return !(m && gone.has(m[1]!));
  });
  if (kept.length !== lines.length) writeFileAtomic(sumsPath, kept.length ? `${kept.join('\n')}\n` : '');
}
