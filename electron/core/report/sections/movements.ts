import { registerSection } from '../periodic/registry';
import type { z } from 'zod';
import type { MovementSchema } from '../../../../shared/contract/movements';
import { ltr, para, sub, tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';
import { asOfLine, movementsOpenAsOf, reportAsOf, writtenAt, type AsOf } from '../asOf';

type Movement = z.infer<typeof MovementSchema>;

interface MovementsData {
  asOf: AsOf;
  /** Open at the end of the period (or now, while it is not over), with the state and last check-in of then. */
  open: Movement[];
  /** Open now, their state at the end of the period not recorded: shown as they are now, apart. */
  unknown: Movement[];
}

function table(rows: Movement[], title: string, rc: ReportContext): ReportTable {
  const t = rc.t;
  const c = (k: string) => t(`movements.columns.${k}`);
  const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : null);
  return {
    title,
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

const byDeparture = (a: Movement, b: Movement) => a.departureAt.localeCompare(b.departureAt) || a.id.localeCompare(b.id);

/**
 * Movements open (requested, approved or under way) at the end of the period, from the audited state changes;
 * at the time of writing while the period is not over. Times are UTC.
 */
export const movementsSection = registerSection<MovementsData>({
  id: 'movements',
  titleKey: 'reports.sections.movements',
  order: 90,
  collect: async (rc) => {
    const asOf = reportAsOf(rc);
    const found = movementsOpenAsOf(rc, asOf);
    if (found.open.length === 0 && found.unknown.length === 0) return null;
    const open: Movement[] = [];
    for (const { id, state } of found.open) {
      const { checkIns, acknowledgements: _a, ...m } = await rc.call('movements.get', { id });
      const lastCheckInAt = checkIns.filter((ci) => ci.at < asOf.instant).at(-1)?.at ?? null;
      open.push({ ...m, state, lastCheckInAt });
    }
    const unknown: Movement[] = [];
    for (const id of found.unknown) {
      const { checkIns: _c, acknowledgements: _a, ...m } = await rc.call('movements.get', { id });
      unknown.push(m);
    }
    return { asOf, open: open.sort(byDeparture), unknown: unknown.sort(byDeparture) };
  },
  html: (d, rc) =>
    [
      para(asOfLine(rc, d.asOf)),
      d.open.length ? tableHtml(table(d.open, rc.t('reports.sections.movements'), rc), { className: 'small' }) : para(rc.t('reportsAsOf.movements.noneAtEnd')),
      ...(d.unknown.length
        ? [sub(rc.t('reportsAsOf.movements.unknownTitle')), para(rc.t('reportsAsOf.movements.unknownNote', { when: ltr(writtenAt(rc)) })), tableHtml(table(d.unknown, rc.t('reportsAsOf.movements.unknownTitle'), rc), { className: 'small' })]
        : []),
    ].join('\n'),
  paragraphs: (d, rc) => [asOfLine(rc, d.asOf), ...(d.unknown.length ? [rc.t('reportsAsOf.movements.unknownNote', { when: ltr(writtenAt(rc)) })] : [])],
  tables: (d, rc) => [
    table(d.open, rc.t('reports.sections.movements'), rc),
    ...(d.unknown.length ? [table(d.unknown, rc.t('reportsAsOf.movements.unknownTitle'), rc)] : []),
  ],
});
