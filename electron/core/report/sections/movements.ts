import { registerSection } from '../periodic/registry';
import type { z } from 'zod';
import type { MovementSchema } from '../../../../shared/contract/movements';
import { tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';

type Movement = z.infer<typeof MovementSchema>;
const OPEN = new Set(['requested', 'approved', 'under_way']);

function table(rows: Movement[], rc: ReportContext): ReportTable {
  const t = rc.t;
  const c = (k: string) => t(`movements.columns.${k}`);
  const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : null);
  return {
    title: t('reports.sections.movements'),
    columns: [c('departureAt'), c('from'), c('to'), c('purpose'), c('travellers'), c('state'), c('expectedReturnAt'), c('lastCheckInAt')],
    rows: rows.map((m) => [
      when(m.departureAt),
      m.from,
      m.to,
      m.purpose,
      m.travellers.map((p) => p.name).join(', '),
      t(`movements.states.${m.state}`),
      when(m.expectedReturnAt),
      when(m.lastCheckInAt),
    ]),
  };
}

/** Movements still open when the report is made: requested, approved or under way (UTC times). */
export const movementsSection = registerSection<Movement[]>({
  id: 'movements',
  titleKey: 'reports.sections.movements',
  order: 90,
  collect: async (rc) => {
    const list = await rc.call('movements.list', { includeActive: true });
    const open = list.rows.filter((m) => OPEN.has(m.state)).sort((a, b) => a.departureAt.localeCompare(b.departureAt));
    return open.length ? open : null;
  },
  html: (rows, rc) => tableHtml(table(rows, rc), { className: 'small' }),
  tables: (rows, rc) => [table(rows, rc)],
});
