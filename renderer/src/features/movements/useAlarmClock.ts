import { useEffect } from 'react';
import { queryClient } from '../../lib/queries';

/** How often the alarm state is recomputed: an alarm starts when time passes, not when data changes. */
export const ALARM_POLL_MS = 30_000;

/** Re-asks the core for movements (and so their alarms) every ALARM_POLL_MS while mounted. */
export function useAlarmClock(): void {
  useEffect(() => {
    const timer = setInterval(() => {
      void queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0] ?? '').startsWith('movements.') });
    }, ALARM_POLL_MS);
    return () => clearInterval(timer);
  }, []);
}
