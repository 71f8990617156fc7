import { loadExcel } from '../../export/loadExcel';
import { neutraliseFormula } from '../../export/tabular';
import type { BuiltReport } from './build';

/** Excel forbids these in sheet names, and names are at most 31 characters and unique. */
function sheetName(raw: string, used: Set<string>): string {
  const base = raw.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** The report's tables, one sheet each, headed by the period (and the demo marker on a demo vault). */
export async function reportXlsx(report: BuiltReport): Promise<Buffer> {
  const { rc } = report;
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Vigil';
  const used = new Set<string>();
  for (const { section, title, data } of report.sections) {
    const tables = data === null ? [] : (section.tables?.(data, rc) ?? []);
    if (data === null) tables.push({ title, columns: [title], rows: [[rc.t('reports.noData')]] });
    for (const table of tables) {
      const sheet = workbook.addWorksheet(sheetName(table.title === title ? title : `${title} - ${table.title}`, used), {
        views: [{ rightToLeft: rc.lang === 'ar' }],
      });
      if (rc.settings.isDemo) {
        const marker = sheet.addRow([rc.t('demoMarker')]);
        marker.font = { bold: true, color: { argb: 'FFC8102E' } };
      }
      sheet.addRow([`${report.title} — ${report.period.id} (${report.period.firstDay} – ${report.period.lastDay})`]).font = { bold: true };
      const header = sheet.addRow(table.columns);
      header.font = { bold: true };
      for (const row of table.rows) sheet.addRow(row.map(neutraliseFormula));
      table.columns.forEach((c, i) => {
        const longest = Math.max(c.length, ...table.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
        sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
