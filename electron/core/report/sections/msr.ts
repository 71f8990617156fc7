import { registerSection } from '../periodic/registry';
import { complianceSummary, type MsrStatus } from '../../../../shared/domain/msrCompliance';
import { msrItemTitle } from '../../../../shared/presets/msrIfrcTitles';
import { ltr, para, sub, tableHtml } from '../periodic/htmlKit';
import { type ReportContext, type ReportTable } from '../periodic/types';
import { asOfLine, msrSourceAsOf, reportAsOf, writtenAt, type MsrSource } from '../asOf';

interface Gap {
  code: string;
  title: string;
  status: MsrStatus;
  /** Absent for an assessment: it records statuses only. */
  responsible?: string;
  dueDate?: string | null;
}

interface MsrData {
  source: MsrSource['kind'];
  /** What date the figures refer to, said first. */
  note: string;
  overall: number | null;
  parts: Array<{ part: number; percent: number | null; applicable: number }>;
  gaps: Gap[];
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v)} %`);
const isGap = (s: MsrStatus) => s === 'nonCompliant' || s === 'partial';

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
  const columns = [t('msr.columns.code'), t('msr.columns.title'), t('msr.columns.status')];
  // An assessment keeps no owner or due date: its table leaves those columns out rather than mix in today's.
  if (d.source === 'snapshot') return { title: t('reports.msr.gaps'), columns, rows: d.gaps.map((i) => [i.code, i.title, t(`msr.statuses.${i.status}`)]) };
  return {
    title: t('reports.msr.gaps'),
    columns: [...columns, t('msr.columns.responsible'), t('msr.columns.dueDate')],
    rows: d.gaps.map((i) => [i.code, i.title, t(`msr.statuses.${i.status}`), i.responsible || null, i.dueDate ?? null]),
  };
}

/**
 * Minimum security requirements at the end of the period: the latest assessment (snapshot) taken before it;
 * without one, or while the period is not over, the checklist as it is now, saying so.
 */
export const msrSection = registerSection<MsrData>({
  id: 'msr',
  titleKey: 'reports.sections.msr',
  order: 60,
  collect: async (rc) => {
    const asOf = reportAsOf(rc);
    const source = msrSourceAsOf(rc, asOf);
    if (source.kind === 'snapshot') {
      const { snapshot } = source;
      if (snapshot.items.length === 0) return null;
      const summary = complianceSummary(snapshot.items);
      const date = snapshot.takenAt.slice(0, 10);
      return {
        source: 'snapshot',
        note: rc.t('reportsAsOf.msr.snapshot', { date: ltr(date), end: ltr(rc.period.lastDay) }),
        overall: summary.overall.percent,
        parts: summary.parts.map((p) => ({ part: p.part, percent: p.percent, applicable: p.applicable })),
        gaps: snapshot.items
          .filter((i) => isGap(i.status))
          .sort((a, b) => a.part - b.part || a.code.localeCompare(b.code, 'en', { numeric: true }))
          // A snapshot copies the stored title; a preset item's English title is shown in the report language.
          .map((i) => ({ code: i.code, title: msrItemTitle({ ...i, origin: 'preset' }, rc.lang), status: i.status })),
      };
    }
    const list = await rc.call('msr.list', {});
    if (list.items.length === 0) return null;
    const note =
      source.reason === 'noSnapshot'
        ? rc.t('reportsAsOf.msr.noSnapshot', { date: ltr(rc.period.lastDay), when: ltr(writtenAt(rc)) })
        : asOfLine(rc, asOf);
    return {
      source: 'current',
      note,
      overall: list.summary.overall.percent,
      parts: list.summary.parts.map((p) => ({ part: p.part, percent: p.percent, applicable: p.applicable })),
      gaps: list.items
        .filter((i) => isGap(i.status))
        .map((i) => ({ code: i.code, title: msrItemTitle(i, rc.lang), status: i.status, responsible: i.responsible, dueDate: i.dueDate })),
    };
  },
  html: (d, rc) =>
    `${para(d.note)}
${para(rc.t('reports.msr.overall', { percent: pct(d.overall) }))}
${tableHtml(partsTable(d, rc))}
${sub(rc.t('reports.msr.gaps'))}
${d.gaps.length ? tableHtml(gapsTable(d, rc), { className: 'small' }) : para(rc.t('reports.msr.noGaps'))}`,
  paragraphs: (d, rc) => [d.note, rc.t('reports.msr.overall', { percent: pct(d.overall) })],
  tables: (d, rc) => [partsTable(d, rc), gapsTable(d, rc)],
});
