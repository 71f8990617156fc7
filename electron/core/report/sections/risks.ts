import { registerSection } from '../periodic/registry';
import type { HeatMap, RiskChange, RiskConfig } from '../../../../shared/contract/risks';
import { h, para, sub, tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';

interface RisksData {
  changes: RiskChange[];
  heat: HeatMap;
  config: RiskConfig;
}

/** Matrix labels are preset keys (translated) or the officer's own words (kept as written). */
const scale = (rc: ReportContext, label: string | undefined) => (label ? rc.t(`reports.scale.${label}`, { defaultValue: label }) : '');
const level = (rc: ReportContext, k: string | null) => (k ? rc.t(`risks.levels.${k}`) : rc.t('reports.risks.new'));

function changesTable(d: RisksData, rc: ReportContext): ReportTable {
  const t = rc.t;
  return {
    title: t('reports.risks.changes'),
    columns: [t('risks.columns.reference'), t('risks.columns.title'), t('reports.risks.before'), t('reports.risks.after'), t('reports.risks.changedFields'), t('reports.risks.lastChange')],
    rows: d.changes.map((c) => [
      c.risk.reference,
      c.risk.title,
      level(rc, c.residualLevelBefore),
      level(rc, c.residualLevelAfter),
      c.changedFields.map((f) => (f === 'measures' ? t('reports.risks.measures') : t(`risks.columns.${f}`, { defaultValue: f }))).join(', '),
      c.lastChangeAt.slice(0, 10),
    ]),
  };
}

function heatTable(d: RisksData, rc: ReportContext): ReportTable {
  const m = d.config.matrix;
  // Rows: likelihood 5 (top) .. 1; columns: impact 1..5, residual counts.
  return {
    title: rc.t('reports.risks.heatmap'),
    columns: [rc.t('reports.risks.likelihoodImpact'), ...m.impactLabels.map((l) => scale(rc, l))],
    rows: [4, 3, 2, 1, 0].map((li) => [scale(rc, m.likelihoodLabels[li]) || String(li + 1), ...[0, 1, 2, 3, 4].map((ii) => d.heat.residual[li]?.[ii] ?? 0)]),
  };
}

function heatHtml(d: RisksData, rc: ReportContext): string {
  const m = d.config.matrix;
  const cell = (li: number, ii: number) => {
    const step = m.cells[li]?.[ii] ?? 1;
    const colour = m.colours[step - 1] ?? { fill: '#eee', ink: '#000' };
    const count = d.heat.residual[li]?.[ii] ?? 0;
    return `<td class="heat" style="background:${colour.fill};color:${colour.ink}">${count || ''}</td>`;
  };
  return `<table class="heatmap"><thead><tr><th>${h(rc.t('reports.risks.likelihoodImpact'))}</th>${m.impactLabels.map((l) => `<th>${h(scale(rc, l))}</th>`).join('')}</tr></thead><tbody>
${[4, 3, 2, 1, 0].map((li) => `<tr><th>${h(scale(rc, m.likelihoodLabels[li]))}</th>${[0, 1, 2, 3, 4].map((ii) => cell(li, ii)).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

/** The risk register: risks that changed in the period (reviews up to its end) and the current heat map. */
export const risksSection = registerSection<RisksData>({
  id: 'risks',
  titleKey: 'reports.sections.risks',
  order: 50,
  collect: async (rc) => {
    const [changes, heat, config] = await Promise.all([
      rc.call('risks.changes', { since: rc.period.firstDay }),
      rc.call('risks.heatmap', {}),
      rc.call('risks.config', {}),
    ]);
    // risks.changes runs to today: keep the risks whose first change in the period falls before its end.
    const inPeriod = changes.risks.filter((c) => c.reviews.some((r) => r.at >= rc.period.start && r.at < rc.period.end));
    if (inPeriod.length === 0 && heat.total === 0) return null;
    return { changes: inPeriod, heat, config };
  },
  html: (d, rc) =>
    `${sub(rc.t('reports.risks.changes'))}
${d.changes.length ? tableHtml(changesTable(d, rc)) : para(rc.t('reports.risks.noChanges'))}
${sub(rc.t('reports.risks.heatmap'))}
${heatHtml(d, rc)}
${para(rc.t('reports.risks.total', { count: d.heat.total }))}`,
  paragraphs: (d, rc) => [d.changes.length ? '' : rc.t('reports.risks.noChanges'), rc.t('reports.risks.total', { count: d.heat.total })].filter(Boolean),
  tables: (d, rc) => [changesTable(d, rc), heatTable(d, rc)],
});
