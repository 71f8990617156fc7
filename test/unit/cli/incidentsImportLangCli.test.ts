import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');
const dir = tempDir('vigil-cli-import-lang-');
const dataDir = path.join(dir, 'vault');

function vigil(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE };
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vigil import incidents --lang', () => {
  it('keeps English problem messages on a French vault unless --lang asks for another language', () => {
    expect(vigil(['init', '--name', 'CLI lang', '--lang', 'fr']).code).toBe(0);
    expect(JSON.parse(vigil(['call', 'settings.get', '{}']).stdout)).toMatchObject({ ok: true, value: { language: 'fr' } });
    const file = path.join(dir, 'dates.csv');
    fs.writeFileSync(file, ['Date,Latitude,Longitude', '31/02/2024,1,2', '2024-01-02,95,10'].join('\n'));

    const english = vigil(['import', 'incidents', file, '--dry-run', '--json']);
    expect(english.code).toBe(1);
    expect(JSON.parse(english.stdout).problems).toEqual([
      { row: 2, column: 'Date', code: 'INVALID_DATE', message: '31/02/2024 is not a calendar day.' },
      { row: 3, column: 'Latitude', code: 'COORDINATE_OUT_OF_RANGE', message: '95 is outside the latitude range (-90 to 90).' },
    ]);

    const arabic = vigil(['import', 'incidents', file, '--dry-run', '--json', '--lang', 'ar']);
    expect(arabic.code).toBe(1);
    const problems = JSON.parse(arabic.stdout).problems as { row: number; code: string; message: string }[];
    expect(problems.map((p) => [p.row, p.code])).toEqual([
      [2, 'INVALID_DATE'],
      [3, 'COORDINATE_OUT_OF_RANGE'],
    ]);
    expect(problems[0]!.message).toBe('«\u206831/02/2024\u2069» ليس يومًا موجودًا في التقويم.');

    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    const refused = vigil(['import', 'incidents', empty, '--lang', 'es']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('El archivo está vacío: no hay nada que importar.');
  });
});
