import { registerSection } from '../periodic/registry';
import type { Risk, RiskChange, RiskConfig, RiskReview } from '../../../../shared/contract/risks';
import { RISK_LEVEL_KEYS } from '../../../../shared/presets/riskMatrices';
import { h, para, sub, tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';
import { asOfLine, registerAsOf, reportAsOf, type AsOf } from '../asOf';

/** A risk's change within the period: levels before its first and after its last review of the period. */
interface PeriodChange {
  risk: Risk;
  residualLevelBefore: RiskReview['residualLevelBefore'];
  residualLevelAfter: RiskReview['residualLevelAfter'];
  changedFields: string[];
  lastChangeAt: string;
}

interface RisksData {
  asOf: AsOf;
  changes: PeriodChange[];
  /** The register at the end of the period (or now, while the period is not over), highest residual level first. */
  register: Risk[];
  /** Residual counts, likelihood 1..5 x impact 1..5. */
  heat: number[][];
  deletedSince: number;
  config: RiskConfig;
}

/** Matrix labels are preset keys (translated) or the officer's own words (kept as written). */
const scale = (rc: ReportContext, label: string | undefined) => (label ? rc.t(`reports.scale.${label}`, { defaultValue: label }) : '');
const level = (rc: ReportContext, k: string | null) => (k ? rc.t(`risks.levels.${k}`) : rc.t('reports.risks.new'));
const rank = (k: string) => RISK_LEVEL_KEYS.indexOf(k as (typeof RISK_LEVEL_KEYS)[number]);

/** The period's own reviews only: what changed between its start and its end, not what changed since. */
function periodChange(c: RiskChange, rc: ReportContext): PeriodChange | null {
  const inPeriod = c.reviews.filter((r) => r.at >= rc.period.start && r.at < rc.period.end); // newest first
  if (inPeriod.length === 0) return null;
  const newest = inPeriod[0]!;
  const oldest = inPeriod[inPeriod.length - 1]!;
  const fields = new Set<string>();
  for (const r of inPeriod) {
    for (const f of r.changes) fields.add(f.field);
    if (r.residualLevelBefore !== null && r.residualLevelBefore !== r.residualLevelAfter) fields.add('residualLevel');
    if (r.inherentLevelBefore !== null && r.inherentLevelBefore !== r.inherentLevelAfter) fields.add('inherentLevel');
  }
  // Keep the register's field order the "changes since" view gave.
  const order = [...c.changedFields, ...fields];
  return {
    risk: c.risk,
    residualLevelBefore: oldest.residualLevelBefore,
    residualLevelAfter: newest.residualLevelAfter,
    changedFields: [...new Set(order)].filter((f) => fields.has(f)),
    lastChangeAt: newest.at,
  };
}

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

const heatTitle = (d: RisksData, rc: ReportContext) => rc.t(d.asOf.atEnd ? 'reportsAsOf.risks.heatmapAtEnd' : 'reportsAsOf.risks.heatmapNow');
const registerTitle = (d: RisksData, rc: ReportContext) => rc.t(d.asOf.atEnd ? 'reportsAsOf.risks.registerAtEnd' : 'reportsAsOf.risks.registerNow');

function heatTable(d: RisksData, rc: ReportContext): ReportTable {
  const m = d.config.matrix;
  // Rows: likelihood 5 (top) .. 1; columns: impact 1..5, residual counts.
  return {
    title: heatTitle(d, rc),
    columns: [rc.t('reports.risks.likelihoodImpact'), ...m.impactLabels.map((l) => scale(rc, l))],
    rows: [4, 3, 2, 1, 0].map((li) => [scale(rc, m.likelihoodLabels[li]) || String(li + 1), ...[0, 1, 2, 3, 4].map((ii) => d.heat[li]?.[ii] ?? 0)]),
  };
}

function registerTable(d: RisksData, rc: ReportContext): ReportTable {
  const t = rc.t;
  return {
    title: registerTitle(d, rc),
    columns: [t('risks.columns.reference'), t('risks.columns.title'), t('risks.columns.status'), t('risks.columns.inherentLevel'), t('risks.columns.residualLevel')],
    rows: d.register.map((r) => [r.reference, r.title, t(`risks.statuses.${r.status}`), level(rc, r.inherentLevel), level(rc, r.residualLevel)]),
  };
}

function heatHtml(d: RisksData, rc: ReportContext): string {
  const m = d.config.matrix;
  const cell = (li: number, ii: number) => {
    const step = m.cells[li]?.[ii] ?? 1;
    const colour = m.colours[step - 1] ?? { fill: '#eee', ink: '#000' };
    const count = d.heat[li]?.[ii] ?? 0;
    return `<td class="heat" style="background:${colour.fill};color:${colour.ink}">${count || ''}</td>`;
  };
  return `<table class="heatmap" style="break-inside:avoid"><thead><tr><th>${h(rc.t('reports.risks.likelihoodImpact'))}</th>${m.impactLabels.map((l) => `<th>${h(scale(rc, l))}</th>`).join('')}</tr></thead><tbody>
${[4, 3, 2, 1, 0].map((li) => `<tr><th>${h(scale(rc, m.likelihoodLabels[li]))}</th>${[0, 1, 2, 3, 4].map((ii) => cell(li, ii)).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

/** What the section says about its date and about the risks it cannot show. */
function notes(d: RisksData, rc: ReportContext): string[] {
  const out = [asOfLine(rc, d.asOf)];
  if (d.asOf.atEnd) out.push(rc.t('reportsAsOf.risks.deletedNotShown', { count: d.deletedSince }));
  return out;
}

/**
 * The risk register: risks that changed in the period, and the register and its heat map as they stood at
 * the end of the period (at the time of writing while the period is not over).
 */
export const risksSection = registerSection<RisksData>({
  id: 'risks',
  titleKey: 'reports.sections.risks',
  order: 50,
  collect: async (rc) => {
    const asOf = reportAsOf(rc);
    const [changes, config, state] = await Promise.all([rc.call('risks.changes', { since: rc.period.firstDay }), rc.call('risks.config', {}), registerAsOf(rc, asOf)]);
    const inPeriod = changes.risks.map((c) => periodChange(c, rc)).filter((c): c is PeriodChange => c !== null);
    if (inPeriod.length === 0 && state.risks.length === 0 && state.deletedSince === 0) return null;
    const heat = [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);
    for (const r of state.risks) heat[r.residualLikelihood - 1]![r.residualImpact - 1]! += 1;
    const register = [...state.risks].sort((a, b) => rank(b.residualLevel) - rank(a.residualLevel) || a.reference.localeCompare(b.reference, 'en', { numeric: true }));
    return { asOf, changes: inPeriod, register, heat, deletedSince: state.deletedSince, config };
  },
  html: (d, rc) =>
    `${notes(d, rc).map(para).join('\n')}
${sub(rc.t('reports.risks.changes'))}
${d.changes.length ? tableHtml(changesTable(d, rc)) : para(rc.t('reports.risks.noChanges'))}
${sub(heatTitle(d, rc))}
${heatHtml(d, rc)}
${para(rc.t('reports.risks.total', { count: d.register.length }))}
${d.register.length ? `${sub(registerTitle(d, rc))}\n${tableHtml(registerTable(d, rc), { className: 'small' })}` : ''}`,
  paragraphs: (d, rc) => [...notes(d, rc), d.changes.length ? '' : rc.t('reports.risks.noChanges'), rc.t('reports.risks.total', { count: d.register.length })].filter(Boolean),
  tables: (d, rc) => [changesTable(d, rc), heatTable(d, rc), registerTable(d, rc)],
});
