import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExport } from '../../../electron/core/export/exportFile';
import { parseSums } from '../../../electron/core/export/verifySums';

const BIN = path.resolve(import.meta.dirname, '../../../electron/cli/bin.mjs');
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-verify-'));

/** No VIGIL_PASSPHRASE and no TTY: verify must not need the vault at all. */
function vigil(args: string[]) {
  const env = { ...process.env };
  delete env.VIGIL_PASSPHRASE;
  const result = spawnSync(process.execPath, [BIN, ...args], { env, input: '', encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Debian's sha256sum -c on the same folder, as { file: OK | FAILED | MISSING }. */
function debianCheck(dir: string): { code: number | null; statuses: Record<string, string> } {
  const result = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
  const statuses: Record<string, string> = {};
  for (const line of result.stdout.split('\n')) {
    const m = /^(.+): (OK|FAILED open or read|FAILED)$/.exec(line);
    if (m?.[1] && m[2]) statuses[m[1]] = m[2] === 'FAILED open or read' ? 'MISSING' : m[2];
  }
  return { code: result.status, statuses };
}

function vigilStatuses(stdout: string): Record<string, string> {
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((l) => /^(.+): (OK|FAILED|MISSING)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
}

function exportFolder(): string {
  const dir = tempDir();
  writeExport(path.join(dir, 'incidents.csv'), Buffer.from('id,title\n1,Checkpoint delay\n'));
  writeExport(path.join(dir, 'weekly report.pdf'), Buffer.from('%PDF-1.7 fictional demo data\n'));
  writeExport(path.join(dir, 'map.png'), Buffer.alloc(70_000, 9));
  // A line written by someone else with sha256sum's binary marker: `<hash> *name`.
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'handover notes\n');
  const line = spawnSync('sha256sum', ['-b', 'notes.txt'], { cwd: dir, encoding: 'utf8' }).stdout;
  expect(line).toMatch(/^[0-9a-f]{64} \*notes\.txt\n$/);
  fs.appendFileSync(path.join(dir, 'SHA256SUMS'), line);
  return dir;
}

// Each run starts the CLI (tsx + the core): seconds each on a busy 2-core machine.
describe('vigil verify', { timeout: 240_000 }, () => {
  it('agrees with sha256sum -c on an intact export folder: every file OK, exit 0, no passphrase asked', () => {
    const dir = exportFolder();
    const ours = vigil(['verify', dir]);
    const debian = debianCheck(dir);
    expect(debian.code).toBe(0);
    expect(ours.code).toBe(0);
    expect(vigilStatuses(ours.stdout)).toEqual(debian.statuses);
    expect(vigilStatuses(ours.stdout)).toEqual({ 'incidents.csv': 'OK', 'weekly report.pdf': 'OK', 'map.png': 'OK', 'notes.txt': 'OK' });
  });

  it('agrees with sha256sum -c on a tampered and a missing file: FAILED and MISSING, exit 1', () => {
    const dir = exportFolder();
    const png = fs.readFileSync(path.join(dir, 'map.png'));
    png.writeUInt8(png.readUInt8(35_000) ^ 0x01, 35_000); // one flipped bit
    fs.writeFileSync(path.join(dir, 'map.png'), png);
    fs.rmSync(path.join(dir, 'incidents.csv'));
    const ours = vigil(['verify', dir]);
    const debian = debianCheck(dir);
    expect(debian.code).toBe(1);
    expect(ours.code).toBe(1);
    expect(vigilStatuses(ours.stdout)).toEqual(debian.statuses);
    expect(vigilStatuses(ours.stdout)).toMatchObject({ 'map.png': 'FAILED', 'incidents.csv': 'MISSING', 'notes.txt': 'OK' });
    expect(ours.stderr).toContain('1 computed checksum did NOT match');

    const json = vigil(['verify', dir, '--json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as Array<{ file: string; status: string; expected: string; actual: string | null }>;
    expect(parsed).toHaveLength(4);
    expect(parsed.find((r) => r.file === 'map.png')).toMatchObject({ status: 'FAILED', actual: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(parsed.find((r) => r.file === 'incidents.csv')).toMatchObject({ status: 'MISSING', actual: null });
  });

  it('checks one file against the SHA256SUMS beside it, whatever the state of the others', () => {
    const dir = exportFolder();
    fs.writeFileSync(path.join(dir, 'map.png'), 'tampered');
    const good = vigil(['verify', path.join(dir, 'weekly report.pdf')]);
    expect(good).toMatchObject({ code: 0, stdout: 'weekly report.pdf: OK\n' });
    const bad = vigil(['verify', path.join(dir, 'map.png'), '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual([expect.objectContaining({ file: 'map.png', status: 'FAILED' })]);
  });

  it('exits 2 with a clear message when there is no SHA256SUMS, the path does not exist, or the file is not listed', () => {
    const bare = tempDir();
    fs.writeFileSync(path.join(bare, 'a.txt'), 'a');
    expect(vigil(['verify', bare])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('There is no SHA256SUMS') });
    expect(vigil(['verify', path.join(bare, 'a.txt')])).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no SHA256SUMS') });
    expect(vigil(['verify', path.join(bare, 'nope')])).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot be read') });
    const dir = exportFolder();
    fs.writeFileSync(path.join(dir, 'extra.txt'), 'x');
    expect(vigil(['verify', path.join(dir, 'extra.txt')])).toMatchObject({ code: 2, stderr: expect.stringContaining('not listed') });
  });
});

describe('parseSums', () => {
  it('reads text and binary markers, escaped names, CRLF and upper-case hashes, and skips junk', () => {
    const h = 'a'.repeat(64);
    expect(parseSums(`${h}  a b.txt\r\n${h.toUpperCase()} *bin.dat\n\\${h}  line\\nbreak\\\\x\n# comment\n\nnot a line\n`)).toEqual([
      { name: 'a b.txt', sha256: h },
      { name: 'bin.dat', sha256: h },
      { name: 'line\nbreak\\x', sha256: h },
    ]);
  });
});
