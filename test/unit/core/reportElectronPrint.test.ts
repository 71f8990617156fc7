import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectron, printWithElectron } from '../../../electron/core/report/renderPdf';
import { tempDir } from '../helpers/testCore';

/**
 * The Electron binary cannot run on this machine (it is fetched from GitHub), so a stand-in executable
 * plays its part of the protocol: options in argv, HTML on stdin, PDF on stdout. The Electron side
 * (electron/main/headlessPrint.mjs) is exercised only where Electron runs.
 */
function fakeElectron(body: string): string {
  const dir = tempDir('vigil-fake-electron-');
  const exe = path.join(dir, 'electron');
  fs.writeFileSync(exe, `#!${process.execPath}\n${body}\n`, { mode: 0o755 });
  return exe;
}

describe('printing with Electron when there is no Chromium (command line)', () => {
  it('passes the paper and templates, streams the HTML in and takes the PDF from stdout', async () => {
    const exe = fakeElectron(`
const arg = process.argv.find((a) => a.startsWith('--vigil-print-options='));
const o = JSON.parse(Buffer.from(arg.slice(22), 'base64').toString());
let html = '';
process.stdin.on('data', (c) => (html += c));
process.stdin.on('end', () => process.stdout.write('%PDF-1.7 ' + JSON.stringify({ script: process.argv[2], pageSize: o.pageSize, footer: o.footerTemplate, top: o.margins.top, html })));`);
    const pdf = await printWithElectron(exe, '<p>Weekly report</p>', { paper: 'letter', footerTemplate: '<span class="pageNumber"></span>' });
    const seen = JSON.parse(pdf.toString().slice(9)) as { script: string; pageSize: string; footer: string; top: number; html: string };
    expect(seen).toMatchObject({ pageSize: 'Letter', footer: '<span class="pageNumber"></span>', html: '<p>Weekly report</p>' });
    expect(seen.script).toMatch(/electron[\\/]main[\\/]headlessPrint\.mjs$/);
    expect(fs.existsSync(seen.script)).toBe(true);
    expect(seen.top).toBeCloseTo(14 / 25.4);
  });

  it('fails with the reason when Electron exits with an error or writes no PDF', async () => {
    const broken = fakeElectron(`process.stderr.write('Missing X server or $DISPLAY\\n'); process.exit(1);`);
    await expect(printWithElectron(broken, '<p>x</p>', { paper: 'a4' })).rejects.toThrow(/exit 1\): Missing X server/);
    const silent = fakeElectron(`process.stdin.resume(); process.stdin.on('end', () => process.stdout.write('not a pdf'));`);
    await expect(printWithElectron(silent, '<p>x</p>', { paper: 'a4' })).rejects.toThrow(/could not print/);
  });

  it('finds no Electron here: the npm package is installed without its binary', () => {
    expect(findElectron()).toBeNull();
  });
});
