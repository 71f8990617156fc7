import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/report/renderPdf';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');

function vigil(args: string[], input = '') {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE };
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dataDir = path.join(tempDir('vigil-rosters-cli-'), 'vault');
const init = vigil(['init', '--demo', '--data-dir', dataDir, '--json', '--seed', '11']);
const out = tempDir('vigil-rosters-out-');
const month = new Date().toISOString().slice(0, 7);

function value<T>(args: string[]): T {
  const run = vigil([...args, '--data-dir', dataDir]);
  expect(run.code).toBe(0);
  return (JSON.parse(run.stdout) as { value: T }).value;
}

describe('vigil export roster', () => {
  it('writes the month overview as XLSX, marked as demo data', () => {
    expect(init.code).toBe(0);
    const file = path.join(out, 'roster.xlsx');
    const run = vigil(['export', 'roster', '--month', month, '--format', 'xlsx', '--out', file, '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: true });
    const cells = execFileSync('/usr/bin/python3', [
      '-c',
      'import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]; print(ws.cell(1, 1).value); print(ws.max_row)',
      file,
    ])
      .toString()
      .split('\n');
    expect(cells[0]).toBe('FICTIONAL DEMO DATA');
    // Demo marker, title, header and the 20 guards, drivers and radio operators.
    expect(Number(cells[1])).toBe(23);
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain('roster.xlsx');
  }, 150_000);

  it("writes one person's calendar with --person, and everyone's without", () => {
    const staff = value<Array<{ id: string; name: string }>>(['call', 'rosters.staff.list', '{}']);
    expect(staff.length).toBe(20);
    const one = path.join(out, 'one.ics');
    expect(vigil(['export', 'roster', '--month', month, '--format', 'ics', '--person', staff[0]!.id, '--out', one, '--data-dir', dataDir]).code).toBe(0);
    const text = fs.readFileSync(one, 'utf8');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('FICTIONAL DEMO DATA');
    const all = path.join(out, 'all.ics');
    const run = vigil(['export', 'roster', '--month', month, '--format', 'ics', '--out', all, '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(0);
    const events = (fs.readFileSync(all, 'utf8').match(/BEGIN:VEVENT/g) ?? []).length;
    expect(events).toBe((JSON.parse(run.stdout) as { rows: number }).rows);
  }, 150_000);

  it('exits 2 on usage errors and 1 on an unknown person, writing nothing', () => {
    const file = path.join(out, 'bad.ics');
    const badMonth = vigil(['export', 'roster', '--month', '2026-13', '--format', 'ics', '--out', file, '--data-dir', dataDir]);
    expect(badMonth.code).toBe(2);
    expect(badMonth.stderr).toContain('--month must be a month');
    expect(vigil(['export', 'roster', '--month', month, '--format', 'doc', '--out', file, '--data-dir', dataDir]).code).toBe(2);
    expect(vigil(['export', 'roster', '--month', month, '--format', 'pdf', '--person', '0190a0a0-0000-7000-8000-000000000000', '--out', file, '--data-dir', dataDir]).code).toBe(2);
    const unknown = vigil(['export', 'roster', '--month', month, '--format', 'ics', '--person', '0190a0a0-0000-7000-8000-000000000000', '--out', file, '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('not in the guards and drivers register');
    expect(fs.existsSync(file)).toBe(false);
  }, 150_000);

  it.skipIf(!findChromium())('prints one page per premises, or one with --premises', () => {
    const posts = value<Array<{ premisesId: string; premisesName: string }>>(['call', 'rosters.posts.list', '{}']);
    const premises = [...new Set(posts.map((p) => p.premisesId))];
    const file = path.join(out, 'roster.pdf');
    expect(vigil(['export', 'roster', '--month', month, '--format', 'pdf', '--out', file, '--data-dir', dataDir]).code).toBe(0);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(new RegExp(`Pages:\\s+${premises.length}\\b`));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('FICTIONAL DEMO DATA');
    const one = path.join(out, 'one.pdf');
    const chosen = posts.find((p) => p.premisesId === premises[1])!;
    expect(vigil(['export', 'roster', '--month', month, '--format', 'pdf', '--premises', chosen.premisesId, '--out', one, '--data-dir', dataDir]).code).toBe(0);
    expect(execFileSync('pdfinfo', [one]).toString()).toMatch(/Pages:\s+1\b/);
    expect(execFileSync('pdftotext', ['-layout', one, '-']).toString()).toContain(chosen.premisesName);
  }, 150_000);
});
