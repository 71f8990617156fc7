import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomicWrite';

/**
 * Slows down guessing through Vigil itself (app, browser mode, CLI): the first FREE_ATTEMPTS wrong
 * passphrases cost nothing (typos happen), then each failure doubles the wait, up to MAX_DELAY_MS.
 *
 * The state is a tiny plaintext file next to the header holding only a counter and a time: it must not
 * reveal anything about the vault, and it does not need to be secret. Someone who can delete it can also
 * copy the header and attack scrypt offline, which this file does not (and cannot) prevent.
 */
export const LOCKOUT_FILE = 'vault.lockout.json';
export const FREE_ATTEMPTS = 3;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 5 * 60_000;

const LockoutStateSchema = z.object({
  failures: z.number().int().min(0).max(1_000_000),
  lastFailureAt: z.string(),
});
export type LockoutState = z.infer<typeof LockoutStateSchema>;

/** The wait imposed after `failures` consecutive wrong passphrases. */
export function delayAfter(failures: number): number {
  if (failures <= FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.min(failures - FREE_ATTEMPTS - 1, 20));
}

export function readLockout(file: string): LockoutState | null {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = LockoutStateSchema.safeParse(JSON.parse(raw));
    if (parsed.success && !Number.isNaN(Date.parse(parsed.data.lastFailureAt))) return parsed.data;
  } catch {
    // fall through: a damaged file must not become a way around the delay
  }
  // A damaged state file does not reset the count to zero: the free attempts are used up.
  return { failures: FREE_ATTEMPTS, lastFailureAt: new Date(0).toISOString() };
}

/**
 * Milliseconds until the next attempt is allowed (0: now). A clock moved backwards does not shorten the
 * wait: the remaining time is clamped to the full delay.
 */
export function remainingWait(state: LockoutState | null, now: Date): number {
  if (!state) return 0;
  const delay = delayAfter(state.failures);
  if (delay === 0) return 0;
  const elapsed = now.getTime() - Date.parse(state.lastFailureAt);
  if (elapsed < 0) return delay;
  return Math.max(0, delay - elapsed);
}

export function recordFailure(file: string, now: Date): LockoutState {
  const previous = readLockout(file);
  const next = { failures: (previous?.failures ?? 0) + 1, lastFailureAt: now.toISOString() };
  writeFileAtomic(file, `${JSON.stringify(next)}\n`);
  return next;
}

export function clearLockout(file: string): void {
  fs.rmSync(file, { force: true });
}
