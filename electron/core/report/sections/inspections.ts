import { registerSection } from '../periodic/registry';
import type { Action, InspectionSummary } from '../../../../shared/contract/inspections';
import { MAX_PAGE_ROWS } from '../../../../shared/contract/grid';
import { para, sub, tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';

interface InspectionsData {
  done: InspectionSummary[];
  overdue: Action[];
}

async function all<T>(page: (startRow: number, endRow: number) => Promise<{ rows: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; ; start += MAX_PAGE_ROWS) {
    const p = await page(start, start + MAX_PAGE_ROWS);
    out.push(...p.rows);
    if (out.length >= p.total || p.rows.length === 0) return out;
  }
}

function doneTable(d: InspectionsData, rc: ReportContext): ReportTable {
  const t = rc.t;
  return {
    title: t('reports.inspections.done'),
    columns: [t('reports.inspections.date'), t('reports.inspections.premises'), t('reports.inspections.inspector'), t('reports.inspections.score'), t('reports.inspections.result')],
    rows: d.done.map((i) => [
      i.inspectedOn,
      i.premisesName,
      i.inspector,
      i.score === null ? null : `${i.score.toFixed(1)} %`,
      i.passed === null ? t(`inspections.status.${i.status}`) : t(i.passed ? 'inspections.report.pass' : 'inspections.report.fail'),
    ]),
  };
}

function overdueTable(d: InspectionsData, rc: ReportContext): ReportTable {
  const t = rc.t;
  return {
    title: t('reports.inspections.overdue'),
    columns: [t('inspections.actionColumns.title'), t('reports.inspections.premises'), t('inspections.actionColumns.owner'), t('inspections.actionColumns.dueDate')],
    rows: d.overdue.map((a) => [a.title, a.premisesName, a.owner || null, a.dueDate]),
  };
}

/** Inspections carried out in the period with their result, and corrective actions now overdue. */
export const inspectionsSection = registerSection<InspectionsData>({
  id: 'inspections',
  titleKey: 'reports.sections.inspections',
  order: 70,
  collect: async (rc) => {
    const inspections = await all((startRow, endRow) => rc.call('inspections.list', { startRow, endRow }));
    const actions = await all((startRow, endRow) => rc.call('inspections.listActions', { startRow, endRow }));
    const done = inspections
      .filter((i) => i.inspectedOn >= rc.period.firstDay && i.inspectedOn <= rc.period.lastDay)
      .sort((a, b) => a.inspectedOn.localeCompare(b.inspectedOn));
    const overdue = actions.filter((a) => a.overdue).sort((a, b) => (a.dueDate ?? '').localeCompare(b.dueDate ?? ''));
    return done.length || overdue.length ? { done, overdue } : null;
  },
  html: (d, rc) =>
    `${sub(rc.t('reports.inspections.done'))}
${d.done.length ? tableHtml(doneTable(d, rc)) : para(rc.t('reports.inspections.noneDone'))}
${sub(rc.t('reports.inspections.overdue'))}
${d.overdue.length ? tableHtml(overdueTable(d, rc)) : para(rc.t('reports.inspections.noneOverdue'))}`,
  tables: (d, rc) => [doneTable(d, rc), overdueTable(d, rc)],
});
