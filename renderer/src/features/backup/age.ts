/** Whole days between an ISO time and now (never negative). */
export function daysSince(iso: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 86_400_000));
}

/** ok up to 2 days, amber up to 7, red beyond or never. */
export function backupTone(days: number | null): 'ok' | 'warn' | 'bad' {
  if (days === null) return 'bad';
  return days <= 2 ? 'ok' : days <= 7 ? 'warn' : 'bad';
}
