import type { Incident } from '../../../../shared/contract/incidents';
import { MAX_PAGE_ROWS } from '../../../../shared/contract/grid';
import type { ReportContext } from './types';

export interface PeriodIncidents {
  rows: Incident[];
  /** Restricted incidents of the period that were left out (0 when they are included). */
  restrictedLeftOut: number;
}

/**
 * The incidents of the period (a partial date counts in every period it overlaps), oldest first, through
 * incidents.list so the report applies exactly the grid's rules; shared by the incident sections.
 */
export function incidentsOfPeriod(rc: ReportContext): Promise<PeriodIncidents> {
  return rc.memo('incidents', async () => {
    const rows: Incident[] = [];
    for (let startRow = 0; ; startRow += MAX_PAGE_ROWS) {
      const page = await rc.call('incidents.list', {
        from: rc.period.firstDay,
        to: rc.period.lastDay,
        includeRestricted: rc.includeRestricted,
        sortModel: [{ colId: 'date', sort: 'asc' }],
        startRow,
        endRow: startRow + MAX_PAGE_ROWS,
      });
      rows.push(...page.rows);
      if (rows.length >= page.total || page.rows.length === 0) break;
    }
    let restrictedLeftOut = 0;
    if (!rc.includeRestricted) {
      const all = await rc.call('incidents.stats', { from: rc.period.firstDay, to: rc.period.lastDay, includeRestricted: true });
      restrictedLeftOut = Math.max(0, all.total - rows.length);
    }
    return { rows, restrictedLeftOut };
  });
}

export const categoryOf = (i: Incident, uncategorised: string) => i.category.trim() || uncategorised;
