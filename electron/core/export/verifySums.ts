import fs from 'node:fs';
import path from 'node:path';
import { sha256OfFile } from '../fs/atomicWrite';
import { SUMS_FILE } from './exportFile';

export interface SumsEntry {
  /** The name as written in SHA256SUMS, relative to its folder. */
  name: string;
  sha256: string;
}

export type VerifyStatus = 'OK' | 'FAILED' | 'MISSING';

export interface VerifyEntry {
  file: string;
  status: VerifyStatus;
  expected: string;
  actual: string | null;
}

/** The ways `vigil verify` cannot even start: exit 2. */
export class VerifyUsageError extends Error {}

/**
 * Parses a SHA256SUMS file in `sha256sum` format: `<64 hex>  <name>` (text mode) or `<64 hex> *<name>`
 * (binary marker). A line starting with a backslash carries an escaped name (`\\` and `\n`), as GNU
 * sha256sum writes for names holding a newline or a backslash. Other lines (blank, comments) are skipped.
 */
export function parseSums(text: string): SumsEntry[] {
  const entries: SumsEntry[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const escaped = line.startsWith('\\');
    const m = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(escaped ? line.slice(1) : line);
    if (!m?.[1] || !m[2]) continue;
    const name = escaped ? m[2].replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\')) : m[2];
    entries.push({ name, sha256: m[1].toLowerCase() });
  }
  return entries;
}

function readSums(dir: string): SumsEntry[] {
  const sumsPath = path.join(dir, SUMS_FILE);
  let text: string;
  try {
    text = fs.readFileSync(sumsPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VerifyUsageError(
      code === 'ENOENT' ? `There is no ${SUMS_FILE} in ${dir}: nothing to check against.` : `${sumsPath} cannot be read (${code ?? 'error'}).`,
    );
  }
  const entries = parseSums(text);
  if (entries.length === 0) throw new VerifyUsageError(`${sumsPath} holds no checksum lines in sha256sum format.`);
  return entries;
}

async function check(dir: string, entry: SumsEntry): Promise<VerifyEntry> {
  const file = path.join(dir, entry.name);
  try {
    const actual = await sha256OfFile(file);
    return { file: entry.name, status: actual === entry.sha256 ? 'OK' : 'FAILED', expected: entry.sha256, actual };
  } catch {
    return { file: entry.name, status: 'MISSING', expected: entry.sha256, actual: null };
  }
}

/**
 * Checks a folder against its SHA256SUMS (every listed file), or one file against the SHA256SUMS beside it.
 * Throws VerifyUsageError when the path cannot be read, there is no SHA256SUMS, or the file is not listed.
 */
export async function verifyPath(target: string): Promise<VerifyEntry[]> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    throw new VerifyUsageError(`${target} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (stat.isDirectory()) {
    const results: VerifyEntry[] = [];
    for (const entry of readSums(target)) results.push(await check(target, entry));
    return results;
  }
  const dir = path.dirname(target);
  const name = path.basename(target);
  if (name === SUMS_FILE) return verifyPath(dir);
  const entries = readSums(dir).filter((e) => path.normalize(e.name) === name);
  const last = entries[entries.length - 1];
  if (!last) throw new VerifyUsageError(`${name} is not listed in ${path.join(dir, SUMS_FILE)}: it cannot be verified.`);
  return [await check(dir, last)];
}
