import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/testCore';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('committed migrations', () => {
  it('match the drizzle schema: drizzle-kit finds nothing left to generate', () => {
    // Generate against a copy, so the check never writes into db/migrations.
    const dir = tempDir('vigil-migrations-');
    const out = path.join(dir, 'migrations');
    fs.cpSync(path.join(ROOT, 'db/migrations'), out, { recursive: true });
    const config = path.join(dir, 'drizzle.config.mjs');
    fs.writeFileSync(
      config,
      `export default { dialect: 'sqlite', schema: "./db/schema/index.ts", out: ${JSON.stringify(path.relative(ROOT, out))} };\n`,
    );
    const before = fs.readdirSync(out).sort();
    const output = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--config', config], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(output).toMatch(/No schema changes/i);
    expect(fs.readdirSync(out).sort()).toEqual(before);
  }, 60_000);
});
