import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { BuiltReport } from './build';
import { rasteriseSvgs } from './rasterise';
import type { ReportImage, ReportTable } from './types';

/** An editable Word document of the report (for regional consolidation): headings, text, tables, pictures. */
export async function reportDocx(report: BuiltReport, chromium: string | undefined): Promise<Buffer> {
  const { rc } = report;
  const rtl = rc.lang === 'ar';
  const run = (text: string, opts: { bold?: boolean; colour?: string } = {}) =>
    new TextRun({ text, bold: opts.bold ?? false, rightToLeft: rtl, font: rtl ? 'Noto Sans Arabic' : 'Noto Sans', ...(opts.colour ? { color: opts.colour } : {}) });
  const para = (text: string, opts: { bold?: boolean; colour?: string } = {}) => new Paragraph({ bidirectional: rtl, children: [run(text, opts)] });
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading: level, bidirectional: rtl, children: [run(text)] });
  const table = (tb: ReportTable) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      rows: [
        new TableRow({ tableHeader: true, children: tb.columns.map((c) => new TableCell({ children: [para(c, { bold: true })], shading: { fill: 'EEF2F6' } })) }),
        ...tb.rows.map((r) => new TableRow({ children: r.map((v) => new TableCell({ children: [para(v === null ? '—' : String(v))] })) })),
      ],
    });

  // Pictures first, all in one browser run.
  const wanted: Array<{ sectionIndex: number; image: ReportImage }> = [];
  report.sections.forEach((s, sectionIndex) => {
    if (s.data !== null) for (const image of s.section.images?.(s.data, rc) ?? []) wanted.push({ sectionIndex, image });
  });
  const pngs = await rasteriseSvgs(
    wanted.map((w) => w.image),
    chromium,
  );

  const children: Array<Paragraph | Table> = [];
  const demo = rc.settings.isDemo ? para(rc.t('demoMarker'), { bold: true, colour: 'C8102E' }) : null;
  if (demo) children.push(demo);
  children.push(heading(`${report.title} — ${report.period.id}`, HeadingLevel.TITLE));
  report.sections.forEach(({ section, title, data }, sectionIndex) => {
    if (section.untitled && data !== null) {
      for (const p of section.paragraphs?.(data, rc) ?? []) children.push(para(p));
      return;
    }
    children.push(heading(title, HeadingLevel.HEADING_1));
    if (data === null) {
      children.push(para(rc.t('reports.noData')));
      return;
    }
    for (const p of section.paragraphs?.(data, rc) ?? []) children.push(para(p));
    wanted.forEach((w, i) => {
      if (w.sectionIndex !== sectionIndex) return;
      children.push(heading(w.image.title, HeadingLevel.HEADING_2));
      const png = pngs?.[i];
      if (png) {
        const width = 600;
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new ImageRun({ type: 'png', data: png, transformation: { width, height: Math.round((w.image.height / w.image.width) * width) }, altText: { name: w.image.title, description: w.image.title, title: w.image.title } })],
          }),
        );
      } else {
        children.push(para(rc.t('reports.docx.imageOmitted')));
      }
    });
    for (const tb of section.tables?.(data, rc) ?? []) {
      if (tb.rows.length === 0) continue;
      children.push(heading(tb.title, HeadingLevel.HEADING_2));
      children.push(table(tb));
    }
  });
  if (demo) children.push(para(rc.t('demoMarker'), { bold: true, colour: 'C8102E' }));
  const doc = new Document({
    creator: 'Vigil',
    title: `${report.title} — ${report.period.id}`,
    styles: { default: { document: { run: { font: rtl ? 'Noto Sans Arabic' : 'Noto Sans', size: 20 } } } },
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}
