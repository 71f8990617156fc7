import { registerSection } from '../periodic/registry';
import type { Incident } from '../../../../shared/contract/incidents';
import { daysOf } from '../periodic/period';
import { barChartSvg, colourFor, stackedColumnsSvg } from '../periodic/charts';
import { figure, para, sub, tableHtml } from '../periodic/htmlKit';
import { categoryOf, incidentsOfPeriod } from '../periodic/incidentsOfPeriod';
import { type ReportContext, type ReportImage, type ReportTable } from '../periodic/types';

interface IncidentsData {
  rows: Incident[];
  restrictedLeftOut: number;
}

const n = (v: number | null) => v ?? 0;

function table(d: IncidentsData, rc: ReportContext): ReportTable {
  const t = rc.t;
  const c = (k: string) => t(`incidents.columns.${k}`);
  return {
    title: t('reports.sections.incidents'),
    columns: [c('date'), c('areaPath'), c('placeName'), c('category'), c('severity'), c('organisationAffected'), c('killed'), c('injured'), c('kidnapped')],
    rows: d.rows.map((i) => [
      i.date.length > 10 ? i.date.slice(0, 16).replace('T', ' ') : i.date,
      i.areaPath ?? (i.country || null),
      i.placeName || null,
      categoryOf(i, t('reports.incidents.uncategorised')),
      i.severity ? t(`incidents.severities.${i.severity}`) : null,
      i.organisationAffected || null,
      i.killed,
      i.injured,
      i.kidnapped,
    ]),
  };
}

function charts(d: IncidentsData, rc: ReportContext): ReportImage[] {
  const t = rc.t;
  const rtl = rc.lang === 'ar';
  const cats = d.rows.map((i) => categoryOf(i, t('reports.incidents.uncategorised')));
  const colours = colourFor(cats);
  const byCat = new Map<string, number>();
  for (const c of cats) byCat.set(c, (byCat.get(c) ?? 0) + 1);
  const catRows = [...byCat.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 12);
  // Weekly: one column per day; quarterly: per month. Incidents known only to the month/year are left out of this chart.
  const weekly = rc.period.kind === 'weekly';
  const buckets = weekly ? daysOf(rc.period) : [...new Set(daysOf(rc.period).map((x) => x.slice(0, 7)))];
  const key = (i: Incident) => (weekly ? (i.date.length >= 10 ? i.date.slice(0, 10) : null) : i.date.length >= 7 ? i.date.slice(0, 7) : null);
  const series = [...colours.entries()].map(([name, colour]) => ({
    name,
    colour,
    values: buckets.map((b) => d.rows.filter((i, idx) => cats[idx] === name && key(i) === b).length),
  }));
  const labels = buckets.map((b) => (weekly ? b.slice(5) : b));
  return [
    {
      title: t('reports.incidents.byCategory'),
      width: 680,
      height: Math.max(120, 40 + catRows.length * 24),
      svg: barChartSvg(
        catRows.map(([label, value]) => ({ label, value, colour: colours.get(label)! })),
        { width: 680, height: Math.max(120, 40 + catRows.length * 24), rtl },
      ),
    },
    {
      title: t(weekly ? 'reports.incidents.byDay' : 'reports.incidents.byMonth'),
      width: 680,
      height: 260,
      svg: stackedColumnsSvg(labels, series, { width: 680, height: 260, rtl }),
    },
  ];
}

function totals(d: IncidentsData) {
  return d.rows.reduce(
    (s, i) => ({ killed: s.killed + n(i.killed), injured: s.injured + n(i.injured), kidnapped: s.kidnapped + n(i.kidnapped), arrested: s.arrested + n(i.arrested) }),
    { killed: 0, injured: 0, kidnapped: 0, arrested: 0 },
  );
}

function lines(d: IncidentsData, rc: ReportContext): string[] {
  const t = rc.t;
  const out = [t('reports.incidents.total', { count: d.rows.length }), t('reports.incidents.casualties', totals(d))];
  if (d.restrictedLeftOut) out.push(t('reports.incidents.restrictedLeftOut', { count: d.restrictedLeftOut }));
  return out;
}

/** The incidents of the period: counts, charts by category and over time, and the full table. */
export const incidentsSection = registerSection<IncidentsData>({
  id: 'incidents',
  titleKey: 'reports.sections.incidents',
  order: 30,
  collect: async (rc) => {
    const d = await incidentsOfPeriod(rc);
    return d.rows.length ? d : null;
  },
  html: (d, rc) =>
    `${lines(d, rc).map(para).join('')}
<div class="charts">${charts(d, rc)
      .map((c) => `<div class="chart">${sub(c.title)}${figure(c.svg)}</div>`)
      .join('')}</div>
${sub(rc.t('reports.incidents.table'))}
${tableHtml(table(d, rc), { numeric: [6, 7, 8], nowrap: [0], className: 'small' })}`,
  paragraphs: lines,
  tables: (d, rc) => [table(d, rc)],
  images: charts,
});
