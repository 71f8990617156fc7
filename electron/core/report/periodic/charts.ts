import * as echarts from 'echarts';

const FONT = "'Noto Sans','Noto Sans Arabic',sans-serif";

/** A fixed, print-friendly palette; a category keeps its colour wherever it appears in one report. */
export const PALETTE = ['#1f5fa8', '#c8102e', '#f28c1e', '#2e7d32', '#6a1b9a', '#00838f', '#8d6e63', '#ad1457', '#546e7a', '#9e9d24'];

export function colourFor(keys: string[]): Map<string, string> {
  const sorted = [...new Set(keys)].sort();
  return new Map(sorted.map((k, i) => [k, PALETTE[i % PALETTE.length]!]));
}

/** Renders an ECharts option to an SVG string on the server (no DOM, no canvas). */
export function chartSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Horizontal bars (labels can be long: categories, areas). */
export function barChartSvg(rows: Array<{ label: string; value: number; colour?: string }>, opts: { width: number; height: number; rtl: boolean }): string {
  const data = [...rows].reverse();
  return chartSvg(
    {
      grid: { left: opts.rtl ? 20 : 150, right: opts.rtl ? 150 : 30, top: 10, bottom: 25 },
      xAxis: { type: 'value', minInterval: 1, inverse: opts.rtl },
      yAxis: { type: 'category', data: data.map((r) => r.label), position: opts.rtl ? 'right' : 'left', axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: data.map((r) => ({ value: r.value, itemStyle: { color: r.colour ?? PALETTE[0] } })),
          label: { show: true, position: opts.rtl ? 'left' : 'right' },
        },
      ],
    },
    opts.width,
    opts.height,
  );
}

/** Stacked columns over time (days of a week, weeks or months of a quarter), one series per category. */
export function stackedColumnsSvg(
  buckets: string[],
  series: Array<{ name: string; colour: string; values: number[] }>,
  opts: { width: number; height: number; rtl: boolean },
): string {
  return chartSvg(
    {
      legend: { bottom: 0, type: 'plain' },
      grid: { left: 40, right: 20, top: 15, bottom: 30 + Math.ceil(series.length / 4) * 22 },
      xAxis: { type: 'category', data: buckets, inverse: opts.rtl },
      yAxis: { type: 'value', minInterval: 1, position: opts.rtl ? 'right' : 'left' },
      series: series.map((s) => ({ type: 'bar', stack: 'all', name: s.name, data: s.values, itemStyle: { color: s.colour } })),
    },
    opts.width,
    opts.height,
  );
}
