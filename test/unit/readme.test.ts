import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('README and CI', () => {
  it('.ci/run runs exactly the test command the README gives', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sh\n([^`]+?)\n```/g)].map((m) => m[1]!.trim());
    const testCommand = blocks.find((b) => b.includes('npm test'));
    const ciLines = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8').trim().split('\n');
    expect(testCommand).toBeDefined();
    expect(ciLines.at(-1)).toBe(testCommand);
  });
});
