import { registerSection } from '../periodic/registry';
import { tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';
import { presenceSummary } from '../../services/rostersService';

type Row = ReturnType<typeof presenceSummary>[number];

function table(rows: Row[], rc: ReportContext): ReportTable {
  const t = rc.t;
  const c = (k: string) => t(`rosters.section.${k}`);
  return {
    title: t('reports.sections.rosters'),
    columns: [c('person'), c('role'), c('rostered'), c('worked'), c('absent'), c('late'), c('asleep'), c('replaced')],
    rows: rows.map((r) => [r.name, t(`rosters.roles.${r.role}`), r.rostered, r.worked, r.absent, r.late, r.asleep, r.replaced]),
  };
}

/** Guards and drivers over the period: shifts rostered and worked, and what the presence checks found. */
export const rostersSection = registerSection<Row[]>({
  id: 'rosters',
  titleKey: 'reports.sections.rosters',
  order: 95,
  collect: (rc) => {
    const rows = presenceSummary(rc.ctx, rc.period.firstDay, rc.period.lastDay).filter((r) => r.rostered > 0 || r.worked > 0);
    return rows.length ? rows : null;
  },
  html: (rows, rc) => tableHtml(table(rows, rc), { className: 'small' }),
  tables: (rows, rc) => [table(rows, rc)],
});
