import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');

function vigil(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE };
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An independent reader (openpyxl): values row by row, plus the fill colour of every cell. */
function readXlsx(file: string): { values: unknown[][]; fills: (string | null)[][] } {
  const script = [
    'import json, sys, openpyxl',
    'ws = openpyxl.load_workbook(sys.argv[1]).active',
    'values = [[c.value for c in r] for r in ws.iter_rows()]',
    'fills = [[(c.fill.fgColor.rgb if c.fill and c.fill.fill_type == "solid" else None) for c in r] for r in ws.iter_rows()]',
    'print(json.dumps({"values": values, "fills": fills}, default=str))',
  ].join('\n');
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file]).toString()) as { values: unknown[][]; fills: (string | null)[][] };
}

const dataDir = path.join(tempDir('vigil-risks-cli-'), 'vault');
const init = vigil(['init', '--demo', '--data-dir', dataDir, '--json', '--seed', '5']);
const out = tempDir('vigil-risks-out-');

describe('vigil export risks / msr', () => {
  it('writes the register as XLSX: demo marker, title, translated header, one row per filtered risk, levels coloured', () => {
    expect(init.code).toBe(0);
    const file = path.join(out, 'crime.xlsx');
    const filter = JSON.stringify({ filterModel: { category: { filterType: 'text', type: 'equals', filter: 'crime' } }, sortModel: [{ colId: 'reference', sort: 'asc' }] });
    const run = vigil(['export', 'risks', '--format', 'xlsx', '--out', file, '--filter', filter, '--columns', 'reference,title,residualLevel,measureTitles', '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { rows: number; verified: boolean };
    expect(result).toMatchObject({ rows: 5, verified: true });
    expect(fs.readFileSync(path.join(out, 'SHA256SUMS'), 'utf8')).toContain('crime.xlsx');

    const { values, fills } = readXlsx(file);
    expect(values[0]![0]).toBe('FICTIONAL DEMO DATA');
    expect(String(values[1]![0])).toMatch(/^Security risk register/);
    expect(values[2]).toEqual(['Ref.', 'Risk', 'Residual level', 'Mitigation measures']);
    const rows = values.slice(3);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r[0])).toEqual([...rows.map((r) => r[0])].sort());
    expect(rows.find((r) => String(r[1]).startsWith('Carjacking'))).toEqual([
      expect.stringMatching(/^R-\d{3}$/),
      'Carjacking on the Port Amarel airport road (demo)',
      'High',
      expect.stringContaining('Two-vehicle convoys'),
    ]);
    // Every level cell carries a solid fill from the matrix colours.
    for (const row of fills.slice(3)) expect(row[2]).toMatch(/^FF[0-9A-F]{6}$/);
  });

  it('writes the register as CSV in French and refuses an invalid filter with exit 1', () => {
    const file = path.join(out, 'risks.csv');
    const run = vigil(['export', 'risks', '--format', 'csv', '--out', file, '--lang', 'fr', '--data-dir', dataDir]);
    expect(run.code).toBe(0);
    // Read with Python's csv module: measure lists span several lines inside one quoted cell.
    const records = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))', file]).toString(),
    ) as string[][];
    expect(records[0]).toEqual(['DONNÉES DE DÉMONSTRATION FICTIVES']);
    expect(records[1]![0]).toBe('Réf.');
    expect(records).toHaveLength(2 + 25);
    const bad = vigil(['export', 'risks', '--format', 'csv', '--out', file, '--filter', '{"sortModel":"x"}', '--data-dir', dataDir]);
    expect(bad.code).toBe(1);
  });

  it('exports the MSR checklist with the demo statuses', () => {
    const file = path.join(out, 'msr.xlsx');
    const run = vigil(['export', 'msr', '--format', 'xlsx', '--out', file, '--data-dir', dataDir, '--json']);
    expect(run.code).toBe(0);
    const { values } = readXlsx(file);
    expect(values[0]![0]).toBe('FICTIONAL DEMO DATA');
    expect(values[1]!.slice(0, 4)).toEqual(['Part', 'Item', 'Requirement', 'Status']);
    const regs = values.find((r) => r[1] === 'MSR-2.1');
    expect(regs?.[3]).toBe('Compliant');
    expect(values.some((r) => r[1] === 'ORG-2.1')).toBe(true);
  });
});
