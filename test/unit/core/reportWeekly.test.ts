import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { findChromium } from '../../../electron/core/report/renderPdf';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
afterEach(() => core?.close());

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-']).toString();
/** pdftotext gives Arabic presentation forms, bidi marks and stray spaces inside words: fold them away. */
const folded = (file: string) => execFileSync('pdftotext', [file, '-']).toString().normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e\s]/g, '');
const SUMMARY = 'Calm week overall; two armed robberies near the port market.';
const TITLES = ['Situation summary', 'Security phases', 'Incidents', 'Incident map', 'Risk register', 'MSR compliance', 'Inspections and corrective actions', 'Open movements'];

async function demoWeek() {
  core = await makeUnlockedCore({ demo: true });
  const options = await call(core, 'reports.options', { kind: 'weekly' });
  const period = options.periods[0]!;
  const shown = await call(core, 'incidents.stats', { from: period.firstDay, to: period.lastDay, includeRestricted: false });
  const all = await call(core, 'incidents.stats', { from: period.firstDay, to: period.lastDay, includeRestricted: true });
  return { period, shown: shown.total, all: all.total };
}

describe.skipIf(!findChromium())('weekly report (demo vault)', () => {
  it('prints every section with the period, the summary, the incident counts and the demo marker; restricted left out', async () => {
    const { period, shown, all } = await demoWeek();
    expect(shown).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(shown);
    await call(core, 'reports.saveSummary', { kind: 'weekly', period: period.id, text: SUMMARY });
    const dir = tempDir();
    const result = await call(core, 'reports.export', { kind: 'weekly', format: 'pdf', path: path.join(dir, 'weekly.pdf') });
    expect(result.period).toBe(period.id);
    expect(result.pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(result.path);
    for (const expected of ['FICTIONAL DEMO DATA', 'Weekly security report', period.id, `${period.firstDay} to ${period.lastDay} (Africa/Nairobi)`, SUMMARY, ...TITLES]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(`Incidents in the period: ${shown}`);
    expect(text).toContain(`Restricted incidents left out of this report: ${all - shown}`);
    expect(text).toMatch(/Page 1 \/ \d+/);
    expect(text).toContain('INTERNAL');
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8')).toContain(`${result.sha256}  weekly.pdf`);
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '2', result.path, path.join(dir, 'page')]);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('page')).length).toBe(2);

    const restricted = await call(core, 'reports.export', { kind: 'weekly', format: 'pdf', path: path.join(dir, 'restricted.pdf'), includeRestricted: true, paper: 'letter' });
    const rText = pdfText(restricted.path);
    expect(rText).toContain(`Incidents in the period: ${all}`);
    expect(rText).toContain('RESTRICTED');
    expect(rText).not.toContain('left out of this report');
  }, 120_000);

  it('prints Arabic right to left with the Arabic title; a section switched off is absent', async () => {
    const { period } = await demoWeek();
    await call(core, 'reports.saveSections', { kind: 'weekly', disabled: ['incidentMap', 'movements'] });
    const options = await call(core, 'reports.options', { kind: 'weekly' });
    expect(options.sections.find((s) => s.id === 'incidentMap')!.enabled).toBe(false);
    expect(options.sections.find((s) => s.id === 'cover')!.optional).toBe(false);
    const dir = tempDir();
    const en = await call(core, 'reports.export', { kind: 'weekly', format: 'pdf', path: path.join(dir, 'en.pdf'), period: period.id });
    expect(en.sections).not.toContain('incidentMap');
    const text = pdfText(en.path);
    expect(text).not.toContain('Incident map');
    expect(text).not.toContain('Open movements');
    expect(text).toContain('Risk register');
    // The command input overrides the stored choice.
    const preview = await call(core, 'reports.preview', { kind: 'weekly', disabled: [] });
    expect(preview.sections).toContain('incidentMap');
    expect(preview.html).toContain('dir="ltr"');

    const ar = await call(core, 'reports.export', { kind: 'weekly', format: 'pdf', path: path.join(dir, 'ar.pdf'), lang: 'ar' });
    const arText = folded(ar.path);
    expect(arText).toContain('التقريرالأمنيالأسبوعي');
    expect(arText).toContain('بياناتتجريبيةوهمية');
    expect(arText).toContain('سجلالمخاطر');
    expect((await call(core, 'reports.preview', { kind: 'weekly', lang: 'ar' })).html).toContain('dir="rtl"');
  }, 120_000);

  it('writes the tables to XLSX (read back with openpyxl) and an editable DOCX with the charts as pictures', async () => {
    const { period, shown } = await demoWeek();
    await call(core, 'reports.saveSummary', { kind: 'weekly', period: period.id, text: SUMMARY });
    const dir = tempDir();
    const xlsx = await call(core, 'reports.export', { kind: 'weekly', format: 'xlsx', path: path.join(dir, 'weekly.xlsx') });
    const script = `import json, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: [[c for c in r] for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}, default=str))`;
    const sheets = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, xlsx.path]).toString()) as Record<string, unknown[][]>;
    const incidents = sheets['Incidents']!;
    expect(incidents[0]![0]).toBe('FICTIONAL DEMO DATA');
    expect(String(incidents[1]![0])).toContain(period.id);
    expect(incidents[2]).toContain('Category');
    expect(incidents.length - 3).toBe(shown);
    expect(JSON.stringify(sheets['Situation summary'])).toContain(SUMMARY);
    expect(Object.keys(sheets).some((n) => n.startsWith('Risk register'))).toBe(true);

    const docx = await call(core, 'reports.export', { kind: 'weekly', format: 'docx', path: path.join(dir, 'weekly.docx') });
    const xml = execFileSync('unzip', ['-p', docx.path, 'word/document.xml']).toString();
    const plain = xml.replace(/<[^>]+>/g, ' ');
    for (const expected of ['FICTIONAL DEMO DATA', SUMMARY, 'Incidents by category', 'Security phases', `Incidents in the period: ${shown}`]) expect(plain).toContain(expected);
    const media = execFileSync('unzip', ['-l', docx.path]).toString();
    expect(media).toMatch(/word\/media\/\S+\.png/);

    // Without a browser to draw them, the pictures are left out and the document says so.
    const bare = await call(core, 'reports.export', { kind: 'weekly', format: 'docx', path: path.join(dir, 'bare.docx'), chromium: '/nonexistent/chromium' });
    expect(execFileSync('unzip', ['-p', bare.path, 'word/document.xml']).toString()).toContain('Picture left out');
    expect(execFileSync('unzip', ['-l', bare.path]).toString()).not.toMatch(/word\/media\//);
  }, 120_000);
});

describe('weekly and quarterly report without a browser', () => {
  it('says so in one line for each section without data (empty vault), in the preview', async () => {
    core = await makeUnlockedCore();
    const preview = await call(core, 'reports.preview', { kind: 'quarterly', period: '2026-Q3' });
    expect(preview.period).toMatchObject({ firstDay: '2026-07-01', lastDay: '2026-09-30', start: '2026-06-30T21:00:00.000Z' });
    for (const id of ['summary', 'incidents', 'incidentMap', 'risks', 'inspections', 'movements']) {
      const section = new RegExp(`<section data-section="${id}">[\\s\\S]*?</section>`).exec(preview.html)![0];
      expect(section).toContain('Nothing to report for this period.');
    }
    expect(preview.html).not.toContain('FICTIONAL DEMO DATA');
  });

  it('refuses a bad period, a period of the other kind and an unknown section, writing nothing', async () => {
    core = await makeUnlockedCore();
    const dir = tempDir();
    const out = path.join(dir, 'r.pdf');
    for (const input of [
      { kind: 'weekly', period: '2025-W53' },
      { kind: 'weekly', period: '2026-Q1' },
      { kind: 'quarterly', period: '2026-W01' },
      { kind: 'weekly', period: 'last week' },
      { kind: 'weekly', disabled: ['weather'] },
    ]) {
      const r = await callRaw(core, 'reports.export', { ...input, format: 'pdf', path: out });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("uses the host's PDF printer when the host gives one (the desktop app's printToPDF), for reports and inspections", async () => {
    const printed: Array<{ html: string; paper: string; footer: string | undefined }> = [];
    const printPdf = async (html: string, options: { paper: string; footerTemplate?: string | undefined }) => {
      printed.push({ html, paper: options.paper, footer: options.footerTemplate });
      return Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n2 0 obj << /Type /Page >> endobj\n%%EOF\n');
    };
    core = await makeUnlockedCore({ printPdf });
    const dir = tempDir();
    const r = await call(core, 'reports.export', { kind: 'weekly', format: 'pdf', path: path.join(dir, 'host.pdf'), paper: 'letter', chromium: '/nonexistent/chromium' });
    expect(r.pages).toBe(2);
    expect(printed[0]!.paper).toBe('letter');
    expect(printed[0]!.html).toContain('Weekly security report');
    expect(printed[0]!.footer).toContain('pageNumber');
    expect(fs.readFileSync(r.path, 'latin1')).toContain('%PDF-1.4');

    const premises = await call(core, 'premises.create', { name: 'Office', type: 'office' });
    const template = (await call(core, 'inspections.listTemplates', {}))[0]!;
    const s = await call(core, 'inspections.start', { premisesId: premises.id, templateId: template.id });
    await call(core, 'inspections.report', { id: s.id, path: path.join(dir, 'inspection.pdf'), chromium: '/nonexistent/chromium' });
    expect(printed).toHaveLength(2);
    expect(printed[1]!.html).toContain('Office');
  });
});
