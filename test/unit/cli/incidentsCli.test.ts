import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');
const DATA = path.resolve(import.meta.dirname, '../../../../shared/data/incidents');
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');

function vigil(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE };
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dataDir = path.join(tempDir('vigil-cli-incidents-'), 'vault');
const init = vigil(['init', '--name', 'CLI incidents']);

describe('vigil import incidents / export incidents', () => {
  it('dry-runs, imports and re-imports the JSON export (update, not duplicate), with exit codes', () => {
    expect(init.code).toBe(0);
    const file = path.join(DATA, 'insecurity-insight-aid-worker-kika.json');
    const dry = vigil(['import', 'incidents', file, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ created: 1299, updated: 0, skipped: 0, problems: [], committed: false });
    expect(vigil(['import', 'incidents', file, '--json']).code).toBe(0);
    const again = vigil(['import', 'incidents', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 1299, committed: true });
  });

  it('exits 1 listing problems by spreadsheet row and commits nothing; --skip-invalid commits the good rows', () => {
    const file = path.join(FIXTURES, 'bad-values.csv');
    const refused = vigil(['import', 'incidents', file, '--json']);
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout) as { problems: { row: number; code: string }[]; committed: boolean };
    expect(report.committed).toBe(false);
    expect(report.problems.map((p) => p.row)).toEqual([3, 4, 5, 7]);
    const human = vigil(['import', 'incidents', file]);
    expect(human.stdout).toMatch(/row 3, date: INVALID_DATE/);
    const skipped = vigil(['import', 'incidents', file, '--skip-invalid', '--json']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ created: 4, skipped: 2, flagged: 2, committed: true });
  });

  it('exits 2 on the workbook with no data rows, on a missing file and on an unknown sheet', () => {
    const empty = vigil(['import', 'incidents', path.join(DATA, 'insecurity-insight-2024-attacks-on-health-care-sample.xlsx')]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no data rows|empty/i);
    expect(vigil(['import', 'incidents', '/nonexistent/file.csv']).code).toBe(2);
    expect(vigil(['import', 'incidents', path.join(DATA, 'insecurity-insight-2022-shcc-incident-data.xlsx'), '--sheet', 'Nope', '--dry-run']).code).toBe(2);
  });

  it('resolves ambiguous dates with --date-order', () => {
    const file = path.join(FIXTURES, 'ambiguous-dates.csv');
    expect(vigil(['import', 'incidents', file, '--dry-run']).code).toBe(1);
    expect(vigil(['import', 'incidents', file, '--dry-run', '--date-order', 'dmy']).code).toBe(0);
  });

  it('exports GeoJSON without restricted incidents unless --include-restricted', () => {
    const restricted = vigil(['call', 'incidents.create', JSON.stringify({ date: '2024-01-02', confidentiality: 'restricted', latitude: 1, longitude: 2, narrative: 'Quokkaword restricted case' })]);
    expect(restricted.code).toBe(0);
    const out = path.join(tempDir(), 'incidents.geojson');
    const filter = JSON.stringify({ search: 'quokkaword' });
    expect(vigil(['export', 'incidents', '--format', 'geojson', '--out', out, '--filter', filter, '--json']).code).toBe(0);
    expect((JSON.parse(fs.readFileSync(out, 'utf8')) as { features: unknown[] }).features).toHaveLength(0);
    const all = vigil(['export', 'incidents', '--format', 'geojson', '--out', out, '--filter', filter, '--include-restricted', '--json']);
    expect(JSON.parse(all.stdout)).toMatchObject({ rows: 1 });
    const fc = JSON.parse(fs.readFileSync(out, 'utf8')) as { features: { geometry: { coordinates: number[] } }[] };
    expect(fc.features[0]!.geometry.coordinates).toEqual([2, 1]);
    expect(vigil(['export', 'incidents', '--format', 'pdf', '--out', out]).code).toBe(2);
    expect(vigil(['export', 'incidents', '--format', 'csv', '--out', out, '--anonymise', '0']).code).toBe(2);
    const kml = path.join(tempDir(), 'anon.kml');
    const anon = vigil(['export', 'incidents', '--format', 'kml', '--out', kml, '--filter', filter, '--include-restricted', '--anonymise', '25', '--json']);
    expect(JSON.parse(anon.stdout)).toMatchObject({ rows: 1 });
    expect(fs.readFileSync(kml, 'utf8')).not.toContain('Quokkaword');
  });
});
