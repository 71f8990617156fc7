import type { CellValue } from '../../export/tabular';
import { escapeHtml } from '../renderPdf';
import type { ReportTable } from './types';

export const h = escapeHtml;

const cell = (v: CellValue) => (v === null || v === '' ? '—' : h(String(v)));

/** A report table as HTML; numbers align at the end. */
export function tableHtml(table: Pick<ReportTable, 'columns' | 'rows'>, opts: { numeric?: number[]; nowrap?: number[]; className?: string } = {}): string {
  const num = new Set(opts.numeric ?? []);
  const nowrap = new Set(opts.nowrap ?? []);
  return `<table class="${opts.className ?? ''}"><thead><tr>${table.columns.map((c, i) => `<th${num.has(i) ? ' class="num"' : ''}>${h(c)}</th>`).join('')}</tr></thead><tbody>
${table.rows.map((r) => `<tr>${r.map((v, i) => `<td${num.has(i) || typeof v === 'number' ? ' class="num"' : nowrap.has(i) ? ' class="nowrap"' : ''}>${cell(v)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table>`;
}

/** Left-to-right isolate: a period id, a date or a time zone keeps its order inside an Arabic sentence. */
export const ltr = (text: string) => `\u2066${text}\u2069`;

export const para = (text: string) => `<p>${h(text)}</p>`;
export const sub = (text: string) => `<h3>${h(text)}</h3>`;
export const figure = (svg: string, caption?: string) => `<figure>${svg}${caption ? `<figcaption>${h(caption)}</figcaption>` : ''}</figure>`;
