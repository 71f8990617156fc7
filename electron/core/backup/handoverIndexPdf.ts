import type { HandoverIndex } from '../../../shared/contract/backup';
import type { Language } from '../../../shared/contract/common';
import { translator } from '../i18n';
import { escapeHtml as h, reportFontFaces } from '../report/renderPdf';

/**
 * The pack's index as a printable page: what is in the pack, per table, and what was left out; headed by
 * the delegation logo of the reports when one is set (a data: URL already checked by reportLogo).
 */
export function renderHandoverIndex(index: HandoverIndex, lang: Language, logo: string | null = null): string {
  const t = translator(lang);
  const rtl = lang === 'ar';
  const rows = index.tables
    .map((r) => `<tr><td>${h(r.table)}</td><td class="num">${r.included}</td><td class="num">${r.leftOut || ''}</td></tr>`)
    .join('\n');
  const leftOut = index.leftOut.map((l) => `<li>${h(l)}</li>`).join('\n');
  const demo = index.isDemo ? `<div class="demo">${h(t('demoMarker'))}</div>` : '';
  return `<!doctype html>
<html lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<title>${h(t('backup.handover.title'))}</title>
<style>
${reportFontFaces()}
body{font-family:${rtl ? "'Noto Sans Arabic','Noto Sans'" : "'Noto Sans','Noto Sans Arabic'"},sans-serif;font-size:10.5pt;color:#1a1a1a;margin:0}
h1{font-size:17pt;margin:0 0 4mm}
h2{font-size:12.5pt;margin:6mm 0 2mm;border-block-end:1px solid #999;padding-block-end:1mm}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:1mm 2mm;text-align:start}
th{background:#eee}
td:first-child{font-family:monospace;direction:ltr}
.num{text-align:end;font-variant-numeric:tabular-nums}
.demo{border:2px solid #b3261e;color:#b3261e;font-weight:700;text-align:center;padding:2mm;margin-block-end:4mm}
.logo{max-block-size:18mm;max-inline-size:50mm;margin-block-end:4mm;display:block}
</style></head><body>
${demo}
${logo ? `<img class="logo" src="${h(logo)}" alt="">` : ''}
<h1>${h(t('backup.handover.title'))}</h1>
<p>${h(index.delegationName)} — ${h(index.createdAt.slice(0, 16).replace('T', ' '))} UTC</p>
<p>${h(index.includeRestricted ? t('backup.handover.withRestricted') : t('backup.handover.withoutRestricted'))}</p>
<h2>${h(t('backup.handover.leftOut'))}</h2>
<ul>${leftOut}</ul>
<h2>${h(t('backup.handover.contents'))}</h2>
<table><thead><tr><th>${h(t('backup.handover.table'))}</th><th>${h(t('backup.handover.included'))}</th><th>${h(t('backup.handover.leftOutCount'))}</th></tr></thead>
<tbody>${rows}</tbody></table>
</body></html>`;
}
