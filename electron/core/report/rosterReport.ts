import type { Language } from '../../../shared/contract/common';
import type { Settings } from '../../../shared/contract/settings';
import { translator } from '../i18n';
import type { RosterModel } from '../services/rostersService';
import { escapeHtml as h, reportFontFaces } from './renderPdf';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Printable height of Letter (the shorter paper) with renderPdf's margins, in CSS pixels, less a safety line. */
const FIT_HEIGHT_PX = Math.floor(((279 - 30) / 25.4) * 96) - 12;

export interface RosterReportInput {
  data: RosterModel;
  lang: Language;
  settings: Settings;
  generatedAt: string;
}

function monthTitle(month: string, lang: Language): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * One page per premises for the notice board: days down the side, one column per post and shift, names in
 * the cells. Posts are told apart by their code and name in the header (and a different border per post),
 * never by colour alone, so a black-and-white printout reads the same.
 */
export function renderRosterReport({ data, lang, settings, generatedAt }: RosterReportInput): { html: string; pages: number } {
  const t = translator(lang);
  const rtl = lang === 'ar';
  const names = new Map(data.staff.map((s) => [s.id, s.name]));
  const byPremises = new Map<string, RosterModel['posts']>();
  for (const p of data.posts) byPremises.set(p.premisesId, [...(byPremises.get(p.premisesId) ?? []), p]);
  const cell = new Map<string, string[]>();
  for (const a of data.assignments) {
    const key = `${a.day}|${a.postId}|${a.shiftId}`;
    cell.set(key, [...(cell.get(key) ?? []), names.get(a.staffId) ?? '?']);
  }
  const demo = settings.isDemo ? `<div class="demo">${h(t('demoMarker'))}</div>` : '';
  const borders = ['solid', 'double', 'dashed', 'dotted'];
  const pages = [...byPremises.values()].map((posts, pageIndex) => {
    const premisesName = posts[0]!.premisesName;
    const columns = posts.flatMap((p, pi) => p.shifts.map((s, si) => ({ post: p, shift: s, firstOfPost: si === 0, border: borders[pi % borders.length]! })));
    const totalCols = columns.length;
    const fontPt = totalCols > 8 ? 6.5 : totalCols > 5 ? 7.5 : 8.5;
    const postHead = posts
      .map((p, pi) => `<th colspan="${p.shifts.length}" class="post" style="border-inline-start:2.5px ${borders[pi % borders.length]} #000">[${h(p.code)}] ${h(p.name)}</th>`)
      .join('');
    const shiftHead = columns
      .map((c) => `<th class="shift"${c.firstOfPost ? ` style="border-inline-start:2.5px ${c.border} #000"` : ''}>${h(c.post.code)} · ${h(c.shift.label)}<br><span class="hours">${h(c.shift.start)}–${h(c.shift.end)}</span></th>`)
      .join('');
    const rows = data.days
      .map((day) => {
        const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
        const weekend = wd === 0 || wd === 6;
        const tds = columns
          .map((c) => {
            const people = cell.get(`${day}|${c.post.id}|${c.shift.id}`) ?? [];
            const short = people.length < c.shift.needed;
            return `<td${c.firstOfPost ? ` style="border-inline-start:2.5px ${c.border} #000"` : ''}${short ? ' class="short"' : ''}>${people.map(h).join('<br>')}${
              short ? `<span class="gap">${h(t('rosters.report.missing', { n: c.shift.needed - people.length }))}</span>` : ''
            }</td>`;
          })
          .join('');
        return `<tr${weekend ? ' class="weekend"' : ''}><th class="day">${day.slice(8)} ${h(t(`rosters.weekdays.${WEEKDAYS[wd]}`))}</th>${tds}</tr>`;
      })
      .join('\n');
    return `<section class="page${pageIndex < byPremises.size - 1 ? ' break' : ''}" style="font-size:${fontPt}pt">
${demo}
<div class="head"><h1>${h(premisesName)}</h1><div class="sub">${h(t('rosters.report.title'))} — ${h(monthTitle(data.month, lang))} — ${h(settings.delegationName)}</div></div>
<table><thead><tr><th rowspan="2" class="day">${h(t('rosters.report.day'))}</th>${postHead}</tr><tr>${shiftHead}</tr></thead>
<tbody>${rows}</tbody></table>
<p class="foot">${h(t('rosters.report.legend'))} ${posts.map((p) => `[${h(p.code)}] ${h(p.name)}`).join(' · ')} — ${h(t('rosters.report.generated', { when: generatedAt.slice(0, 16).replace('T', ' ') + ' UTC' }))}</p>
</section>`;
  });
  const empty = `<section class="page">${demo}<h1>${h(t('rosters.report.title'))} — ${h(monthTitle(data.month, lang))}</h1><p>${h(t('rosters.report.noPosts'))}</p></section>`;
  const html = `<!doctype html>
<html lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<title>${h(t('rosters.report.title'))} ${h(data.month)}</title>
<style>
${reportFontFaces()}
body{font-family:${rtl ? "'Noto Sans Arabic','Noto Sans'" : "'Noto Sans','Noto Sans Arabic'"},sans-serif;color:#000;margin:0;inline-size:186mm}
.page.break{break-after:page}
.head{display:flex;justify-content:space-between;align-items:baseline;gap:4mm;margin-block-end:2mm}
h1{font-size:15pt;margin:0}
.sub{font-size:9.5pt}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #000;padding:0.4mm 1mm;text-align:start;vertical-align:top;line-height:1.2;overflow-wrap:anywhere}
thead th{background:#e6e6e6}
th.post{font-size:1.05em}
th.shift{font-weight:700}
.hours{font-weight:400}
th.day{inline-size:13mm;white-space:nowrap}
tr.weekend th.day{font-style:italic;text-decoration:underline}
td.short{background:repeating-linear-gradient(45deg,#fff,#fff 2px,#ddd 2px,#ddd 4px)}
.gap{display:block;font-weight:700}
.demo{border:2px solid #000;font-weight:700;text-align:center;padding:1mm;margin-block-end:2mm}
.foot{font-size:7pt;margin-block-start:1.5mm}
</style></head><body>
${pages.length ? pages.join('\n') : empty}
<script>
// One premises, one sheet of paper: shrink a page's text until it fits the printable height of A4 or Letter.
function fit() {
  for (const page of document.querySelectorAll('section.page')) {
    let size = parseFloat(page.style.fontSize) || 8.5;
    while (page.getBoundingClientRect().height > ${FIT_HEIGHT_PX} && size > 4.5) {
      size -= 0.25;
      page.style.fontSize = size + 'pt';
    }
  }
}
fit();
document.fonts.ready.then(fit);
</script>
</body></html>`;
  return { html, pages: Math.max(1, pages.length) };
}
