import type { BackupStatus } from '../../../shared/contract/backup';
import type { Envelope } from '../../../shared/envelope';

/** After a failed scheduled backup, wait this long before the next try rather than every tick. */
const RETRY_AFTER_FAILURE_MS = 15 * 60_000;

/**
 * Decides, from `backup.status`, whether a scheduled backup is due and if so runs `backup.create` through
 * the same dispatch as every caller (audit row, LOCKED on a locked vault, one backup at a time).
 */
export async function runIfDue(dispatch: (name: string, input: unknown) => Promise<Envelope<unknown>>, now: () => Date): Promise<boolean> {
  const status = await dispatch('backup.status', {});
  if (!status.ok) return false;
  const { settings, last, lastError, running } = status.value as BackupStatus;
  if (running || settings.intervalHours <= 0 || !settings.folder) return false;
  const t = now().getTime();
  if (last && t - Date.parse(last.at) < settings.intervalHours * 3_600_000) return false;
  if (lastError && t - Date.parse(lastError.at) < RETRY_AFTER_FAILURE_MS) return false;
  const result = await dispatch('backup.create', {});
  return result.ok;
}
