import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/report/renderPdf';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');
const dataDir = path.join(tempDir('vigil-cli-report-'), 'vault');
const out = tempDir('vigil-cli-report-out-');

function vigil(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env: { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE, ...env }, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const init = vigil(['init', '--demo', '--name', 'CLI reports']);

describe('vigil report weekly|quarterly', () => {
  it('exits 2 with a clear message on a bad period or output name, before touching the vault', () => {
    expect(init.code).toBe(0);
    const week53 = vigil(['report', 'weekly', '--period', '2025-W53', '--out', path.join(out, 'x.pdf')]);
    expect(week53.code).toBe(2);
    expect(week53.stderr).toMatch(/2025 has 52 ISO weeks/);
    const wrongKind = vigil(['report', 'quarterly', '--period', '2026-W10', '--out', path.join(out, 'x.pdf')]);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/YYYY-Qn/);
    const ext = vigil(['report', 'weekly', '--out', path.join(out, 'x.odt')]);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/\.pdf, \.xlsx or \.docx/);
    expect(fs.readdirSync(out)).toEqual([]);
  }, 120_000);

  it('exits 2 when no browser is found for a PDF', () => {
    const r = vigil(['report', 'weekly', '--out', path.join(out, 'x.pdf'), '--chromium', '/nonexistent/chromium']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No Chromium found at \/nonexistent\/chromium/);
  }, 60_000);

  it('writes the quarterly XLSX of a given quarter without a browser, and refuses an unknown section with exit 1', () => {
    const r = vigil(['--json', 'report', 'quarterly', '--period', '2026-Q3', '--out', path.join(out, 'q3.xlsx')], { VIGIL_CHROMIUM: '/nonexistent' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'xlsx', period: '2026-Q3', verified: true, pages: null });
    const bad = vigil(['report', 'weekly', '--out', path.join(out, 'w.xlsx'), '--without', 'weather']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown report section/);
  }, 120_000);

  it.skipIf(!findChromium())('prints the last complete week in Arabic, A4 or Letter, without the map when asked', () => {
    const r = vigil(['--json', '--lang', 'ar', 'report', 'weekly', '--out', path.join(out, 'w.pdf'), '--paper', 'letter', '--without', 'incidentMap']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { path: string; period: string; pages: number; sections: string[] };
    expect(result.period).toMatch(/^\d{4}-W\d{2}$/);
    expect(result.sections).not.toContain('incidentMap');
    const text = execFileSync('pdftotext', [result.path, '-']).toString().normalize('NFKC').replace(/[\u200e\u200f\u202a-\u202e\s]/g, '');
    expect(text).toContain('التقريرالأمنيالأسبوعي');
    // Letter is 612 x 792 points.
    expect(execFileSync('pdfinfo', [result.path]).toString()).toMatch(/Page size:\s+612 x 792/);
  }, 120_000);
});
