import type Database from 'better-sqlite3';
import { registerSection } from '../periodic/registry';
import { h, ltr } from '../periodic/htmlKit';

interface Cover {
  rows: Array<[string, string]>;
  title: string;
  logo: string | null;
  classification: string;
}

/** Only images a browser draws without running anything; an SVG logo could carry script. */
const SAFE_LOGO = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/;

/**
 * The delegation logo set in Settings (reports.setLogo) as a data: URL, or null when none is set or the
 * stored value is not a safe image. Other printed documents (inspection report, handover index) can use it.
 */
export function reportLogo(sqlite: Database.Database): string | null {
  const row = sqlite.prepare(`select value from settings where key = 'logo'`).get() as { value: string } | undefined;
  try {
    const v: unknown = row ? JSON.parse(row.value) : null;
    return typeof v === 'string' && SAFE_LOGO.test(v) ? v : null;
  } catch {
    return null;
  }
}

export const coverSection = registerSection<Cover>({
  id: 'cover',
  titleKey: 'reports.sections.cover',
  order: 0,
  optional: false,
  untitled: true,
  collect: (rc) => {
    const { t, settings, period } = rc;
    // Only Arabic needs the isolates; elsewhere they would only end up in copied text.
    const iso = rc.lang === 'ar' ? ltr : (s: string) => s;
    const logo = reportLogo(rc.ctx.db.sqlite);
    return {
      title: t(`reports.title.${period.kind}`),
      logo,
      classification: t(rc.includeRestricted ? 'reports.cover.classificationRestricted' : 'reports.cover.classificationInternal'),
      rows: [
        [t('reports.cover.organisation'), settings.organisationName || '—'],
        [t('reports.cover.delegation'), settings.delegationName || '—'],
        [t('reports.cover.period'), t('reports.cover.periodValue', { id: iso(period.id), from: iso(period.firstDay), to: iso(period.lastDay), tz: iso(period.timeZone) })],
        [t('reports.cover.author'), settings.officerName || '—'],
        [t('reports.cover.classification'), t(rc.includeRestricted ? 'reports.cover.classificationRestricted' : 'reports.cover.classificationInternal')],
        [t('reports.cover.generated'), `${rc.generatedAt.slice(0, 16).replace('T', ' ')} UTC`],
      ],
    };
  },
  html: (c) => `<div class="cover">
${c.logo ? `<img class="logo" src="${c.logo}" alt="">` : ''}
<h1>${h(c.title)}</h1>
<table class="meta">${c.rows.map(([k, v]) => `<tr><td>${h(k)}</td><td>${h(v)}</td></tr>`).join('')}</table>
<div class="classification">${h(c.classification)}</div>
</div>`,
  paragraphs: (c) => [c.title, ...c.rows.map(([k, v]) => `${k}: ${v}`)],
  tables: (c, rc) => [{ title: rc.t('reports.sections.cover'), columns: ['', ''], rows: c.rows }],
});
