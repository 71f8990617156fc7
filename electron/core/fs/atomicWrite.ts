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
  const temp = tempNameFor(target);
  const expected = createHash('sha256').update(bytes).digest('hex');
  try {
    const fd = fs.openSync(temp, 'wx', 0o600);
    try {
      // writeSync may write only part of the buffer when the disk fills up (no error until the next call):
      // loop until all is written, so a full disk raises ENOSPC instead of renaming a truncated file.
      let offset = 0;
      while (offset < bytes.length) {
        const written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
        if (written <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
        offset += written;
      }
      fs.fsyncSync(fd);
      if (fs.fstatSync(fd).size !== bytes.length) throw Object.assign(new Error('the file on disk is shorter than written'), { code: 'EIO' });
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

/** A source for {@link writeFileAtomicStream}: an async iterable of bytes or a Node readable stream. */
export type AtomicWriteSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

/** Name of the temporary file used for `target` (same folder, hidden, ends in `.partial`). */
export function tempNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

/**
 * Streaming twin of {@link writeFileAtomic} with the same guarantees, for files too big to hold in memory
 * (backups): the SHA-256 is computed while the chunks are written to a temp name in the target folder; then
 * fsync, rename, fsync the folder, and a streamed read-back whose SHA-256 must match. On any failure
 * (source error, full disk, folder gone, read-only) the temp file is removed where possible and the
 * previous file under the final name is left untouched.
 */
export async function writeFileAtomicStream(target: string, source: AtomicWriteSource): Promise<AtomicWriteResult> {
  const dir = path.dirname(target);
  const temp = tempNameFor(target);
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    const handle = await fs.promises.open(temp, 'wx', 0o600);
    try {
      for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (buf.length === 0) continue;
        let offset = 0;
        while (offset < buf.length) {
          const { bytesWritten } = await handle.write(buf, offset, buf.length - offset);
          if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
          offset += bytesWritten;
        }
        hash.update(buf);
        bytes += buf.length;
      }
      await handle.sync();
      if ((await handle.stat()).size !== bytes) throw Object.assign(new Error('the file on disk is shorter than written'), { code: 'EIO' });
    } finally {
      await handle.close().catch(() => undefined);
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  fsyncDir(dir);
  const expected = hash.digest('hex');
  const actual = await sha256OfFile(target);
  if (actual !== expected) throw new Error(`read-back check failed for ${target}`);
  return { path: target, bytes, sha256: actual };
}

/** SHA-256 (hex) of a file, read as a stream. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
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
