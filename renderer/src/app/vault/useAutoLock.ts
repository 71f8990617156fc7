import { useEffect, useRef, useState } from 'react';
import { AppError } from '../../../../shared/envelope';
import { handleVaultLocked } from '../../lib/queries';
import { vigil } from '../../lib/vigil';

/** Core hears of activity at most this often, unless the lock is near (then at once). */
const TOUCH_EVERY_MS = 60_000;
const TICK_MS = 1_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** How long before the lock the warning shows: a minute, or half the idle time when that is shorter. */
export const warningLeadMs = (minutes: number) => Math.min(60_000, (minutes * 60_000) / 2);

const isLocked = (err: unknown) => err instanceof AppError && err.code === 'LOCKED';

/**
 * Auto-lock, window side. The deadline counts from the last activity core was told about (vault.touch),
 * so this window locks first, after a warning, and core's own idle timer is the backstop when no window
 * is left to do it. Returns the seconds left while the
 * warning is due, else null.
 */
export function useAutoLock(minutes: number | undefined): number | null {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const warningRef = useRef(false);

  useEffect(() => {
    if (!minutes) return;
    const idleMs = minutes * 60_000;
    const leadMs = warningLeadMs(minutes);
    // Unlocking (or opening the shell) was itself a command core counted as activity. `covered` is the
    // latest activity core has been told about: the deadline counts from it, never from a later send,
    // and core (which counts from when the touch arrives) therefore never locks before this window does.
    let lastActivity = Date.now();
    let covered = lastActivity;
    let sentAt = lastActivity;
    let locking = false;

    const touch = (at: number) => {
      covered = lastActivity;
      sentAt = at;
      vigil.call('vault.touch', {}).catch((err: unknown) => {
        if (isLocked(err)) handleVaultLocked();
      });
    };
    const lock = () => {
      locking = true;
      vigil
        .call('vault.lock', {})
        .catch(() => undefined)
        .finally(() => handleVaultLocked());
    };
    const tick = () => {
      if (locking) return;
      const at = Date.now();
      // Activity core has not heard of yet: tell it once a minute, or at once when the lock is near.
      if (lastActivity > covered && (at - sentAt >= TOUCH_EVERY_MS || covered + idleMs - at <= leadMs)) touch(at);
      const remaining = covered + idleMs - at;
      if (remaining <= 0) {
        lock();
        return;
      }
      const warn = remaining <= leadMs;
      warningRef.current = warn;
      setSecondsLeft(warn ? Math.ceil(remaining / 1000) : null);
    };
    const onActivity = () => {
      lastActivity = Date.now();
      // The officer answered the warning: tell core now and take the banner down without waiting a tick.
      if (warningRef.current) tick();
    };

    const timer = window.setInterval(tick, TICK_MS);
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      warningRef.current = false;
      setSecondsLeft(null);
    };
  }, [minutes]);

  return secondsLeft;
}
