import { useEffect, useState } from 'react';

/**
 * Seconds left until `retryAt` (core's lockout), ticking once a second; 0 once the wait is over. Core
 * enforces the wait: this only tells the officer how long it is instead of a refused attempt.
 */
export function useRetryCountdown(retryAt: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  const target = retryAt ? Date.parse(retryAt) : NaN;
  const remaining = Number.isNaN(target) ? 0 : Math.max(0, Math.ceil((target - now) / 1000));
  useEffect(() => {
    if (remaining <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [remaining]);
  return remaining;
}

/** "45 seconds" / "3 minutes" in the UI language, rounded up so the wait is never understated. */
export function formatWait(seconds: number, language: string): string {
  if (seconds < 60) return new Intl.NumberFormat(language, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(seconds);
  return new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.ceil(seconds / 60));
}
