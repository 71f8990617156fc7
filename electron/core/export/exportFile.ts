import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import { writeFileAtomic, type AtomicWriteResult } from '../fs/atomicWrite';
import { ioError } from '../vault/vault';

export const SUMS_FILE = 'SHA256SUMS';

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
export function writeExport(target: string, data: Buffer): AtomicWriteResult {
  let result: AtomicWriteResult;
  try {
    result = writeFileAtomic(target, data);
  } catch (error) {
    throw ioError(`The export to ${target} failed`, error);
  }
  try {
    updateSums(path.dirname(target), path.basename(target), result.sha256);
  } catch (error) {
    throw ioError(`${path.basename(target)} was written and verified, but ${SUMS_FILE} could not be updated`, error);
  }
  return result;
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
