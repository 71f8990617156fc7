import { fontDataUrl, reportFontFaces } from '../renderPdf';
import type { BuiltReport } from './build';
import { h } from './htmlKit';

/** Nothing in a report may fetch or run anything: fonts and images are data: URLs, styles inline. */
const CSP = "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'";

const css = (rtl: boolean) => `
body{font-family:${rtl ? "'Noto Sans Arabic','Noto Sans'" : "'Noto Sans','Noto Sans Arabic'"},sans-serif;font-size:10pt;color:#1a1a1a;margin:0}
h1{font-size:20pt;margin:0 0 6mm}
h2{font-size:13pt;margin:8mm 0 2mm;border-block-end:1.5px solid #1f5fa8;padding-block-end:1mm;break-after:avoid;color:#1f3f6a}
h3{font-size:10.5pt;margin:4mm 0 1.5mm;break-after:avoid}
p{margin:1.5mm 0}
table{border-collapse:collapse;inline-size:100%;margin-block:1mm 2mm}
th,td{border:1px solid #bbb;padding:1mm 1.6mm;text-align:start;vertical-align:top}
td{unicode-bidi:plaintext}
html[dir=rtl] th,html[dir=rtl] td{text-align:right}
th{background:#eef2f6}
tr{break-inside:avoid}
table.small{font-size:8pt}
td.nowrap{white-space:nowrap}
.num{text-align:end;font-variant-numeric:tabular-nums}
.cover{padding-block:10mm 6mm;break-after:page}
.cover .logo{max-block-size:24mm;max-inline-size:60mm;margin-block-end:6mm;display:block}
.cover .meta td:first-child{font-weight:700;inline-size:32%;background:#f6f6f6}
.classification{margin-block-start:8mm;border:1.5px solid #444;padding:2mm 4mm;display:inline-block;font-weight:700;letter-spacing:.04em}
.demo{border:2px solid #b3261e;color:#b3261e;font-weight:700;text-align:center;padding:2mm;margin-block:0 4mm}
.empty{color:#666;font-style:italic}
.chip{display:inline-block;padding:0 2mm;border-radius:1mm;border:1px solid #999}
figure{margin:0 0 2mm;break-inside:avoid;direction:ltr}
figure svg{max-inline-size:100%;block-size:auto}
.chart{break-inside:avoid}
.legend{display:flex;flex-wrap:wrap;gap:1mm 5mm;font-size:8.5pt}
.legend i{display:inline-block;inline-size:3mm;block-size:3mm;border-radius:50%;margin-inline-end:1.5mm;vertical-align:middle}
table.heatmap{inline-size:auto}
table.heatmap td.heat{inline-size:18mm;block-size:10mm;text-align:center;font-weight:700}
.summary{white-space:normal;line-height:1.45}
section{break-inside:auto}
@media screen{body{padding:10mm 12mm}}
`;

/** The whole report as one self-contained HTML page: what the preview shows and Chromium prints. */
export function reportHtml(report: BuiltReport): string {
  const { rc } = report;
  const rtl = rc.lang === 'ar';
  const demo = rc.settings.isDemo ? `<div class="demo">${h(rc.t('demoMarker'))}</div>` : '';
  const body = report.sections
    .map(({ section, title, data }) => {
      const inner = data === null ? `<p class="empty">${h(rc.t('reports.noData'))}</p>` : section.html(data, rc);
      return `<section data-section="${h(section.id)}">${section.untitled && data !== null ? '' : `<h2>${h(title)}</h2>`}
${inner}</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${rc.lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${h(report.title)} — ${h(report.period.id)}</title>
<style>
${reportFontFaces()}
${css(rtl)}
</style></head><body>
${demo}
${body}
<p class="empty" style="margin-block-start:8mm">${h(rc.t('reports.generated', { when: `${rc.generatedAt.slice(0, 16).replace('T', ' ')} UTC`, delegation: rc.settings.delegationName }))}</p>
${demo}
</body></html>`;
}

/** Header and footer templates: Chromium draws them apart from the page, so they carry their own font. */
export function headerFooter(report: BuiltReport): { headerTemplate: string; footerTemplate: string } {
  const { rc } = report;
  const rtl = rc.lang === 'ar';
  const faces = [
    ['Noto Sans', fontDataUrl('@fontsource/noto-sans', 'noto-sans-latin-400-normal.woff2')],
    ['Noto Sans Arabic', fontDataUrl('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff2')],
  ]
    .filter(([, url]) => url)
    .map(([family, url]) => `@font-face{font-family:'${family}';src:url(${url}) format('woff2');}`)
    .join('');
  const style = `<style>${faces}</style>`;
  const font = `font-family:${rtl ? "'Noto Sans Arabic','Noto Sans'" : "'Noto Sans','Noto Sans Arabic'"};font-size:7.5pt;color:#555`;
  const dir = rtl ? 'rtl' : 'ltr';
  const demo = rc.settings.isDemo ? `<span style="color:#b3261e;font-weight:700">${h(rc.t('demoMarker'))}</span>` : '';
  const classification = h(rc.t(rc.includeRestricted ? 'reports.cover.classificationRestricted' : 'reports.cover.classificationInternal'));
  return {
    headerTemplate: `${style}<div dir="${dir}" style="${font};inline-size:100%;margin-inline:12mm;display:flex;justify-content:space-between">
<span>${h(report.title)} — <bdi dir="ltr">${h(report.period.id)}</bdi></span>${demo}<span>${h(rc.settings.delegationName)}</span></div>`,
    footerTemplate: `${style}<div dir="${dir}" style="${font};inline-size:100%;margin-inline:12mm;display:flex;justify-content:space-between">
<span>${classification}</span><span>${h(rc.t('reports.page'))} <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
  };
}
