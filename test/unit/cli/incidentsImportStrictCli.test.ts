import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSPHRASE, tempDir } from '../helpers/testCore';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');
const dir = tempDir('vigil-cli-strict-');
const dataDir = path.join(dir, 'vault');

function vigil(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_PASSPHRASE: PASSPHRASE };
  const result = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('vigil import incidents --strict-taxonomy', () => {
  it('exits 1 naming the rows whose category is not in the taxonomy; without the flag the values import as written', () => {
    expect(vigil(['init', '--name', 'CLI strict']).code).toBe(0);
    const file = path.join(dir, 'cats.csv');
    fs.writeFileSync(file, ['Date,Category', '2024-01-01,Kidnapping', '2024-01-02,Carjacking'].join('\n'));
    const strict = vigil(['import', 'incidents', file, '--strict-taxonomy', '--json']);
    expect(strict.code).toBe(1);
    const report = JSON.parse(strict.stdout) as { problems: { row: number; column: string; code: string }[]; committed: boolean };
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, column: 'Category', code: 'UNKNOWN_CATEGORY' })]);
    const human = vigil(['import', 'incidents', file, '--strict-taxonomy']);
    expect(human.stdout).toMatch(/row 3, Category: UNKNOWN_CATEGORY "Carjacking" \(Category\) is not in the taxonomy; map it or add it\./);
    const free = vigil(['import', 'incidents', file, '--json']);
    expect(free.code).toBe(0);
    expect(JSON.parse(free.stdout)).toMatchObject({ created: 2, problems: [], committed: true });
  });
});
