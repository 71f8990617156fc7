import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/envelope';
import type { CommandContext } from '../context';

export interface InputFile {
  name: string;
  bytes: Buffer;
}

export interface InputFileRules {
  /** What the file is, for messages: "The evidence file", "The photo". */
  label: string;
  maxBytes: number;
  tooLarge(name: string, size: number): AppError;
  /** Refuse an empty file with this error; absent: an empty file is accepted. */
  empty?(name: string): AppError;
  /** Extra details on IO errors (the CLI maps some to exit 2). */
  ioDetails?: Record<string, unknown>;
}

/**
 * Reads a file a command takes: a full path (desktop, CLI) or `upload:<id>` (browser mode's in-memory
 * upload). The size is checked before reading, so an oversized file is never loaded; the file's name and
 * SHA-256 go into the command's audit row.
 */
export function readInputFile(ctx: Pick<CommandContext, 'uploads' | 'noteInputFile'>, ref: string, rules: InputFileRules): InputFile {
  const file = load(ctx, ref, rules);
  if (file.bytes.length === 0 && rules.empty) throw rules.empty(file.name);
  ctx.noteInputFile(file.name, file.bytes);
  return file;
}

function load(ctx: Pick<CommandContext, 'uploads'>, ref: string, rules: InputFileRules): InputFile {
  if (ref.startsWith('upload:')) {
    const item = ctx.uploads.take(ref.slice('upload:'.length));
    if (!item) throw new AppError('NOT_FOUND', `${rules.label} is no longer available; choose it again.`);
    if (item.bytes.length > rules.maxBytes) throw rules.tooLarge(item.name, item.bytes.length);
    return item;
  }
  if (!path.isAbsolute(ref)) throw new AppError('VALIDATION', `${rules.label} must be given as a full path.`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(ref);
  } catch (error) {
    throw new AppError('IO', `${ref} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, rules.ioDetails);
  }
  if (!stat.isFile()) throw new AppError('IO', `${ref} is not a file.`, rules.ioDetails);
  if (stat.size > rules.maxBytes) throw rules.tooLarge(path.basename(ref), stat.size);
  try {
    return { bytes: fs.readFileSync(ref), name: path.basename(ref) };
  } catch (error) {
    throw new AppError('IO', `${ref} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, rules.ioDetails);
  }
}
