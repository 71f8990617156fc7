import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import type { ExportWarning } from '../../../shared/contract/files';
import { writeFileAtomic, writeFileAtomicStream, type AtomicWriteResult, type AtomicWriteSource } from '../fs/atomicWrite';
import { ioError } from '../vault/vault';
import { driveForPath, isFat, linuxDrives, listDrives, type DriveInfo } from '../files/removableDrives';
import { checkExportPassword, encryptToZipSync } from './encryptZip';

export const SUMS_FILE = 'SHA256SUMS';

/** FAT32 cannot hold a file of 4 GiB or more (the size field is 32 bits). */
export const FAT_MAX_FILE_BYTES = 4 * 1024 * 1024 * 1024 - 1;
/** Below this much free space a drive counts as nearly full whatever the file size. */
export const LOW_FREE_BYTES = 100 * 1000 * 1000;

/** The contract's shape (shared/contract/files.ts): what files.checkTarget returns to the app. */
export type { ExportWarning };

/**
 * What to tell the user about a save location before (or while) writing there: not a removable drive,
 * nearly full (less than the file size + 10 %, or under 100 MB), FAT32 with a file of 4 GiB or more
 * (`fatTooBig` blocks the export). `drive` null: the drive could not be found, so nothing is claimed.
 */
export function exportTargetWarnings(drive: DriveInfo | null, sizeBytes: number | null): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  if (drive && !drive.removable) warnings.push({ code: 'notRemovable', mountPoint: drive.mountPoint });
  if (drive && sizeBytes !== null && sizeBytes > FAT_MAX_FILE_BYTES && isFat(drive.fsType)) {
    warnings.push({ code: 'fatTooBig', fsType: drive.fsType, sizeBytes });
  }
  if (drive?.freeBytes !== null && drive?.freeBytes !== undefined) {
    const needed = sizeBytes === null ? null : Math.ceil(sizeBytes * 1.1);
    if (drive.freeBytes < LOW_FREE_BYTES || (needed !== null && drive.freeBytes < needed)) {
      warnings.push({ code: 'nearlyFull', freeBytes: drive.freeBytes, neededBytes: needed });
    }
  }
  return warnings;
}

const gb = (n: number) => `${(n / 1e9).toFixed(n < 1e9 ? 2 : 1)} GB`;

/** The English sentence for a warning (CLI stderr, logs); the app translates the codes itself. */
export function exportWarningText(w: ExportWarning): string {
  switch (w.code) {
    case 'notRemovable':
      return `the target is not on a removable drive${w.mountPoint ? ` (it is on ${w.mountPoint})` : ''}.`;
    case 'nearlyFull':
      return `the drive is nearly full: ${gb(w.freeBytes)} free${w.neededBytes !== null ? `, the file needs about ${gb(w.neededBytes)} with margin` : ''}.`;
    case 'fatTooBig':
      return `the drive is formatted FAT32, which cannot hold a file of 4 GiB or more (this one is ${gb(w.sizeBytes)}). Reformat the drive as exFAT or NTFS, or choose another drive.`;
  }
}

/** The drive that holds `target`, from the last listing of this OS's drives (Linux: read now, synchronously). */
let cachedDrives: { at: number; drives: DriveInfo[] } | null = null;

/** Lists this OS's drives (async: Windows and macOS run a command) and keeps them for the export path. */
export async function refreshDrives(): Promise<DriveInfo[]> {
  const drives = await listDrives();
  cachedDrives = { at: Date.now(), drives };
  return drives;
}

function driveOf(target: string): DriveInfo | null {
  if (process.platform !== 'linux') {
    const fresh = cachedDrives && Date.now() - cachedDrives.at < 10 * 60_000 ? cachedDrives.drives : [];
    return driveForPath(path.resolve(target), fresh);
  }
  // statfs only the one mount that holds the target: a dead network mount elsewhere must not hang an export.
  const drive = driveForPath(path.resolve(target), linuxDrives({ statfs: false }));
  if (!drive) return null;
  try {
    const s = fs.statfsSync(path.dirname(path.resolve(target)));
    return { ...drive, sizeBytes: s.blocks * s.bsize, freeBytes: s.bavail * s.bsize };
  } catch {
    return drive;
  }
}

type NoticeSink = (message: string) => void;
let noticeSink: NoticeSink | null = null;

/** Where export warnings go when no one asked for them first (the CLI prints them on stderr). */
export function setExportNoticeSink(sink: NoticeSink | null): void {
  noticeSink = sink;
}

// ---------------------------------------------------------------- optional password encryption

interface ArmedEncryption {
  password: string;
  expires: number;
}
const armed = new Map<string, ArmedEncryption>();
const ARM_TTL_MS = 10 * 60 * 1000;

/**
 * Asks that the next export written to `target` (or `target` plus the extension checkExportTarget adds) be
 * wrapped in an AES-256 ZIP with `password`: the file becomes `<name>.zip`, holding `<name>`, and
 * SHA256SUMS covers the .zip. Any module's export can be protected this way without changing its command.
 * Held in memory only, for one export, for 10 minutes at most.
 */
export function armExportEncryption(target: string, password: string): void {
  const problem = checkExportPassword(password);
  if (problem) throw new AppError('VALIDATION', problem);
  armed.set(path.resolve(target), { password, expires: Date.now() + ARM_TTL_MS });
}

export function disarmExportEncryption(target: string): void {
  armed.delete(path.resolve(target));
}

function takeArmedPassword(target: string): string | null {
  const now = Date.now();
  for (const [key, value] of armed) {
    if (value.expires < now) {
      armed.delete(key);
      continue;
    }
    const rest = target.slice(key.length);
    if (target === key || (target.startsWith(key) && /^\.[A-Za-z0-9]{1,8}$/.test(rest))) {
      armed.delete(key);
      return value.password;
    }
  }
  return null;
}

/** Checks an export target before anything is written, so a bad path changes nothing. */
export function checkExportTarget(target: string, extension: string): string {
  if (!path.isAbsolute(target)) throw new AppError('VALIDATION', 'The export location must be a full path.');
  const withExt = path.extname(target).toLowerCase() === `.${extension}` ? target : `${target}.${extension}`;
  const dir = path.dirname(withExt);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new AppError('IO', `The folder ${dir} does not exist (was the USB stick removed?). Nothing was written.`);
  }
  if (!stat.isDirectory()) throw new AppError('IO', `${dir} is not a folder. Nothing was written.`);
  if (fs.existsSync(withExt) && fs.statSync(withExt).isDirectory()) {
    throw new AppError('IO', `${withExt} is a folder; choose a file name. Nothing was written.`);
  }
  if (path.basename(withExt) === SUMS_FILE) throw new AppError('VALIDATION', `${SUMS_FILE} is reserved for the checksums.`);
  return withExt;
}

/**
 * The one way core writes a file for the user: atomic, flushed, read back and verified; then the folder's
 * SHA256SUMS (sha256sum -c format) is updated, last, so `vigil verify` and `sha256sum -c` can check it.
 */
export function writeExport(target: string, data: Buffer, options: { encryptPassword?: string } = {}): AtomicWriteResult {
  const password = options.encryptPassword ?? takeArmedPassword(path.resolve(target));
  let bytes = data;
  let finalTarget = target;
  if (password) {
    try {
      bytes = encryptToZipSync([{ name: path.basename(target), data }], password);
    } catch (error) {
      throw new AppError('IO', `${(error as Error).message} Nothing was written.`);
    }
    finalTarget = `${target}.zip`;
  }
  guardTarget(finalTarget, bytes.length);
  let result: AtomicWriteResult;
  try {
    result = writeFileAtomic(finalTarget, bytes);
  } catch (error) {
    throw exportError(finalTarget, error);
  }
  try {
    updateSums(path.dirname(finalTarget), path.basename(finalTarget), result.sha256);
  } catch (error) {
    throw ioError(`${path.basename(target)} was written and verified, but ${SUMS_FILE} could not be updated`, error);
  }
  return result;
}

/**
 * Streaming twin of {@link writeExport} (backups, big files): same temp name + fsync + rename + streamed
 * read-back check, SHA-256 computed while writing; SHA256SUMS updated last. `expectedBytes` (when known)
 * lets a file FAT32 cannot hold be refused before anything is written.
 */
export async function writeExportStream(
  target: string,
  source: AtomicWriteSource,
  options: { expectedBytes?: number } = {},
): Promise<AtomicWriteResult> {
  guardTarget(target, options.expectedBytes ?? null);
  let result: AtomicWriteResult;
  try {
    result = await writeFileAtomicStream(target, source);
  } catch (error) {
    throw exportError(target, error);
  }
  try {
    updateSums(path.dirname(target), path.basename(target), result.sha256);
  } catch (error) {
    throw ioError(`${path.basename(target)} was written and verified, but ${SUMS_FILE} could not be updated`, error);
  }
  return result;
}

/** Refuses a file FAT32 cannot hold, and passes the other warnings to the notice sink (CLI: stderr). */
function guardTarget(target: string, sizeBytes: number | null): void {
  const warnings = exportTargetWarnings(driveOf(target), sizeBytes);
  const fat = warnings.find((w) => w.code === 'fatTooBig');
  if (fat) throw new AppError('IO', `Cannot write ${path.basename(target)}: ${exportWarningText(fat)} Nothing was written.`);
  for (const w of warnings) noticeSink?.(`${path.basename(target)}: ${exportWarningText(w)}`);
}

function exportError(target: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EFBIG') {
    return new AppError('IO', `The export to ${target} failed: the drive cannot hold a file this big (FAT32 stops at 4 GiB). Nothing was changed.`);
  }
  if (code === 'ENOENT') {
    return new AppError('IO', `The export to ${target} failed: the folder is gone (was the USB stick removed?). Nothing was changed.`);
  }
  if (code === 'EIO' || code === 'ENODEV' || code === 'ENXIO') {
    return new AppError('IO', `The export to ${target} failed: the drive stopped answering (was the USB stick removed?). Nothing was changed.`);
  }
  return ioError(`The export to ${target} failed`, error);
}

function updateSums(dir: string, name: string, sha256: string): void {
  const sumsPath = path.join(dir, SUMS_FILE);
  const lines = fs.existsSync(sumsPath)
    ? fs
        .readFileSync(sumsPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !sumsLineNames(l, name))
    : [];
  lines.push(`${sha256}  ${name}`);
  writeFileAtomic(sumsPath, `${lines.join('\n')}\n`);
}

function sumsLineNames(line: string, name: string): boolean {
  const match = /^[0-9a-f]{64} [ *](.+)$/.exec(line);
  return match?.[1] === name;
}
