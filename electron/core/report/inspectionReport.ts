import type { Language } from '../../../shared/contract/common';
import type { InspectionDetail } from '../../../shared/contract/inspections';
import type { Premises } from '../../../shared/contract/premises';
import type { Settings } from '../../../shared/contract/settings';
import { translator } from '../i18n';
import { escapeHtml as h, reportFontFaces } from './renderPdf';

export interface InspectionReportInput {
  detail: InspectionDetail;
  premises: Premises | null;
  photos: Map<string, { mime: string; bytes: Buffer }>;
  lang: Language;
  settings: Settings;
  generatedAt: string;
  /** The delegation's logo (a PNG or JPEG data URL checked by reportLogo), or null. */
  logo?: string | null;
}

const pct = (n: number | null) => (n === null ? '—' : `${n.toFixed(1)} %`);

/** The inspection report as one self-contained HTML page (fonts and photos as data: URLs), RTL in Arabic. */
export function renderInspectionReport({ detail, premises, photos, lang, settings, generatedAt, logo = null }: InspectionReportInput): string {
  const t = translator(lang);
  const rtl = lang === 'ar';
  const answer = (v: string | null) => (v === null ? '—' : ['yes', 'no', 'partial', 'na'].includes(v) ? t(`inspections.answers.${v}`) : v);
  const failed = detail.items.filter((i) => detail.failedItemIds.includes(i.id));
  const photoItems = detail.items.filter((i) => i.answerType === 'photo' && i.photoIds.length);
  const img = (id: string) => {
    const p = photos.get(id);
    return p ? `<img src="data:${p.mime};base64,${p.bytes.toString('base64')}" alt="">` : '';
  };
  const passed = detail.status === 'finished' ? detail.passed : detail.livePassed;
  const score = detail.status === 'finished' ? detail.score : detail.liveScore;
  const demo = settings.isDemo ? `<div class="demo">${h(t('demoMarker'))}</div>` : '';
  return `<!doctype html>
<html lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<title>${h(t('inspections.report.title'))}</title>
<style>
${reportFontFaces()}
body{font-family:${rtl ? "'Noto Sans Arabic','Noto Sans'" : "'Noto Sans','Noto Sans Arabic'"},sans-serif;font-size:10.5pt;color:#1a1a1a;margin:0}
h1{font-size:17pt;margin:0 0 4mm}
h2{font-size:12.5pt;margin:6mm 0 2mm;border-block-end:1px solid #999;padding-block-end:1mm;break-after:avoid}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #bbb;padding:1.2mm 2mm;text-align:start;vertical-align:top}
th{background:#eee}
.meta td:first-child{font-weight:700;inline-size:35%}
.verdict{display:inline-block;padding:1mm 4mm;border-radius:2mm;font-weight:700;color:#fff}
.pass{background:#1e7b34}.fail{background:#b3261e}
.demo{border:2px solid #b3261e;color:#b3261e;font-weight:700;text-align:center;padding:2mm;margin-block-end:4mm}
.item{break-inside:avoid;margin-block-end:4mm}
.item img{max-inline-size:70mm;max-block-size:55mm;margin:1mm;border:1px solid #ccc}
.critical{color:#b3261e;font-weight:700}
.num{text-align:end;font-variant-numeric:tabular-nums}
.logo{display:block;max-block-size:18mm;max-inline-size:60mm;margin-block-end:3mm}
</style></head><body>
${demo}
${logo ? `<img class="logo" src="${h(logo)}" alt="">` : ''}
<h1>${h(t('inspections.report.title'))}</h1>
<table class="meta">
<tr><td>${h(t('inspections.report.premises'))}</td><td>${h(detail.premisesName)}${premises?.address ? ` — ${h(premises.address)}` : ''}</td></tr>
<tr><td>${h(t('inspections.report.date'))}</td><td>${h(detail.inspectedOn)}</td></tr>
<tr><td>${h(t('inspections.report.inspector'))}</td><td>${h(detail.inspector)}</td></tr>
<tr><td>${h(t('inspections.report.template'))}</td><td>${h(detail.templateName)} (v${detail.templateVersion})</td></tr>
<tr><td>${h(t('inspections.report.status'))}</td><td>${h(t(`inspections.status.${detail.status}`))}</td></tr>
<tr><td>${h(t('inspections.report.total'))}</td><td><strong>${pct(score)}</strong> (${h(t('inspections.report.threshold'))} ${detail.passThreshold} %)
 <span class="verdict ${passed ? 'pass' : 'fail'}">${h(t(passed ? 'inspections.report.pass' : 'inspections.report.fail'))}</span></td></tr>
</table>
<h2>${h(t('inspections.report.sections'))}</h2>
<table><thead><tr><th>${h(t('inspections.report.section'))}</th><th class="num">${h(t('inspections.report.score'))}</th></tr></thead><tbody>
${detail.sections.map((s) => `<tr><td>${h(t(`inspections.sections.${s.section}`))}</td><td class="num">${pct(s.score)}</td></tr>`).join('\n')}
</tbody></table>
<h2>${h(t('inspections.report.failedItems'))} (${failed.length})</h2>
${
  failed.length === 0
    ? `<p>${h(t('inspections.report.noFailed'))}</p>`
    : failed
        .map(
          (i) => `<div class="item"><div><strong>${h(t(`inspections.sections.${i.section}`))}:</strong> ${h(i.label)}
 — ${h(answer(i.value))}${i.critical ? ` <span class="critical">${h(t('inspections.report.critical'))}</span>` : ''}</div>
${i.note ? `<div>${h(t('inspections.report.note'))}: ${h(i.note)}</div>` : ''}
<div>${i.photoIds.map(img).join('')}</div></div>`,
        )
        .join('\n')
}
${
  photoItems.length
    ? `<h2>${h(t('inspections.report.photos'))}</h2>${photoItems.map((i) => `<div class="item"><div>${h(i.label)}</div><div>${i.photoIds.map(img).join('')}</div></div>`).join('\n')}`
    : ''
}
<h2>${h(t('inspections.report.actions'))} (${detail.actions.length})</h2>
${
  detail.actions.length === 0
    ? `<p>${h(t('inspections.report.noActions'))}</p>`
    : `<table><thead><tr><th>${h(t('inspections.actionColumns.title'))}</th><th>${h(t('inspections.actionColumns.owner'))}</th><th>${h(t('inspections.actionColumns.dueDate'))}</th><th>${h(t('inspections.actionColumns.status'))}</th></tr></thead><tbody>
${detail.actions
  .map((a) => `<tr><td>${h(a.title)}</td><td>${h(a.owner)}</td><td>${h(a.dueDate ?? '—')}</td><td>${h(t(`inspections.actionStatus.${a.overdue ? 'overdue' : a.status}`))}</td></tr>`)
  .join('\n')}
</tbody></table>`
}
<p style="margin-block-start:8mm;color:#666;font-size:8.5pt">${h(t('inspections.report.generated', { when: generatedAt.slice(0, 16).replace('T', ' ') + ' UTC', delegation: settings.delegationName }))}</p>
${demo}
</body></html>`;
}
