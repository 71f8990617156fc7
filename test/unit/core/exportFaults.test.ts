import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeExport, writeExportStream } from '../../../electron/core/export/exportFile';
import { verifyPath } from '../../../electron/core/export/verifySums';

/**
 * Export faults with real file-system operations, no mocks: the folder removed or the drive unmounted
 * mid-write, a full disk, a read-only drive, the process killed mid-export. Every case checks what the
 * user relies on: the previous file under the final name is intact, SHA256SUMS still matches it, no
 * partial file carries the final name, and the error says what happened. Mounting needs root; where the
 * machine refuses, the case is skipped and says why on stderr.
 */
const tempDir = (prefix = 'vigil-export-fault-') => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
const WRITER = path.resolve(import.meta.dirname, 'fixtures/exportFaultsWriter.ts');
const CHUNK = 256 * 1024;

function tryRun(cmd: string, args: string[]): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? null : (r.stderr || r.error?.message || `exit ${r.status}`).trim();
}

const mounted: string[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) tryRun('umount', ['-l', m]);
});

/** Mounts or tells why not (the caller skips with that reason). */
function mount(args: string[], at: string): string | null {
  const problem = tryRun('mount', [...args, at]);
  if (!problem) mounted.push(at);
  return problem;
}

function skipBecause(ctx: { skip(note?: string): void }, what: string, reason: string): void {
  process.stderr.write(`exportFaults.test: SKIPPED "${what}": ${reason}\n`);
  ctx.skip(reason);
}

/** A stream that writes `before` chunks, then waits until `open()` before writing `after` more. */
function gatedSource(before: number, after: number) {
  let open!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const atGate = new Promise<void>((r) => (reached = r));
  async function* source(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < before; i += 1) yield Buffer.alloc(CHUNK, 0x41);
    reached();
    await gate;
    for (let i = 0; i < after; i += 1) yield Buffer.alloc(CHUNK, 0x42);
  }
  return { source: source(), atGate, open };
}

const PREVIOUS = Buffer.from('id,title\n1,previous verified export\n'.repeat(2000));

/** The previous export, written the normal way (file + SHA256SUMS). */
function previousExport(dir: string, name: string): void {
  writeExport(path.join(dir, name), PREVIOUS);
}

/**
 * The previous file is there, byte for byte; `sha256sum -c` (Debian) and verifyPath agree it matches; any
 * other file left in the folder is a hidden temp file, never the final name. Returns those leftovers.
 */
async function expectPreviousIntact(dir: string, name: string): Promise<string[]> {
  expect(fs.readFileSync(path.join(dir, name)).equals(PREVIOUS)).toBe(true);
  expect(spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' }).stdout).toBe(`${name}: OK\n`);
  expect(await verifyPath(dir)).toEqual([expect.objectContaining({ file: name, status: 'OK' })]);
  const others = fs.readdirSync(dir).filter((n) => n !== name && n !== 'SHA256SUMS' && n !== 'lost+found');
  for (const n of others) expect(n).toMatch(new RegExp(`^\\.${name.replace('.', '\\.')}\\.[0-9a-f]+\\.partial$`));
  return others;
}

describe('export faults (real file systems)', { timeout: 120_000 }, () => {
  it('the target folder is removed mid-write: clear error, nothing under the final name', async () => {
    const dir = tempDir();
    previousExport(dir, 'incidents.csv');
    const { source, atGate, open } = gatedSource(4, 4);
    const writing = writeExportStream(path.join(dir, 'incidents.csv'), source);
    await atGate;
    fs.rmSync(dir, { recursive: true, force: true });
    open();
    await expect(writing).rejects.toMatchObject({ code: 'IO', message: expect.stringMatching(/folder is gone \(was the USB stick removed\?\)\. Nothing was changed\./) });
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('the drive is pulled mid-write (ext4 image lazily unmounted): the previous file and SHA256SUMS are intact on the drive', async (ctx) => {
    const image = path.join(tempDir(), 'stick.img');
    const at = tempDir('vigil-stick-');
    execFileSync('truncate', ['-s', '24M', image]);
    const mkfs = tryRun('mkfs.ext4', ['-q', '-F', image]);
    if (mkfs) return skipBecause(ctx, 'drive pulled mid-write', `mkfs.ext4 failed: ${mkfs}`);
    const problem = mount(['-o', 'loop', image], at);
    if (problem) return skipBecause(ctx, 'drive pulled mid-write', `cannot loop-mount an image here: ${problem}`);
    previousExport(at, 'report.pdf');
    const { source, atGate, open } = gatedSource(8, 8);
    const writing = writeExportStream(path.join(at, 'report.pdf'), source);
    await atGate;
    execFileSync('umount', ['-l', at]); // what a pulled stick looks like to the writer: the path is gone
    mounted.pop();
    open();
    await expect(writing).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('was the USB stick removed?') });
    expect(fs.existsSync(path.join(at, 'report.pdf'))).toBe(false); // the bare mount point holds nothing
    // Plug the stick back in.
    const again = mount(['-o', 'loop', image], at);
    expect(again).toBeNull();
    const leftovers = await expectPreviousIntact(at, 'report.pdf');
    // The half-written temp stays on the stick (the path to delete it vanished with the mount): hidden, never the final name.
    expect(leftovers.length).toBeLessThanOrEqual(1);
  });

  it('the disk fills up mid-write (2 MiB tmpfs): "the disk is full", previous file intact, no temp file left', async (ctx) => {
    const at = tempDir('vigil-full-');
    const problem = mount(['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs'], at);
    if (problem) return skipBecause(ctx, 'disk full', `cannot mount a tmpfs here: ${problem}`);
    previousExport(at, 'roster.xlsx');
    const { source, atGate, open } = gatedSource(2, 12);
    const writing = writeExportStream(path.join(at, 'roster.xlsx'), source);
    await atGate;
    open();
    await expect(writing).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('the disk is full. Nothing was changed.') });
    expect(await expectPreviousIntact(at, 'roster.xlsx')).toEqual([]);
    // The synchronous path (every module export) behaves the same.
    expect(() => writeExport(path.join(at, 'roster.xlsx'), Buffer.alloc(3 * 1024 * 1024, 1))).toThrow('the disk is full');
    expect(await expectPreviousIntact(at, 'roster.xlsx')).toEqual([]);
  });

  it('the drive is read-only: clear error, previous file and SHA256SUMS intact', async (ctx) => {
    const at = tempDir('vigil-ro-');
    const problem = mount(['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs'], at);
    if (problem) return skipBecause(ctx, 'read-only drive', `cannot mount a tmpfs here: ${problem}`);
    previousExport(at, 'contacts.vcf');
    const ro = tryRun('mount', ['-o', 'remount,ro', at]);
    if (ro) return skipBecause(ctx, 'read-only drive', `cannot remount read-only: ${ro}`);
    expect(() => writeExport(path.join(at, 'contacts.vcf'), Buffer.from('new'))).toThrow(/permission denied or read-only\. Nothing was changed\./);
    const { source } = gatedSource(1, 0);
    await expect(writeExportStream(path.join(at, 'contacts.vcf'), source)).rejects.toMatchObject({ code: 'IO', message: expect.stringContaining('read-only') });
    expect(await expectPreviousIntact(at, 'contacts.vcf')).toEqual([]);
  });

  it('the process is killed (SIGKILL) mid-export: previous file intact, only a hidden temp file left', async () => {
    const dir = tempDir();
    previousExport(dir, 'backup.bin');
    // node with tsx's loader, not the tsx CLI: the CLI runs the script in a grandchild that SIGKILL would miss.
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, path.join(dir, 'backup.bin'), '400'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    let chunks = 0;
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      chunks = Math.max(chunks, ...[...s.matchAll(/CHUNK (\d+)/g)].map((m) => Number(m[1])));
      if (chunks >= 6) child.kill('SIGKILL');
    });
    const signal = await closed;
    expect(err).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(chunks).toBeGreaterThanOrEqual(6);
    const leftovers = await expectPreviousIntact(dir, 'backup.bin');
    expect(leftovers).toHaveLength(1);
    expect(fs.statSync(path.join(dir, leftovers[0] ?? '')).size).toBeLessThan(400 * CHUNK);
  });
});
