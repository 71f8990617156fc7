import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeExport, writeExportStream } from '../../../electron/core/export/exportFile';
import { writeFileAtomicStream } from '../../../electron/core/fs/atomicWrite';

// Not helpers/testCore: this test needs no core, so it does not load the whole command registry.
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-export-stream-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function* chunks(parts: Buffer[], failAfter?: number): AsyncGenerator<Uint8Array> {
  let i = 0;
  for (const part of parts) {
    if (failAfter !== undefined && i === failAfter) throw new Error('the source broke');
    i += 1;
    await new Promise((r) => setImmediate(r));
    yield part;
  }
}

describe('writeFileAtomicStream', () => {
  it('writes an async iterable in chunks and returns the SHA-256 and size of what is on disk', async () => {
    const dir = tempDir();
    const parts = Array.from({ length: 40 }, (_, i) => Buffer.alloc(100_000 + i, i));
    const all = Buffer.concat(parts);
    const target = path.join(dir, 'big.bin');
    const result = await writeFileAtomicStream(target, chunks(parts));
    expect(result).toEqual({ path: target, bytes: all.length, sha256: sha(all) });
    expect(fs.readFileSync(target).equals(all)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['big.bin']);
  });

  it('accepts a Node readable stream (file stream) and strings', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'source.txt');
    fs.writeFileSync(source, 'x'.repeat(3_000_000));
    const target = path.join(dir, 'copy.txt');
    const result = await writeFileAtomicStream(target, fs.createReadStream(source, { highWaterMark: 64 * 1024 }));
    expect(result.sha256).toBe(sha(fs.readFileSync(source)));
    const text = path.join(dir, 'text.txt');
    await writeFileAtomicStream(text, Readable.from(['héllo ', 'wörld']));
    expect(fs.readFileSync(text, 'utf8')).toBe('héllo wörld');
  });

  it('leaves the previous file intact and no temp file when the source fails mid-way', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'report.bin');
    fs.writeFileSync(target, 'previous version');
    const parts = Array.from({ length: 10 }, () => Buffer.alloc(50_000, 7));
    await expect(writeFileAtomicStream(target, chunks(parts, 5))).rejects.toThrow('the source broke');
    expect(fs.readFileSync(target, 'utf8')).toBe('previous version');
    expect(fs.readdirSync(dir)).toEqual(['report.bin']);
  });
});

describe('writeExportStream', () => {
  it('writes the file and SHA256SUMS last, which Debian sha256sum -c accepts, beside writeExport files', async () => {
    const dir = tempDir();
    writeExport(path.join(dir, 'small.csv'), Buffer.from('a,b\n1,2\n'));
    const parts = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i + 1));
    const result = await writeExportStream(path.join(dir, 'backup.vigilbackup'), chunks(parts));
    const sums = fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8');
    expect(sums).toContain(`${result.sha256}  backup.vigilbackup\n`);
    expect(sums).toContain('  small.csv\n');
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString();
    expect(out).toContain('backup.vigilbackup: OK');
    expect(out).toContain('small.csv: OK');
    // Writing again replaces the line, not appends a second one.
    await writeExportStream(path.join(dir, 'backup.vigilbackup'), chunks([Buffer.from('new')]));
    expect(fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8').match(/backup\.vigilbackup/g)).toHaveLength(1);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir }).toString()).toContain('backup.vigilbackup: OK');
  });

  it('fails with a clear IO message when the folder does not exist, writing nothing', async () => {
    const dir = path.join(tempDir(), 'gone');
    await expect(writeExportStream(path.join(dir, 'x.bin'), chunks([Buffer.from('x')]))).rejects.toMatchObject({
      code: 'IO',
      message: expect.stringContaining('the folder is gone'),
    });
  });
});
