import { registerSection } from '../periodic/registry';
import type { MsrItem } from '../../../../shared/contract/msr';
import { para, sub, tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';

interface MsrData {
  overall: number | null;
  parts: Array<{ part: number; percent: number | null; applicable: number }>;
  gaps: MsrItem[];
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v)} %`);

function partsTable(d: MsrData, rc: ReportContext): ReportTable {
  const t = rc.t;
  return {
    title: t('reports.msr.byPart'),
    columns: [t('msr.columns.part'), t('reports.msr.compliance'), t('reports.msr.applicable')],
    rows: d.parts.map((p) => [`${p.part}. ${t(`msr.parts.${p.part}`)}`, pct(p.percent), p.applicable]),
  };
}

function gapsTable(d: MsrData, rc: ReportContext): ReportTable {
  const t = rc.t;
  return {
    title: t('reports.msr.gaps'),
    columns: [t('msr.columns.code'), t('msr.columns.title'), t('msr.columns.status'), t('msr.columns.responsible'), t('msr.columns.dueDate')],
    rows: d.gaps.map((i) => [i.code, i.title, t(`msr.statuses.${i.status}`), i.responsible || null, i.dueDate]),
  };
}

/** Minimum security requirements: compliance now, per part, and the items not (fully) met. */
export const msrSection = registerSection<MsrData>({
  id: 'msr',
  titleKey: 'reports.sections.msr',
  order: 60,
  collect: async (rc) => {
    const list = await rc.call('msr.list', {});
    if (list.items.length === 0) return null;
    return {
      overall: list.summary.overall.percent,
      parts: list.summary.parts.map((p) => ({ part: p.part, percent: p.percent, applicable: p.applicable })),
      gaps: list.items.filter((i) => i.status === 'nonCompliant' || i.status === 'partial'),
    };
  },
  html: (d, rc) =>
    `${para(rc.t('reports.msr.overall', { percent: pct(d.overall) }))}
${tableHtml(partsTable(d, rc))}
${sub(rc.t('reports.msr.gaps'))}
${d.gaps.length ? tableHtml(gapsTable(d, rc), { className: 'small' }) : para(rc.t('reports.msr.noGaps'))}`,
  paragraphs: (d, rc) => [rc.t('reports.msr.overall', { percent: pct(d.overall) })],
  tables: (d, rc) => [partsTable(d, rc), gapsTable(d, rc)],
});
