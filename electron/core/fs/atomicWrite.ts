import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AtomicWriteResult {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * Writes a file so that the final name only ever holds a complete, flushed, verified copy: temp name in
 * the target folder, fsync, rename, fsync the folder where the OS allows it, read back and compare the
 * SHA-256. A pulled USB stick or full disk leaves the previous file intact and no partial file behind.
 */
export function writeFileAtomic(target: string, data: Buffer | string): AtomicWriteResult {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
  const expected = createHash('sha256').update(bytes).digest('hex');
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
  const actual = createHash('sha256').update(fs.readFileSync(target)).digest('hex');
  if (actual !== expected) throw new Error(`read-back check failed for ${target}`);
  return { path: target, bytes: bytes.length, sha256: actual };
}

/** Directory fsync makes the rename durable on Linux/macOS; Windows cannot open a directory for it. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems (FAT on a USB stick, network shares) refuse a directory fsync: the file itself
    // was fsynced and read back, which is what the user relies on.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
