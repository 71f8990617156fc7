import { spawnSync } from 'node:child_process';
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

const work = tempDir('vigil-risks-import-cli-');
const demo = path.join(work, 'demo');
const fresh = path.join(work, 'fresh');

describe('vigil import risks', () => {
  it('imports a register exported by `vigil export risks` into a fresh vault: dry run, then commit', () => {
    expect(vigil(['init', '--demo', '--data-dir', demo, '--json', '--seed', '3']).code).toBe(0);
    expect(vigil(['init', '--data-dir', fresh, '--json', '--name', 'Fresh']).code).toBe(0);
    const file = path.join(work, 'register.xlsx');
    expect(vigil(['export', 'risks', '--format', 'xlsx', '--out', file, '--data-dir', demo, '--json']).code).toBe(0);
    const exported = JSON.parse(vigil(['call', 'risks.list', '{"endRow":500}', '--data-dir', demo]).stdout) as { value: { rows: Array<{ reference: string; title: string }> } };

    const dry = vigil(['import', 'risks', file, '--dry-run', '--json', '--data-dir', fresh]);
    expect(dry.code).toBe(0);
    const dryReport = JSON.parse(dry.stdout) as { created: number; committed: boolean; problems: unknown[] };
    expect(dryReport).toMatchObject({ created: exported.value.rows.length, committed: false, problems: [] });

    const run = vigil(['import', 'risks', file, '--data-dir', fresh]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Imported: ${exported.value.rows.length} new risks`);
    const imported = JSON.parse(vigil(['call', 'risks.list', '{"endRow":500}', '--data-dir', fresh]).stdout) as typeof exported;
    const key = (r: { reference: string; title: string }) => `${r.reference} ${r.title}`;
    expect(imported.value.rows.map(key).sort()).toEqual(exported.value.rows.map(key).sort());

    // Importing the same file again updates every risk by its reference: nothing is duplicated.
    const again = vigil(['import', 'risks', file, '--dry-run', '--data-dir', fresh]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already exists, that risk will be updated/);
  }, 180_000);

  it('exits 1 with every row’s problem, 2 for an empty or unsupported file', () => {
    const bad = path.join(work, 'bad.csv');
    fs.writeFileSync(bad, 'Title,Inherent likelihood,Inherent impact\nA,6,3\nB,2,x\n');
    const refused = vigil(['import', 'risks', bad, '--data-dir', fresh, '--json']);
    expect(refused.code).toBe(1);
    const report = JSON.parse(refused.stdout) as { committed: boolean; problems: Array<{ row: number; code: string }> };
    expect(report.committed).toBe(false);
    expect(report.problems.map((p) => [p.row, p.code])).toEqual([[2, 'scaleStep'], [3, 'scaleStep']]);

    const missing = path.join(work, 'missing.csv');
    fs.writeFileSync(missing, 'Title,Owner\nA,B\n');
    const noColumn = vigil(['import', 'risks', missing, '--data-dir', fresh]);
    expect(noColumn.code).toBe(1);
    expect(noColumn.stdout).toContain('no "Inherent likelihood" column');

    const empty = path.join(work, 'empty.csv');
    fs.writeFileSync(empty, '');
    expect(vigil(['import', 'risks', empty, '--data-dir', fresh]).code).toBe(2);
    const fake = path.join(work, 'fake.xlsx');
    fs.writeFileSync(fake, 'not a workbook');
    expect(vigil(['import', 'risks', fake, '--data-dir', fresh]).code).toBe(2);
  }, 120_000);
});
