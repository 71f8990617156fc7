import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/types';
import { findChromium } from '../../../electron/core/report/renderPdf';
import { call, callRaw, makeUnlockedCore, tempDir } from '../helpers/testCore';

let core: Core;
afterEach(() => core?.close());

/** A real RGB PNG of width x height: a red band over a blue one. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set(y < height / 2 ? [200, 16, 46] : [0, 70, 140], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function writeFile(name: string, bytes: Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('report logo', () => {
  it('stores a PNG as a data URL that the report cover prints; clear removes it from settings and the report', async () => {
    core = await makeUnlockedCore();
    expect(await call(core, 'reports.getLogo', {})).toEqual({ logo: null, mime: null, bytes: null });
    const bytes = png(120, 40);
    const saved = await call(core, 'reports.setLogo', { file: writeFile('logo.png', bytes) });
    expect(saved).toEqual({ logo: `data:image/png;base64,${bytes.toString('base64')}`, mime: 'image/png', bytes: bytes.length });
    expect(await call(core, 'reports.getLogo', {})).toEqual(saved);
    const preview = await call(core, 'reports.preview', { kind: 'weekly' });
    expect(preview.html).toContain(`<img class="logo" src="${saved.logo}"`);

    const audit = (await call(core, 'audit.list', { startRow: 0, endRow: 500 })).rows.filter((r) => r.entity === 'settings' && r.entityId === 'logo');
    expect(audit.map((a) => a.action)).toEqual(['create']);
    // The audit row says what was set without copying the whole image into the trail.
    expect(JSON.stringify(audit[0]!.after)).toContain('logo.png');
    expect(JSON.stringify(audit[0]!.after)).not.toContain('base64');

    expect(await call(core, 'reports.clearLogo', {})).toEqual({ logo: null, mime: null, bytes: null });
    expect((await call(core, 'reports.preview', { kind: 'weekly' })).html).not.toContain('class="logo"');
  });

  it('accepts a JPEG sent as a browser upload, whatever its name', async () => {
    core = await makeUnlockedCore();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1), Buffer.from([0xff, 0xd9])]);
    const id = core.uploads.put('LOGO.JPG.bin', jpeg);
    const saved = await call(core, 'reports.setLogo', { file: `upload:${id}` });
    expect(saved.mime).toBe('image/jpeg');
    expect(saved.logo).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('refuses a text file named .png and a 2 MB image with a clear message, leaving the logo as it was', async () => {
    core = await makeUnlockedCore();
    const first = await call(core, 'reports.setLogo', { file: writeFile('first.png', png(20, 10)) });

    const fake = await callRaw(core, 'reports.setLogo', { file: writeFile('logo.png', Buffer.from('this is not an image, just text\n')) });
    expect(fake).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!fake.ok && fake.error.message).toBe('logo.png is not a PNG or JPEG image (whatever its name says). The logo was not changed.');

    const big = Buffer.concat([png(20, 10), Buffer.alloc(2 * 1024 * 1024, 7)]);
    const tooBig = await callRaw(core, 'reports.setLogo', { file: writeFile('big.png', big) });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!tooBig.ok && tooBig.error.message).toBe('big.png is 2.0 MB; a report logo can be at most 1.0 MB. The logo was not changed.');

    expect(await call(core, 'reports.getLogo', {})).toEqual(first);
  });

  it('tells a French-speaking officer why in French', async () => {
    core = await makeUnlockedCore();
    await call(core, 'settings.update', { language: 'fr' });
    const fake = await callRaw(core, 'reports.setLogo', { file: writeFile('notes.jpg', Buffer.from('hello')) });
    expect(!fake.ok && fake.error.message).toBe('notes.jpg n’est pas une image PNG ou JPEG (quel que soit son nom). Le logo n’a pas été modifié.');
  });
});

/** Sizes (`WxH`) of the images on the first page of a PDF, read by poppler's pdfimages. */
const images = (file: string) =>
  execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file])
    .toString()
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'));
const has7z = spawnSync('7z', ['i'], { stdio: 'ignore' }).status === 0;

describe.skipIf(!findChromium())('report logo in the PDF', () => {
  it('prints the logo image on the cover of the weekly report PDF', async () => {
    core = await makeUnlockedCore();
    await call(core, 'reports.setLogo', { file: writeFile('logo.png', png(240, 80)) });
    const dir = tempDir();
    const withLogo = await call(core, 'reports.export', { kind: 'weekly', format: 'pdf', path: path.join(dir, 'weekly.pdf') });
    expect(images(withLogo.path)).toContain('240x80');

    await call(core, 'reports.clearLogo', {});
    const without = await call(core, 'reports.export', { kind: 'weekly', format: 'pdf', path: path.join(dir, 'bare.pdf') });
    expect(images(without.path)).not.toContain('240x80');
  }, 120_000);
});

describe.skipIf(!findChromium() || !has7z)('report logo on the handover index', () => {
  it('heads the index.pdf of the handover pack with the logo', async () => {
    core = await makeUnlockedCore();
    await call(core, 'reports.setLogo', { file: writeFile('logo.png', png(240, 80)) });
    const dir = tempDir();
    const file = path.join(dir, 'pack.zip');
    await call(core, 'handover.export', { path: file, password: 'successor-gets-this-42', includeRestricted: false });
    const pdf = path.join(dir, 'index.pdf');
    fs.writeFileSync(pdf, execFileSync('7z', ['x', '-so', '-psuccessor-gets-this-42', file, 'index.pdf'], { stdio: ['ignore', 'pipe', 'ignore'] }));
    expect(images(pdf)).toContain('240x80');
  }, 120_000);
});
