import { useEffect, useState } from 'react';
import { vigil } from '../../lib/vigil';

/** The running backup's percentage from core's backup.progress events; null when none is running. */
export function useBackupProgress(active: boolean): number | null {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    if (!active) return;
    return vigil.on('backup.progress', (event) => {
      const p = event.payload.progress;
      if (p) setPercent(Math.round((100 * p.done) / Math.max(p.total, 1)));
    });
  }, [active]);
  return active ? percent : null;
}
