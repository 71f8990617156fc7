import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/core/report/renderPdf';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');

function vigil(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE };
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dataDir = path.join(tempDir('vigil-people-cli-'), 'vault');
const init = vigil(['init', '--demo', '--data-dir', dataDir, '--json', '--seed', '7']);
const out = tempDir('vigil-people-out-');
const today = new Date().toISOString().slice(0, 10);

describe('vigil export people / movements', () => {
  it('exports the personnel list as CSV, restricted fields only when asked', () => {
    expect(init.code).toBe(0);
    const file = path.join(out, 'people.csv');
    const run = vigil(['export', 'people', '--format', 'csv', '--in-country', '--out', file, '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ verified: true });
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('FICTIONAL DEMO DATA');
    expect(text).not.toContain('Blood group');
    const full = path.join(out, 'full.csv');
    expect(vigil(['export', 'people', '--format', 'csv', '--include-restricted', '--out', full, '--data-dir', dataDir]).code).toBe(0);
    expect(fs.readFileSync(full, 'utf8')).toContain('Blood group');
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain('full.csv');
  });

  it('exports a day of movements as CSV and refuses a bad day (exit 2)', () => {
    const file = path.join(out, 'day.csv');
    // The demo's movements sit around "now"; a UTC date is within a day of the demo's local day.
    const run = vigil(['export', 'movements', '--day', today, '--format', 'csv', '--out', file, '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('Departure');
    const bad = vigil(['export', 'movements', '--day', '2026-02-30', '--format', 'csv', '--out', file, '--data-dir', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--day must be a date');
  });

  it.skipIf(!findChromium())('prints the headcount PDF', () => {
    const file = path.join(out, 'headcount.pdf');
    expect(vigil(['export', 'people', '--format', 'pdf', '--out', file, '--data-dir', dataDir]).code).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('FICTIONAL DEMO DATA');
    expect(text).toMatch(/\d+ people in country/);
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1/);
  }, 60_000);
});
