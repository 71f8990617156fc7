import { registerSection } from '../periodic/registry';
import { h } from '../periodic/htmlKit';

/** The situation summary the officer wrote in the app for this period (stored in the vault). */
export const summarySection = registerSection<{ text: string }>({
  id: 'summary',
  titleKey: 'reports.sections.summary',
  order: 10,
  collect: (rc) => {
    const row = rc.ctx.db.sqlite.prepare('select text from report_summaries where kind = ? and period = ?').get(rc.period.kind, rc.period.id) as
      | { text: string }
      | undefined;
    return row?.text.trim() ? { text: row.text } : null;
  },
  html: (d) =>
    d.text
      .split(/\n{2,}/)
      .map((p) => `<p class="summary">${h(p).replace(/\n/g, '<br>')}</p>`)
      .join('\n'),
  paragraphs: (d) => d.text.split(/\n{2,}/),
  tables: (d, rc) => [{ title: rc.t('reports.sections.summary'), columns: [rc.t('reports.sections.summary')], rows: d.text.split(/\n{2,}/).map((p) => [p]) }],
});
