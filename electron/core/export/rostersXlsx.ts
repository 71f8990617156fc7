import type { Language } from '../../../shared/contract/common';
import type { Settings } from '../../../shared/contract/settings';
import { translator } from '../i18n';
import type { RosterModel } from '../services/rostersService';
import { loadExcel } from './loadExcel';
import { neutraliseFormula } from './tabular';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * The month overview: one row per person, one column per day, each cell the post's short code and the
 * shift ("OFG Night"); a second sheet explains the codes.
 */
export async function rosterXlsx({ data, lang, settings }: { data: RosterModel; lang: Language; settings: Settings }): Promise<Buffer> {
  const t = translator(lang);
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Vigil';
  const sheet = workbook.addWorksheet(t('rosters.export.sheet').slice(0, 31));
  if (settings.isDemo) sheet.addRow([t('demoMarker')]).font = { bold: true, color: { argb: 'FFC8102E' } };
  sheet.addRow([`${t('rosters.export.title')} ${data.month} — ${settings.delegationName}`]).font = { bold: true, size: 13 };
  const header = sheet.addRow([
    t('rosters.export.person'),
    t('rosters.export.role'),
    ...data.days.map((d) => `${d.slice(8)} ${t(`rosters.weekdays.${WEEKDAYS[new Date(`${d}T00:00:00Z`).getUTCDay()]}`)}`),
    t('rosters.export.total'),
  ]);
  header.font = { bold: true };
  const posts = new Map(data.posts.map((p) => [p.id, p]));
  const dayIndex = new Map(data.days.map((d, i) => [d, i]));
  const people = data.staff.filter((s) => s.status === 'active' || data.assignments.some((a) => a.staffId === s.id));
  for (const person of people) {
    const cells: string[][] = data.days.map(() => []);
    let total = 0;
    for (const a of data.assignments) {
      if (a.staffId !== person.id) continue;
      const i = dayIndex.get(a.day);
      const post = posts.get(a.postId);
      const shift = post?.shifts.find((s) => s.id === a.shiftId);
      if (i === undefined || !post || !shift) continue;
      cells[i]!.push(`${post.code} ${shift.label}`);
      total += 1;
    }
    sheet.addRow([neutraliseFormula(person.name), t(`rosters.roles.${person.role}`), ...cells.map((c) => neutraliseFormula(c.join(' + ') || null)), total]);
  }
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: header.number, rightToLeft: lang === 'ar' }];
  sheet.getColumn(1).width = 26;
  sheet.getColumn(2).width = 12;
  for (let i = 0; i < data.days.length; i++) sheet.getColumn(3 + i).width = 10;

  const legend = workbook.addWorksheet(t('rosters.export.legend').slice(0, 31));
  if (settings.isDemo) legend.addRow([t('demoMarker')]).font = { bold: true, color: { argb: 'FFC8102E' } };
  legend.addRow([t('rosters.export.code'), t('rosters.export.post'), t('rosters.export.premises'), t('rosters.export.shift'), t('rosters.export.hours'), t('rosters.export.needed')]).font = {
    bold: true,
  };
  for (const p of data.posts) {
    for (const s of p.shifts) legend.addRow([neutraliseFormula(p.code), neutraliseFormula(p.name), neutraliseFormula(p.premisesName), neutraliseFormula(s.label), `${s.start}–${s.end}`, s.needed]);
  }
  [10, 30, 30, 14, 14, 10].forEach((w, i) => {
    legend.getColumn(i + 1).width = w;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
