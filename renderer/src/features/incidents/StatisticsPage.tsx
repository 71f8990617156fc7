import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts';
import { Button, Field, PageHeader, Spinner, TextInput } from '../../components';
import { useVigilQuery } from '../../lib/queries';
import type { IncidentStats } from '../../../../shared/contract/incidents';
import { useIncidentTaxonomy, type TaxonomyLabelFn } from './useIncidentTaxonomy';
import './incidents.css';

type Table = { header: string[]; rows: (string | number)[][] };

function download(name: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
}

/** Chart data as CSV; a cell starting with = + - @ is neutralised like every other export. */
function toCsv(table: Table): string {
  const cell = (v: string | number) => {
    const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[table.header, ...table.rows].map((r) => r.map(cell).join(',')).join('\n')}\n`;
}

function Chart({ id, title, option, table }: { id: string; title: string; option: echarts.EChartsOption; table: Table }) {
  const { t, i18n } = useTranslation('incidents');
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const onResize = () => chart.current?.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ ...option, textStyle: { fontFamily: 'Noto Sans, Noto Sans Arabic, sans-serif' } }, true);
  }, [option]);
  const rtl = i18n.dir() === 'rtl';
  return (
    <section className="incidents-chart" aria-label={title}>
      <header className="incidents-chart__header">
        <h2>{title}</h2>
        <Button size="sm" onClick={() => chart.current && download(`${id}.png`, chart.current.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }))}>
          {t('stats.png')}
        </Button>
        <Button size="sm" onClick={() => download(`${id}.csv`, URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv' })))}>
          {t('stats.csv')}
        </Button>
      </header>
      <div ref={ref} className="incidents-chart__canvas" dir={rtl ? 'rtl' : 'ltr'} role="img" aria-label={title} />
    </section>
  );
}

/** Bars of one breakdown; `name` turns a stored key into what the chart and its CSV show. */
function bar(rows: { key: string; count: number }[], unknown: string, name: (key: string) => string = (k) => k): { option: echarts.EChartsOption; table: Table } {
  const data = [...rows].reverse();
  const shown = (key: string) => (key ? name(key) : unknown);
  return {
    option: {
      grid: { containLabel: true, left: 8, right: 16, top: 8, bottom: 8 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: data.map((r) => shown(r.key)), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data.map((r) => r.count) }],
      tooltip: {},
    },
    table: { header: ['key', 'count'], rows: rows.map((r) => [shown(r.key), r.count]) },
  };
}

function charts(stats: IncidentStats, t: (k: string) => string, label: TaxonomyLabelFn) {
  const months = [...new Set(stats.byMonth.map((r) => r.month))].sort();
  const categories = [...new Set(stats.byMonth.map((r) => r.category))].sort();
  const unknown = t('stats.unknown');
  const categoryName = (c: string) => (c ? label('category', c) : unknown);
  const count = (m: string, c: string) => stats.byMonth.find((r) => r.month === m && r.category === c)?.count ?? 0;
  const kinds = ['killed', 'injured', 'kidnapped', 'arrested'] as const;
  return {
    byMonth: {
      option: {
        legend: { type: 'scroll', top: 0 },
        grid: { containLabel: true, left: 8, right: 16, top: 40, bottom: 8 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: categories.map((c) => ({ name: categoryName(c), type: 'bar', stack: 'all', data: months.map((m) => count(m, c)) })),
      } satisfies echarts.EChartsOption,
      table: { header: ['month', ...categories.map(categoryName)], rows: months.map((m) => [m, ...categories.map((c) => count(m, c))]) },
    },
    byArea: bar(stats.byArea, unknown),
    byPerpetratorType: bar(stats.byPerpetratorType, unknown, (k) => label('perpetratorType', k)),
    byOrganisation: bar(stats.byOrganisation, unknown, (k) => label('organisationAffected', k)),
    casualties: {
      option: {
        legend: { top: 0 },
        grid: { containLabel: true, left: 8, right: 16, top: 40, bottom: 8 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: stats.casualtiesByMonth.map((r) => r.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: kinds.map((k) => ({ name: t(`columns.${k}`), type: 'line', data: stats.casualtiesByMonth.map((r) => r[k]) })),
      } satisfies echarts.EChartsOption,
      table: { header: ['month', ...kinds], rows: stats.casualtiesByMonth.map((r) => [r.month, ...kinds.map((k) => r[k])]) },
    },
  };
}

/** Statistics of a period: computed by the core in SQL, drawn with ECharts, each chart as PNG and CSV. */
export function StatisticsPage() {
  const { t } = useTranslation('incidents');
  const [from, setFrom] = useState(() => new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10));
  const [to, setTo] = useState(() => new Date().toISOString().slice(0, 10));
  const stats = useVigilQuery('incidents.stats', { ...(from ? { from } : {}), ...(to ? { to } : {}) }).data;
  const { label } = useIncidentTaxonomy();
  const built = useMemo(() => (stats ? charts(stats, t, label) : null), [stats, t, label]);
  return (
    <div className="incidents-page">
      <PageHeader title={t('stats.title')} subtitle={t('stats.subtitle')} />
      <div className="incidents-toolbar">
        <Field label={t('period.from')}>
          <TextInput type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label={t('period.to')}>
          <TextInput type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        {stats && <span role="status">{t('stats.total', { n: stats.total.toLocaleString() })}</span>}
        {stats && stats.yearOnly.length > 0 && <span>{t('stats.yearOnly', { n: stats.yearOnly.reduce((n, r) => n + r.count, 0).toLocaleString() })}</span>}
      </div>
      {!built ? (
        <Spinner label={t('page.loading')} />
      ) : (
        <div className="incidents-charts">
          <Chart id="incidents-per-month" title={t('stats.byMonth')} {...built.byMonth} />
          <Chart id="incidents-per-area" title={t('stats.byArea')} {...built.byArea} />
          <Chart id="incidents-per-perpetrator" title={t('stats.byPerpetratorType')} {...built.byPerpetratorType} />
          <Chart id="incidents-per-organisation" title={t('stats.byOrganisation')} {...built.byOrganisation} />
          <Chart id="casualties-per-month" title={t('stats.casualties')} {...built.casualties} />
        </div>
      )}
    </div>
  );
}
